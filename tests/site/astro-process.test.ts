// The build runs Astro at the warning level (src/build/astro-process.ts):
// quiet while pages are written, but a failing page still says why, since
// the build shows that output when Astro fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const PROJECT = join(import.meta.dirname, '..', '..');
const ASTRO_PROCESS = join(PROJECT, 'src', 'build', 'astro-process.ts');
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A site of two pages inside the project, where Astro can be resolved. */
function siteWith(secondPage: string): string {
  mkdirSync(join(PROJECT, '.cache'), { recursive: true });
  const root = mkdtempSync(join(PROJECT, '.cache', 'astro-process-'));
  temps.push(root);
  mkdirSync(join(root, 'src', 'pages'), { recursive: true });
  writeFileSync(join(root, 'src', 'pages', 'index.astro'), '<p>Förteckningen</p>\n');
  writeFileSync(join(root, 'src', 'pages', 'andra.astro'), secondPage);
  return root;
}

function runAstro(root: string) {
  const run = spawnSync(process.execPath, [ASTRO_PROCESS, root], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('Astro in the build', () => {
  it('writes the pages without a line per page', () => {
    const root = siteWith('<p>Andra sidan</p>\n');
    const { code, output } = runAstro(root);
    expect(code).toBe(0);
    expect(existsSync(join(root, 'dist', 'andra', 'index.html'))).toBe(true);
    expect(output).not.toMatch(/andra\/index\.html|page\(s\) built/);
  }, 60_000);

  it('says which page failed and why', () => {
    const root = siteWith('---\nthrow new Error("Systemet saknar ägare");\n---\n<p>x</p>\n');
    const { code, output } = runAstro(root);
    expect(code).toBe(1);
    expect(output).toContain('Systemet saknar ägare');
    expect(output).toMatch(/rendering \/andra/);
  }, 60_000);
});
