// Git for the bench's generated registers: one fixed author, no signing,
// and a given commit time where a register needs a history of its own.
import { spawnSync } from 'node:child_process';

/** Runs git in `cwd`; `date` (ISO 8601) sets the author and commit time. */
export function git(cwd: string, args: readonly string[], date?: string): void {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8', env: date ? { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : process.env },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** Makes `repository` a Git repository whose first commit holds everything in it. */
export function commitRegister(repository: string, message: string, date?: string): void {
  git(repository, ['init', '-q', '-b', 'main'], date);
  git(repository, ['add', '.'], date);
  git(repository, ['commit', '-q', '-m', message], date);
}
