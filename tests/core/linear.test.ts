// Cost must grow linearly with the register. These tests count work, not
// time: array elements visited and Git processes started, for a register and
// one twice its size. A quadratic step would do about four times as much
// work when the register doubles.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRegister } from '../../scripts/bench/synthetic-register.ts';
import { readRegisterSourcesAtRef } from '../../src/core/git/register-at-ref.ts';
import { readHistory } from '../../src/core/git/history.ts';
import { resolveRegister } from '../../src/core/model/model.ts';
import { parseRegister, type Entry, type SourceFile } from '../../src/core/reading/parse.ts';
import { buildContext } from '../../src/core/checking/rules/context.ts';
import { runRules } from '../../src/core/checking/rules/index.ts';
import { describeChanges } from '../../src/core/views/changes.ts';
import { codeownersFile } from '../../src/core/views/codeowners.ts';
import { systemManagementCouncil } from '../../src/core/views/councils.ts';
import { registerIndex, registerRows } from '../../src/core/views/register-rows.ts';
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
 * Runs `work` while counting the array elements it visits: every element an
 * array method walks (map, filter, find, includes …) and every step of an
 * array, Map or Set iterator. A scan inside a loop shows up as quadratic.
 */
function countWork(work: () => unknown): number {
  let visits = 0;
  const restore: (() => void)[] = [];
  const patch = (target: object, name: string, counter: (self: any) => number) => {
    const original = (target as any)[name] as (...args: unknown[]) => unknown;
    (target as any)[name] = function (this: unknown, ...args: unknown[]) {
      visits += counter(this);
      return original.apply(this, args);
    };
    restore.push(() => ((target as any)[name] = original));
  };
  for (const name of [
    'map',
    'filter',
    'forEach',
    'find',
    'findIndex',
    'some',
    'every',
    'reduce',
    'flatMap',
    'indexOf',
    'includes',
    'join',
  ]) {
    patch(Array.prototype, name, (self) => self.length);
  }
  for (const iterator of [[][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator]()]) {
    patch(Object.getPrototypeOf(iterator), 'next', () => 1);
  }
  try {
    work();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return visits;
}

const sizes = [150, 300] as const;
const parsed = sizes.map((systems) => parseRegister(sourcesOf(generateRegister({ systems, seed: 7 }).files)));
const changed = sizes.map((systems) => {
  const { files } = generateRegister({ systems, seed: 7 });
  for (const [path, text] of files)
    if (path.startsWith('systems/')) files.set(path, text.replace(/^( {2}manager: ).*$/m, '$1ny-forvaltare'));
  return parseRegister(sourcesOf(files));
});

const STEPS: [name: string, step: (entries: readonly Entry[], index: number) => unknown][] = [
  [
    'cross-file rules',
    (entries, index) =>
      runRules(buildContext(entries, { today: '2026-11-28', root: 'registry', sourcePaths: new Set(), fileIds: parsed[index]!.fileIds })),
  ],
  ['resolving the model (reverse dependencies, role lookups)', (entries) => resolveRegister({ entries })],
  ['register rows and index', (entries) => registerIndex(registerRows(resolveRegister({ entries })))],
  ['council membership', (entries) => systemManagementCouncil(resolveRegister({ entries }))],
  ['CODEOWNERS', (entries) => codeownersFile(resolveRegister({ entries }), 'registry')],
  ['report', (entries) => buildReport(entries, '2026-11-28')],
  ['change summary', (entries, index) => describeChanges(entries, changed[index]!.entries)],
];

describe('work grows linearly with the register', () => {
  it.each(STEPS)('%s', (_name, step) => {
    const visits = parsed.map((register, index) => countWork(() => step(register.entries, index)));
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
