// Reading a register folder from disk: the only part of the core that does I/O.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { errorCode, UserError } from '../errors.ts';
import type { SourceFile } from './parse.ts';
import { MAX_FILE_BYTES } from './decode.ts';

class RegisterNotFoundError extends UserError {}

/** How a path is shown to people: relative to the working directory when inside it. */
export function displayPathOf(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return shown.split(sep).join('/');
}

/** Reads every file under the register root. O(files); big files are not read. */
/** Stops with a Swedish error when the register's folder is missing or is not a folder. */
export function checkRegisterFolder(root: string, cwd = process.cwd()): void {
  let rootStat;
  try {
    rootStat = statSync(root);
  } catch {
    throw new RegisterNotFoundError(`Hittar inte registret "${displayPathOf(root, cwd)}". Ange mappen med --registry <mapp>.`);
  }
  if (!rootStat.isDirectory())
    throw new RegisterNotFoundError(`"${displayPathOf(root, cwd)}" är inte en mapp. Ange registrets mapp med --registry <mapp>.`);
}

export function readRegisterSources(root: string, cwd = process.cwd()): SourceFile[] {
  checkRegisterFolder(root, cwd);
  const sources: SourceFile[] = [];
  const displayRoot = displayPathOf(root, cwd);
  const unusable = (relPath: string, rule: 'symlink' | 'file-unreadable', message: string) =>
    sources.push({ file: `${displayRoot}/${relPath}`, relPath, bytes: new Uint8Array(), size: 0, unusable: { rule, message } });
  const walk = (dir: string, relDir: string) => {
    let names;
    try {
      names = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      unusable(
        relDir,
        'file-unreadable',
        `Mappen kan inte läsas (${reasonOf(error)}), så filerna i den kontrolleras inte. Ge läsbehörighet till mappen.`,
      );
      return;
    }
    for (const dirent of names) {
      const abs = join(dir, dirent.name);
      const relPath = relDir ? `${relDir}/${dirent.name}` : dirent.name;
      if (dirent.name.startsWith('.')) continue;
      // A link could bring in any file on the machine (or the CI runner) and publish it: never followed.
      if (dirent.isSymbolicLink()) {
        unusable(relPath, 'symlink', 'Filen är en symbolisk länk och läses inte. Ersätt länken med själva filen.');
        continue;
      }
      if (dirent.isDirectory()) {
        walk(abs, relPath);
        continue;
      }
      if (!dirent.isFile()) continue;
      try {
        sources.push({ file: `${displayRoot}/${relPath}`, relPath, ...readLimited(abs) });
      } catch (error) {
        unusable(relPath, 'file-unreadable', `Filen kan inte läsas (${reasonOf(error)}). Kontrollera filens behörigheter.`);
      }
    }
  };
  walk(root, '');
  return sources;
}

/** One file of the register, read as the whole-register walk reads it; undefined when it does not exist. */
export function readOneSource(root: string, relPath: string, cwd = process.cwd()): SourceFile | undefined {
  const path = join(root, relPath);
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return undefined;
  }
  const file = `${displayPathOf(root, cwd)}/${relPath}`;
  if (stat.isSymbolicLink())
    return {
      file,
      relPath,
      bytes: new Uint8Array(),
      size: 0,
      unusable: { rule: 'symlink', message: 'Filen är en symbolisk länk och läses inte. Ersätt länken med själva filen.' },
    };
  try {
    return { file, relPath, ...readLimited(path) };
  } catch (error) {
    return {
      file,
      relPath,
      bytes: new Uint8Array(),
      size: 0,
      unusable: { rule: 'file-unreadable', message: `Filen kan inte läsas (${reasonOf(error)}). Kontrollera filens behörigheter.` },
    };
  }
}

/**
 * A file someone named on the command line (a spreadsheet, an export, a
 * mapping file, a report), or a Swedish error that says what is wrong with
 * it. Only a regular file of at most `maxBytes` is read: a device such as
 * /dev/zero would never end, and a FIFO would wait for a writer forever, so
 * the file is opened without waiting and its type checked on the open file.
 */
export function readNamedFile(path: string, shown: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') throw new UserError(`Hittar inte filen "${shown}".`);
    if (code === 'EISDIR') throw new UserError(`"${shown}" är en mapp. Ange en fil.`);
    throw new UserError(`Filen "${shown}" kan inte läsas (${reasonOf(error)}).`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UserError(`"${shown}" är en mapp. Ange en fil.`);
    if (!stat.isFile())
      throw new UserError(
        `"${shown}" är ingen vanlig fil (utan till exempel en enhet eller en namngiven pipe) och läses inte. Ange en sparad fil.`,
      );
    if (stat.size > maxBytes)
      throw new UserError(
        `"${shown}" är ${sizeText(stat.size)}, mer än gränsen ${sizeText(maxBytes)} för en sådan fil. Kontrollera att det är rätt fil.`,
      );
    const { bytes } = readOpen(fd, stat.size);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    closeSync(fd);
  }
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

function reasonOf(error: unknown): string {
  const code = errorCode(error);
  return code === 'EACCES' || code === 'EPERM' ? 'behörighet saknas' : (code ?? 'okänt fel');
}

/** Reads a file unless it is over the size limit; one open, fstat and read per file. */
function readLimited(path: string): { bytes: Uint8Array; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return { bytes: new Uint8Array(), size };
    return readOpen(fd, size);
  } finally {
    closeSync(fd);
  }
}

/** Reads at most `size` bytes of an open file: a file that grows meanwhile is not read past what it was. */
function readOpen(fd: number, size: number): { bytes: Uint8Array; size: number } {
  const bytes = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const count = readSync(fd, bytes, read, size - read, read);
    if (count === 0) break;
    read += count;
  }
  return { bytes: read === size ? bytes : bytes.subarray(0, read), size: read };
}
