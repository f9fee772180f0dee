// From the rows of a spreadsheet to the register files they describe: one
// system per row, plus the people and units the cells name that the register
// does not have yet. Every row or cell that cannot be used is reported with
// the reason. Pure: the command reads the file and writes the result.
import type { HostingForm } from '../schema/vocabulary.ts';
import { closestMatch, toId } from '../text.ts';
import { fieldForHeader, isMixedSupplierHosting, type ImportField } from './columns.ts';
import {
  fold,
  readCriticality,
  readDate,
  readOrgNumber,
  readPerson,
  readStatus,
  readSupplierAndHosting,
  readYesNo,
  splitCell,
} from './values.ts';

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
  const context = new Context(known, config, plan);
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
    const system = context.system(cells, rowNumber, systemsByName.get(folded));
    if (!(system.data.roles as Record<string, unknown>).operations && context.defaultOperations) {
      (system.data.roles as Record<string, unknown>).operations = context.defaultOperations;
      defaultedOperations++;
    }
    if (!system.data.status) {
      system.data.status = config.defaults?.status ?? 'i drift';
      defaultedStatus++;
    }
    system.missing = REQUIRED_SYSTEM_FIELDS.filter(([path]) => valueAt(system.data, path) === undefined).map(
      ([path, label]) => `${path} (${label})`,
    );
    plan.files.push(system);
  }
  if (defaultedOperations > 0) {
    plan.assumptions.push(
      `Driftansvarig sattes till "${context.defaultOperations}" för ${defaultedOperations} system där kalkylarket inte anger någon (ändra med defaults.operations i mappningsfilen).`,
    );
  }
  if (defaultedStatus > 0)
    plan.assumptions.push(`Status sattes till "${config.defaults?.status ?? 'i drift'}" för ${defaultedStatus} system utan status.`);
  if (config.emailDomain && plan.files.some((file) => file.kind === 'person' && file.data.email)) {
    plan.assumptions.push(`Nya personers e-post gissades som fornamn.efternamn@${config.emailDomain}; kontrollera adresserna.`);
  }
  plan.files.push(...context.createdFiles());
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

function valueAt(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const segment of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[segment];
  return Array.isArray(value) && value.length === 0 ? undefined : value;
}

/**
 * Looks up and creates the people and units that cells name. Lookups go
 * through maps built once, so a sheet of thousands of rows stays linear.
 */
class Context {
  private readonly plannedIds = new Set<string>();
  private readonly newPeople = new Map<string, PlannedFile>();
  private readonly newUnits = new Map<string, PlannedFile>();
  readonly defaultOperations: string | undefined;
  private readonly rootUnit: string | undefined;
  private readonly known: KnownRegister;
  private readonly config: ImportConfig;
  private readonly plan: ImportPlan;
  private readonly peopleByName: Map<string, string>;
  private readonly peopleByEmail: Map<string, string>;
  private readonly unitsByName: Map<string, string>;
  private readonly unitIds: Set<string>;
  private readonly unitAliases: Map<string, string>;

  constructor(known: KnownRegister, config: ImportConfig, plan: ImportPlan) {
    this.known = known;
    this.config = config;
    this.plan = plan;
    this.peopleByName = new Map(known.people.map((person) => [fold(person.name), person.id]));
    this.peopleByEmail = new Map(
      known.people.filter((person) => person.email).map((person) => [(person.email as string).toLowerCase(), person.id]),
    );
    this.unitsByName = new Map(known.units.map((unit) => [fold(unit.name), unit.id]));
    this.unitIds = new Set(known.units.map((unit) => unit.id));
    this.unitAliases = new Map(Object.entries(config.units ?? {}).map(([name, id]) => [fold(name), id]));
    this.defaultOperations = config.defaults?.operations ?? known.itDepartment;
    this.rootUnit = known.units.find((unit) => !unit.parent)?.id;
  }

  private issue(row: number, column: string, value: string, reason: string): void {
    this.plan.cellIssues.push({ row, column, value, reason });
  }

  private freshId(name: string): string {
    const base = toId(name) || 'namnlos';
    let id = base;
    for (let n = 2; this.known.ids.has(id) || this.plannedIds.has(id); n++) id = `${base}-${n}`;
    this.plannedIds.add(id);
    return id;
  }

