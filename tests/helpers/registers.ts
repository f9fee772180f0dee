// Real register folders for tests: the minimal fixture register, copied to a
// temporary folder and changed one file at a time.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { formatJson, type Finding } from '../../src/core/findings/findings.ts';
import { openRegister } from '../../src/core/model/open-register.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const MINIMAL = join(FIXTURES, 'minimal');
export const EXAMPLE_REGISTER = join(import.meta.dirname, '..', '..', 'registry');
/** Fixed so that warnings about reviews and contracts do not change with the calendar. */
export const TODAY = '2026-11-28';

/** A fresh copy of a register in <tmp>/registry; returns the temp folder (use it as cwd). */
export function copyRegister(from = MINIMAL): { cwd: string; root: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'systemforteckning-'));
  const root = join(cwd, 'registry');
  cpSync(from, root, { recursive: true });
  return { cwd, root };
}

/**
 * Copies the files of an invalid-fixture case over a copy of the minimal
 * register; files under skyddat/ make a protected registry beside it.
 */
export function materializeCase(caseDir: string): { cwd: string; root: string } {
  const target = copyRegister();
  for (const file of listFiles(caseDir)) {
    if (file === 'expected.json') continue;
    if (file.startsWith('skyddat/')) {
      mkdirSync(dirname(join(target.cwd, file)), { recursive: true });
      cpSync(join(caseDir, file), join(target.cwd, file));
      continue;
    }
    if (file === 'remove.txt') {
      for (const line of readFileSync(join(caseDir, file), 'utf8').split('\n').filter(Boolean)) rmSync(join(target.root, line));
      continue;
    }
    cpSync(join(caseDir, file), join(target.root, file));
  }
  return target;
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => relative(dir, join(dir, name)).split('\\').join('/'))
    .sort();
}

/** Validates a register folder as every command does: with its protected registry, when it names one that is there. */
export function validateFolder(root: string, cwd: string, today = TODAY) {
  const { findings, parsed } = openRegister(root, { today, cwd });
  return { findings, parsed };
}

/** Findings as users see them in --format json: the six documented fields. */
export function publicFindings(findings: readonly Finding[]): unknown[] {
  return JSON.parse(formatJson(findings)) as unknown[];
}

export function removeTemp(cwd: string): void {
  rmSync(cwd, { recursive: true, force: true });
}

/** Changes one file of a register in place, the way an editor would. */
export function editFile(path: string, change: (text: string) => string): void {
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}
