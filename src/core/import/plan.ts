// From a workbook to the register files it describes: the table found, one
// system per data row, plus the people and units the cells name that the
// register does not have yet. Every row and cell that cannot be used is
// noted with the reason. Pure: the command reads the file and writes the result.
import { roleTitle, type RoleKey } from '../domain/roles.ts';
import { valueAt } from '../data-path.ts';
import { COMMITTED_SCHEMAS } from '../schema/committed.ts';
import { fieldTitle } from '../schema/labels.ts';
import { fieldForHeader, type ColumnField } from './columns.ts';
import { chooseTable, type TableChoice } from './find-table.ts';
import { RegisterLookup } from './lookup.ts';
import { systemFromRow, type SystemFromRow } from './row.ts';
import type { Sheet } from './sheet.ts';
import type { CellNote, ImportConfig, KnownRegister, PlannedFile } from './types.ts';
import { fold } from './values.ts';

export interface ImportPlan {
  table: TableChoice;
  sheetNames: string[];
  columns: { header: string; field: ColumnField | undefined }[];
  files: PlannedFile[];
  /** Rows that did not become systems, and why. */
  skippedRows: { row: number; reason: string }[];
  cellNotes: CellNote[];
  assumptions: string[];
  /** Rows that became systems. */
  systemRows: number;
  /** Data rows whose system is already in the register. */
  knownRows: number;
}

/** The fields a system must have, from the schema: description, unit, status and the five roles. */
const REQUIRED_SYSTEM_FIELDS: string[] = [
  ...((COMMITTED_SCHEMAS.system.required ?? []) as string[]).filter((key) => !['id', 'name', 'roles'].includes(key)).map((key) => key),
  ...((COMMITTED_SCHEMAS.system.properties?.roles?.required ?? []) as string[]).map((key) => `roles.${key}`),
];

const SUMMARY = /^(summa|totalt|total|antal|sum|count|sammanlagt|summering)\b/;

export interface PlanOptions {
  sheet?: string;
  headerRow?: number;
  today: string;
  onRow?: (row: number, total: number) => void;
}