  system(cells: readonly string[], row: number, existingId: string | undefined): PlannedFile {
    const data: Record<string, unknown> = {};
    const roles: Record<string, unknown> = {};
    const supplier: Record<string, unknown> = {};
    const contract: Record<string, unknown> = {};
    const columnName = (index: number) => this.plan.columns[index]?.header || `kolumn ${index + 1}`;
    let hosting: HostingForm | undefined;
    this.plan.columns.forEach(({ field }, index) => {
      const value = cells[index] ?? '';
      if (!value || !field || field === 'ignore') return;
      const column = columnName(index);
      const bad = (reason: string) => this.issue(row, column, value, reason);
      switch (field) {
        case 'name':
          data.name = value;
          break;
        case 'id':
          if (toId(value) === value) data.id = value;
          else bad(`är inget giltigt id; id skapas från systemnamnet`);
          break;
        case 'description':
        case 'product':
        case 'notes':
          data[field] = value;
          break;
        case 'unit': {
          const [first, ...others] = splitCell(value);
          const unit = first ? this.unit(first, row, column) : undefined;
          if (unit) data.unit = unit;
          if (others.length > 0)
            bad(
              `anger flera verksamheter; ${first} blev ägande verksamhet, ${others.join(', ')} användes inte (ange dem som användare om de använder systemet)`,
            );
          break;
        }
        case 'owner':
        case 'manager': {
          const [first, ...others] = splitCell(value);
          const person = first ? this.person(first, row, column) : undefined;
          if (person) roles[field] = person;
          if (others.length > 0) bad(`anger flera personer men rollen har en; ${first} användes, inte ${others.join(', ')}`);
          break;
        }
        case 'administrators': {
          const people = splitCell(value)
            .map((part) => this.person(part, row, column))
            .filter((id): id is string => id !== undefined);
          if (people.length > 0) roles.administrators = [...new Set(people)];
          break;
        }
        case 'operations': {
          const holder = this.operations(value, row, column);
          if (holder) roles.operations = holder;
          break;
        }
        case 'users': {
          const groups = splitCell(value).map((part) => this.existingUnit(part) ?? { name: part });
          roles.users = groups;
          break;
        }
        case 'supplier':
        case 'supplierAndHosting':
        case 'hosting': {
          const read = readSupplierAndHosting(value);
          if (read.hosting) hosting ??= read.hosting;
          if (read.supplier) {
            if (field === 'hosting') {
              if (!supplier.name) supplier.name = read.supplier;
              bad(`är ingen driftform (egen drift, extern drift, molntjänst); tolkades som leverantör`);
            } else supplier.name ??= read.supplier;
          }
          break;
        }
        case 'status': {
          const status = readStatus(value);
          if (status) data.status = status;
          else bad('är ingen känd status (planerad, under upphandling, under införande, i drift, under avveckling, avställd, avvecklad)');
          break;
        }
        case 'criticality': {
          const level = readCriticality(value);
          if (level) data.criticality = level;
          else bad('är ingen känd kritikalitet (låg, medel, hög, kritisk)');
          break;
        }
        case 'orgNumber': {
          const number = readOrgNumber(value);
          if (number) supplier.orgNumber = number;
          else bad('är inget organisationsnummer (NNNNNN-NNNN)');
          break;
        }
        case 'contractEnd': {
          const date = readDate(value);
          if (date) contract.end = date;
          else bad('är inget datum (ÅÅÅÅ-MM-DD)');
          break;
        }
        case 'contractReference':
          contract.reference = value;
          break;
        case 'personalData': {
          const yes = readYesNo(value);
          if (yes === undefined) bad('är varken ja eller nej');
          else data.personalData = { processed: yes };
          break;
        }
        case 'reviewed': {
          const date = readDate(value);
          if (date) data.reviewed = date;
          else bad('är inget datum (ÅÅÅÅ-MM-DD)');
          break;
        }
      }
    });
    if (hosting) data.hosting = hosting;
    if (Object.keys(supplier).length > 0) {
      if (supplier.name) data.supplier = supplier;
      else this.issue(row, 'Organisationsnummer', String(supplier.orgNumber), 'har ingen leverantör att höra till');
    }
    if (Object.keys(contract).length > 0) data.contract = contract;
    const id =
      existingId ??
      (typeof data.id === 'string' && !this.known.ids.has(data.id) && !this.plannedIds.has(data.id)
        ? data.id
        : this.freshId(String(data.name)));
    this.plannedIds.add(id);
    const ordered: Record<string, unknown> = { id, name: data.name };
    for (const key of ['description', 'product', 'unit', 'status']) if (data[key] !== undefined) ordered[key] = data[key];
    ordered.roles = roles;
    for (const [key, value] of Object.entries(data)) if (!(key in ordered)) ordered[key] = value;
    return { kind: 'system', id, data: ordered, row, missing: [] };
  }

