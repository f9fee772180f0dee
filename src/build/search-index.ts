// The site's search index, built by Pagefind in parts of at most
// PAGES_PER_PART pages, one Pagefind process after the other. Pagefind holds a
// whole index in memory until it is written and has no setting to limit that
// (Pagefind/pagefind#842): one index of 49 000 pages took 2.8 GiB, more than
// the rest of the build. The search page merges the parts (Pagefind's
// mergeIndex), so it is still one search; a site within one part, as most
// are, gets one index, as before.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Pagefind takes 60–77 KiB per page (system pages the most): a part of this
 * size stays under Astro's own peak in any build large enough to have parts
 * (1.4 GiB at 6 000 systems), so the index never sets the build's peak; a
 * smaller part would cost Pagefind time for nothing (docs/prestanda.md).
 */
export const PAGES_PER_PART = 15_000;

/** Where the parts after the first are listed, in the first part's folder, for the search page. */
export const PARTS_FILE = 'delar.json';

export interface IndexPart {
  /** The folder the part is written to, under the site: pagefind, pagefind-2, … */
  folder: string;
  /** Pagefind globs, relative to the site, that together match the part's pages. */
  globs: string[];
  pages: number;
}

/** An entry of the site's top folder, or of a section too large for one part. */
interface Unit {
  section: string | undefined;
  name: string;
  isFolder: boolean;
  pages: number;
}

/**
 * Which pages go into which part: the site's sections (system/, personer/, …)
 * whole where they fit, a larger section split between its page folders, in
 * name order, each part at most `perPart` pages (a single page folder larger
 * than that stays whole). Pure: `pagesIn` counts the pages under a path.
 */
export function planSearchIndex(
  top: readonly { name: string; isFolder: boolean }[],
  pagesIn: (path: string) => { name: string; isFolder: boolean; pages: number }[],
  perPart = PAGES_PER_PART,
): IndexPart[] {
  const byName = <T extends { name: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const units: Unit[] = [];
  for (const entry of byName(top)) {
    if (!entry.isFolder) {
      if (entry.name.endsWith('.html')) units.push({ section: undefined, name: entry.name, isFolder: false, pages: 1 });
      continue;
    }
    const children = pagesIn(entry.name);
    const pages = children.reduce((sum, child) => sum + child.pages, 0);
    if (pages === 0) continue;
    if (pages <= perPart) units.push({ section: undefined, name: entry.name, isFolder: true, pages });
    else for (const child of byName(children)) if (child.pages > 0) units.push({ section: entry.name, ...child });
  }
  const groups: Unit[][] = [];
  let current: Unit[] = [];
  let count = 0;
  for (const unit of units) {
    if (current.length > 0 && count + unit.pages > perPart) {
      groups.push(current);
      current = [];
      count = 0;
    }
    current.push(unit);
    count += unit.pages;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group, index) => ({
    folder: index === 0 ? 'pagefind' : `pagefind-${index + 1}`,
    globs: globsOf(group),
    pages: group.reduce((sum, unit) => sum + unit.pages, 0),
  }));
}

/** Pagefind refuses a glob of 8 000 names in braces ("did not parse as a valid glob"); 4 000 were read. */
const NAMES_PER_GLOB = 2_000;

/** Globs for a group of units: per section and kind, names in braces, at most NAMES_PER_GLOB in one. */
function globsOf(units: readonly Unit[]): string[] {
  const bySection = new Map<string, { files: string[]; folders: string[] }>();
  for (const unit of units) {
    const key = unit.section ?? '';
    const entry = bySection.get(key) ?? { files: [], folders: [] };
    (unit.isFolder ? entry.folders : entry.files).push(unit.name);
    bySection.set(key, entry);
  }
  const globs: string[] = [];
  const names = (list: string[]) => (list.length === 1 ? (list[0] as string) : `{${list.join(',')}}`);
  for (const [section, { files, folders }] of bySection) {
    const prefix = section ? `${section}/` : '';
    for (const chunk of chunked(files)) globs.push(`${prefix}${names(chunk)}`);
    for (const chunk of chunked(folders)) globs.push(`${prefix}${names(chunk)}/**/*.html`);
  }
  return globs;
}

function chunked<T>(list: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < list.length; start += NAMES_PER_GLOB) chunks.push(list.slice(start, start + NAMES_PER_GLOB));
  return chunks;
}

/** The entries of a folder of the built site that hold pages, with how many. */
function pagesUnder(dir: string): { name: string; isFolder: boolean; pages: number }[] {
  const count = (path: string): number => {
    let pages = 0;
    for (const entry of readdirSync(path, { withFileTypes: true }))
      if (entry.isDirectory()) pages += count(join(path, entry.name));
      else if (entry.name.endsWith('.html')) pages += 1;
    return pages;
  };
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || entry.name.endsWith('.html'))
    .map((entry) => ({
      name: entry.name,
      isFolder: entry.isDirectory(),
      pages: entry.isDirectory() ? count(join(dir, entry.name)) : 1,
    }));
}

/**
 * Indexes the built site in `out`, part by part, each in its own Pagefind
 * process, whose memory is returned before the next starts. Returns the
 * number of pages indexed.
 */
export async function indexSite(out: string, perPart = PAGES_PER_PART): Promise<number> {
  const pagefind = await import('pagefind');
  const top = readdirSync(out, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('pagefind') && !entry.name.startsWith('.'))
    .map((entry) => ({ name: entry.name, isFolder: entry.isDirectory() }));
  const parts = planSearchIndex(top, (path) => pagesUnder(join(out, path)), perPart);
  let indexed = 0;
  for (const part of parts.length > 0 ? parts : [{ folder: 'pagefind', globs: ['**/*.html'], pages: 0 }]) {
    // Each part's Pagefind process is ended, also when the part fails, so that none outlives the build.
    try {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind kunde inte starta: ${errors.join('; ')}`);
      for (const glob of part.globs) {
        const added = await index.addDirectory({ path: out, glob });
        if (added.errors.length > 0) throw new Error(`Pagefind kunde inte läsa sidorna: ${added.errors.join('; ')}`);
        indexed += added.page_count;
      }
      const written = await index.writeFiles({ outputPath: join(out, part.folder) });
      if (written.errors.length > 0) throw new Error(`Pagefind kunde inte skriva sökindexet: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
  }
  const merged = parts.slice(1).map((part) => `${part.folder}/`);
  writeFileSync(join(out, 'pagefind', PARTS_FILE), `${JSON.stringify(merged)}\n`);
  return indexed;
}
