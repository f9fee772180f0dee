// The one place that writes files into the register (import, people sync,
// attest, apply-report, new). Plan first, then write: every target is checked
// before anything is written, so a refused or failed run leaves the register
// as it was. Never writes through a symbolic link or outside the register;
// never replaces a file unless asked to.
//
// A write is also safe against the two ways a run can be cut short or
// crossed: one command at a time holds the register's lock, and a replaced
// file must still hold what the command read (another command or an editor
// may have changed it meanwhile). And before the first file is touched, the
// whole write is recorded in a journal: a run killed half-way (kill -9, a
// closed laptop) is finished by the next writing command, from the journal,
// instead of leaving half an import or a file that exists but is empty.
import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { errorCode, errorText, UserError } from '../errors.ts';
import { displayPathOf } from '../reading/load.ts';

export interface FileToWrite {
  /** Path relative to the register root, with forward slashes: systems/lonesystem.yaml. */
  relPath: string;
  text: string;
  /** What the caller read before changing it: the file must still hold it when it is replaced, and it is kept for undo. */
  previousText?: string;
}

export interface WritePlan {
  registry: string;
  create: FileToWrite[];
  replace: FileToWrite[];
  /** Existing files left as they are (no --overwrite). */
  keep: FileToWrite[];
}

/** Hidden files in the register's folder (the loader skips names that start with a dot). */
const LOCK_FILE = '.systemforteckning-las';
const JOURNAL_FILE = '.systemforteckning-skrivning.json';

interface Journal {
  /** Every file the write puts in place: its new text, and what it held before (null: a new file). */
  files: { relPath: string; text: string; previous: string | null }[];
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Checks every target; throws a UserError naming the first unsafe one. O(files × depth). */
export function planWrites(registry: string, files: readonly FileToWrite[], options: { overwrite: boolean; cwd?: string }): WritePlan {
  const root = resolve(registry);
  const shown = (path: string) => displayPathOf(path, options.cwd);
  const plan: WritePlan = { registry: root, create: [], replace: [], keep: [] };
  const seen = new Set<string>();
  const checkedFolders = new Set<string>();
  for (const file of files) {
    const target = resolve(root, file.relPath);
    const rel = relative(root, target);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || file.relPath.includes('\\') || basename(rel).startsWith('.'))
      throw new UserError(`${file.relPath} ligger utanför registret och skrivs inte.`);
    if (seen.has(rel)) throw new UserError(`${file.relPath} skulle skrivas två gånger. Inget skrevs.`);
    seen.add(rel);
    // Each folder on the way must be a real folder (or not yet exist), never a link elsewhere.
    let folder = root;
    for (const part of rel.split(sep).slice(0, -1)) {
      folder = join(folder, part);
      if (checkedFolders.has(folder)) continue;
      checkedFolders.add(folder);
      const stat = lstatOrUndefined(folder);
      if (stat?.isSymbolicLink()) throw new UserError(`${shown(folder)} är en symbolisk länk; inget skrivs genom den. Inget skrevs.`);
      if (stat && !stat.isDirectory()) throw new UserError(`${shown(folder)} är inte en mapp. Inget skrevs.`);
    }
    const stat = lstatOrUndefined(target);
    if (stat?.isSymbolicLink()) throw new UserError(`${shown(target)} är en symbolisk länk; inget skrivs genom den. Inget skrevs.`);
    if (stat && !stat.isFile()) throw new UserError(`${shown(target)} finns redan och är inte en fil. Inget skrevs.`);
    if (!stat) plan.create.push(file);
    else if (options.overwrite) plan.replace.push(file);
    else plan.keep.push(file);
  }
  return plan;
}

/**
 * Writes the plan, all or nothing, under the register's lock: the journal
 * first, then each file beside its target and moved into place (a new file
 * is linked, so it never replaces one that appeared meanwhile), then the
 * journal is removed. If a write fails, what was written is undone and the
 * error is thrown.
 */
export function applyWrites(plan: WritePlan, options: { cwd?: string } = {}): void {
  const files = [...plan.create, ...plan.replace];
  if (files.length === 0) return;
  withLock(plan.registry, () => {
    const shown = (relPath: string) => displayPathOf(join(plan.registry, relPath), options.cwd);
    const journal: Journal = { files: [] };
    for (const file of files) {
      const current = readOrNull(join(plan.registry, file.relPath));
      const created = plan.create.includes(file);
      if (created ? current !== null : file.previousText !== undefined && current !== file.previousText) {
        throw new UserError(
          `${shown(file.relPath)} har ändrats sedan kommandot läste den, av ett annat kommando eller i en editor. Inget skrevs; kör kommandot igen så utgår det från filen som den är nu.`,
        );
      }
      journal.files.push({ relPath: file.relPath, text: file.text, previous: created ? null : (current ?? '') });
    }
    const journalPath = join(plan.registry, JOURNAL_FILE);
    writeFileSync(journalPath, JSON.stringify(journal));
    const done: Journal['files'] = [];
    const createdFolders: string[] = [];
    try {
      for (const file of journal.files) {
        const path = join(plan.registry, file.relPath);
        if (!lstatOrUndefined(dirname(path))) {
          const first = mkdirSync(dirname(path), { recursive: true });
          if (first) createdFolders.push(first);
        }
        putInPlace(path, file.text, file.previous === null);
        done.push(file);
      }
    } catch (error) {
      for (const file of done.reverse()) restore(join(plan.registry, file.relPath), file.previous);
      for (const folder of createdFolders.reverse()) rmSync(folder, { recursive: true, force: true });
      rmSync(journalPath, { force: true });
      throw new UserError(`Filerna kunde inte skrivas (${errorText(error)}). Inget ändrades i registret.`);
    }
    rmSync(journalPath, { force: true });
  });
}

