// What a change does to the register between two versions in Git: the
// register read at each ref (as data, never checked out) and compared.
// npm run diff and the GitLab summary of each merge request both ask this.
import { checkFiles } from '../checking/check-files.ts';
import { readRegisterSources } from '../reading/load.ts';
import { parseRegister, type Entry } from '../reading/parse.ts';
import { describeChanges, unreadableFiles, type ChangeSentence } from '../views/changes.ts';
import { readRegisterSourcesAtRef } from './register-at-ref.ts';

/** The change from `base` to `head` (a ref), or to the files as they are when `head` is undefined. */
export function changesBetween(
  registryDir: string,
  base: string,
  head: string | undefined,
  cwd: string,
): { sentences: ChangeSentence[]; defaultBranch: string; entries: { before: Entry[]; after: Entry[] } } {
  const before = parseRegister(readRegisterSourcesAtRef(registryDir, base, cwd)).entries;
  // Checked too, so that a file that does not parse into an entry is said to be unreadable, not removed.
  const after = checkFiles(parseRegister(head ? readRegisterSourcesAtRef(registryDir, head, cwd) : readRegisterSources(registryDir, cwd)));
  const branch = after.entries.find((entry) => entry.kind === 'settings')?.data.defaultBranch;
  return {
    sentences: describeChanges(before, after.entries, unreadableFiles(after)),
    defaultBranch: typeof branch === 'string' && /^[\w./-]+$/.test(branch) ? branch : 'main',
    entries: { before, after: after.entries },
  };
}
