// From the rows of a spreadsheet to the register files they describe: one
// system per row, plus the people and units the cells name that the register
// does not have yet. Every row or cell that cannot be used is reported with
// the reason. Pure: the command reads the file and writes the result.
import { fieldForHeader, isMixedSupplierHosting, type ImportField } from './columns.ts';
import { valueAt } from '../model/references.ts';
import { RegisterLookup } from './lookup.ts';
import { systemFromRow } from './row.ts';
import { fold } from './values.ts';

export interface ImportConfig {
  /** Header → field, for headers the importer does not know or reads wrongly. */
  columns?: Record<string, ImportField>;
  /** Values for fields a sheet leaves empty. */
  defaults?: { status?: string; operations?: string };
  /** Gives new people an e-post address fornamn.efternamn@<domain>. */
  emailDomain?: string;
  /** Abbreviations and other names for units: "HVOF" → "halso-och-vardforvaltningen". */
  units?: Record<string, string>;
}

export interface KnownRegister {
  people: { id: string; name: string; email?: string }[];
  units: { id: string; name: string; parent?: string }[];
  systems: { id: string; name: string }[];
  /** Every id in use, of any kind. */
  ids: ReadonlySet<string>;
  itDepartment?: string;
}

export interface PlannedFile {
  kind: 'system' | 'person' | 'unit';
  id: string;
  data: Record<string, unknown>;
  /** Spreadsheet row (1-based) the entry came from; for people and units the first row naming them. */
  row: number;
  /** Required fields the sheet did not give, as "roles.manager (Systemförvaltare)". */
  missing: string[];
}

export interface ImportPlan {
  headerRow: number;
  columns: { header: string; field: ImportField | 'supplierAndHosting' | undefined }[];
  files: PlannedFile[];
  skippedRows: { row: number; reason: string }[];
  cellIssues: { row: number; column: string; value: string; reason: string }[];
  assumptions: string[];
  rowCount: number;
}

const REQUIRED_SYSTEM_FIELDS: [path: string, label: string][] = [
  ['description', 'Beskrivning'],
  ['unit', 'Ägande verksamhet'],
  ['roles.owner', 'Systemägare'],
  ['roles.manager', 'Systemförvaltare'],
  ['roles.administrators', 'Systemadministratörer'],
  ['roles.users', 'Användare'],
];

export function planImport(
  rows: readonly string[][],
  known: KnownRegister,
  config: ImportConfig = {},
  onRow?: (row: number, total: number) => void,
): ImportPlan {
  const headerIndex = findHeaderRow(rows, config);
  const header = rows[headerIndex] ?? [];
  const columns = header.map((text) => ({
    header: text.trim(),
    field:
      isMixedSupplierHosting(text) && !config.columns?.[text]
        ? ('supplierAndHosting' as const)
        : fieldForHeader(text, config.columns ?? {}),
  }));
  const plan: ImportPlan = {
    headerRow: headerIndex + 1,
    columns,
    files: [],
    skippedRows: [],
    cellIssues: [],
    assumptions: [],
    rowCount: rows.length,
  };
  for (let index = 0; index < headerIndex; index++) {
    if (rows[index]?.some((cell) => cell.trim())) plan.skippedRows.push({ row: index + 1, reason: 'står före rubrikraden' });
  }
  const nameColumn = columns.findIndex((column) => column.field === 'name');
  if (nameColumn < 0) {
    plan.skippedRows.push({
      row: headerIndex + 1,
      reason: 'ingen kolumn med systemnamn hittades (till exempel "System" eller "Systemnamn"); ange den under columns i en mappningsfil',
    });
    return plan;
  }
  const report = (row: number, column: string, value: string, reason: string) => plan.cellIssues.push({ row, column, value, reason });
  const lookup = new RegisterLookup(known, config, report);
  const systemsByName = new Map(known.systems.map((system) => [fold(system.name), system.id]));
  const seenNames = new Map<string, number>();
  let defaultedOperations = 0;
  let defaultedStatus = 0;
  for (let index = headerIndex + 1; index < rows.length; index++) {
    const rowNumber = index + 1;
    onRow?.(rowNumber, rows.length);
    const cells = (rows[index] ?? []).map((cell) => (cell ?? '').trim());
    const filled = cells.filter(Boolean);
    if (filled.length === 0) continue;
    const name = cells[nameColumn] ?? '';
    const skip = rowSkipReason(name, filled, cells, header, nameColumn);
    if (skip) {
      plan.skippedRows.push({ row: rowNumber, reason: skip });
      continue;
    }
    const folded = fold(name);
    if (seenNames.has(folded)) {
      plan.skippedRows.push({ row: rowNumber, reason: `"${name}" finns redan på rad ${seenNames.get(folded)}` });
      continue;
    }
    seenNames.set(folded, rowNumber);
    const system = systemFromRow(cells, rowNumber, systemsByName.get(folded), plan.columns, lookup, report);
    if (!(system.data.roles as Record<string, unknown>).operations && lookup.defaultOperations) {
      (system.data.roles as Record<string, unknown>).operations = lookup.defaultOperations;
      defaultedOperations++;
    }
    if (!system.data.status) {
      system.data.status = config.defaults?.status ?? 'i drift';
      defaultedStatus++;
    }
    system.missing = REQUIRED_SYSTEM_FIELDS.filter(([path]) => !given(system.data, path)).map(([path, label]) => `${path} (${label})`);
    plan.files.push(system);
  }
  if (defaultedOperations > 0) {
    plan.assumptions.push(
      `Driftansvarig sattes till "${lookup.defaultOperations}" för ${defaultedOperations} system där kalkylarket inte anger någon (ändra med defaults.operations i mappningsfilen).`,
    );
  }
  if (defaultedStatus > 0)
    plan.assumptions.push(`Status sattes till "${config.defaults?.status ?? 'i drift'}" för ${defaultedStatus} system utan status.`);
  if (config.emailDomain && plan.files.some((file) => file.kind === 'person' && file.data.email)) {
    plan.assumptions.push(`Nya personers e-post gissades som fornamn.efternamn@${config.emailDomain}; kontrollera adresserna.`);
  }
  plan.files.push(...lookup.createdFiles());
  return plan;
}

/** The first row of the first ten that names at least two known columns. */
function findHeaderRow(rows: readonly string[][], config: ImportConfig): number {
  for (let index = 0; index < Math.min(rows.length, 10); index++) {
    const known = (rows[index] ?? []).filter(
      (cell) => cell.trim() && (fieldForHeader(cell, config.columns ?? {}) || isMixedSupplierHosting(cell)),
    ).length;
    if (known >= 2) return index;
  }
  return 0;
}

function rowSkipReason(
  name: string,
  filled: readonly string[],
  cells: readonly string[],
  header: readonly string[],
  nameColumn: number,
): string | undefined {
  if (fold(name) === fold(header[nameColumn] ?? '')) return 'upprepad rubrikrad';
  if (!name)
    return `saknar systemnamn (${filled
      .slice(0, 2)
      .map((cell) => `"${cell}"`)
      .join(', ')})`;
  if (/^(summa|totalt|antal|total)\b/i.test(name)) return `summeringsrad ("${name}")`;
  if (filled.length === 1 && cells.indexOf(name) === nameColumn && (name === name.toLocaleUpperCase('sv') || name.endsWith(':')))
    return `rubrikrad ("${name}")`;
  return undefined;
}

/** A required field counts as given when present and, for lists, not empty. */
function given(data: Record<string, unknown>, path: string): boolean {
  const value = valueAt(data, path.split('.'));
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}
