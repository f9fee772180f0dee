// What the build cache buys (npm run build's --cache): a generated register
// is built once to fill the cache; then, run by run, one system's name changes
// (its page, the lists, its neighbours' maps and the search index show it) and
// the site is built with the previous build's cache and from scratch
// (--no-cache), alternating, each into a new folder.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeRegister } from './generate.ts';
import { commitRegister } from './git.ts';
import { measure, medians, type Measurement, type TimeAndPeak } from './measure.ts';
import { generateRegister } from './synthetic-register.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface RebuildResult {
  systems: number;
  /** Median time and peak of a build from scratch and of a rebuild with the cache, after the same change. */
  full: TimeAndPeak;
  rebuild: TimeAndPeak;
}

export async function benchRebuild(systems: number, runs: number, work: string, progress: (line: string) => void): Promise<RebuildResult> {
  const label = `[ombyggnad, ${systems} system]`;
  progress(`${label} genererar registret …`);
  const repository = join(work, `ombygge-${systems}`);
  const registry = join(repository, 'registry');
  const files = generateRegister({ systems, seed: 1 }).files;
  writeRegister(files, registry);
  commitRegister(repository, 'Genererat register');
  const cache = join(work, `ombygge-${systems}-cache`);
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
  await build(`ombygge-${systems}-forsta`, '--cache', cache);

  const systemFiles = [...files.keys()].filter((path) => path.startsWith('systems/'));
  const builds = { full: [] as Measurement[], rebuild: [] as Measurement[] };
  for (let run = 1; run <= runs; run++) {
    const file = join(registry, systemFiles[(run * 997) % systemFiles.length] as string);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: (.*)$/m, `name: $1 (nytt namn ${run})`));
    progress(`${label} bygger om med cachen, körning ${run} av ${runs} …`);
    builds.rebuild.push(await build(`ombygge-${systems}-cache-${run}`, '--cache', cache));
    progress(`${label} bygger från början, körning ${run} av ${runs} …`);
    builds.full.push(await build(`ombygge-${systems}-ny-${run}`, '--no-cache'));
  }
  return { systems, full: medians(builds.full), rebuild: medians(builds.rebuild) };
}
