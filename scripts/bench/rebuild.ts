// What the build cache buys (npm run build's --cache): a generated register
// is built once to fill the cache; then, run by run, one system's name changes
// (its page, the lists, its neighbours' maps and the search index show it) and
// the site is built with the previous build's cache and from scratch
// (--no-cache), alternating, each into a new folder. Twice: on a register of
// one commit, with the change left uncommitted (as measured since the cache
// came), and on one kept for five years (history.ts) with the change
// committed, as CI builds it, where the systems' told histories come from the
// cache too.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeRegister } from './generate.ts';
import { commitRegister, git } from './git.ts';
import { CHANGES_PER_FILE, writeRegisterWithHistory } from './history.ts';
import { measure, medians, type Measurement, type TimeAndPeak } from './measure.ts';
import { generateRegister } from './synthetic-register.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Median time and peak of a build from scratch and of a rebuild with the cache, after the same change. */
export interface RebuildPair {
  full: TimeAndPeak;
  rebuild: TimeAndPeak;
}

export interface RebuildResult extends RebuildPair {
  systems: number;
  /** The same on a register with CHANGES_PER_FILE changes per file, each run's change committed. */
  withHistory: RebuildPair & { changesPerFile: number };
}

export async function benchRebuild(systems: number, runs: number, work: string, progress: (line: string) => void): Promise<RebuildResult> {
  const files = generateRegister({ systems, seed: 1 }).files;
  const oneCommit = await rebuilds(files, runs, join(work, `ombygge-${systems}`), false, progress, `[ombyggnad, ${systems} system]`);
  const withHistory = await rebuilds(
    files,
    runs,
    join(work, `ombygge-${systems}-historik`),
    true,
    progress,
    `[ombyggnad med historik, ${systems} system]`,
  );
  return { systems, ...oneCommit, withHistory: { ...withHistory, changesPerFile: CHANGES_PER_FILE } };
}

async function rebuilds(
  files: Map<string, string>,
  runs: number,
  work: string,
  history: boolean,
  progress: (line: string) => void,
  label: string,
): Promise<RebuildPair> {
  progress(`${label} genererar registret …`);
  const repository = join(work, 'arkiv');
  const registry = join(repository, 'registry');
  if (history) writeRegisterWithHistory(files, repository);
  else {
    writeRegister(files, registry);
    commitRegister(repository, 'Genererat register');
  }
  const cache = join(work, 'cache');
  const build = async (out: string, ...options: string[]) => {
    const result = await measure(
      process.execPath,
      [join(ROOT, 'src/cli/build.ts'), '--registry', registry, '--out', join(work, out), ...options],
      {
        cwd: ROOT,
        writesSite: true,
      },
    );
    if (result.exitCode !== 0) throw new Error(`${label} bygget misslyckades:\n${result.stdout.slice(-2000)}`);
    return result;
  };
  progress(`${label} bygger en gång för att fylla cachen …`);
  await build('forsta', '--cache', cache);

  const systemFiles = [...files.keys()].filter((path) => path.startsWith('systems/'));
  const builds = { full: [] as Measurement[], rebuild: [] as Measurement[] };
  for (let run = 1; run <= runs; run++) {
    const file = join(registry, systemFiles[(run * 997) % systemFiles.length] as string);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: (.*)$/m, `name: $1 (nytt namn ${run})`));
    if (history) git(repository, ['commit', '-q', '-am', `Nytt namn ${run}`]);
    progress(`${label} bygger om med cachen, körning ${run} av ${runs} …`);
    builds.rebuild.push(await build(`cache-${run}`, '--cache', cache));
    progress(`${label} bygger från början, körning ${run} av ${runs} …`);
    builds.full.push(await build(`ny-${run}`, '--no-cache'));
  }
  return { full: medians(builds.full), rebuild: medians(builds.rebuild) };
}
