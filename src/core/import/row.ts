// One spreadsheet row to the data of one system file: each mapped cell read
// with the value readers, and every cell that cannot be used noted.
import { SYSTEM_STATUSES } from '../domain/lifecycle.ts';
import { CRITICALITY_LEVELS, DATA_LOCATIONS, HOSTING_FORMS, PHONE_PATTERN, type HostingForm } from '../vocabulary.ts';
import { toId } from '../text/text.ts';
import type { ColumnField } from './columns.ts';
import { NO_END_WORDS, readDate } from './dates.ts';
import type { RegisterLookup } from './lookup.ts';
import type { CellNote, PlannedFile } from './types.ts';
import {
  fold,
  loginMethodHasMfa,
  readCriticality,
  readDataLocation,
  readDuration,
  readKlassaLevel,
  readMfa,
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

/** What a row's cells say about one system, gathered before it becomes the file's data. */
interface SystemDraft {
  data: Record<string, unknown>;
  roles: Record<string, unknown>;
  supplier: Record<string, unknown>;
  contract: Record<string, unknown>;
  classification: Record<string, number>;
  continuity: Record<string, unknown>;
  security: Record<string, unknown>;
  hostedAt: Record<string, unknown>;
  emails: Partial<Record<'owner' | 'manager', string>>;
  dependencyNames: string[];
  vacant: string[];
  hosting?: HostingForm;
  link?: string;
}

/** One cell, with what a reader needs to use it or say why it cannot. */
interface Cell {
  value: string;
  index: number;
  column: string;
  draft: SystemDraft;
  input: RowInput;
  lookup: RegisterLookup;
  /** Notes the cell as unusable, and why. */
  bad: (reason: string) => void;
  /** Reads the cell as a date and passes it on, or notes that it is none. */
  date: (set: (iso: string) => void) => void;
}

type CellReader = (cell: Cell) => void;

const text: CellReader = ({ value, draft, input, index }) => {
  const field = input.columns[index]?.field as 'description' | 'product' | 'notes';
  draft.data[field] = value;
};

const person: CellReader = ({ value, draft, lookup, input, column, index, bad }) => {
  const role = input.columns[index]?.field as 'owner' | 'manager';
  const { ids, vacant } = lookup.people(value, input.row, column);
  if (ids[0]) draft.roles[role] = ids[0];
  if (vacant && !ids[0]) draft.vacant.push(role);
  if (ids.length > 1) bad('anger flera personer men rollen har en; den första användes');
};

const supplierOrHosting: CellReader = ({ value, draft, input, index, bad }) => {
  const read = readSupplierAndHosting(value);
  if (read.hosting) draft.hosting ??= read.hosting;
  if (!read.supplier) return;
  draft.supplier.name ??= read.supplier;
  if (input.columns[index]?.field === 'hosting') bad(`är ingen driftform (${HOSTING_FORMS.join(', ')}); tolkades som leverantör`);
};

const klassa: CellReader = ({ value, draft, input, index, bad }) => {
  const level = readKlassaLevel(value);
  if (level === undefined) bad('är ingen KLASSA-nivå 0–4');
  else draft.classification[input.columns[index]?.field as (typeof KLASSA)[number]] = level;
};

/** How each column's cell is read into the draft. */
const READERS: Record<Exclude<ColumnField, 'ignore'>, CellReader> = {
  name: ({ value, draft, input, index }) => {
    draft.data.name = value;
    if (input.links.get(index)) draft.link ??= input.links.get(index);
  },
  id: ({ value, draft, bad }) => {
    if (toId(value) === value) draft.data.id = value;
    else bad('är inget giltigt id; id skapas från systemnamnet');
  },
  description: text,
  product: text,
  notes: text,
  aliases: ({ value, draft }) => {
    draft.data.aliases = splitCell(value).slice(0, 20);
  },
  unit: ({ value, draft, lookup, input, column, bad }) => {
    const [first, ...others] = splitCell(value);
    const unit = first ? lookup.unit(first, input.row, column) : undefined;
    if (unit) draft.data.unit = unit;
    if (others.length > 0)
      bad(`anger flera verksamheter; ${first} blev ägande verksamhet, ${others.join(', ')} användes inte (ange dem som användare om de använder systemet)`);
  },
  owner: person,
  manager: person,
  ownerEmail: ({ value, draft }) => {
    draft.emails.owner = value;
  },
  managerEmail: ({ value, draft }) => {
    draft.emails.manager = value;
  },
  administrators: ({ value, draft, lookup, input, column }) => {
    const { ids, vacant } = lookup.people(value, input.row, column);
    if (ids.length > 0) draft.roles.administrators = ids;
    else if (vacant) draft.vacant.push('administrators');
  },
  operations: ({ value, draft, lookup, input, column }) => {
    const holder = lookup.operations(value, input.row, column);
    if (holder) draft.roles.operations = holder;
  },
  users: ({ value, draft, lookup }) => {
    draft.roles.users = splitCell(value).map((part) => lookup.existingUnit(part) ?? { name: part });
  },
  supplier: supplierOrHosting,
  supplierAndHosting: supplierOrHosting,
  hosting: supplierOrHosting,
  status: ({ value, draft, bad }) => {
    const status = readStatus(value);
    if (status) draft.data.status = status;
    else bad(`är ingen känd status (${SYSTEM_STATUSES.join(', ')})`);
  },
  criticality: ({ value, draft, bad }) => {
    const level = readCriticality(value);
    if (level) draft.data.criticality = level;
    else bad(`är ingen känd kritikalitet (${CRITICALITY_LEVELS.join(', ')})`);
  },
  orgNumber: ({ value, draft, bad }) => {
    const number = readOrgNumber(value);
    if (number) draft.supplier.orgNumber = number;
    else bad('är inget organisationsnummer (NNNNNN-NNNN)');
  },
  contractEnd: ({ value, draft, bad, date }) => {
    if (NO_END_WORDS.test(fold(value))) bad('betyder att avtalet gäller tills vidare; inget slutdatum sattes');
    else date((iso) => (draft.contract.end = iso));
  },
  contractStart: ({ draft, date }) => date((iso) => (draft.contract.start = iso)),
  contractReference: ({ value, draft }) => {
    draft.contract.reference = value;
  },
  noticePeriod: ({ value, draft }) => {
    draft.contract.noticePeriod = value;
  },
  personalData: ({ value, draft, bad }) => {
    const yes = readYesNo(value);
    if (yes === undefined) bad('är varken ja eller nej');
    else draft.data.personalData = { processed: yes };
  },
  confidentiality: klassa,
  integrity: klassa,
  availability: klassa,
  dependencies: ({ value, draft }) => {
    draft.dependencyNames.push(...splitCell(value));
  },
  link: ({ value, draft, input, index, bad }) => {
    const target = input.links.get(index) ?? value;
    if (/^https?:\/\/\S+$/.test(target)) draft.link = target;
    else bad('är ingen webbadress (https://…)');
  },
  reviewed: pastDate((draft, iso) => (draft.data.reviewed = iso), 'granskningsdatumet'),
  loginMethod: ({ value, draft }) => {
    draft.data.loginMethod = value.replace(/\s+/g, ' ');
    // "SITHS-kort", "BankID", "MFA via Authenticator": the login method says so itself.
    if (loginMethodHasMfa(value)) draft.security.mfa ??= 'ja';
  },
  rto: duration('rto'),
  rpo: duration('rpo'),
  fallback: ({ value, draft }) => {
    draft.continuity.fallback = value;
  },
  backup: ({ value, draft }) => {
    draft.continuity.backup = value;
  },
  restoreTested: pastDate((draft, iso) => (draft.continuity.restoreTested = iso), 'testdatumet'),
  accessReviewed: pastDate((draft, iso) => (draft.security.accessReviewed = iso), 'granskningsdatumet'),
  mfa: ({ value, draft, bad }) => {
    const mfa = readMfa(value);
    if (mfa) draft.security.mfa = mfa;
    else bad('är varken ja, nej eller delvis');
  },
  dataLocation: ({ value, draft, bad }) => {
    const location = readDataLocation(value);
    if (location) draft.security.dataLocation = location;
    else bad(`är ingen känd plats för datalagring (${DATA_LOCATIONS.join(', ')})`);
  },
  supplierSupport: ({ value, draft }) => {
    const trimmed = value.trim();
    draft.supplier.support = PHONE_PATTERN.test(trimmed) ? { phone: trimmed } : EMAIL.test(trimmed) ? { email: trimmed } : value;
  },
  hostingProvider: ({ value, draft }) => {
    draft.hostedAt.provider = value.replace(/\s+/g, ' ').trim();
  },
  dataCenter: ({ value, draft }) => {
    draft.hostedAt.location = value.replace(/\s+/g, ' ').trim();
  },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A recovery time or acceptable data loss, written as people do ("4 timmar", "2 dygn"). */
function duration(key: 'rto' | 'rpo'): CellReader {
  return ({ value, draft, bad }) => {
    const read = readDuration(value);
    if (read) draft.continuity[key] = read;
    else bad('är ingen tid som "4 timmar", "2 dagar" eller "1 vecka"');
  };
}

/** A date that has passed: a test or a review cannot have been done later than today. */
function pastDate(set: (draft: SystemDraft, iso: string) => void, what: string): CellReader {
  return ({ draft, input, bad, date }) =>
    date((iso) => {
      if (iso <= input.today) set(draft, iso);
      else bad(`ligger i framtiden; ${what} sattes inte`);
    });
}

export function systemFromRow(
  input: RowInput,
  existingId: string | undefined,
  lookup: RegisterLookup,
  note: (note: CellNote) => void,
): SystemFromRow {
  const draft: SystemDraft = {
    data: {},
    roles: {},
    supplier: {},
    contract: {},
    classification: {},
    continuity: {},
    security: {},
    hostedAt: {},
    emails: {},
    dependencyNames: [],
    vacant: [],
  };
  input.columns.forEach(({ header, field }, index) => {
    const value = input.cells[index] ?? '';
    if (!value || !field || field === 'ignore') return;
    const column = header || `kolumn ${index + 1}`;
    const bad = (reason: string) => note({ row: input.row, column, value, reason });
    const date = (set: (iso: string) => void) => {
      const iso = readDate(value);
      if (iso) set(iso);
      else bad('är inget datum (ÅÅÅÅ-MM-DD)');
    };
    READERS[field]({ value, index, column, draft, input, lookup, bad, date });
  });
  return assemble(draft, input, existingId, lookup, note);
}

/** The draft as a system file's data, in the order people expect to read it. */
function assemble(draft: SystemDraft, input: RowInput, existingId: string | undefined, lookup: RegisterLookup, note: (note: CellNote) => void): SystemFromRow {
  const { data, roles, supplier, contract, classification } = draft;
  const { row } = input;
  if (!data.unit && input.sectionUnit) data.unit = input.sectionUnit;
  for (const [role, email] of Object.entries(draft.emails)) {
    if (typeof roles[role] === 'string') lookup.giveEmail(roles[role] as string, email);
  }
  if (draft.hosting) data.hosting = draft.hosting;
  if (Object.keys(supplier).length > 0) {
    if (supplier.name) data.supplier = supplier;
    else {
      const support = supplier.support;
      const [column, value] = supplier.orgNumber
        ? ['Organisationsnummer', String(supplier.orgNumber)]
        : ['Support', typeof support === 'object' && support !== null ? Object.values(support).join(', ') : String(support)];
      note({ row, column, value, reason: 'har ingen leverantör att höra till' });
    }
  }
  if (Object.keys(contract).length > 0) data.contract = contract;
  if (Object.keys(draft.continuity).length > 0) data.continuity = draft.continuity;
  if (Object.keys(draft.security).length > 0) data.security = draft.security;
  if (draft.hostedAt.provider) data.hostedAt = draft.hostedAt;
  else if (draft.hostedAt.location)
    note({ row, column: 'Datacenter', value: String(draft.hostedAt.location), reason: 'har ingen driftleverantör att höra till (kolumnen Driftleverantör)' });
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
  if (draft.link) data.links = { documentation: draft.link };
  // A system already in the register keeps its id; an id from the sheet is used if free.
  const given = typeof data.id === 'string' ? data.id : undefined;
  const id = existingId ?? (given !== undefined && lookup.claim(given) ? given : lookup.freshId(String(data.name)));
  const ordered: Record<string, unknown> = { id, name: data.name };
  for (const key of ['aliases', 'description', 'product', 'unit', 'status']) if (data[key] !== undefined) ordered[key] = data[key];
  ordered.roles = roles;
  for (const [key, value] of Object.entries(data)) if (!(key in ordered)) ordered[key] = value;
  return { file: { kind: 'system', id, data: ordered, row, missing: [] }, dependencyNames: draft.dependencyNames, vacant: draft.vacant };
}
