// npm run import -- <fil.csv|fil.xlsx> [--registry <mapp>] [--mapping <fil.yaml>] [--overwrite] [--dry-run]
// Turns the spreadsheet a municipality keeps today into register files, and
// reports every row and cell it could not use and why.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../core/errors.ts';
import { knownRegister } from '../core/import/known.ts';
import { openRegister } from '../core/open-register.ts';
import { readImportConfig } from '../core/import/config.ts';
import { planImport, type ImportConfig, type PlannedFile } from '../core/import/plan.ts';
import { readTable } from '../core/import/table.ts';
import { KINDS } from '../core/kinds.ts';
import { entryYaml } from '../core/scaffold/scaffold.ts';
import { summarize } from '../core/checking/findings.ts';
import { applyWrites, planWrites } from '../core/writing/write-files.ts';
import { defineCommand, EXIT_OK, runMain, type Io } from './command.ts';

export const main = defineCommand({
  name: 'import',
  args: '<fil.csv|fil.xlsx>',
  positionals: { min: 1, max: 1, missing: 'ange en CSV- eller Excel-fil' },
  description: 'Läser in ett kalkylark med system och skriver registrets filer.',
  options: {
    mapping: { type: 'string', value: '<fil.yaml>', help: 'mappningsfil: columns (rubrik → fält), defaults, emailDomain, units (förkortning → id)' },
    overwrite: { type: 'boolean', default: false, help: 'skriv över befintliga filer i registret (annars hoppas de över)' },
    'dry-run': { type: 'boolean', default: false, help: 'visa vad som skulle skrivas, utan att skriva något' },
  },
  registry: true,
  run({ values, positionals, registry, today, io, print, shown }) {
    const file = resolve(io.cwd, positionals[0] as string);
    if (!existsSync(file)) throw new UserError(`Hittar inte filen "${positionals[0]}".`);
    const mapping = values.mapping ? resolve(io.cwd, values.mapping) : undefined;
    const config: ImportConfig = mapping ? readImportConfig(readFileSync(mapping, 'utf8'), values.mapping as string) : {};
    const table = readTable(readFileSync(file), file);
    const { parsed, model } = openRegister(registry, { today, cwd: io.cwd });
    const progress = progressPrinter(io);
    const plan = planImport(table.rows, knownRegister(parsed, model), config, progress);
    progress.done();

    const relPath = (planned: PlannedFile) => `${KINDS[planned.kind].dir}/${planned.id}.yaml`;
    // Every file is checked before any is written: a refused import leaves the register as it was.
    const writes = planWrites(
      registry,
      plan.files.map((planned) => ({ relPath: relPath(planned), text: withMissing(entryYaml(planned.kind, planned.data), planned.missing) })),
      { overwrite: Boolean(values.overwrite), cwd: io.cwd },
    );
    const keptPaths = new Set(writes.keep.map((item) => item.relPath));
    const written = plan.files.filter((planned) => !keptPaths.has(relPath(planned)));
    const kept = plan.files
      .filter((planned) => keptPaths.has(relPath(planned)))
      .map(
        (planned) =>
          `${shown(join(registry, relPath(planned)))} finns redan och skrevs inte över (rad ${planned.row}; använd --overwrite för att ersätta den)`,
      );
    if (!values['dry-run']) applyWrites(writes);
    printReport(print, basename(file), table.description, plan, written, kept, Boolean(values['dry-run']));
    if (!values['dry-run']) {
      const { errors, warnings } = summarize(openRegister(registry, { today, cwd: io.cwd }).findings);
      print(
        `\nValidering efter importen: ${errors} fel och ${warnings} varningar. Kör npm run validate för att se exakt vad som saknas, till exempel roller som kalkylark sällan har.`,
      );
    }
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);

/** Keeps what the sheet lacked visible in the file itself, for the person who completes it. */
function withMissing(text: string, missing: readonly string[]): string {
  return missing.length === 0 ? text : `${text}# Saknades i kalkylarket och behöver fyllas i: ${missing.join(', ')}\n`;
}

function progressPrinter(io: Io) {
  const tty = io.isTTY;
  let last = 0;
  return Object.assign(
    (row: number, total: number) => {
      if (row - last >= 50 || row === total) {
        last = row;
        io.stderr(`${tty ? '\r' : ''}Läser rad ${row} av ${total} …${tty ? '' : '\n'}`);
      }
    },
    { done: () => tty && io.stderr('\n') },
  );
}

function printReport(
  print: (line?: string) => void,
  file: string,
  description: string,
  plan: ReturnType<typeof planImport>,
  written: PlannedFile[],
  kept: string[],
  dryRun: boolean,
): void {
  const count = (kind: string) => written.filter((item) => item.kind === kind).length;
  const verb = dryRun ? 'Skulle skriva' : 'Skrev';
  print(`\n${file} (${description}), rubriker på rad ${plan.headerRow}.`);
  const people = count('person');
  const units = count('unit');
  print(
    `${verb} ${count('system')} system, ${people} ${people === 1 ? 'person' : 'personer'} och ${units} ${units === 1 ? 'enhet' : 'enheter'}.`,
  );
  const used = plan.columns
    .filter((column) => column.field && column.field !== 'ignore')
    .map((column) => `${column.header} → ${column.field}`);
  const unused = plan.columns
    .filter((column) => column.header && (!column.field || column.field === 'ignore'))
    .map((column) => `"${column.header}"`);
  print(`Kolumner: ${used.join(', ')}.`);
  if (unused.length > 0)
    print(`Kolumner som inte användes: ${unused.join(', ')} (mappa dem under columns i en mappningsfil om de behövs).`);
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    print(`\n${title}:`);
    for (const line of lines) print(`  ${line}`);
  };
  section(
    'Rader som inte blev system',
    plan.skippedRows.map(({ row, reason }) => `rad ${row}: ${reason}`),
  );
  section(
    'Celler som inte kunde användas',
    plan.cellIssues.map(({ row, column, value, reason }) => `rad ${row}, kolumn "${column}": "${value}" ${reason}`),
  );
  section('Befintliga filer', kept);
  section('Antaganden', plan.assumptions);
  section(
    'Uppgifter som saknas i de skrivna filerna',
    written.filter((item) => item.missing.length > 0).map((item) => `${KINDS[item.kind].dir}/${item.id}.yaml: ${item.missing.join(', ')}`),
  );
}
