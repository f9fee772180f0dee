// What a register's Git history costs the build. A register kept for a few
// years has several changes per file, and the system pages and feeds tell
// them (the five latest per file), while the bench's other registers have
// one or two commits. The same generated register is built twice, as one
// commit and after four yearly reviews that change every system and person
// file, alternating run by run.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeRegister } from './generate.ts';
import { commitRegister, git } from './git.ts';
import { measure, medians, type Measurement, type TimeAndPeak } from './measure.ts';
import { generateRegister } from './synthetic-register.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Yearly reviews after the first commit: five changes per system and person file. */
const REVIEWS = 4;
/** The reviews end last year, so that no review date lies ahead of the build. */
const FIRST_YEAR = new Date().getFullYear() - REVIEWS - 1;

export interface HistoryResult {
  systems: number;
  changesPerFile: number;
  /** Median build time and peak of the register as one commit and with its history. */
  oneCommit: TimeAndPeak;
  withHistory: TimeAndPeak;
}

export async function benchHistory(systems: number, runs: number, work: string, progress: (line: string) => void): Promise<HistoryResult> {
  const label = `[historik, ${systems} system]`;
  progress(`${label} genererar registren …`);
  const files = generateRegister({ systems, seed: 1 }).files;
  const flat = join(work, `historik-${systems}-en`);
  const kept = join(work, `historik-${systems}-fem`);
  writeRegister(files, join(flat, 'registry'));
  commitRegister(flat, 'Registret förs in', reviewDay(FIRST_YEAR));
  writeRegisterWithHistory(files, kept);

  const builds = { flat: [] as Measurement[], kept: [] as Measurement[] };
  for (let run = 1; run <= runs; run++) {
    for (const [name, repository] of [
      ['flat', flat],
      ['kept', kept],
    ] as const) {
      progress(`${label} bygger ${name === 'flat' ? 'med en incheckning' : 'med historik'}, körning ${run} av ${runs} …`);
      const result = await measure(
        process.execPath,
        [
          join(ROOT, 'src/cli/build.ts'),
          '--registry',
          join(repository, 'registry'),
          '--out',
          join(work, `historik-ut-${name}-${run}`),
          '--no-cache',
        ],
        { cwd: ROOT, writesSite: true },
      );
      if (result.exitCode !== 0) throw new Error(`${label} bygget misslyckades:\n${result.stdout.slice(-2000)}`);
      builds[name].push(result);
    }
  }
  return { systems, changesPerFile: CHANGES_PER_FILE, oneCommit: medians(builds.flat), withHistory: medians(builds.kept) };
}

/**
 * The register in `repository`, first committed five years ago and changed
 * by a yearly review each year since: CHANGES_PER_FILE changes per system and
 * person file, as in a register that has been kept for a few years.
 */
export function writeRegisterWithHistory(files: Map<string, string>, repository: string): void {
  writeRegister(files, join(repository, 'registry'));
  commitRegister(repository, 'Registret förs in', reviewDay(FIRST_YEAR));
  for (let review = 1; review <= REVIEWS; review++) yearlyReview(repository, FIRST_YEAR + review);
  // Packed, as a clone in CI is: read loose, Git's objects made telling 100 000 changes at 20 000 systems
  // take 10.5 s instead of 6.3 s.
  git(repository, ['repack', '-adq']);
}

export const CHANGES_PER_FILE = REVIEWS + 1;

/** Every system's review date and every person's phone number changed, committed on that year's review day. */
function yearlyReview(repository: string, year: number): void {
  const registry = join(repository, 'registry');
  const edit = (folder: string, change: (text: string) => string) => {
    for (const name of readdirSync(join(registry, folder))) {
      const file = join(registry, folder, name);
      writeFileSync(file, change(readFileSync(file, 'utf8')));
    }
  };
  edit('systems', (text) => text.replace(/^reviewed: .*$/m, `reviewed: '${reviewDay(year).slice(0, 10)}'`));
  edit('people', (text) => text.replace(/^(phone: 010-\d+ \d+) \d+$/m, `$1 ${year}`));
  git(repository, ['commit', '-q', '-am', `Årlig granskning ${year}`], reviewDay(year));
}

const reviewDay = (year: number) => `${year}-03-14T10:00:00`;
