// One spreadsheet row to the data of one system file: each mapped cell read
// with the value readers, and every cell that cannot be used noted.
import { SYSTEM_STATUSES } from '../model/lifecycle.ts';
import { CRITICALITY_LEVELS, HOSTING_FORMS, type HostingForm } from '../schema/vocabulary.ts';
import { toId } from '../text/text.ts';
import type { ColumnField } from './columns.ts';
import { NO_END_WORDS, readDate } from './dates.ts';
import type { CellNote, RegisterLookup } from './lookup.ts';
import type { PlannedFile } from './plan.ts';
import {
  fold,
  readCriticality,
  readKlassaLevel,
  readOrgNumber,
  readStatus,
  readSupplierAndHosting,
  readYesNo,
  splitCell,
} from './values.ts';

export interface RowInput {
  cells: readonly string[];
  /** Hyperlink targets of the row's cells, by column. */
  links: ReadonlyMap<number, string>;
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  columns: readonly { header: string; field: ColumnField | undefined }[];
  /** The unit from the section row above, for a row that names none. */
  sectionUnit: string | undefined;
  today: string;
}

export interface SystemFromRow {
  file: PlannedFile;
  /** System names in the dependencies column, resolved once every row is read. */
  dependencyNames: string[];
  /** Roles the sheet says nobody holds. */
  vacant: string[];
}

const KLASSA = ['confidentiality', 'integrity', 'availability'] as const;

