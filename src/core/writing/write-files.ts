// The one place that writes files into the register (import, and later
// commands that change entries). Plan first, then write: every target is
// checked before anything is written, so a refused or failed run leaves the
// register as it was. Never writes through a symbolic link or outside the
// register; never replaces a file unless asked to.
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.ts';
import { displayPathOf } from '../reading/load.ts';

export interface FileToWrite {
  /** Path relative to the register root, with forward slashes: systems/lonesystem.yaml. */
  relPath: string;
  text: string;
  /** What the caller read before changing it; kept for undo instead of reading the file again. */
  previousText?: string;
}

export interface WritePlan {
  registry: string;
  create: FileToWrite[];
  replace: FileToWrite[];
  /** Existing files left as they are (no --overwrite). */
  keep: FileToWrite[];
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
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
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || file.relPath.includes('\\'))
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
 * Writes the plan, all or nothing: new files are created exclusively, replaced
 * files are written beside and renamed over; if any write fails, what was
 * written is undone and the error is thrown.
 */
export function applyWrites(plan: WritePlan): void {
  const created: string[] = [];
  const replaced: { path: string; before: Buffer }[] = [];
  const createdFolders: string[] = [];
  const toCreate = new Set(plan.create);
  const readyFolders = new Set<string>();
  try {
    for (const file of [...plan.create, ...plan.replace]) {
      const path = join(plan.registry, file.relPath);
      const folder = dirname(path);
      if (!readyFolders.has(folder) && !lstatOrUndefined(folder)) {
        const first = mkdirSync(folder, { recursive: true });
        if (first) createdFolders.push(first);
      }
      readyFolders.add(folder);
      if (toCreate.has(file)) {
        writeExclusive(path, file.text);
        created.push(path);
      } else {
        const before = file.previousText === undefined ? readFileSync(path) : Buffer.from(file.previousText, 'utf8');
        const temporary = `${path}.${process.pid}.tmp`;
        writeExclusive(temporary, file.text);
        renameSync(temporary, path);
        replaced.push({ path, before });
      }
    }
  } catch (error) {
    for (const path of created) rmSync(path, { force: true });
    for (const { path, before } of replaced) {
      writeExclusive(`${path}.${process.pid}.tmp`, before);
      renameSync(`${path}.${process.pid}.tmp`, path);
    }
    for (const folder of createdFolders.reverse()) rmSync(folder, { recursive: true, force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError(`Filerna kunde inte skrivas (${reason}). Inget ändrades i registret.`);
  }
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
