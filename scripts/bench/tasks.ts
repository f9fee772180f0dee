import { spawnSync } from 'node:child_process';
// Benchmarks of single commands on generated registers, each with the target
// its issue sets: importing a large sheet (and, as they arrive, reminders,
// people sync and dependency maps). Each is run as the user runs it, a real
// process, with peak memory over the process tree.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openRegister } from '../../src/core/model/open-register.ts';
import { toXlsx } from '../../src/core/views/exports.ts';
import { registerRows } from '../../src/core/views/register-rows.ts';
import { writeRegister } from './generate.ts';
import { measure, median, type Measurement } from './measure.ts';
import { generateRegister } from './synthetic-register.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface TaskResult {
  name: string;
  seconds: number;
  peakMiB: number;
  /** The target, in seconds. */
  targetSeconds: number;
}

async function repeated(runs: number, prepare: () => void, run: () => Promise<Measurement>): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    const result = await run();
    if (result.exitCode !== 0 && result.exitCode !== 1)
      throw new Error(`Kommandot misslyckades (${result.exitCode}): ${result.stdout.slice(-500)}`);
    results.push(result);
  }
  return results;
}

/** npm run import of the register's own Excel download of `rows` systems, into an empty register. */
export async function benchImport(rows: number, runs: number, work: string, progress: (line: string) => void): Promise<TaskResult> {
  progress(`[import av ${rows} rader] genererar kalkylarket …`);
  const source = join(work, `import-${rows}`, 'source');
  writeRegister(generateRegister({ systems: rows, seed: 5 }).files, source);
  const { model } = openRegister(source, { today: new Date().toISOString().slice(0, 10), cwd: work });
  const sheet = join(work, `import-${rows}`, 'system.xlsx');
  writeFileSync(sheet, await toXlsx(registerRows(model), model));
  // A new folder per run: ext4 creates files slowly right after as many were deleted.
  let run = 0;
  let target = '';
  const measured = await repeated(
    runs,
    () => {
      target = join(work, `import-${rows}`, `registry-${++run}`);
      mkdirSync(target, { recursive: true });
      cpSync(join(source, 'settings.yaml'), join(target, 'settings.yaml'));
      progress(`[import av ${rows} rader] importerar …`);
    },
    () => measure(process.execPath, [join(ROOT, 'src/cli/import.ts'), sheet, '--registry', target]),
  );
  return {
    name: `Import av ett kalkylark med ${rows.toLocaleString('sv')} system`,
    seconds: median(measured.map((item) => item.seconds)),
    peakMiB: median(measured.map((item) => item.peakMiB)),
    targetSeconds: 5,
  };
}

/** npm run reminders on a register of `systems` systems, with findings and dates spread as in the generator. */
export async function benchReminders(systems: number, runs: number, work: string, progress: (line: string) => void): Promise<TaskResult> {
  progress(`[påminnelser för ${systems} system] genererar registret …`);
  const registry = join(work, `reminders-${systems}`, 'registry');
  writeRegister(generateRegister({ systems, seed: 9, errors: { 'unknown-person': 20, 'invalid-format': 20 } }).files, registry);
  const measured = await repeated(
    runs,
    () => progress(`[påminnelser för ${systems} system] räknar …`),
    () => measure(process.execPath, [join(ROOT, 'src/cli/reminders.ts'), '--registry', registry, '--format', 'json']),
  );
  return {
    name: `Påminnelser för ${systems.toLocaleString('sv')} system`,
    seconds: median(measured.map((item) => item.seconds)),
    peakMiB: median(measured.map((item) => item.peakMiB)),
    targetSeconds: 3,
  };
}

/**
 * npm run incident for the supplier that carries the most systems, in the
 * protected audience (everything shown), on a register of `systems` systems.
 */
export async function benchIncident(systems: number, runs: number, work: string, progress: (line: string) => void): Promise<TaskResult> {
  progress(`[incident för ${systems} system] genererar registret …`);
  const registry = join(work, `incident-${systems}`, 'registry');
  writeRegister(generateRegister({ systems, seed: 13 }).files, registry);
  const measured = await repeated(
    runs,
    () => progress(`[incident för ${systems} system] räknar …`),
    () =>
      measure(process.execPath, [
        join(ROOT, 'src/cli/incident.ts'),
        '--registry',
        registry,
        '--supplier',
        'Andersson Systemhus AB',
        '--audience',
        'skyddad',
        '--since',
        '2026-11-29 08:15',
        '--format',
        'json',
      ]),
  );
  return {
    name: `Incident för största leverantören, ${systems.toLocaleString('sv')} system`,
    seconds: median(measured.map((item) => item.seconds)),
    peakMiB: median(measured.map((item) => item.peakMiB)),
    targetSeconds: 2,
  };
}

/**
 * npm run people -- sync with a directory export of `people` people (the
 * register's own, a few changed or disabled, and the rest of the staff)
 * against a register of `systems` systems.
 */
export async function benchPeopleSync(
  people: number,
  systems: number,
  runs: number,
  work: string,
  progress: (line: string) => void,
): Promise<TaskResult> {
  progress(`[synkning av ${people} personer] genererar registret och exporten …`);
  const source = join(work, `people-${people}`, 'source');
  const register = generateRegister({ systems, seed: 11 });
  writeRegister(register.files, source);
  const { model } = openRegister(source, { today: new Date().toISOString().slice(0, 10), cwd: work });
  const rows = [['userPrincipalName', 'displayName', 'mail', 'jobTitle', 'department', 'accountEnabled']];
  model.people.forEach((person, index) => {
    const unit = model.unitById.get(person.unit)?.name ?? '';
    rows.push([
      person.email,
      index % 50 === 0 ? `${person.name} Nyman` : person.name,
      person.email,
      index % 20 === 0 ? 'Handläggare' : person.title,
      unit,
      index % 40 === 1 ? 'False' : 'True',
    ]);
  });
  for (let index = rows.length; index <= people; index++)
    rows.push([
      `medarbetare${index}@exempelkommun.se`,
      `Medarbetare ${index}`,
      `medarbetare${index}@exempelkommun.se`,
      'Handläggare',
      'Okänd avdelning',
      'True',
    ]);
  const exportFile = join(work, `people-${people}`, 'anvandare.csv');
  writeFileSync(exportFile, rows.map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\r\n'));
  let run = 0;
  let target = '';
  const measured = await repeated(
    runs,
    () => {
      target = join(work, `people-${people}`, `registry-${++run}`);
      cpSync(source, target, { recursive: true });
      // The copy is the bench's own work: let the disk write it out before the clock starts.
      spawnSync('sync');
      progress(`[synkning av ${people} personer] synkar …`);
    },
    () => measure(process.execPath, [join(ROOT, 'src/cli/people.ts'), 'sync', exportFile, '--registry', target]),
  );
  return {
    name: `Synkning av ${people.toLocaleString('sv')} personer mot ${systems.toLocaleString('sv')} system`,
    seconds: median(measured.map((item) => item.seconds)),
    peakMiB: median(measured.map((item) => item.peakMiB)),
    // The first sync adds userName to every person: 6000 files written.
    targetSeconds: 3,
  };
}
