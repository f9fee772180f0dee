// Where the register sits in its Git repository.
import { spawnSync } from 'node:child_process';

/** Path of the register folder inside its Git repository, e.g. "registry"; undefined outside Git. */
export function repositoryPathOf(registryDir: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--show-prefix'], { cwd: registryDir, encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return result.stdout.trim().replace(/\/$/, '');
}

/** The top folder of the repository that holds `dir`, or undefined outside Git. */
export function repositoryRoot(dir: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function commitOf(dir: string, ref: string): string | undefined {
  if (ref.startsWith('-')) return undefined;
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: dir, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Do both refs name the same commit? */
export function sameCommit(dir: string, first: string, second: string): boolean {
  const a = commitOf(dir, first);
  return a !== undefined && a === commitOf(dir, second);
}

export function existsRef(dir: string, ref: string): boolean {
  return commitOf(dir, ref) !== undefined;
}

export interface Version {
  /** The full commit hash. */
  hash: string;
  /** Does the register folder differ from that commit (a local build)? */
  changed: boolean;
}

/** The commit the register folder is at, for "built from version …"; undefined outside Git. */
export function registerVersion(registryDir: string): Version | undefined {
  const hash = commitOf(registryDir, 'HEAD');
  if (!hash) return undefined;
  const status = spawnSync('git', ['status', '--porcelain', '--', '.'], { cwd: registryDir, encoding: 'utf8' });
  return { hash, changed: status.status === 0 && status.stdout.trim() !== '' };
}
