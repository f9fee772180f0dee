// Where the register sits in its Git repository, and the one way this tool
// runs Git. Git looks for a repository by itself from the working folder up,
// and takes any folder with HEAD, objects/ and refs/ for one: a pull request
// that adds those files under registry/ would make Git read that folder as
// the repository, and the change summary would compare the wrong history.
// So the repository is found here by its .git entry only, and every Git call
// names it explicitly (--git-dir, --work-tree); the validator refuses files
// named like Git's own (reading/placement.ts).
import { lstatSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { UserError } from '../errors.ts';

export interface Repository {
  /** The top folder of the working tree. */
  top: string;
  /** Its .git folder, or the .git file of a worktree or submodule (Git follows it). */
  gitDir: string;
}

/** The repository that holds `dir`: the nearest folder at or above it with a .git entry. O(depth). */
export function findRepository(dir: string): Repository | undefined {
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    const candidate = join(folder, '.git');
    try {
      const stat = lstatSync(candidate);
      if (stat.isDirectory() || stat.isFile()) return { top: folder, gitDir: candidate };
    } catch {
      // No .git here; look one folder up.
    }
    if (dirname(folder) === folder) return undefined;
  }
}

type GitOptions = Pick<SpawnSyncOptions, 'input' | 'maxBuffer'>;

/** Runs Git on exactly this repository, whatever folders the working tree holds. */
export function runGit(repository: Repository, args: readonly string[], options: GitOptions = {}) {
  return spawnSync('git', [`--git-dir=${repository.gitDir}`, `--work-tree=${repository.top}`, ...args], {
    cwd: repository.top,
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
}

/** Git's output as text, or undefined when the command failed. */
export function gitText(repository: Repository, args: readonly string[], options: GitOptions = {}): string | undefined {
  const result = runGit(repository, args, options);
  return result.status === 0 ? result.stdout.toString('utf8') : undefined;
}

/** Path of the register folder inside its Git repository, e.g. "registry" ("" at the top); undefined outside Git. */
export function repositoryPathOf(registryDir: string): string | undefined {
  const repository = findRepository(registryDir);
  return repository ? relative(repository.top, resolve(registryDir)).split(sep).join('/') : undefined;
}

/** The top folder of the repository that holds `dir`, or undefined outside Git. */
export function repositoryRoot(dir: string): string | undefined {
  return findRepository(dir)?.top;
}

/** The commit a ref names; never reads a ref as an option. */
export function commitOf(repository: Repository, ref: string): string | undefined {
  if (ref.startsWith('-')) return undefined;
  return gitText(repository, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim() || undefined;
}

/** Do both refs name the same commit? */
export function sameCommit(dir: string, first: string, second: string): boolean {
  const repository = findRepository(dir);
  const a = repository && commitOf(repository, first);
  return a !== undefined && a === commitOf(repository as Repository, second);
}

export function existsRef(dir: string, ref: string): boolean {
  const repository = findRepository(dir);
  return repository !== undefined && commitOf(repository, ref) !== undefined;
}

export interface Version {
  /** The full commit hash. */
  hash: string;
  /** Does the register folder differ from that commit (a local build)? */
  changed: boolean;
}

/** The commit the register folder is at, for "built from version …"; undefined outside Git. */
export function registerVersion(registryDir: string): Version | undefined {
  const repository = findRepository(registryDir);
  const hash = repository && commitOf(repository, 'HEAD');
  if (!repository || !hash) return undefined;
  const status = gitText(repository, ['status', '--porcelain', '--', resolve(registryDir)]);
  return { hash, changed: status !== undefined && status.trim() !== '' };
}

/** The newest commit both refs share, or undefined when they share none. */
export function mergeBase(dir: string, first: string, second: string): string | undefined {
  const repository = findRepository(dir);
  if (!repository || commitOf(repository, first) === undefined || commitOf(repository, second) === undefined) return undefined;
  return gitText(repository, ['merge-base', first, second])?.trim() || undefined;
}

/**
 * Brings a GitLab merge request's head commit from the remote, as objects
 * only: nothing is checked out, so nothing of it runs. GitLab keeps every
 * merge request, from a fork too, at refs/merge-requests/<iid>/head.
 * Returns the local ref it is kept at.
 */
export function fetchMergeRequestHead(dir: string, mergeRequest: number, remote = 'origin'): string {
  const repository = findRepository(dir);
  if (!repository) throw new UserError('Registret ligger inte i ett Git-förråd, så sammanslagningsbegärans ändring kan inte hämtas.');
  const local = `refs/systemforteckning/sammanslagning/${mergeRequest}`;
  const result = runGit(repository, ['fetch', '--no-tags', '--quiet', remote, `+refs/merge-requests/${mergeRequest}/head:${local}`]);
  if (result.status !== 0) {
    throw new UserError(`Sammanslagningsbegäran !${mergeRequest} kunde inte hämtas från ${remote} (${result.stderr.toString('utf8').trim()}).`);
  }
  return local;
}
