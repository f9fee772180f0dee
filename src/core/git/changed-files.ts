// The files a change touches, compared with the branch it will be merged into:
// committed, uncommitted and new files since the merge base, as absolute paths.
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import { commitOf, findRepository, gitText } from './repository.ts';

export function changedFilesSince(ref: string, dir: string): Set<string> {
  const repository = findRepository(dir);
  if (repository === undefined) throw new UserError('--changed-from kräver att registret ligger i ett Git-förråd.');
  // A ref is never an option: "--output=…" must not reach git as one.
  const base = commitOf(repository, ref) && gitText(repository, ['merge-base', ref, 'HEAD'])?.trim();
  if (!base) {
    throw new UserError(`Hittar inte "${ref}" i Git, eller ingen gemensam historik med den. Ange huvudgrenen, till exempel origin/main (hämta den med git fetch).`);
  }
  const names = [
    gitText(repository, ['diff', '--name-only', '-z', '--no-renames', base, '--']) ?? '',
    gitText(repository, ['ls-files', '--others', '--exclude-standard', '-z']) ?? '',
  ].join('\0');
  return new Set(
    names
      .split('\0')
      .filter(Boolean)
      .map((name) => join(repository.top, name)),
  );
}
