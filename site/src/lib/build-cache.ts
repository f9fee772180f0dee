// What one build keeps for the next (npm run build's --cache): values that are
// pure functions of a key and of the code that made them, such as the maps'
// layouts (maps/layout-cache.ts) and the systems' told histories
// (history-cache.ts). A file holds one audience's values for one version of
// that code, each checked with a zod schema when read; a file that does not
// parse, does not match, or that other code wrote, is an empty cache, and the
// build makes everything again. Reading and writing never fail a build.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as z from 'zod';

export interface BuildCache<T> {
  /** The value kept for a key, if any; it is kept for the next build too. */
  get(key: string): T | undefined;
  /** Keeps a new value for the next build. */
  keep(key: string, value: T): void;
  /** Writes the values this build used, and only those, for the next build. */
  save(): void;
}

/** What the cache says when it cannot be written: what it holds, and what the next build then does. */
export interface CacheWording {
  holds: string;
  consequence: string;
}

const count = z.number().int().min(0);

function fileSchema<T>(entry: z.ZodType<T>) {
  return z.object({
    version: z.string(),
    /** How many values the build that wrote the file took from the one before, and how many it made. */
    reused: count,
    made: count,
    entries: z.record(z.string(), entry),
  });
}

const countsOnly = z.object({ reused: count, made: count });

/** A key in a cache file: a hash, so that the file does not hold the register's names. */
export function cacheKey(identity: string): string {
  return createHash('sha256').update(identity).digest('base64url').slice(0, 32);
}

/**
 * A version for the code in these files and these libraries: a change to any
 * of them makes every cached value again.
 */
export function codeVersion(
  files: readonly (string | URL)[],
  libraries: readonly string[] = [],
  from: string | URL = import.meta.url,
): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file));
  const require = createRequire(from);
  for (const library of libraries) {
    const { version } = JSON.parse(readFileSync(require.resolve(`${library}/package.json`), 'utf8')) as { version: string };
    hash.update(`${library}@${version}`);
  }
  return hash.digest('base64url').slice(0, 16);
}

/**
 * How many values the build that last wrote `file` took from the cache and how
 * many it made, if it was written after `since` (ms): for the build's progress
 * line, which tells whether CI restored the cache.
 */
export function cacheCounts(file: string, since: number): { reused: number; made: number } | undefined {
  try {
    if (statSync(file).mtimeMs < since) return undefined;
    const parsed = countsOnly.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The cache in `file` for this version of the code; a missing or unreadable file is an empty cache. */
export function openBuildCache<T>(file: string, version: string, entry: z.ZodType<T>, wording: CacheWording): BuildCache<T> {
  const previous = readEntries(file, version, entry);
  const next = new Map<string, T>();
  // A kept value found wanting after all (a told change whose names changed) is made again: counted as made.
  const reused = new Set<string>();
  const made = new Set<string>();
  return {
    get(key) {
      if (made.has(key)) return next.get(key);
      const found = previous.get(key);
      if (found !== undefined) {
        next.set(key, found);
        reused.add(key);
      }
      return found;
    },
    keep(key, value) {
      reused.delete(key);
      made.add(key);
      next.set(key, value);
    },
    save() {
      const partial = `${file}.${process.pid}.skrivs`;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(partial, JSON.stringify({ version, reused: reused.size, made: made.size, entries: Object.fromEntries(next) }));
        renameSync(partial, file);
      } catch (error) {
        try {
          rmSync(partial, { force: true });
        } catch {
          // Nothing was written where the folder should be.
        }
        // The site is still right; the next build only does the work again.
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        console.warn(`${wording.holds} kunde inte sparas i ${file} (${reason}); ${wording.consequence}.`);
      }
    },
  };
}

function readEntries<T>(file: string, version: string, entry: z.ZodType<T>): Map<string, T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Map();
  }
  try {
    const parsed = fileSchema(entry).safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.version === version) return new Map(Object.entries(parsed.data.entries) as [string, T][]);
  } catch {
    // Not JSON: a file cut short or written by something else.
  }
  return new Map();
}