export function systemFromRow(
  input: RowInput,
  existingId: string | undefined,
  lookup: RegisterLookup,
  note: (note: CellNote) => void,
): SystemFromRow {
  const { cells, links, row, columns } = input;
  const data: Record<string, unknown> = {};
  const roles: Record<string, unknown> = {};
  const supplier: Record<string, unknown> = {};
  const contract: Record<string, unknown> = {};
  const classification: Record<string, number> = {};
  const emails: Partial<Record<'owner' | 'manager', string>> = {};
  const dependencyNames: string[] = [];
  const vacant: string[] = [];
  let hosting: HostingForm | undefined;
  let link: string | undefined;
  columns.forEach(({ header, field }, index) => {
    const value = cells[index] ?? '';
    if (!value || !field || field === 'ignore') return;
    const column = header || `kolumn ${index + 1}`;
    const bad = (reason: string) => note({ row, column, value, reason });
    const date = (set: (iso: string) => void) => {
      const iso = readDate(value);
      if (iso) set(iso);
      else bad('är inget datum (ÅÅÅÅ-MM-DD)');
    };
    switch (field) {
      case 'name':
        data.name = value;
        if (links.get(index)) link ??= links.get(index);
        break;
      case 'id':
        if (toId(value) === value) data.id = value;
        else bad('är inget giltigt id; id skapas från systemnamnet');
        break;
      case 'description':
      case 'product':
      case 'notes':
        data[field] = value;
        break;
      case 'aliases':
        data.aliases = splitCell(value).slice(0, 20);
        break;
      case 'unit': {
        const [first, ...others] = splitCell(value);
        const unit = first ? lookup.unit(first, row, column) : undefined;
        if (unit) data.unit = unit;
        if (others.length > 0)
          bad(
            `anger flera verksamheter; ${first} blev ägande verksamhet, ${others.join(', ')} användes inte (ange dem som användare om de använder systemet)`,
          );
        break;
      }
      case 'owner':
      case 'manager': {
        const { ids, vacant: none } = lookup.people(value, row, column);
        if (ids[0]) roles[field] = ids[0];
        if (none && !ids[0]) vacant.push(field);
        if (ids.length > 1) bad(`anger flera personer men rollen har en; den första användes`);
        break;
      }
      case 'ownerEmail':
      case 'managerEmail':
        emails[field === 'ownerEmail' ? 'owner' : 'manager'] = value;
        break;
      case 'administrators': {
        const { ids, vacant: none } = lookup.people(value, row, column);
        if (ids.length > 0) roles.administrators = ids;
        else if (none) vacant.push('administrators');
        break;
      }
      case 'operations': {
        const holder = lookup.operations(value, row, column);
        if (holder) roles.operations = holder;
        break;
      }
      case 'users':
        roles.users = splitCell(value).map((part) => lookup.existingUnit(part) ?? { name: part });
        break;
      case 'supplier':
      case 'supplierAndHosting':
      case 'hosting': {
        const read = readSupplierAndHosting(value);
        if (read.hosting) hosting ??= read.hosting;
        if (read.supplier) {
          if (field === 'hosting') {
            supplier.name ??= read.supplier;
            bad(`är ingen driftform (${HOSTING_FORMS.join(', ')}); tolkades som leverantör`);
          } else supplier.name ??= read.supplier;
        }
        break;
      }
      case 'status': {
        const status = readStatus(value);
        if (status) data.status = status;
        else bad(`är ingen känd status (${SYSTEM_STATUSES.join(', ')})`);
        break;
      }
      case 'criticality': {
        const level = readCriticality(value);
        if (level) data.criticality = level;
        else bad(`är ingen känd kritikalitet (${CRITICALITY_LEVELS.join(', ')})`);
        break;
      }
      case 'orgNumber': {
        const number = readOrgNumber(value);
        if (number) supplier.orgNumber = number;
        else bad('är inget organisationsnummer (NNNNNN-NNNN)');
        break;
      }
      case 'contractEnd':
        if (NO_END_WORDS.test(fold(value))) bad('betyder att avtalet gäller tills vidare; inget slutdatum sattes');
        else date((iso) => (contract.end = iso));
        break;
      case 'contractStart':
        date((iso) => (contract.start = iso));
        break;
      case 'contractReference':
        contract.reference = value;
        break;
      case 'noticePeriod':
        contract.noticePeriod = value;
        break;
      case 'personalData': {
        const yes = readYesNo(value);
        if (yes === undefined) bad('är varken ja eller nej');
        else data.personalData = { processed: yes };
        break;
      }
      case 'confidentiality':
      case 'integrity':
      case 'availability': {
        const level = readKlassaLevel(value);
        if (level === undefined) bad('är ingen KLASSA-nivå 0–4');
        else classification[field] = level;
        break;
      }
      case 'dependencies':
        dependencyNames.push(...splitCell(value));
        break;
      case 'link': {
        const target = links.get(index) ?? value;
        if (/^https?:\/\/\S+$/.test(target)) link = target;
        else bad('är ingen webbadress (https://…)');
        break;
      }
      case 'reviewed':
        date((iso) => {
          if (iso <= input.today) data.reviewed = iso;
          else bad('ligger i framtiden; granskningsdatumet sattes inte');
        });
        break;
    }
  });
  if (!data.unit && input.sectionUnit) data.unit = input.sectionUnit;
  for (const [role, email] of Object.entries(emails)) {
    if (typeof roles[role] === 'string') lookup.giveEmail(roles[role] as string, email);
  }
  if (hosting) data.hosting = hosting;
  if (Object.keys(supplier).length > 0) {
    if (supplier.name) data.supplier = supplier;
    else note({ row, column: 'Organisationsnummer', value: String(supplier.orgNumber), reason: 'har ingen leverantör att höra till' });
  }
  if (Object.keys(contract).length > 0) data.contract = contract;
  if (Object.keys(classification).length > 0) {
    const missing = KLASSA.filter((level) => classification[level] === undefined);
    if (missing.length === 0) data.classification = classification;
    else
      note({
        row,
        column: 'Informationsklassning',
        value: JSON.stringify(classification),
        reason: 'saknar en eller flera av konfidentialitet, riktighet och tillgänglighet; klassningen sattes inte',
      });
  }
  if (link) data.links = { documentation: link };
  // A system already in the register keeps its id; an id from the sheet is used if free.
  const given = typeof data.id === 'string' ? data.id : undefined;
  const id = existingId ?? (given !== undefined && lookup.claim(given) ? given : lookup.freshId(String(data.name)));
  const ordered: Record<string, unknown> = { id, name: data.name };
  for (const key of ['aliases', 'description', 'product', 'unit', 'status']) if (data[key] !== undefined) ordered[key] = data[key];
  ordered.roles = roles;
  for (const [key, value] of Object.entries(data)) if (!(key in ordered)) ordered[key] = value;
  return { file: { kind: 'system', id, data: ordered, row, missing: [] }, dependencyNames, vacant };
}
