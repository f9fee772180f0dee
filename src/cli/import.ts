// npm run import -- <fil.xlsx|fil.ods|fil.csv> [--mapping <fil.yaml>] [--sheet <namn|nummer>] [--header-row <n>] …
// Turns the spreadsheet a municipality keeps today into register files, and
// reports every row and cell it could not use and why. Plans first and
// writes all or nothing.
import { basename, resolve } from 'node:path';
import { summarize } from '../core/findings/findings.ts';
import { readImportConfig } from '../core/import/config.ts';
import { SEPARATOR_NAMES, type Separator } from '../core/import/csv.ts';
import { knownRegister } from '../core/import/known.ts';
import { planImport } from '../core/import/plan.ts';
import type { ImportConfig, PlannedFile } from '../core/import/types.ts';
import { formatImportReport } from '../core/import/report.ts';
import { readSpreadsheet } from '../core/import/table.ts';
import { KINDS } from '../core/kinds.ts';
import { checkWith, openRegister } from '../core/model/open-register.ts';
import { MAX_FILE_BYTES } from '../core/import/limits.ts';
import { MAX_FILE_BYTES as MAX_REGISTER_FILE_BYTES } from '../core/reading/decode.ts';
import { readNamedFile } from '../core/reading/load.ts';
import { entryYaml } from '../core/scaffold/scaffold.ts';
import { splitByAudience } from '../core/domain/visibility.ts';
import { applyPairedWrites, planPairedWrites } from '../core/writing/paired-writes.ts';
import { defineCommand, EXIT_FINDINGS, EXIT_OK, runMain, UsageError, type Io } from './command.ts';

const SEPARATORS: Record<string, Separator> = {
  ';': ';',
  semikolon: ';',
  ',': ',',
  komma: ',',
  tab: '\t',
  tabb: '\t',
  '\t': '\t',
  '|': '|',
};

