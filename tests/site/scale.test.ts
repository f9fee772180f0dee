// A generated register with more systems and people than fit on one page:
// long lists are split in pages, every system and person is reachable by
// following the page links, and no list page grows with the register.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegister } from '../../scripts/bench/generate.ts';
import { generateRegister } from '../../scripts/bench/synthetic-register.ts';
import { htmlFiles, links, resolveInternal } from '../helpers/html.ts';
import { runCli } from '../helpers/run.ts';

const SYSTEMS = 450;
const temp = mkdtempSync(join(tmpdir(), 'systemforteckning-scale-'));
const out = join(temp, 'site');
const base = '/systemforteckning/';
let people = 0;

beforeAll(() => {
  const register = generateRegister({ systems: SYSTEMS, seed: 11 });
  people = register.counts.people;
  writeRegister(register.files, join(temp, 'registry'));
  // Test runners and CI servers may set BASE_URL; it must not leak into the site's links.
  const result = runCli('src/cli/build.ts', ['--registry', join(temp, 'registry'), '--out', out, '--no-cache'], { env: { BASE_URL: '/' } });
  expect(result.status, result.stdout + result.stderr).toBe(0);
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Follows the pagination links from a list's first page and collects the links to items. */
function crawl(first: string, itemPattern: RegExp): { pages: number; items: Set<string> } {
  const seen = new Set<string>();
  const items = new Set<string>();
  const queue = [first];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = resolveInternal(out, base, path);
    if (!file) throw new Error(`${path} finns inte i ${out}`);
    const html = readFileSync(file, 'utf8');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    for (const link of links(main)) {
      if (itemPattern.test(link)) items.add(link);
      if (/\/sida\/\d+\/$/.test(link) || link === first) queue.push(link);
    }
  }
  return { pages: seen.size, items };
}

describe(`a register of ${SYSTEMS} systems`, () => {
  it('reaches every system through the register’s pages, 100 to a page', () => {
    const { pages, items } = crawl(`${base}system/`, /\/system\/(?!sida\/)[a-z0-9-]+\/$/);
    expect(pages).toBe(Math.ceil(SYSTEMS / 100));
    expect(items.size).toBe(SYSTEMS);
  });

  it('reaches every person in post through the people pages, 200 to a page', () => {
    const { pages, items } = crawl(`${base}personer/`, /\/personer\/(?!sida\/)[a-z0-9-]+\/$/);
    expect(pages).toBe(Math.ceil(people / 200));
    expect(items.size).toBe(people);
  });

  it('shows a unit’s first 100 systems and links to the register, filtered, for the rest', () => {
    const html = readFileSync(join(out, 'organisation', 'it-avdelningen', 'index.html'), 'utf8');
    const section = html.slice(html.indexOf('Driftansvarig för'));
    const listed = (section.slice(0, section.indexOf('</ul>')).match(/<li>/g) ?? []).length;
    expect(listed).toBe(100);
    expect(section).toMatch(
      /… och \d+ system till\. <a href="\/systemforteckning\/system\/\?text=IT-avdelningen">Visa alla \d+ i systemförteckningen<\/a>/,
    );
  });

  it('keeps the register’s first page small', () => {
    expect(statSync(join(out, 'system', 'index.html')).size).toBeLessThan(150 * 1024);
  });

  it('resolves every link on the list pages, all under the base path, even when the environment has a BASE_URL', () => {
    const lists = htmlFiles(out).filter((name) => /(system|personer|rad)\/(sida\/\d+\/)?index\.html$/.test(name));
    expect(lists.length).toBeGreaterThan(5);
    for (const file of lists) {
      for (const link of links(readFileSync(file, 'utf8')).filter((href) => href.startsWith('/'))) {
        expect(resolveInternal(out, base, link), `${file} → ${link}`).toBeDefined();
      }
    }
  });

  it('splits a crisis binder of more than 100 critical systems into a printable page per förvaltning, each system on exactly one', () => {
    const index = readFileSync(join(out, 'krisparm', 'index.html'), 'utf8');
    const count = Number(/(\d+) kritiska system i bruk/.exec(index)?.[1]);
    expect(count).toBeGreaterThan(100);
    expect(index).not.toContain('class="binder-card"');
    const parts = links(index).filter((link) => /\/krisparm\/[a-z0-9-]+\/$/.test(link));
    expect(parts.length).toBeGreaterThan(1);
    const cards = parts.flatMap((part) => {
      const file = resolveInternal(out, base, part);
      expect(file, part).toBeDefined();
      const html = readFileSync(file as string, 'utf8');
      expect(html).toMatch(/<h1 id="[a-z0-9-]+">Krispärm – /);
      return [...html.matchAll(/<article class="binder-card" aria-labelledby="system-([a-z0-9-]+)"/g)].map((match) => match[1]);
    });
    expect(cards.length).toBe(count);
    expect(new Set(cards).size).toBe(count);
  });
});
