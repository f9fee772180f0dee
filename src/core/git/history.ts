// Recent changes to register files from Git, read in one `git log` pass for
// the whole register: O(commits × files per commit), never a process per file.
// Each change names the file's contents before and after (Git's blob ids),
// read in one more pass (readBlobs), so that a page can say in Swedish what
// changed; and who approved it, from an Approved-by or Reviewed-by trailer.
import { findRepository, gitText, repositoryPathOf, runGit } from './repository.ts';

export interface Change {
  hash: string;
  /** ISO 8601 author date. */
  date: string;
  author: string;
  subject: string;
  /** Its place in the log, 0 for the newest commit: orders changes made in the same second. */
  rank: number;
  /** Who approved the change, from the commit's Approved-by or Reviewed-by trailers (GitLab's merge commit template has them). */
  approvers: string[];
  /** The file's blob before the change; undefined for a file the change added. */
  before?: string;
  /** The file's blob after it; undefined for a file the change removed. */
  after?: string;
}

/** Recent changes per file path relative to the register root, newest first. */
export type History = Map<string, Change[]>;

const RECORD = '\u001e';
const FIELD = '\u001f';
const TRAILER = '\u001d';
const GIT_LOG_FORMAT = `${RECORD}%H${FIELD}%aI${FIELD}%an${FIELD}%s${FIELD}%(trailers:key=Approved-by,key=Reviewed-by,valueonly,separator=%x1d)`;
const NO_BLOB = /^0+$/;

/** Parses `git log --raw --format=GIT_LOG_FORMAT`, keeping at most `perFile` changes per file. */
function parseGitLog(output: string, perFile: number): History {
  const history: History = new Map();
  let rank = -1;
  for (const record of output.split(RECORD)) {
    if (!record.trim()) continue;
    rank++;
    const [header = '', ...lines] = record.split('\n');
    const [hash = '', date = '', author = '', subject = '', trailers = ''] = header.split(FIELD);
    const approvers = [
      ...new Set(
        trailers
          .split(TRAILER)
          .map((name) => name.replace(/\s*<[^>]*>\s*$/, '').trim())
          .filter(Boolean),
      ),
    ];
    for (const line of lines) {
      // ":100644 100644 <before> <after> M\tsystems/lonesystem.yaml"
      const match = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) [A-Z]\d*\t(.+)$/.exec(line);
      if (!match) continue;
      const [, before = '', after = '', file = ''] = match;
      const change: Change = {
        hash,
        date,
        author,
        rank,
        subject,
        approvers,
        ...(NO_BLOB.test(before) ? {} : { before }),
        ...(NO_BLOB.test(after) ? {} : { after }),
      };
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
  const output = gitText(
    repository,
    [
      'log',
      '--no-renames',
      ...(prefix ? [`--relative=${folder}`] : []),
      '--raw',
      '--no-abbrev',
      `--format=${GIT_LOG_FORMAT}`,
      '--',
      folder,
    ],
    {
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  return output ? parseGitLog(output, perFile) : new Map();
}

/**
 * The texts of these blobs, read in one `git cat-file --batch` for all of
 * them. A blob Git cannot give (a shallow clone) is left out.
 */
export function readBlobs(registryDir: string, ids: Iterable<string>): Map<string, string> {
  const wanted = [...new Set(ids)].filter((id) => /^[0-9a-f]{40,64}$/.test(id));
  const repository = findRepository(registryDir);
  const blobs = new Map<string, string>();
  if (!repository || wanted.length === 0) return blobs;
  const result = runGit(repository, ['cat-file', '--batch'], { input: `${wanted.join('\n')}\n`, maxBuffer: 1024 * 1024 * 1024 });
  if (result.status !== 0) return blobs;
  const output: Buffer = result.stdout;
  let at = 0;
  while (at < output.length) {
    const end = output.indexOf(10, at);
    if (end < 0) break;
    const [id = '', type = '', size = ''] = output.subarray(at, end).toString('utf8').split(' ');
    if (type !== 'blob') {
      at = end + 1;
      continue;
    }
    const length = Number(size);
    blobs.set(id, output.subarray(end + 1, end + 1 + length).toString('utf8'));
    at = end + 1 + length + 1;
  }
  return blobs;
}
