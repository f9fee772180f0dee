// A rebuild with the previous build's cache (npm run build --cache) after one
// system's file changed is the same site, byte for byte, as a build of the
// changed register from scratch (--no-cache): the changed system's page, the
// pages that list it or draw it on a map, the systems' histories from Git, the
// downloads and the search index.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUILD_CACHE } from '../../src/build/site-build.ts';
import { cacheOption, main as buildMain } from '../../src/cli/build.ts';
import { runMain } from '../helpers/command.ts';
import { EXAMPLE_REGISTER, listFiles, removeTemp } from '../helpers/registers.ts';
import { REPO, runCli } from '../helpers/run.ts';
import { git } from '../helpers/git.ts';

const temp = mkdtempSync(join(tmpdir(), 'systemforteckning-ombygge-'));
const registry = join(temp, 'registry');
const cache = join(temp, 'byggcache');
/** One build time for all three builds: the pages and downloads say when they were built. */
const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 28, 9) / 1000) };

/** What each build printed. */
const printed = new Map<string, string>();

function build(out: string, ...options: string[]): void {
  const result = runCli('src/cli/build.ts', ['--registry', registry, '--out', join(temp, out), ...options], { env, timeout: 300_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  printed.set(out, result.stdout);
}

/** "Kartlayouter från förra bygget: 3 av 40." (or the told history's line) as numbers, when the build says it. */
function fromCache(out: string, what = 'Kartlayouter'): [number, number] | undefined {
  const match = new RegExp(`${what} från förra bygget: (\\d+) av (\\d+)`).exec(printed.get(out) ?? '');
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function edit(path: string, change: (text: string) => string): void {
  const file = join(registry, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

const read = (out: string, path: string) => readFileSync(join(temp, out, path));

beforeAll(() => {
  cpSync(EXAMPLE_REGISTER, registry, { recursive: true });
  git(temp, 'init', '-q', '-b', 'main');
  git(temp, 'add', 'registry');
  git(temp, 'commit', '-q', '-m', 'Registret');
  // A change whose history names Daniel Engström.
  edit('systems/ekonomisystem.yaml', (text) => text.replace('  manager: amira-khalil\n', '  manager: daniel-engstrom\n'));
  git(temp, 'commit', '-q', '-am', 'Ny systemförvaltare för ekonomisystemet');
  build('forsta', '--cache', cache);
  // A new name, and one dependency less: the maps that show it change shape.
  edit('systems/lonesystem.yaml', (text) =>
    text
      .replace('name: Lönesystem\n', 'name: Lönesystem Personec\n')
      .replace('  - system: identitetshantering\n    type: inloggning\n', ''),
  );
  // A new name for someone the ekonomisystem's history names: that change is told again.
  edit('people/daniel-engstrom.yaml', (text) => text.replace('name: Daniel Engström\n', 'name: Daniel Engström Berg\n'));
  git(temp, 'commit', '-q', '-am', 'Nytt namn på lönesystemet');
  build('ombyggd', '--cache', cache);
  build('fran-borjan', '--no-cache');
}, 600_000);
afterAll(() => removeTemp(temp));

describe('a rebuild with the previous build’s cache', () => {
  it('keeps the maps’ layouts in the cache folder, and says how many it took from there', () => {
    expect(existsSync(join(cache, 'kartor-intern.json'))).toBe(true);
    const [firstReused, firstTotal] = fromCache('forsta') ?? [];
    expect(firstReused).toBe(0);
    const [reused, total] = fromCache('ombyggd') ?? [];
    // The changed system's neighbourhoods have new shapes; every other layout comes from the cache.
    expect(reused).toBeGreaterThan(0);
    expect(reused).toBeLessThan(total as number);
    expect(total).toBeGreaterThanOrEqual((firstTotal as number) - 5);
    expect(fromCache('fran-borjan')).toBeUndefined();
  });

  it('keeps the systems’ told histories, and tells again only what changed or names what changed', () => {
    expect(existsSync(join(cache, 'historik-intern.json'))).toBe(true);
    const [firstReused, firstTotal] = fromCache('forsta', 'Berättad historik') ?? [];
    expect(firstReused).toBe(0);
    // Every system's first version, and the ekonomisystem's new manager.
    expect(firstTotal).toBe(readdirSync(join(registry, 'systems')).length + 1);
    const [reused, total] = fromCache('ombyggd', 'Berättad historik') ?? [];
    // Told anew: the lönesystem's new change, and the ekonomisystem's change that names Daniel Engström (Berg).
    expect(total).toBe((firstTotal as number) + 1);
    expect(reused).toBe((total as number) - 2);
    const page = read('ombyggd', 'system/ekonomisystem/index.html').toString('utf8');
    expect(page).toContain('systemförvaltare ändras från Amira Khalil till Daniel Engström Berg');
  });

  it('writes the same files, byte for byte, as a build from scratch', () => {
    const files = listFiles(join(temp, 'fran-borjan'));
    expect(listFiles(join(temp, 'ombyggd'))).toEqual(files);
    const differing = files.filter((path) => !read('ombyggd', path).equals(read('fran-borjan', path)));
    expect(differing).toEqual([]);
  });

  it('shows the change where the system is listed, mapped and found', () => {
    const changed = ['system/lonesystem/index.html', 'system/index.html', 'karta/kommunledningsforvaltningen/index.html'];
    for (const path of changed) {
      expect(read('ombyggd', path).toString('utf8')).toContain('Lönesystem Personec');
      expect(read('forsta', path).toString('utf8')).not.toContain('Lönesystem Personec');
    }
    const indexFiles = listFiles(join(temp, 'ombyggd')).filter((path) => path.startsWith('pagefind/'));
    expect(indexFiles.length).toBeGreaterThan(0);
    expect(indexFiles).not.toEqual(listFiles(join(temp, 'forsta')).filter((path) => path.startsWith('pagefind/')));
  });
});

describe('the cache options', () => {
  it('keep the cache in the project by default, where --cache says, or nowhere with --no-cache', () => {
    expect(cacheOption({}, temp)).toBe(DEFAULT_BUILD_CACHE);
    expect(DEFAULT_BUILD_CACHE).toBe(join(REPO, '.cache', 'byggcache'));
    expect(cacheOption({ cache: 'ci-cache' }, temp)).toBe(join(temp, 'ci-cache'));
    expect(cacheOption({ 'no-cache': true }, temp)).toBeUndefined();
  });

  it('refuse both at once, in Swedish, without building', async () => {
    const result = await runMain(buildMain, ['--registry', registry, '--out', join(temp, 'bada'), '--cache', cache, '--no-cache']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('Fel: Ange antingen --cache <mapp> eller --no-cache, inte båda.\n');
    expect(existsSync(join(temp, 'bada'))).toBe(false);
  });
});
