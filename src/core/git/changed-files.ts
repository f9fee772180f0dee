// The files a change touches, compared with the branch it will be merged into:
// committed, uncommitted and new files since the merge base, as absolute paths.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import { repositoryRoot } from './repository.ts';

export function changedFilesSince(ref: string, dir: string): Set<string> {
  const top = repositoryRoot(dir);
  if (top === undefined) throw new UserError('--changed-from kräver att registret ligger i ett Git-förråd.');
  const git = (args: string[]) => spawnSync('git', args, { cwd: top, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // A ref is never an option: "--output=…" must not reach git as one.
  const base = ref.startsWith('-') ? undefined : git(['merge-base', ref, 'HEAD']);
  if (!base || base.status !== 0) {
    throw new UserError(`Hittar inte "${ref}" i Git, eller ingen gemensam historik med den. Ange huvudgrenen, till exempel origin/main (hämta den med git fetch).`);
  }
  const names = [
    git(['diff', '--name-only', '-z', '--no-renames', base.stdout.trim(), '--']).stdout,
    git(['ls-files', '--others', '--exclude-standard', '-z']).stdout,
  ].join('\0');
  return new Set(
    names
      .split('\0')
      .filter(Boolean)
      .map((name) => join(top, name)),
  );
}
