// The import's report, in Swedish, grouped so that a sheet of hundreds of
// rows gives a report a person reads: identical notes are counted with the
// rows they concern, not repeated, and long lists are cut with a count.
import { addTo } from '../collections.ts';
import { KINDS } from '../kinds.ts';
import { joinSwedish } from '../text/text.ts';
import type { ImportPlan } from './plan.ts';
import type { PlannedFile } from './types.ts';

export interface ImportOutcome {
  file: string;
  description: string;
  plan: ImportPlan;
  /** Notes from reading the file: encoding, quotes, limits. */
  fileNotes: string[];
  written: PlannedFile[];
  /** Files that exist and were left as they are. */
  kept: PlannedFile[];
  dryRun: boolean;
}

/** How many items a list shows before it says how many more there are. */
const SHOWN = 8;

function rows(numbers: readonly number[]): string {
  const unique = [...new Set(numbers)].sort((a, b) => a - b);
  const shown = unique.slice(0, SHOWN).map(String);
  const rest = unique.length - shown.length;
  return `rad ${rest > 0 ? `${shown.join(', ')} och ${rest} till` : joinSwedish(shown)}`;
}

function some(items: readonly string[]): string {
  const rest = items.length - SHOWN;
  return rest > 0 ? `${items.slice(0, SHOWN).join(', ')} och ${rest} till` : items.join(', ');
}

/** Groups items by a key, keeping the order in which keys first appear. */
function grouped<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    addTo(groups, key(item), item);
  }
  return [...groups.values()];
}

const count = (files: readonly PlannedFile[], kind: PlannedFile['kind']) => files.filter((file) => file.kind === kind).length;

export function formatImportReport(outcome: ImportOutcome): string[] {
  const { plan, written, kept } = outcome;
  const out: string[] = [];
  const section = (title: string, lines: readonly string[]) => {
    if (lines.length === 0) return;
    out.push('', `${title}:`, ...lines.map((line) => `  ${line}`));
  };
  out.push(`${outcome.file} (${outcome.description}), ${plan.table.reason}.`);
  if (plan.sheetNames.length > 1)
    out.push(`Bladen i arbetsboken: ${plan.sheetNames.map((name) => `"${name}"`).join(', ')} (välj ett annat med --sheet).`);
  const people = count(written, 'person');
  const units = count(written, 'unit');
  out.push(
    `${outcome.dryRun ? 'Skulle skriva' : 'Skrev'} ${count(written, 'system')} system, ${people} ${people === 1 ? 'person' : 'personer'} och ${units} ${units === 1 ? 'enhet' : 'enheter'}.`,
  );
  const used = plan.columns
    .filter((column) => column.field && column.field !== 'ignore')
    .map((column) => `${column.header} → ${column.field}`);
  const unused = plan.columns
    .filter((column) => column.header && (!column.field || column.field === 'ignore'))
    .map((column) => `"${column.header}"`);
  out.push(`Kolumner: ${used.join(', ') || 'inga kända'}.`);
  if (unused.length > 0)
    out.push(`Kolumner som inte användes: ${unused.join(', ')} (mappa dem under columns i en mappningsfil om de behövs).`);

  section('Om filen', outcome.fileNotes);
  section(
    'Rader som inte blev system',
    grouped(plan.skippedRows, (row) => row.reason).map((group) => `${rows(group.map((row) => row.row))}: ${group[0]?.reason}`),
  );
  section(
    'Celler som inte kunde användas',
    grouped(plan.cellNotes, (note) => `${note.column}\u0000${note.value}\u0000${note.reason}`).map((group) => {
      const first = group[0] as (typeof group)[number];
      return `${rows(group.map((note) => note.row))}, kolumn "${first.column}": "${first.value}" ${first.reason}`;
    }),
  );
  const keptLines = grouped(kept, (file) => file.kind).map(
    (group) =>
      `${group.length} ${group.length === 1 ? 'fil' : 'filer'} i ${KINDS[group[0]?.kind ?? 'system'].dir}/ finns redan och skrevs inte över (använd --overwrite för att ersätta dem): ${some(group.map((file) => `${file.id}.yaml`))}`,
  );
  section('Befintliga filer', keptLines);
  section('Antaganden', plan.assumptions);
  section(
    'Uppgifter som saknas i de skrivna filerna',
    grouped(
      written.filter((file) => file.missing.length > 0),
      (file) => `${file.kind}\u0000${file.missing.join(', ')}`,
    ).map((group) => {
      const first = group[0] as PlannedFile;
      return `${first.missing.join(', ')} saknas i ${group.length === 1 ? '' : `${group.length} `}${KINDS[first.kind].dir}/: ${some(group.map((file) => `${file.id}.yaml`))}`;
    }),
  );
  return out;
}
