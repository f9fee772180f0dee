// How the build divides the site's pages between the search index's parts
// (src/build/search-index.ts): every page in exactly one part, no part over
// the limit unless one page folder alone is, and a small site in one part.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSite, planSearchIndex } from '../../src/build/search-index.ts';

/** A site of `sections` (name → page folders, each with one page), plus the start page and the 404 page. */
function site(sections: Record<string, number>) {
  const top = [
    { name: 'index.html', isFolder: false },
    { name: '404.html', isFolder: false },
    { name: 'favicon.svg', isFolder: false },
    { name: '_astro', isFolder: true },
    ...Object.keys(sections).map((name) => ({ name, isFolder: true })),
  ];
  const pagesIn = (path: string) =>
    path === '_astro'
      ? [{ name: 'page.css', isFolder: false, pages: 0 }]
      : [
          { name: 'index.html', isFolder: false, pages: 1 },
          ...Array.from({ length: sections[path] ?? 0 }, (_, index) => ({ name: `${path}-${index}`, isFolder: true, pages: 1 })),
        ];
  return { top, pagesIn };
}

describe('the search index in parts', () => {
  it('keeps a site within the limit in one part, named as Pagefind names its index', () => {
    const { top, pagesIn } = site({ system: 30, personer: 40 });
    const parts = planSearchIndex(top, pagesIn, 100);
    expect(parts).toEqual([{ folder: 'pagefind', globs: ['{404.html,index.html}', '{personer,system}/**/*.html'], pages: 74 }]);
  });

  it('splits a large section between its page folders and keeps every part within the limit', () => {
    const { top, pagesIn } = site({ organisation: 5, personer: 250, system: 120 });
    const parts = planSearchIndex(top, pagesIn, 100);
    expect(parts.map((part) => [part.folder, part.pages])).toEqual([
      ['pagefind', 100],
      ['pagefind-2', 100],
      ['pagefind-3', 100],
      ['pagefind-4', 80],
    ]);
    expect(parts.every((part) => part.pages <= 100)).toBe(true);
    expect(parts.reduce((sum, part) => sum + part.pages, 0)).toBe(2 + 6 + 251 + 121);
    // The sections that fit are globbed whole; the others by their folders, and their own pages by name.
    expect(parts[0]?.globs).toEqual([
      '{404.html,index.html}',
      'organisation/**/*.html',
      'personer/index.html',
      expect.stringMatching(/^personer\/\{personer-0,.*\}\/\*\*\/\*\.html$/),
    ]);
    expect(parts.flatMap((part) => part.globs).filter((glob) => glob.startsWith('system/'))).toContain('system/index.html');
  });

  it('puts every page folder of a split section in exactly one part', () => {
    const { top, pagesIn } = site({ personer: 250 });
    const folders = planSearchIndex(top, pagesIn, 60)
      .flatMap((part) => part.globs)
      .flatMap(
        (glob) =>
          /^personer\/\{(.*)\}\/\*\*\/\*\.html$/.exec(glob)?.[1]?.split(',') ?? /^personer\/(personer-\d+)\//.exec(glob)?.slice(1) ?? [],
      );
    expect(folders.sort()).toEqual(Array.from({ length: 250 }, (_, index) => `personer-${index}`).sort());
  });
});

describe('the order of the parts', () => {
  it('follows the names of the page folders, whatever order the file system lists them in', () => {
    const { top, pagesIn } = site({ personer: 30 });
    const [first, second] = planSearchIndex(top, (path) => pagesIn(path).reverse(), 20);
    expect(first?.globs.at(-1)).toMatch(/^personer\/\{personer-0,personer-1,personer-10,/);
    expect(second?.globs.at(-1)).toMatch(/,personer-9\}\/\*\*\/\*\.html$/);
  });
});

describe('the globs of a part', () => {
  it('name at most 2 000 page folders each, since Pagefind cannot read a glob of 8 000', () => {
    const { top, pagesIn } = site({ system: 9_000 });
    const [part] = planSearchIndex(top, pagesIn, 10_000);
    const folderGlobs = (part?.globs ?? []).filter((glob) => glob.startsWith('{system') || glob.startsWith('system/'));
    expect(part?.pages).toBe(9_003);
    expect(folderGlobs).toEqual(['system/**/*.html']);
    const split = planSearchIndex(site({ system: 12_000 }).top, site({ system: 12_000 }).pagesIn, 10_000);
    const counts = split.flatMap((each) => each.globs).map((glob) => /^system\/\{(.*)\}\/\*\*/.exec(glob)?.[1]?.split(',').length ?? 0);
    expect(Math.max(...counts)).toBe(2_000);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(12_000);
  });
});

describe('indexing a built site in parts', () => {
  const temp = mkdtempSync(join(tmpdir(), 'systemforteckning-index-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('indexes every page once and lists the parts after the first for the search page', async () => {
    const page = (path: string, title: string) => {
      mkdirSync(join(temp, path), { recursive: true });
      writeFileSync(
        join(temp, path, 'index.html'),
        `<!DOCTYPE html><html lang="sv"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1></main></body></html>`,
      );
    };
    page('', 'Start');
    for (let index = 0; index < 7; index++) page(`system/system-${index}`, `System ${index}`);
    page('personer/anna', 'Anna');
    expect(await indexSite(temp, 4)).toBe(9);
    expect(JSON.parse(readFileSync(join(temp, 'pagefind', 'delar.json'), 'utf8'))).toEqual(['pagefind-2/', 'pagefind-3/']);
    for (const folder of ['pagefind', 'pagefind-2', 'pagefind-3']) expect(existsSync(join(temp, folder, 'pagefind-entry.json'))).toBe(true);
  });
});
