// Map layouts kept from one build to the next. A layout is a pure function of
// its job (a förvaltning's systems and links, or a shape of systems' maps) and
// of the layout code, and laying them all out takes the build's second core for
// most of Astro's time: with every layout kept, Astro at 5 000 systems took
// 14.2 s instead of 17.6–18.6 s (docs/prestanda.md). The file holds numbers only, under a hash of
// each job, so it can neither carry text into a page nor tell what the
// register holds; a file that does not parse, or that another version of the
// layout code wrote, is ignored and replaced.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import type { Placement } from './dependency-map.ts';

/** Larger than any map draws; a value outside it is not a layout. */
const coordinate = z.number().min(-1e6).max(1e6);
const point = z.object({ x: coordinate, y: coordinate });
const placement = z.object({ width: coordinate, height: coordinate, centres: z.array(point), points: z.array(z.array(point)) });
const count = z.number().int().min(0);
const cacheFile = z.object({
  version: z.string(),
  /** How many layouts the build that wrote the file took from the one before, and how many it laid out. */
  reused: count,
  laidOut: count,
  layouts: z.record(z.string(), placement),
});

/** The file in a build's cache folder that keeps an audience's layouts: the audiences' maps differ. */
export function layoutCacheFile(folder: string, audience: string): string {
  return join(folder, `kartor-${audience}.json`);
}

/**
 * How many layouts the build that last wrote `file` took from the cache and
 * how many it laid out, if it was written after `since` (ms): for the build's
 * progress line, which tells whether CI restored the cache.
 */
export function layoutCacheCounts(file: string, since: number): { reused: number; laidOut: number } | undefined {
  try {
    if (statSync(file).mtimeMs < since) return undefined;
    const parsed = cacheFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? { reused: parsed.data.reused, laidOut: parsed.data.laidOut } : undefined;
  } catch {
    return undefined;
  }
}

export interface LayoutCache {
  /** The placement kept for a job's key, if any; it is kept for the next build too. */
  get(key: string): Placement | undefined;
  /** Keeps a new placement for the next build. */
  keep(key: string, placement: Placement): void;
  /** Writes the layouts this build used, and only those, for the next build. */
  save(): void;
}

/** A job's key in the cache: a hash, so that the file does not hold the register's names. */
export function layoutKey(identity: string): string {
  return createHash('sha256').update(identity).digest('base64url').slice(0, 32);
}

/**
 * The cache in `file` for this version of the layout code (layout-version.ts).
 * Reading never fails a build: a missing or unreadable file is an empty cache.
 */
export function openLayoutCache(file: string, version: string): LayoutCache {
  const previous = readLayouts(file, version);
  const next = new Map<string, Placement>();
  let reused = 0;
  let laidOut = 0;
  return {
    get(key) {
      const found = previous.get(key);
      if (found && !next.has(key)) {
        next.set(key, found);
        reused++;
      }
      return found;
    },
    keep(key, laid) {
      if (!next.has(key)) laidOut++;
      next.set(key, laid);
    },
    save() {
      const partial = `${file}.${process.pid}.skrivs`;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(partial, JSON.stringify({ version, reused, laidOut, layouts: Object.fromEntries(next) }));
        renameSync(partial, file);
      } catch (error) {
        try {
          rmSync(partial, { force: true });
        } catch {
          // Nothing was written where the folder should be.
        }
        // The site is still right; the next build only lays the maps out again.
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        console.warn(`Kartornas layouter kunde inte sparas i ${file} (${reason}); nästa bygge lägger ut kartorna på nytt.`);
      }
    },
  };
}

function readLayouts(file: string, version: string): Map<string, Placement> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Map();
  }
  try {
    const parsed = cacheFile.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.version === version) return new Map(Object.entries(parsed.data.layouts));
  } catch {
    // Not JSON: a file cut short or written by something else.
  }
  return new Map();
}
