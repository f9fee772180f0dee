// Cost must grow linearly with the register. These tests count work, not
// time: elements visited in the register's lists (through counting arrays
// handed to each step) and Git processes started, for a register and one
// twice its size. A quadratic step would do about four times as much work
// when the register doubles.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRegister } from '../../scripts/bench/synthetic-register.ts';
import { readRegisterSourcesAtRef } from '../../src/core/git/register-at-ref.ts';
import { readHistory } from '../../src/core/git/history.ts';
import { resolveRegister } from '../../src/core/model/model.ts';
import { parseRegister, type SourceFile } from '../../src/core/reading/parse.ts';
import { validateSources } from '../../src/core/checking/validate.ts';
import { buildContext } from '../../src/core/checking/rules/context.ts';
import { runRules } from '../../src/core/checking/rules/index.ts';
import { describeChanges } from '../../src/core/views/changes.ts';
import { codeownersFile } from '../../src/core/forge/codeowners.ts';
import { systemManagementCouncil } from '../../site/src/lib/councils.ts';
import { registerIndex } from '../../src/core/views/register-columns.ts';
import { registerRows } from '../../src/core/views/register-rows.ts';
import { buildReport } from '../../src/core/views/report.ts';
import { writeRegister } from '../../scripts/bench/generate.ts';
import { git } from '../helpers/git.ts';

function sourcesOf(files: Map<string, string>): SourceFile[] {
  return [...files].map(([relPath, text]) => ({
    file: `registry/${relPath}`,
    relPath,
    bytes: Buffer.from(text),
    size: Buffer.byteLength(text),
  }));
}

/**
 * An array that counts the elements its methods and iterator visit. Arrays the
 * code derives from it (map, filter, slice, flatMap …) are counting arrays
 * too, through Symbol.species, so a scan of a derived list inside a loop over
 * the register shows up as quadratic. Nothing global is patched.
 */
class CountingArray<T> extends Array<T> {
  static visits = 0;
}
for (const name of ['map', 'filter', 'forEach', 'find', 'findIndex', 'some', 'every', 'reduce', 'flatMap', 'indexOf', 'includes', 'join'] as const) {
  const original = Array.prototype[name] as (...args: unknown[]) => unknown;
  Object.defineProperty(CountingArray.prototype, name, {
    value(this: unknown[], ...args: unknown[]) {
      CountingArray.visits += this.length;
      return original.apply(this, args);
    },
  });
}
Object.defineProperty(CountingArray.prototype, Symbol.iterator, {
  *value(this: unknown[]) {
    for (let index = 0; index < this.length; index++) {
      CountingArray.visits++;
      yield this[index];
    }
  },
});

function counting<T>(items: readonly T[]): T[] {
  return CountingArray.from(items) as T[];
}

/** Runs `work` on counting copies of the register's lists and returns the elements visited. */
function countWork(work: () => unknown): number {
  CountingArray.visits = 0;
  work();
  return CountingArray.visits;
}

const sizes = [150, 300] as const;
const TODAY = '2026-11-28';
/** Registers with findings in proportion to their size, so that the report has work that grows too. */
const registers = sizes.map((systems) => {
  const errors = { 'unknown-person': systems / 10, 'unknown-unit': systems / 10, 'invalid-format': systems / 10 };
  const sources = sourcesOf(generateRegister({ systems, seed: 7, errors }).files);
  const { findings, parsed } = validateSources(sources, { today: TODAY, root: 'registry' });
  return { sources, findings, parsed };
});
const changed = sizes.map((systems) => {
  const { files } = generateRegister({ systems, seed: 7 });
  for (const [path, text] of files)
    if (path.startsWith('systems/')) files.set(path, text.replace(/^( {2}manager: ).*$/m, '$1ny-forvaltare'));
  return parseRegister(sourcesOf(files));
});

type Register = (typeof registers)[number];
const model = (register: Register) => resolveRegister({ entries: counting(register.parsed.entries) });
/** Models built before counting starts, for the steps that only read one. */
const models = registers.map(model);

const STEPS: [name: string, step: (register: Register, index: number) => unknown][] = [
  ['parsing and checking each file', (register) => parseRegister(counting(register.sources))],
  [
    'cross-file rules',
    (register) =>
      runRules(
        buildContext(counting(register.parsed.entries), { today: TODAY, root: 'registry', sourcePaths: new Set(), fileIds: register.parsed.fileIds }),
      ),
  ],
  ['resolving the model (reverse dependencies, role lookups)', (register) => model(register)],
  ['register rows and index', (register) => registerIndex(registerRows(model(register)))],
  ['council membership', (register) => systemManagementCouncil(model(register))],
  ['CODEOWNERS', (register) => codeownersFile(model(register), 'registry')],
  [
    'report',
    (register, index) => buildReport({ findings: counting(register.findings), model: models[index]!, today: TODAY }),
  ],
  ['change summary', (register, index) => describeChanges(counting(register.parsed.entries), counting(changed[index]!.entries))],
];

describe('work grows linearly with the register', () => {
  it.each(STEPS)('%s', (_name, step) => {
    const visits = registers.map((register, index) => countWork(() => step(register, index)));
    expect(visits[0]).toBeGreaterThan(0);
    const ratio = (visits[1] as number) / (visits[0] as number);
    expect(ratio, `besökta element: ${visits.join(' → ')}`).toBeGreaterThan(1.5);
    expect(ratio, `besökta element: ${visits.join(' → ')}`).toBeLessThan(2.4);
  });
});

describe('Git is asked once per register, not once per file', () => {
  /** A git on PATH that logs each call and runs the real one. */
  function loggingGit(): { env: NodeJS.ProcessEnv; calls: () => string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'systemforteckning-fakegit-'));
    const log = join(dir, 'calls.log');
    const realGit = ['/usr/bin/git', '/usr/local/bin/git'].find((path) => {
      try {
        readFileSync(path);
        return true;
      } catch {
        return false;
      }
    });
    writeFileSync(join(dir, 'git'), `#!/bin/sh\necho "$1" >> "${log}"\nexec ${realGit} "$@"\n`);
    chmodSync(join(dir, 'git'), 0o755);
    writeFileSync(log, '');
    return { env: { PATH: `${dir}:${process.env.PATH}` }, calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  }

  function repository(systems: number): string {
    const cwd = mkdtempSync(join(tmpdir(), 'systemforteckning-linear-'));
    mkdirSync(join(cwd, 'registry'));
    writeRegister(generateRegister({ systems, seed: 3 }).files, join(cwd, 'registry'));
    git(cwd, 'init', '-q', '-b', 'main');
    git(cwd, 'add', '.');
    git(cwd, 'commit', '-q', '-m', 'Register');
    return cwd;
  }

  it.each([
    ['history for the site', (cwd: string) => readHistory(join(cwd, 'registry'))],
    ['the register at a ref, for the change summary', (cwd: string) => readRegisterSourcesAtRef(join(cwd, 'registry'), 'HEAD')],
  ])('%s', (_name, read) => {
    const counts = [20, 80].map((systems) => {
      const cwd = repository(systems);
      const fake = loggingGit();
      const path = process.env.PATH;
      process.env.PATH = fake.env.PATH;
      try {
        read(cwd);
      } finally {
        process.env.PATH = path;
      }
      return fake.calls().length;
    });
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(5);
  });
});
