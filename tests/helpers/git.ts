// Temporary Git repositories with a register in them, for commands that read history.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=Testa Testsson', '-c', 'user.email=testa@testkommun.se', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A repository with `from` committed as registry/ on branch main. */
export function repositoryWith(from: string): { cwd: string; root: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'systemforteckning-git-'));
  const root = join(cwd, 'registry');
  cpSync(from, root, { recursive: true });
  git(cwd, 'init', '-q', '-b', 'main');
  git(cwd, 'add', '.');
  git(cwd, 'commit', '-q', '-m', 'Registret');
  return { cwd, root };
}