export const main = defineCommand({
  name: 'import',
  args: '<fil.xlsx|fil.ods|fil.csv>',
  positionals: { min: 1, max: 1, missing: 'ange ett kalkylark: .xlsx, .ods, .xls eller .csv' },
  description:
    'Läser in ett kalkylark med system och skriver registrets filer. Skriver allt eller inget, och aldrig över befintliga filer.',
  options: {
    mapping: {
      type: 'string',
      value: '<fil.yaml>',
      help: 'mappningsfil: columns (rubrik → fält), defaults, emailDomain, units (förkortning → id)',
    },
    sheet: { type: 'string', value: '<namn|nummer>', help: 'bladet att läsa (standard: bladet med flest kända rubriker)' },
    'header-row': { type: 'string', value: '<rad>', help: 'raden med rubrikerna (standard: raden med flest kända rubriker)' },
    separator: {
      type: 'string',
      value: '<tecken>',
      help: `avgränsare i CSV: ${Object.values(SEPARATOR_NAMES).join(', ')} (standard: gissas)`,
    },
    overwrite: { type: 'boolean', default: false, help: 'skriv över befintliga filer i registret (annars lämnas de)' },
    'dry-run': { type: 'boolean', default: false, help: 'visa rapporten utan att skriva något' },
  },
  registry: true,
  writes: true,
  run({ values, positionals, registry, today, io, print, shown }) {
    const file = resolve(io.cwd, positionals[0] as string);
    const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
    if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1))
      throw new UsageError(`--header-row ska vara ett radnummer, inte "${values['header-row']}".`);
    const separator = values.separator === undefined ? undefined : SEPARATORS[values.separator.toLowerCase()];
    if (values.separator !== undefined && !separator)
      throw new UsageError(`--separator ska vara ${Object.values(SEPARATOR_NAMES).join(', ')}, inte "${values.separator}".`);
    const config: ImportConfig = values.mapping
      ? readImportConfig(readNamedFile(resolve(io.cwd, values.mapping), values.mapping, MAX_REGISTER_FILE_BYTES).toString('utf8'), values.mapping)
      : {};

    const spreadsheet = readSpreadsheet(readNamedFile(file, positionals[0] as string, MAX_FILE_BYTES), separator ? { separator } : {});
    const before = openRegister(registry, { today, cwd: io.cwd });
    const { model } = before;
    const progress = progressPrinter(io);
    const plan = planImport(spreadsheet.sheets, knownRegister(model), config, {
      today,
      onRow: progress,
      ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
      ...(headerRow !== undefined ? { headerRow } : {}),
    });
    progress.done();

    const relPath = (planned: PlannedFile) => `${KINDS[planned.kind].dir}/${planned.id}.yaml`;
    // With a protected registry, the protected fields (a classification, notes) are written there instead.
    const protectedDir = before.protectedRegistry?.dir;
    const overrides = model.settings.visibility ?? {};
    // Every file is checked before any is written: a refused import leaves the register as it was.
    const writes = planPairedWrites(
      registry,
      protectedDir,
      plan.files.map((planned) => {
        const { main, protectedPart } = protectedDir ? splitByAudience(planned.kind, planned.data, overrides) : { main: planned.data, protectedPart: undefined };
        return {
          relPath: relPath(planned),
          text: withMissing(entryYaml(planned.kind, main), planned.missing),
          ...(protectedPart ? { protectedFile: { text: entryYaml(planned.kind, protectedPart, 'protected') } } : {}),
        };
      }),
      { overwrite: Boolean(values.overwrite), cwd: io.cwd },
    );
    const keptPaths = new Set(writes.main.keep.map((item) => item.relPath));
    const written = plan.files.filter((planned) => !keptPaths.has(relPath(planned)));
    const kept = plan.files.filter((planned) => keptPaths.has(relPath(planned)));
    const protectedWritten = writes.protected ? writes.protected.create.length + writes.protected.replace.length : 0;
    if (!values['dry-run']) applyPairedWrites(writes);
    const fileNotes = spreadsheet.sheets.flatMap((sheet) => sheet.notes);
    for (const line of formatImportReport({
      file: basename(file),
      description: spreadsheet.description,
      plan,
      fileNotes,
      written,
      kept,
      dryRun: Boolean(values['dry-run']),
    }))
      print(line);
    if (protectedWritten > 0 && protectedDir)
      print(
        `\nSkyddade uppgifter (till exempel informationsklassning och anteckningar) ${values['dry-run'] ? 'skulle skrivas' : 'skrevs'} i det skyddade registret ${shown(protectedDir)}: ${protectedWritten} ${protectedWritten === 1 ? 'fil' : 'filer'}.`,
      );

    const systemsWritten = written.filter((planned) => planned.kind === 'system').length;
    if (!values['dry-run'] && systemsWritten > 0) {
      const { errors, warnings } = summarize(checkWith(before, registry, [...writes.main.create, ...writes.main.replace], {
          today,
          cwd: io.cwd,
          protectedFiles: writes.protected ? [...writes.protected.create, ...writes.protected.replace] : [],
        }).findings);
      print(
        `\nValidering efter importen: ${errors} fel och ${warnings} varningar. Kör npm run validate för att se exakt vad som saknas, till exempel roller som kalkylark sällan har.`,
      );
    }
    if (systemsWritten > 0) return EXIT_OK;
    if (plan.systemRows > 0 && plan.systemRows === plan.knownRows) {
      print(`\nAlla ${plan.systemRows} system i kalkylarket finns redan i registret; inget nytt att skriva.`);
      return EXIT_OK;
    }
    print(
      `\nInga system kunde importeras från ${shown(file)}: ${plan.systemRows === 0 ? 'ingen rad blev ett system (se raderna ovan)' : 'alla system fanns redan som filer'}. Kontrollera att rätt blad och rubrikrad valdes (--sheet, --header-row) och att kolumnen med systemnamn känns igen.`,
    );
    return EXIT_FINDINGS;
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