/**
 * Finishes a write that a killed run left half done, from its journal; run
 * by every writing command before it reads the register. Returns how many
 * files it had to write, or undefined when no write was interrupted. A file
 * changed by hand since is never overwritten: that stops with a message.
 */
export function finishInterruptedWrite(registry: string, options: { cwd?: string } = {}): number | undefined {
  const root = resolve(registry);
  const journalPath = join(root, JOURNAL_FILE);
  const text = readOrNull(journalPath);
  if (text === null) return undefined;
  return withLock(root, () => {
    let journal: Journal;
    try {
      journal = JSON.parse(text) as Journal;
      if (!Array.isArray(journal.files)) throw new Error('files');
    } catch {
      throw new UserError(
        `${displayPathOf(journalPath, options.cwd)} är skadad, så en avbruten skrivning kan inte slutföras. Kontrollera registrets filer med git status och npm run validate, och ta sedan bort filen.`,
      );
    }
    let finished = 0;
    for (const file of journal.files) {
      const path = resolve(root, file.relPath);
      if (relative(root, path).startsWith('..')) continue;
      const current = readOrNull(path);
      if (current === file.text) continue;
      // Not yet written: still as it was, or (a new file) absent or left empty by the older way of writing.
      const untouched = current === file.previous || (file.previous === null && (current === null || current === ''));
      if (!untouched) {
        throw new UserError(
          `En avbruten skrivning kan inte slutföras: ${displayPathOf(path, options.cwd)} har ändrats sedan dess. Kontrollera filen (git diff), ta sedan bort ${displayPathOf(journalPath, options.cwd)} och kör kommandot igen.`,
        );
      }
      mkdirSync(dirname(path), { recursive: true });
      putInPlace(path, file.text, false);
      finished++;
    }
    rmSync(journalPath, { force: true });
    return finished;
  });
}

/** Writes beside the target and moves it into place: the target is never half written. */
function putInPlace(path: string, text: string, create: boolean): void {
  const temporary = join(dirname(path), `.${basename(path)}.skrivs`);
  rmSync(temporary, { force: true });
  writeExclusive(temporary, text);
  if (create) {
    // A link fails when the target appeared since the plan; a rename would replace it.
    linkSync(temporary, path);
    rmSync(temporary);
  } else renameSync(temporary, path);
}

function restore(path: string, previous: string | null): void {
  if (previous === null) rmSync(path, { force: true });
  else putInPlace(path, previous, false);
}

function writeExclusive(path: string, text: string | Buffer): void {
  // 'wx' refuses to follow or replace anything that appeared since the plan was made.
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs `work` holding the register's lock: a file created exclusively, with
 * the holder's process and machine. A lock whose process is gone (on this
 * machine) is taken over; one held by a running command stops this one.
 */
function withLock<T>(root: string, work: () => T): T {
  const lockPath = join(root, LOCK_FILE);
  const me = `${process.pid}@${hostname()}`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeExclusive(lockPath, me);
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST' || attempt > 0) throw lockError(error, lockPath);
      const holder = readOrNull(lockPath) ?? '';
      if (isAlive(holder)) {
        throw new UserError(
          `Ett annat kommando (process ${holder}) skriver i registret just nu. Vänta tills det är klart och kör sedan igen. Om inget kommando körs: ta bort ${lockPath}.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  try {
    return work();
  } finally {
    rmSync(lockPath, { force: true });
    removeLeftovers(root);
  }
}

function lockError(error: unknown, lockPath: string): UserError {
  if (error instanceof UserError) return error;
  return new UserError(`Registret kan inte låsas för skrivning (${errorText(error)}, ${lockPath}). Kontrollera behörigheten till mappen.`);
}

function isAlive(holder: string): boolean {
  const [pid, host] = holder.split('@');
  if (host !== hostname()) return host !== undefined;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Temporary files a killed run left beside their targets (the journal knows what they were for). */
function removeLeftovers(root: string): void {
  for (const folder of [root, ...readdirSync(root, { withFileTypes: true }).filter((item) => item.isDirectory() && !item.name.startsWith('.')).map((item) => join(root, item.name))]) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) if (name.startsWith('.') && name.endsWith('.skrivs')) rmSync(join(folder, name), { force: true });
  }
}