  private existingUnit(value: string): string | undefined {
    if (this.unitIds.has(value)) return value;
    const folded = fold(value);
    return this.unitAliases.get(folded) ?? this.unitsByName.get(folded) ?? this.newUnits.get(folded)?.id;
  }

  unit(value: string, row: number, column: string): string | undefined {
    const found = this.existingUnit(value);
    if (found) return found;
    const folds = this.known.units.map((unit) => fold(unit.name));
    const meant = closestMatch(fold(value), folds);
    if (meant !== undefined) {
      const unit = this.known.units[folds.indexOf(meant)] as { id: string; name: string };
      this.issue(row, column, value, `finns inte; tolkades som ${unit.name} (${unit.id})`);
      return unit.id;
    }
    if (!/[a-zåäö]/.test(value) || value.length < 4) {
      this.issue(row, column, value, 'ser ut som en förkortning som inte finns i registret; ange enhetens id under units i mappningsfilen');
      return undefined;
    }
    const id = this.freshId(value);
    const folded = fold(value);
    const type = /forvaltning(en)?$/.test(folded)
      ? 'förvaltning'
      : /\bab$/.test(folded)
        ? 'kommunalt bolag'
        : /namnd(en)?$/.test(folded)
          ? 'nämnd'
          : 'avdelning';
    const data: Record<string, unknown> = { id, name: value, type, ...(this.rootUnit ? { parent: this.rootUnit } : {}) };
    this.newUnits.set(folded, { kind: 'unit', id, data, row, missing: this.rootUnit ? [] : ['parent (Överordnad enhet)'] });
    return id;
  }

  person(value: string, row: number, column: string): string | undefined {
    const mention = readPerson(value);
    if (!mention) {
      const reason =
        /^[a-zåäö]/.test(value) || !/\s/.test(value)
          ? 'ser ut som en befattning eller grupp, inte ett namn; ange personen'
          : 'kunde inte läsas som ett namn';
      this.issue(row, column, value, reason);
      return undefined;
    }
    const existing =
      (mention.email ? this.peopleByEmail.get(mention.email.toLowerCase()) : undefined) ??
      (mention.name ? this.peopleByName.get(fold(mention.name)) : undefined);
    if (existing) return existing;
    const key = mention.email?.toLowerCase() ?? fold(mention.name ?? '');
    const planned = this.newPeople.get(key) ?? (mention.name ? this.newPeople.get(fold(mention.name)) : undefined);
    if (planned) {
      if (mention.title && !planned.data.title) planned.data.title = mention.title;
      return planned.id;
    }
    if (!mention.name) {
      this.issue(row, column, value, 'anger bara en e-postadress som inte finns i registret; ange namnet');
      return undefined;
    }
    const id = this.freshId(mention.name);
    const email =
      mention.email ?? (this.config.emailDomain ? `${toId(mention.name).replace(/-/g, '.')}@${this.config.emailDomain}` : undefined);
    const data: Record<string, unknown> = {
      id,
      name: mention.name,
      ...(mention.title ? { title: mention.title } : {}),
      ...(email ? { email } : {}),
      active: true,
    };
    const file: PlannedFile = { kind: 'person', id, data, row, missing: [] };
    this.newPeople.set(key, file);
    if (mention.name) this.newPeople.set(fold(mention.name), file);
    return id;
  }

  private operations(value: string, row: number, column: string): string | undefined {
    const folded = fold(value);
    if (/^it(-?avdelningen|-?enheten|-?kontoret|avdelningen)?$/.test(folded) && this.known.itDepartment) return this.known.itDepartment;
    if (/^leverantor(en)?$/.test(folded)) {
      this.issue(row, column, value, 'driftansvarig ska vara en enhet eller person i kommunen; standardvärdet användes');
      return undefined;
    }
    const unit = this.existingUnit(value);
    if (unit) return unit;
    if (readPerson(value)) return this.person(value, row, column);
    return this.unit(value, row, column);
  }

  createdFiles(): PlannedFile[] {
    const people = [...new Set(this.newPeople.values())].map((file) => ({
      ...file,
      missing: [...(file.data.title ? [] : ['title (Befattning)']), 'unit (Enhet)', ...(file.data.email ? [] : ['email (E-post)'])],
    }));
    return [...this.newUnits.values(), ...people];
  }
}
