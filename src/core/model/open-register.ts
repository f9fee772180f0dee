// A register folder read, checked and resolved in one call: where every
// command and the site start. The only step with I/O is reading the files.
import { UserError } from '../errors.ts';
import { summarize, type Finding } from '../findings/findings.ts';
import { validateSources } from '../checking/validate.ts';
import { ENTITY_KINDS, KINDS, SETTINGS_FILE } from '../kinds.ts';
import { resolveRegister, type RegisterModel } from './model.ts';
import { displayPathOf, readRegisterSources } from '../reading/load.ts';
import type { CheckedRegister } from '../checking/check-files.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRegister, type SourceFile } from '../reading/parse.ts';

export interface OpenRegister {
  findings: Finding[];
  parsed: CheckedRegister;
  model: RegisterModel;
  /** The files as read, for checking the register again with some of them changed (checkWith). */
  sources: SourceFile[];
  /** The protected registry, when settings.yaml names one: its folder, and its files when it is there. */
  protectedRegistry?: { dir: string; sources: SourceFile[] | undefined };
}

export function openRegister(dir: string, options: { today: string; cwd: string }): OpenRegister {
  const sources = readRegisterSources(dir, options.cwd);
  return checkSources(sources, dir, protectedRegistryOf(sources, dir, options.cwd), options);
}

/**
 * The protected registry that settings.yaml names, read when its folder is
 * there. Its absence is no error: the main repository's checks run without
 * it, and only the skyddad build needs it (it says so).
 */
function protectedRegistryOf(sources: readonly SourceFile[], dir: string, cwd: string): OpenRegister['protectedRegistry'] {
  const settings = sources.find((source) => source.relPath === SETTINGS_FILE);
  const entry = settings ? parseRegister([settings]).entries[0] : undefined;
  const path = entry?.data.protectedRegistry;
  if (typeof path !== 'string' || !path.trim()) return undefined;
  const folder = resolve(dir, path);
  return { dir: folder, sources: existsSync(folder) ? readRegisterSources(folder, cwd) : undefined };
}

/**
 * The register as it would be with these files written, checked without
 * reading it again: a command that writes files reports what the validator
 * then finds in O(new files) of extra reading.
 */
export function checkWith(
  before: OpenRegister,
  dir: string,
  files: readonly { relPath: string; text: string }[],
  options: { today: string; cwd: string },
): OpenRegister {
  const root = displayPathOf(dir, options.cwd);
  const changed = new Map(files.map((file) => [file.relPath, Buffer.from(file.text, 'utf8')]));
  const sources = before.sources.map((source) => {
    const bytes = changed.get(source.relPath);
    if (!bytes) return source;
    changed.delete(source.relPath);
    return { file: source.file, relPath: source.relPath, bytes, size: bytes.length };
  });
  for (const [relPath, bytes] of changed) sources.push({ file: `${root}/${relPath}`, relPath, bytes, size: bytes.length });
  return checkSources(sources, dir, before.protectedRegistry, options);
}

function checkSources(
  sources: SourceFile[],
  dir: string,
  protectedRegistry: OpenRegister['protectedRegistry'],
  options: { today: string; cwd: string },
): OpenRegister {
  const { findings, parsed } = validateSources(sources, {
    today: options.today,
    root: displayPathOf(dir, options.cwd),
    ...(protectedRegistry?.sources ? { protectedSources: protectedRegistry.sources } : {}),
  });
  return { findings, parsed, model: resolveRegister(parsed), sources, ...(protectedRegistry ? { protectedRegistry } : {}) };
}

/** "✓ 38 system, 55 personer, …: 0 fel, 2 varningar." */
export function validationSummary(findings: readonly Finding[], model: RegisterModel): string {
  const { errors, warnings } = summarize(findings);
  const perKind = new Map<string, number>();
  for (const entry of model.entries) perKind.set(entry.kind, (perKind.get(entry.kind) ?? 0) + 1);
  const counts = ENTITY_KINDS.map((kind) => {
    const count = perKind.get(kind) ?? 0;
    return `${count} ${count === 1 ? KINDS[kind].singular : KINDS[kind].plural}`;
  }).join(', ');
  return `${errors === 0 ? '✓' : '✗'} ${counts}: ${errors} fel, ${warnings} ${warnings === 1 ? 'varning' : 'varningar'}.`;
}

const sourceIndexes = new WeakMap<OpenRegister, Map<string, SourceFile>>();

/**
 * A file's text as the register read it. A command that edits a file starts
 * from these bytes rather than reading the file a second time: what it
 * checked is what it changes (and the write refuses a file changed since).
 */
export function sourceText(register: OpenRegister, relPath: string): string {
  let index = sourceIndexes.get(register);
  if (!index) sourceIndexes.set(register, (index = new Map(register.sources.map((source) => [source.relPath, source]))));
  const source = index.get(relPath);
  if (!source || source.unusable) throw new UserError(`${relPath} kunde inte läsas när registret lästes in.`);
  return Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength).toString('utf8');
}
