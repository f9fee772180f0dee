// Writes whose protected fields go to the protected registry
// (settings.protectedRegistry) while the rest goes to the register: an
// entry's two files are planned together and written together. Both folders
// are checked before anything is written; the protected file is written
// first, so that a run stopped in between leaves a protected file without its
// entry (which the validator reports, protected-orphan) and never an entry
// whose protected facts were lost.
import { statSync } from 'node:fs';
import { UserError } from '../errors.ts';
import { displayPathOf } from '../reading/load.ts';
import { applyWrites, planWrites, type FileToWrite, type WritePlan } from './write-files.ts';

export interface PairedFile extends FileToWrite {
  /** The entry's protected fields, as the protected registry's file at the same relPath. */
  protectedFile?: Omit<FileToWrite, 'relPath'>;
}

export interface PairedPlan {
  main: WritePlan;
  protected?: WritePlan;
}

/**
 * Checks every target in both folders. An entry is kept whole (neither file
 * written) when either of its files exists and may not be replaced: half of
 * an entry from this run and half from before would be neither.
 */
export function planPairedWrites(
  registry: string,
  protectedRegistry: string | undefined,
  files: readonly PairedFile[],
  options: { overwrite: boolean; cwd?: string },
): PairedPlan {
  const paired = files.filter((file) => file.protectedFile !== undefined);
  const mainFiles = files.map(({ relPath, text, previousText }) => ({
    relPath,
    text,
    ...(previousText !== undefined ? { previousText } : {}),
  }));
  if (paired.length === 0) return { main: planWrites(registry, mainFiles, options) };
  if (!protectedRegistry)
    throw new UserError('Skyddade uppgifter kan bara skrivas när settings.yaml anger protectedRegistry. Inget skrevs.');
  if (!isFolder(protectedRegistry))
    throw new UserError(
      `settings.yaml anger det skyddade registret ${displayPathOf(protectedRegistry, options.cwd)} (protectedRegistry), men mappen finns inte. ${paired.length} ${paired.length === 1 ? 'post har' : 'poster har'} skyddade uppgifter som ska dit. Hämta (checka ut) det skyddade registret där, eller skapa mappen, och kör igen. Inget skrevs.`,
    );
  const protectedPlan = planWrites(
    protectedRegistry,
    paired.map((file) => ({ relPath: file.relPath, ...(file.protectedFile as Omit<FileToWrite, 'relPath'>) })),
    options,
  );
  const keptProtected = new Set(protectedPlan.keep.map((file) => file.relPath));
  const main = planWrites(
    registry,
    mainFiles.filter((file) => !keptProtected.has(file.relPath)),
    options,
  );
  main.keep.push(...mainFiles.filter((file) => keptProtected.has(file.relPath)));
  const keptMain = new Set(main.keep.map((file) => file.relPath));
  protectedPlan.create = protectedPlan.create.filter((file) => !keptMain.has(file.relPath));
  protectedPlan.replace = protectedPlan.replace.filter((file) => !keptMain.has(file.relPath));
  return { main, protected: protectedPlan };
}

/** Writes the protected registry's files, then the register's; each folder all or nothing. */
export function applyPairedWrites(plan: PairedPlan, options: { cwd?: string } = {}): void {
  if (plan.protected) applyWrites(plan.protected, options);
  applyWrites(plan.main, options);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
