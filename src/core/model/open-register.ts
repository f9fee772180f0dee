// A register folder read, checked and resolved in one call: where every
// command and the site start. The only step with I/O is reading the files.
import { UserError } from '../errors.ts';
import { summarize, type Finding } from '../findings/findings.ts';
import { checkSources as checkEachFile, validateSources } from '../checking/validate.ts';
import { ENTITY_KINDS, KINDS, SETTINGS_FILE } from '../kinds.ts';
import { resolveRegister, type RegisterModel } from './model.ts';
import { displayPathOf, readNamedFile, readRegisterSources } from '../reading/load.ts';
import { MAX_FILE_BYTES } from '../reading/decode.ts';
import type { CheckedRegister } from '../checking/check-files.ts';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

export interface OpenOptions {
  today: string;
  cwd: string;
}

export function openRegister(dir: string, options: OpenOptions): OpenRegister {
  return withModel(validateRegister(dir, options));
}

/**
 * What openRegister finds, without resolving the model: for npm run
 * validate and the build's first pass, which report the findings and need
 * no model (resolving it is a tenth of the time at 20 000 systems).
 */
export function validateRegister(dir: string, options: OpenOptions): Omit<OpenRegister, 'model'> {
  const sources = readRegisterSources(dir, options.cwd);
  return validateRead(sources, dir, protectedRegistryOf(sources, dir, options.cwd), options);
}

/**
 * The resolved model alone, without the rules between files and their
 * findings: for a command that answers from the register and reports nothing
 * about it (npm run incident), which must answer also while the register has
 * an error somewhere, and fast. O(total size of the files).
 */
export function readModel(dir: string, options: Omit<OpenOptions, 'today'>): { model: RegisterModel } {
  const sources = readRegisterSources(dir, options.cwd);
  const protectedRegistry = protectedRegistryOf(sources, dir, options.cwd);
  return { model: resolveRegister(checkEachFile(sources, protectedRegistry?.sources)) };
}

/**
 * The protected registry that settings.yaml names, read when its folder is
 * there. Its absence is no error: the main repository's checks run without
 * it, and only the skyddad build needs it (it says so).
 */
function protectedRegistryOf(sources: readonly SourceFile[], dir: string, cwd: string): OpenRegister['protectedRegistry'] {
  const folder = protectedRegistryPath(
    sources.find((source) => source.relPath === SETTINGS_FILE),
    dir,
  );
  if (!folder) return undefined;
  return { dir: folder, sources: existsSync(folder) ? readRegisterSources(folder, cwd) : undefined };
}

/** The folder settings.yaml's protectedRegistry names, resolved from the register's folder. */
function protectedRegistryPath(settings: SourceFile | undefined, dir: string): string | undefined {
  const entry = settings ? parseRegister([settings]).entries[0] : undefined;
  const path = entry?.data.protectedRegistry;
  return typeof path === 'string' && path.trim() ? resolve(dir, path) : undefined;
}

/**
 * The register as it would be with these files written (and these files of
 * the protected registry), checked without reading it again: a command that
 * writes files reports what the validator then finds in O(new files) of extra
 * reading.
 */
export function checkWith(
  before: OpenRegister,
  dir: string,
  files: readonly { relPath: string; text: string }[],
  options: { today: string; cwd: string; protectedFiles?: readonly { relPath: string; text: string }[] },
): OpenRegister {
  const sources = withFiles(before.sources, dir, files, options.cwd);
  const protectedBefore = before.protectedRegistry;
  const protectedRegistry =
    protectedBefore && options.protectedFiles?.length
      ? {
          dir: protectedBefore.dir,
          sources: withFiles(protectedBefore.sources ?? [], protectedBefore.dir, options.protectedFiles, options.cwd),
        }
      : protectedBefore;
  return withModel(validateRead(sources, dir, protectedRegistry, options));
}

