// Recent changes to register files from Git, read in one `git log` pass for
// the whole register: O(commits × files per commit), never a process per file.
import { findRepository, gitText, repositoryPathOf } from './repository.ts';

export interface Change {
  hash: string;
  /** ISO 8601 author date. */
  date: string;
  author: string;
  subject: string;
}

/** Recent changes per file path relative to the register root, newest first. */
export type History = Map<string, Change[]>;

const RECORD = '\u001e';
const FIELD = '\u001f';
const GIT_LOG_FORMAT = `${RECORD}%H${FIELD}%aI${FIELD}%an${FIELD}%s`;

/** Parses `git log --name-only --format=GIT_LOG_FORMAT`, keeping at most `perFile` changes per file. */
function parseGitLog(output: string, perFile: number): History {
  const history: History = new Map();
  for (const record of output.split(RECORD)) {
    if (!record.trim()) continue;
    const [header = '', ...files] = record.split('\n');
    const [hash = '', date = '', author = '', subject = ''] = header.split(FIELD);
    const change: Change = { hash, date, author, subject };
    for (const file of files) {
      if (!file) continue;
      const changes = history.get(file);
      if (!changes) history.set(file, [change]);
      else if (changes.length < perFile) changes.push(change);
    }
  }
  return history;
}

/** Reads the history of the register folder; empty when it is not in a Git repository. */
export function readHistory(registryDir: string, perFile = 5): History {
  const repository = findRepository(registryDir);
  const prefix = repositoryPathOf(registryDir);
  if (!repository || prefix === undefined) return new Map();
  const folder = prefix ? `${prefix}/` : '.';
  // --relative gives paths from the register's root, as the files know themselves.
  const output = gitText(repository, ['log', '--no-renames', ...(prefix ? [`--relative=${folder}`] : []), '--name-only', `--format=${GIT_LOG_FORMAT}`, '--', folder], {
    maxBuffer: 512 * 1024 * 1024,
  });
  return output ? parseGitLog(output, perFile) : new Map();
}
