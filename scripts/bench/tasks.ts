// Benchmarks of single commands on generated registers, each with the target
// its issue sets: importing a large sheet (and, as they arrive, reminders,
// people sync and dependency maps). Each is run as the user runs it, a real
// process, with peak memory over the process tree.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openRegister } from '../../src/core/open-register.ts';
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
    if (result.exitCode !== 0 && result.exitCode !== 1) throw new Error(`Kommandot misslyckades (${result.exitCode}): ${result.stdout.slice(-500)}`);
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
  writeFileSync(sheet, toXlsx(registerRows(model), model));
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