/** The sources with these files changed or added. */
function withFiles(
  before: readonly SourceFile[],
  dir: string,
  files: readonly { relPath: string; text: string }[],
  cwd: string,
): SourceFile[] {
  const root = displayPathOf(dir, cwd);
  const changed = new Map(files.map((file) => [file.relPath, Buffer.from(file.text, 'utf8')]));
  const sources = before.map((source) => {
    const bytes = changed.get(source.relPath);
    if (!bytes) return source;
    changed.delete(source.relPath);
    return { file: source.file, relPath: source.relPath, bytes, size: bytes.length };
  });
  for (const [relPath, bytes] of changed) sources.push({ file: `${root}/${relPath}`, relPath, bytes, size: bytes.length });
  return sources;
}

/** The files as read, checked: each on its own (the protected registry laid over them first) and against each other. */
function validateRead(
  sources: SourceFile[],
  dir: string,
  protectedRegistry: OpenRegister['protectedRegistry'],
  options: OpenOptions,
): Omit<OpenRegister, 'model'> {
  const { findings, parsed } = validateSources(sources, {
    today: options.today,
    root: displayPathOf(dir, options.cwd),
    ...(protectedRegistry?.sources ? { protectedSources: protectedRegistry.sources } : {}),
  });
  return { findings, parsed, sources, ...(protectedRegistry ? { protectedRegistry } : {}) };
}

function withModel(validated: Omit<OpenRegister, 'model'>): OpenRegister {
  return { ...validated, model: resolveRegister(validated.parsed) };
}

/** "✓ 38 system, 55 personer, …: 0 fel, 2 varningar." */
export function validationSummary(findings: readonly Finding[], parsed: Pick<CheckedRegister, 'entries'>): string {
  const { errors, warnings } = summarize(findings);
  const perKind = new Map<string, number>();
  for (const entry of parsed.entries) perKind.set(entry.kind, (perKind.get(entry.kind) ?? 0) + 1);
  const counts = ENTITY_KINDS.map((kind) => {
    const count = perKind.get(kind) ?? 0;
    return `${count} ${count === 1 ? KINDS[kind].singular : KINDS[kind].plural}`;
  }).join(', ');
  return `${errors === 0 ? '✓' : '✗'} ${counts}: ${errors} fel, ${warnings} ${warnings === 1 ? 'varning' : 'varningar'}.`;
}

const sourceIndexes = new WeakMap<readonly SourceFile[], Map<string, SourceFile>>();

/**
 * A file's text as the register read it (or the protected registry's file,
 * with `place: 'protected'`; undefined there when it has none). A command that
 * edits a file starts from these bytes rather than reading the file a second
 * time: what it checked is what it changes (and the write refuses a file
 * changed since).
 */
export function sourceText(register: OpenRegister, relPath: string): string;
export function sourceText(register: OpenRegister, relPath: string, place: 'protected'): string | undefined;
export function sourceText(register: OpenRegister, relPath: string, place: 'register' | 'protected' = 'register'): string | undefined {
  const sources = place === 'register' ? register.sources : (register.protectedRegistry?.sources ?? []);
  let index = sourceIndexes.get(sources);
  if (!index) sourceIndexes.set(sources, (index = new Map(sources.map((source) => [source.relPath, source]))));
  const source = index.get(relPath);
  if (!source && place === 'protected') return undefined;
  if (!source || source.unusable) throw new UserError(`${relPath} kunde inte läsas när registret lästes in.`);
  return Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength).toString('utf8');
}

/**
 * The protected registry settings.yaml names, as a folder; undefined when it
 * names none. Read before a writing command starts, to finish a write that a
 * killed run left there (writing/write-files.ts).
 */
export function protectedRegistryFolder(dir: string, cwd: string): string | undefined {
  const file = join(dir, SETTINGS_FILE);
  if (!existsSync(file)) return undefined;
  const bytes = readNamedFile(file, displayPathOf(file, cwd), MAX_FILE_BYTES);
  return protectedRegistryPath({ file: displayPathOf(file, cwd), relPath: SETTINGS_FILE, bytes, size: bytes.length }, dir);
}