export function planImport(sheets: readonly Sheet[], known: KnownRegister, config: ImportConfig, options: PlanOptions): ImportPlan {
  const table = chooseTable(sheets, { ...options, ...(config.columns ? { columns: config.columns } : {}) });
  const { sheet, headerRow } = table;
  const header = sheet.rows[headerRow] ?? [];
  const columns = header.map((text) => ({ header: text.trim(), field: fieldForHeader(text, config.columns ?? {}) }));
  const plan: ImportPlan = {
    table,
    sheetNames: sheets.map((item) => item.name),
    columns,
    files: [],
    skippedRows: [],
    cellNotes: [],
    assumptions: [],
    systemRows: 0,
    knownRows: 0,
  };
  for (let index = 0; index < headerRow; index++) {
    const filled = (sheet.rows[index] ?? []).filter(Boolean);
    if (filled.length > 0)
      plan.skippedRows.push({ row: index + 1, reason: `står före rubrikraden ("${[...new Set(filled)].slice(0, 2).join('", "')}")` });
  }
  const nameColumn = columns.findIndex((column) => column.field === 'name');
  if (nameColumn < 0) {
    plan.skippedRows.push({
      row: headerRow + 1,
      reason:
        'ingen kolumn med systemnamn hittades (till exempel "System" eller "Systemnamn"); ange den under columns i en mappningsfil, eller välj rubrikraden med --header-row',
    });
    return plan;
  }
  const note = (cellNote: CellNote) => plan.cellNotes.push(cellNote);
  const lookup = new RegisterLookup(known, config, note);
  const systemsByName = new Map(known.systems.map((system) => [fold(system.name), system.id]));
  const seenNames = new Map<string, number>();
  const systems: SystemFromRow[] = [];
  let sectionUnit: string | undefined;
  let defaultedOperations = 0;
  let defaultedStatus = 0;
  for (let index = headerRow + 1; index < sheet.rows.length; index++) {
    const rowNumber = index + 1;
    options.onRow?.(rowNumber, sheet.rows.length);
    const cells = (sheet.rows[index] ?? []).map((cell) => cell.trim());
    const filled = cells.filter(Boolean);
    if (filled.length === 0) continue;
    const name = cells[nameColumn] ?? '';
    const distinct = [...new Set(filled)];
    if (fold(name) === fold(header[nameColumn] ?? '')) {
      plan.skippedRows.push({ row: rowNumber, reason: 'upprepad rubrikrad' });
      continue;
    }
    if (SUMMARY.test(fold(distinct[0] as string))) {
      plan.skippedRows.push({ row: rowNumber, reason: `summeringsrad ("${distinct[0]}")` });
      continue;
    }
    if (isSectionRow(cells, distinct, name, nameColumn, (value) => lookup.existingUnit(value) !== undefined)) {
      const value = distinct[0] as string;
      sectionUnit = lookup.unit(value.replace(/:$/, ''), rowNumber, columns[cells.indexOf(value)]?.header ?? 'avsnitt');
      plan.skippedRows.push({
        row: rowNumber,
        reason: `avsnittsrad ("${value}")${sectionUnit ? `; blev ägande verksamhet (${sectionUnit}) för raderna nedanför som saknar en` : ''}`,
      });
      continue;
    }
    if (!name) {
      plan.skippedRows.push({
        row: rowNumber,
        reason: `saknar systemnamn (${distinct
          .slice(0, 2)
          .map((cell) => `"${cell}"`)
          .join(', ')})`,
      });
      continue;
    }
    const folded = fold(name);
    if (seenNames.has(folded)) {
      plan.skippedRows.push({ row: rowNumber, reason: `"${name}" finns redan på rad ${seenNames.get(folded)}` });
      continue;
    }
    seenNames.set(folded, rowNumber);
    const links = new Map<number, string>();
    for (let column = 0; column < cells.length; column++) {
      const target = sheet.links.get(`${index}:${column}`);
      if (target) links.set(column, target);
    }
    const existing = systemsByName.get(folded);
    if (existing) plan.knownRows++;
    const system = systemFromRow({ cells, links, row: rowNumber, columns, sectionUnit, today: options.today }, existing, lookup, note);
    const roles = system.file.data.roles as Record<string, unknown>;
    if (!roles.operations && lookup.defaultOperations) {
      roles.operations = lookup.defaultOperations;
      defaultedOperations++;
    }
    if (!system.file.data.status) {
      system.file.data.status = config.defaults?.status ?? 'i drift';
      defaultedStatus++;
    }
    system.file.missing = REQUIRED_SYSTEM_FIELDS.filter((path) => !given(system.file.data, path)).map(
      (path) =>
        `${path} (${path.startsWith('roles.') ? roleTitle(path.slice(6) as RoleKey, 'plural') : fieldTitle('system', path.split('.'))})`,
    );
    systems.push(system);
    plan.files.push(system.file);
  }
  plan.systemRows = systems.length;
  resolveDependencies(systems, known, note);
  if (defaultedOperations > 0) {
    plan.assumptions.push(
      `Driftansvarig sattes till "${lookup.defaultOperations}" för ${defaultedOperations} system där kalkylarket inte anger någon (ändra med defaults.operations i mappningsfilen).`,
    );
  }
  if (defaultedStatus > 0)
    plan.assumptions.push(`Status sattes till "${config.defaults?.status ?? 'i drift'}" för ${defaultedStatus} system utan status.`);
  const created = lookup.createdFiles(config.emailDomain);
  if (config.emailDomain && created.some((file) => file.kind === 'person')) {
    plan.assumptions.push(`Nya personer utan e-post fick fornamn.efternamn@${config.emailDomain}; kontrollera adresserna.`);
  }
  plan.files.push(...created);
  return plan;
}

/**
 * A row with one value only, naming a unit, in capitals, ending in a colon,
 * spread over several merged cells, or outside the name column: a section
 * heading, not a system.
 */
function isSectionRow(
  cells: readonly string[],
  distinct: readonly string[],
  name: string,
  nameColumn: number,
  isUnit: (value: string) => boolean,
): boolean {
  if (distinct.length !== 1) return false;
  const value = distinct[0] as string;
  const spread = cells.filter((cell) => cell === value).length > 1;
  return (
    spread || !name || isUnit(value) || value === value.toLocaleUpperCase('sv') || value.endsWith(':') || cells.indexOf(value) !== nameColumn
  );
}

/** Dependencies name other systems: in the register, or planned by this import. */
function resolveDependencies(systems: readonly SystemFromRow[], known: KnownRegister, note: (cellNote: CellNote) => void): void {
  const byName = new Map<string, string>([
    ...known.systems.map((system) => [fold(system.name), system.id] as const),
    ...known.systems.map((system) => [system.id, system.id] as const),
    ...systems.map((system) => [fold(String(system.file.data.name)), system.file.id] as const),
  ]);
  for (const system of systems) {
    const ids = system.dependencyNames.flatMap((name) => {
      const id = byName.get(fold(name)) ?? byName.get(name);
      if (id === undefined)
        note({ row: system.file.row, column: 'Beroenden', value: name, reason: 'är inget system i registret eller kalkylarket' });
      return id === undefined || id === system.file.id ? [] : [id];
    });
    if (ids.length > 0) system.file.data.dependencies = [...new Set(ids)];
  }
}

/** A required field counts as given when present and, for lists, not empty. */
function given(data: Record<string, unknown>, path: string): boolean {
  const value = valueAt(data, path.split('.'));
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}
