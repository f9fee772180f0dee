// npm run import -- <fil.csv|fil.xlsx> [--registry <mapp>] [--mapping <fil.yaml>] [--overwrite] [--dry-run]
// Turns the spreadsheet a municipality keeps today into register files, and
// reports every row and cell it could not use and why.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { todayIso } from '../core/text/dates.ts';
import { UserError } from '../core/errors.ts';
import { readImportConfig } from '../core/import/config.ts';
import { planImport, type ImportConfig, type KnownRegister, type PlannedFile } from '../core/import/plan.ts';
import { readTable } from '../core/import/table.ts';
import { KINDS } from '../core/kinds.ts';
import { displayPathOf, readRegisterSources } from '../core/reading/load.ts';
import { parseRegister } from '../core/reading/parse.ts';
import { entryYaml } from '../core/scaffold/scaffold.ts';
import { summarize } from '../core/checking/findings.ts';
import { validateSources } from '../core/checking/validate.ts';
import { applyWrites, planWrites } from '../core/writing/write-files.ts';
import { EXIT_OK, parseCommandArgs, runCommand, UsageError } from './args.ts';

const USAGE = `Användning: npm run import -- <fil.csv|fil.xlsx> [--registry <mapp>] [--mapping <fil.yaml>] [--overwrite] [--dry-run]
  --mapping    mappningsfil: columns (rubrik → fält), defaults, emailDomain, units (förkortning → id)
  --overwrite  skriv över befintliga filer i registret (annars hoppas de över)
  --dry-run    visa vad som skulle skrivas, utan att skriva något`;

runCommand(() => {
  const { values, positionals } = parseCommandArgs(
    process.argv.slice(2),
    {
      registry: { type: 'string', default: 'registry' },
      mapping: { type: 'string' },
      overwrite: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
    USAGE,
    true,
  );
  if (values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new UsageError(`ange en CSV- eller Excel-fil.\n${USAGE}`);
  if (!existsSync(file)) throw new UserError(`Hittar inte filen "${file}".`);
  const registry = values.registry as string;
  const config: ImportConfig = values.mapping
    ? readImportConfig(readFileSync(values.mapping as string, 'utf8'), values.mapping as string)
    : {};
  const table = readTable(readFileSync(file), file);
  const known = knownRegister(registry);
  const progress = progressPrinter();
  const plan = planImport(table.rows, known, config, progress);
  progress.done();

  const relPath = (planned: PlannedFile) => `${KINDS[planned.kind].dir}/${planned.id}.yaml`;
  // Every file is checked before any is written: a refused import leaves the register as it was.
  const writes = planWrites(
    registry,
    plan.files.map((planned) => ({ relPath: relPath(planned), text: withMissing(entryYaml(planned.kind, planned.data), planned.missing) })),
    { overwrite: Boolean(values.overwrite) },
  );
  const keptPaths = new Set(writes.keep.map((file) => file.relPath));
  const written = plan.files.filter((planned) => !keptPaths.has(relPath(planned)));
  const kept = plan.files
    .filter((planned) => keptPaths.has(relPath(planned)))
    .map(
      (planned) =>
        `${displayPathOf(join(registry, relPath(planned)))} finns redan och skrevs inte över (rad ${planned.row}; använd --overwrite för att ersätta den)`,
    );
  if (!values['dry-run']) applyWrites(writes);
  printReport(basename(file), table.description, plan, written, kept, Boolean(values['dry-run']));
  if (!values['dry-run']) {
    const { findings } = validateSources(readRegisterSources(registry), { today: todayIso(), root: displayPathOf(registry) });
    const { errors, warnings } = summarize(findings);
    console.log(
      `\nValidering efter importen: ${errors} fel och ${warnings} varningar. Kör npm run validate för att se exakt vad som saknas, till exempel roller som kalkylark sällan har.`,
    );
  }
  return EXIT_OK;
});

function knownRegister(registry: string): KnownRegister {
  const parsed = parseRegister(readRegisterSources(registry));
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const of = (kind: string) => parsed.entries.filter((entry) => entry.kind === kind);
  const settings = of('settings')[0]?.data;
  return {
    people: of('person').map((entry) => ({ id: entry.fileId, name: text(entry.data.name), email: text(entry.data.email) })),
    units: of('unit').map((entry) => ({
      id: entry.fileId,
      name: text(entry.data.name),
      ...(entry.data.parent ? { parent: text(entry.data.parent) } : {}),
    })),
    systems: of('system').map((entry) => ({ id: entry.fileId, name: text(entry.data.name) })),
    ids: new Set([...parsed.fileIds.values()].flatMap((ids) => [...ids])),
    ...(typeof settings?.itDepartment === 'string' ? { itDepartment: settings.itDepartment } : {}),
  };
}

/** Keeps what the sheet lacked visible in the file itself, for the person who completes it. */
function withMissing(text: string, missing: readonly string[]): string {
  return missing.length === 0 ? text : `${text}# Saknades i kalkylarket och behöver fyllas i: ${missing.join(', ')}\n`;
}

function progressPrinter() {
  const tty = Boolean(process.stderr.isTTY);
  let last = 0;
  return Object.assign(
    (row: number, total: number) => {
      if (row - last >= 50 || row === total) {
        last = row;
        process.stderr.write(`${tty ? '\r' : ''}Läser rad ${row} av ${total} …${tty ? '' : '\n'}`);
      }
    },
    { done: () => tty && process.stderr.write('\n') },
  );
}

function printReport(
  file: string,
  description: string,
  plan: ReturnType<typeof planImport>,
  written: PlannedFile[],
  kept: string[],
  dryRun: boolean,
): void {
  const count = (kind: string) => written.filter((item) => item.kind === kind).length;
  const verb = dryRun ? 'Skulle skriva' : 'Skrev';
  console.log(`\n${file} (${description}), rubriker på rad ${plan.headerRow}.`);
  const people = count('person');
  const units = count('unit');
  console.log(
    `${verb} ${count('system')} system, ${people} ${people === 1 ? 'person' : 'personer'} och ${units} ${units === 1 ? 'enhet' : 'enheter'}.`,
  );
  const used = plan.columns
    .filter((column) => column.field && column.field !== 'ignore')
    .map((column) => `${column.header} → ${column.field}`);
  const unused = plan.columns
    .filter((column) => column.header && (!column.field || column.field === 'ignore'))
    .map((column) => `"${column.header}"`);
  console.log(`Kolumner: ${used.join(', ')}.`);
  if (unused.length > 0)
    console.log(`Kolumner som inte användes: ${unused.join(', ')} (mappa dem under columns i en mappningsfil om de behövs).`);
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    console.log(`\n${title}:`);
    for (const line of lines) console.log(`  ${line}`);
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
