// The layers declared in architecture.ts hold for the code: dependency-cruiser
// finds no circle, no upward import and no page reaching past the site's door,
// and it does find them when they are there. Astro files, which it cannot
// read, are checked here by their import lines. The architecture page's
// picture and table are what the declaration draws.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withSection } from '../../src/core/findings/rule-docs.ts';
import { ARCHITECTURE_FILES, ARCHITECTURE_SECTION } from '../../scripts/architecture.ts';
import { removeTemp } from '../helpers/registers.ts';
import { REPO } from '../helpers/run.ts';

const CRUISER = join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');
const CONFIG = join(REPO, '.dependency-cruiser.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function cruise(cwd: string, paths: string[]): { violations: Violation[]; cruised: number } {
  const result = spawnSync(process.execPath, [CRUISER, ...paths, '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8' });
  const output = JSON.parse(result.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: output.summary.violations, cruised: output.summary.totalCruised };
}

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

describe('the layers', () => {
  it('hold for the whole code: no circles, no upward imports, the site through its door', () => {
    const { violations, cruised } = cruise(REPO, ['src', 'site/src', 'site/astro.config.ts', 'scripts']);
    expect(violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`)).toEqual([]);
    expect(cruised).toBeGreaterThan(150);
  });

  it('are enforced: an upward import, a circle and a page reaching into the core are each found', () => {
    const root = mkdtempSync(join(tmpdir(), 'systemforteckning-lager-'));
    temps.push(root);
    const files: Record<string, string> = {
      'src/core/text/upward.ts': "import { model } from '../model/model.ts';\nexport const upward = model;\n",
      'src/core/model/model.ts': 'export const model = 1;\n',
      'src/core/views/a.ts': "import { b } from './b.ts';\nexport const a = b;\n",
      'src/core/views/b.ts': "import { a } from './a.ts';\nexport const b = a;\n",
      'src/core/forge/peer.ts': "import { x } from '../import/x.ts';\nexport const peer = x;\n",
      'src/core/import/x.ts': 'export const x = 1;\n',
      'site/src/scripts/reach.ts': "import { model } from '../../../src/core/model/model.ts';\nexport const reach = model;\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const names = cruise(root, ['src', 'site'])
      .violations.map((violation) => `${violation.rule.name}: ${violation.from}`)
      .sort();
    expect(names).toEqual([
      'forge-uppåt: src/core/forge/peer.ts',
      'ingen-cirkel: src/core/views/a.ts',
      'text-uppåt: src/core/text/upward.ts',
      'webbplatsens-dörr: site/src/scripts/reach.ts',
    ]);
  });

  it('hold for Astro pages, components and layouts too, which dependency-cruiser cannot read: none imports the core', () => {
    const site = join(REPO, 'site', 'src');
    const astro = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.astro'));
    expect(astro.length).toBeGreaterThan(20);
    for (const file of astro) {
      const imports = [...readFileSync(join(site, file), 'utf8').matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gm)].map((match) => match[1] as string);
      // Relative imports stay inside site/src; a bare one is a package (astro, …), never the core's alias.
      const outside = imports.filter((path) => (path.startsWith('.') ? !resolve(site, dirname(file), path).startsWith(`${site}/`) : path.startsWith('#')));
      expect(outside, file).toEqual([]);
    }
  });
});

describe('the architecture page', () => {
  it.each(ARCHITECTURE_FILES.map((file) => [file.file, file] as const))('%s is what npm run docs draws from the layers', (file, generated) => {
    expect(readFileSync(join(REPO, file), 'utf8'), 'kör npm run docs').toBe(generated.content());
  });

  it('has the table of layers that npm run docs writes', () => {
    const text = readFileSync(join(REPO, ARCHITECTURE_SECTION.file), 'utf8');
    expect(withSection(text, ARCHITECTURE_SECTION.marker, ARCHITECTURE_SECTION.content()), 'kör npm run docs').toBe(text);
  });
});
