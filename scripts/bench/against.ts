// npm run bench -- --against 66308e7@5000,3e73339@20000: this version's build
// against earlier versions' on the same register, run after run in turn, so
// that a machine that slows down slows both alike (absolute times drift on
// shared machines; ratios measured in one run do not). The register is
// written by the earlier version's own generator, so both can read it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commitRegister } from './git.ts';
import { measure, medians, type Measurement, type TimeAndPeak } from './measure.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Comparison {
  commit: string;
  systems: number;
  runs: number;
  /** Medians, and every run's time and peak in the order run, to show the spread. */
  ours: TimeAndPeak & { each: TimeAndPeak[] };
  theirs: TimeAndPeak & { each: TimeAndPeak[] };
}

/** "66308e7@5000,3e73339@20000" → the pairs, checked. */
export function parseAgainst(value: string | undefined): { commit: string; systems: number }[] {
  return (value ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [commit = '', systems = ''] = pair.split('@');
      if (!/^[0-9a-f]{7,40}$/.test(commit) || !/^\d+$/.test(systems))
        throw new Error(`--against vill ha incheckning@antal, till exempel 66308e7@5000, inte "${pair}".`);
      return { commit, systems: Number(systems) };
    });
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}${result.stdout}`);
}

/** A worktree of the earlier version, sharing this checkout's installed packages. */
function checkout(commit: string, work: string): string {
  const dir = join(work, `version-${commit}`);
  if (!existsSync(dir)) {
    run('git', ['worktree', 'add', '--detach', '--force', dir, commit], ROOT);
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  }
  return dir;
}

/** The build command of a version: scripts/build.ts before the commands moved to src/cli. */
const buildScript = (dir: string) =>
  existsSync(join(dir, 'src', 'cli', 'build.ts')) ? join(dir, 'src', 'cli', 'build.ts') : join(dir, 'scripts', 'build.ts');

export async function compareBuilds(
  against: { commit: string; systems: number },
  runs: number,
  work: string,
  progress: (line: string) => void,
): Promise<Comparison> {
  const label = `[mot ${against.commit}, ${against.systems} system]`;
  const theirDir = checkout(against.commit, work);
  const repository = join(work, `mot-${against.commit}-${against.systems}`);
  const registry = join(repository, 'registry');
  progress(`${label} genererar registret med ${against.commit}s generator …`);
  mkdirSync(repository, { recursive: true });
  run(
    process.execPath,
    [join(theirDir, 'scripts', 'bench', 'generate.ts'), '--systems', String(against.systems), '--out', registry],
    theirDir,
  );
  commitRegister(repository, 'Genererat register');
  const ours: Measurement[] = [];
  const theirs: Measurement[] = [];
  for (let index = 1; index <= runs; index++) {
    for (const [name, dir, into] of [
      ['denna version', ROOT, ours],
      [against.commit, theirDir, theirs],
    ] as const) {
      progress(`${label} bygger med ${name}, körning ${index} av ${runs} …`);
      // A new folder per run, as the size table's builds: each build is from
      // scratch, not also the removal of the previous run's site. This
      // version builds without its cache, as the earlier ones (which have none).
      const out = join(work, `ut-${against.commit}-${name.length}-${index}`);
      const result = await measure(
        process.execPath,
        [buildScript(dir), '--registry', registry, '--out', out, ...(dir === ROOT ? ['--no-cache'] : [])],
        {
          cwd: dir,
          writesSite: true,
        },
      );
      if (result.exitCode !== 0) throw new Error(`${label} bygget med ${name} misslyckades:\n${result.stdout.slice(-2000)}`);
      into.push(result);
    }
  }
  const summary = (items: Measurement[]) => ({
    ...medians(items),
    each: items.map((item) => ({ seconds: item.seconds, peakMiB: item.peakMiB })),
  });
  return { ...against, runs, ours: summary(ours), theirs: summary(theirs) };
}

/** Removes the earlier versions' worktrees (the folder itself goes with the bench's work folder). */
export function removeCheckouts(work: string, commits: readonly string[]): void {
  for (const commit of commits) spawnSync('git', ['worktree', 'remove', '--force', join(work, `version-${commit}`)], { cwd: ROOT });
  spawnSync('git', ['worktree', 'prune'], { cwd: ROOT });
}
