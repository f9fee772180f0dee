// Which files belong to the register: from a path under the register root to
// the kind of entry and its id, or the reason the file is not read.
import type { Problem } from '../findings/findings.ts';
import { KINDS, SETTINGS_FILE, type Kind } from '../kinds.ts';

export type Placement = { kind: Kind; fileId: string } | { ignore: true } | { problem: Problem };

function notRead(rule: Problem['rule'], message: string): Placement {
  return { problem: { line: 1, column: 1, rule, message } };
}

/**
 * Names Git gives its own files. A folder holding HEAD, objects/ and refs/ is
 * a repository to Git, which would then read the register's folder as the
 * repository (git/repository.ts): never part of a register, in any folder.
 */
const GIT_INTERNAL_NAMES = new Set(['head', 'config', 'packed-refs', 'objects', 'refs', 'commondir', 'gitdir', 'orig_head', 'fetch_head']);

/** Decides what a path under the register root is. */
export function placeFile(relPath: string): Placement {
  const parts = relPath.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (name.startsWith('.') || name.toLowerCase() === 'readme.md') return { ignore: true };
  const gitName = parts.find((part) => GIT_INTERNAL_NAMES.has(part.toLowerCase()));
  if (gitName !== undefined) {
    return notRead(
      'git-internals',
      `${gitName === name ? 'Filen' : `Mappen "${gitName}"`} heter som en av Gits egna filer och får inte ligga i registret: tillsammans kan HEAD, config, objects/ och refs/ få Git att ta mappen för ett eget förråd och visa fel historik i ändringssammanfattningen. Ta bort den.`,
    );
  }
  if (parts.length === 1) {
    if (name === SETTINGS_FILE) return { kind: 'settings', fileId: 'settings' };
    return notRead('unexpected-file', `Filen hör inte till registret och läses inte. Register-filer ligger i ${folderList()}.`);
  }
  const kind = (Object.keys(KINDS) as Kind[]).find((candidate) => KINDS[candidate].dir !== '' && KINDS[candidate].dir === parts[0]);
  if (!kind) {
    return notRead(
      'unexpected-file',
      `Mappen "${parts[0]}" hör inte till registret och läses inte. Register-filer ligger i ${folderList()}.`,
    );
  }
  const { ext, dir } = KINDS[kind];
  if (parts.length > 2) return notRead('misplaced-file', `Filen ligger i en undermapp och läses inte. Flytta den direkt till ${dir}/.`);
  if (!name.endsWith(ext)) {
    return /\.(ya?ml|md|markdown|json)$/i.test(name)
      ? notRead('file-extension', `Filen läses inte eftersom den inte slutar på ${ext}. Byt namn till ${name.replace(/\.[^.]+$/, ext)}.`)
      : notRead('unexpected-file', `Filen läses inte: bara ${ext}-filer hör hemma i ${dir}/.`);
  }
  return { kind, fileId: name.slice(0, -ext.length) };
}

function folderList(): string {
  return (Object.values(KINDS) as { dir: string }[])
    .map((info) => info.dir)
    .filter(Boolean)
    .map((dir) => `${dir}/`)
    .join(', ');
}
