// The register's columns, defined once: which appear in the site's table
// (and how its filter script treats them), their Swedish headings from the
// schema, and their values in the CSV and Excel downloads. The table, the
// compact index the filter script loads and the downloads are all made from
// this list, so they cannot disagree.
import { dependenciesOf } from '../domain/dependencies.ts';
import type { VisibleModel } from '../model/model.ts';
import { roleTitle } from '../domain/roles.ts';
import { fieldTitle, schemaAt } from '../schema/labels.ts';
import { valueAt } from '../data-path.ts';
import { referenceFieldAt } from '../domain/references.ts';
import { supportText } from './support-text.ts';
import type { Holder } from './holders.ts';
import type { RegisterRow } from './register-rows.ts';

/** How a column is shown in the table, and filtered and sorted by its script. */
export type TableKind = 'link' | 'holder' | 'holders' | 'status' | 'text';

export interface RegisterColumn {
  key: string;
  heading: string;
  /** The field whose audience the column has: a build leaves out the columns its audience may not see. */
  field: readonly string[];
  /** Shown in the site's register table. */
  table?: TableKind;
  /** The value in a download: text, or a number Excel can compute with. */
  value: (row: RegisterRow, model: VisibleModel) => string | number;
  /** How Excel shows a text value: a date (ÅÅÅÅ-MM-DD) as a date, an address as a link. */
  format?: 'date' | 'url' | 'email';
}

const names = (holders: readonly Holder[]) => holders.map((holder) => holder.name).join(', ');
const system = (row: RegisterRow, model: VisibleModel) => model.systemById.get(row.id);
const email = (model: VisibleModel, holder: Holder | undefined) => (holder ? (model.personById.get(holder.id)?.email ?? '') : '');

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { key: 'id', field: ['id'], heading: fieldTitle('system', ['id']), value: (row) => row.id },
  { key: 'name', field: ['name'], heading: fieldTitle('system', ['name']), table: 'link', value: (row) => row.name },
  { key: 'description', field: ['description'], heading: fieldTitle('system', ['description']), value: (row) => row.description },
  {
    key: 'product',
    field: ['product'],
    heading: fieldTitle('system', ['product']),
    value: (row, model) => system(row, model)?.product ?? '',
  },
  {
    key: 'aliases',
    field: ['aliases'],
    heading: fieldTitle('system', ['aliases']),
    value: (row, model) => (system(row, model)?.aliases ?? []).join(', '),
  },
  { key: 'unit', field: ['unit'], heading: fieldTitle('system', ['unit']), table: 'holder', value: (row) => row.unit.name },
  { key: 'status', field: ['status'], heading: fieldTitle('system', ['status']), table: 'status', value: (row) => row.status },
  { key: 'owner', field: ['roles', 'owner'], heading: roleTitle('owner'), table: 'holder', value: (row) => row.owner?.name ?? '' },
  {
    key: 'ownerEmail',
    field: ['roles', 'owner'],
    heading: `${roleTitle('owner')}, e-post`,
    format: 'email',
    value: (row, model) => email(model, row.owner),
  },
  { key: 'manager', field: ['roles', 'manager'], heading: roleTitle('manager'), table: 'holder', value: (row) => row.manager?.name ?? '' },
  {
    key: 'managerEmail',
    field: ['roles', 'manager'],
    heading: `${roleTitle('manager')}, e-post`,
    format: 'email',
    value: (row, model) => email(model, row.manager),
  },
  {
    key: 'administrators',
    field: ['roles', 'administrators'],
    heading: roleTitle('administrators', 'plural'),
    table: 'holders',
    value: (row) => names(row.administrators),
  },
  {
    key: 'operations',
    field: ['roles', 'operations'],
    heading: roleTitle('operations'),
    table: 'holder',
    value: (row) => row.operations?.name ?? '',
  },
  { key: 'users', field: ['roles', 'users'], heading: roleTitle('users', 'plural'), value: (row) => names(row.users) },
  { key: 'hosting', field: ['hosting'], heading: fieldTitle('system', ['hosting']), table: 'text', value: (row) => row.hosting },
  { key: 'criticality', field: ['criticality'], heading: fieldTitle('system', ['criticality']), value: (row) => row.criticality },
  { key: 'supplier', field: ['supplier', 'name'], heading: fieldTitle('system', ['supplier', 'name']), value: (row) => row.supplier },
  {
    key: 'orgNumber',
    field: ['supplier', 'orgNumber'],
    heading: fieldTitle('system', ['supplier', 'orgNumber']),
    value: (row, model) => system(row, model)?.supplier?.orgNumber ?? '',
  },
  {
    key: 'contractEnd',
    field: ['contract', 'end'],
    heading: fieldTitle('system', ['contract', 'end']),
    format: 'date',
    value: (row, model) => system(row, model)?.contract?.end ?? '',
  },
  {
    key: 'personalData',
    field: ['personalData', 'processed'],
    heading: fieldTitle('system', ['personalData', 'processed']),
    value: (row, model) => yesNo(system(row, model)?.personalData?.processed),
  },
  ...(['confidentiality', 'integrity', 'availability'] as const).map((level) => ({
    key: level,
    field: ['classification', level],
    heading: fieldTitle('system', ['classification', level]),
    value: (row: RegisterRow, model: VisibleModel) => system(row, model)?.classification?.[level] ?? '',
  })),
  {
    key: 'dependencies',
    field: ['dependencies'],
    heading: fieldTitle('system', ['dependencies']),
    value: (row, model) =>
      dependenciesOf(system(row, model) ?? {})
        .map(({ id }) => model.systemById.get(id)?.name ?? id)
        .join(', '),
  },
  { key: 'reviewed', field: ['reviewed'], heading: fieldTitle('system', ['reviewed']), format: 'date', value: (row) => row.reviewed },
  // Every other fact a system's page shows, each read from its field as the page reads it.
  fieldColumn('legalOwner', ['roles', 'legalOwner']),
  fieldColumn('informationOwner', ['roles', 'informationOwner']),
  fieldColumn('technicalManager', ['roles', 'technicalManager']),
  fieldColumn('superUsers', ['roles', 'superUsers']),
  fieldColumn('retirement', ['retirement']),
  fieldColumn('loginMethod', ['loginMethod']),
  fieldColumn('supportEmail', ['supportEmail']),
  fieldColumn('link', ['links', 'documentation']),
  // The links' own titles (Inloggning, Support) would be read as the login method and the supplier's support.
  fieldColumn('loginLink', ['links', 'login'], 'Länk till inloggning'),
  fieldColumn('supportLink', ['links', 'support'], 'Länk till support'),
  fieldColumn('website', ['supplier', 'website']),
  {
    key: 'supplierSupport',
    field: ['supplier', 'support'],
    heading: fieldTitle('system', ['supplier', 'support']),
    value: (row, model) => supportText(system(row, model)?.supplier?.support) ?? '',
  },
  fieldColumn('contractReference', ['contract', 'reference']),
  fieldColumn('frameworkAgreement', ['contract', 'frameworkAgreement']),
  fieldColumn('contractStart', ['contract', 'start']),
  fieldColumn('extensionOption', ['contract', 'extensionOption']),
  fieldColumn('noticePeriod', ['contract', 'noticePeriod']),
  fieldColumn('sensitive', ['personalData', 'sensitive']),
  fieldColumn('processorAgreement', ['personalData', 'processorAgreement']),
  fieldColumn('thirdCountryTransfer', ['personalData', 'thirdCountryTransfer']),
  fieldColumn('traceability', ['classification', 'traceability']),
  fieldColumn('classified', ['classification', 'date']),
  fieldColumn('archivePlan', ['archive', 'plan']),
  fieldColumn('retention', ['archive', 'retention']),
  fieldColumn('eArchive', ['archive', 'eArchive']),
  fieldColumn('rto', ['continuity', 'rto']),
  fieldColumn('rpo', ['continuity', 'rpo']),
  fieldColumn('fallback', ['continuity', 'fallback']),
  fieldColumn('backup', ['continuity', 'backup']),
  fieldColumn('restoreTested', ['continuity', 'restoreTested']),
  fieldColumn('continuityPlan', ['continuity', 'plan']),
  fieldColumn('mfa', ['security', 'mfa']),
  fieldColumn('accessReviewed', ['security', 'accessReviewed']),
  fieldColumn('dataLocation', ['security', 'dataLocation']),
  fieldColumn('subprocessors', ['security', 'subprocessors']),
  fieldColumn('riskAnalysis', ['security', 'riskAnalysis']),
  fieldColumn('incidentContact', ['security', 'incidentContact']),
  fieldColumn('essentialService', ['security', 'essentialService', 'supports']),
  fieldColumn('hostingProvider', ['hostedAt', 'provider']),
  fieldColumn('dataCenter', ['hostedAt', 'location']),
  fieldColumn('reviewedBy', ['reviewedBy']),
  fieldColumn('notes', ['notes']),
  { key: 'page', field: ['id'], heading: 'Sida på webbplatsen', format: 'url', value: (row, model) => systemPageUrl(model, row.id) },
];

/**
 * A column for one field, headed by its Swedish title and written as the
 * system page writes it: yes or no, a name for an id, a list joined, a
 * subprocessor with its country. Dates, addresses and e-mail addresses say so
 * to Excel.
 */
function fieldColumn(key: string, path: readonly string[], heading = fieldTitle('system', path)): RegisterColumn {
  const schema = schemaAt('system', path);
  const format = schema?.format === 'date' ? 'date' : schema?.format === 'uri' ? 'url' : schema?.format === 'email' ? 'email' : undefined;
  const reference = referenceFieldAt('system', path);
  const one = (model: VisibleModel, value: unknown): string | number => {
    if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
    if (typeof value === 'number') return value;
    if (typeof value === 'string')
      return reference
        ? (model.personById.get(value)?.name ?? model.unitById.get(value)?.name ?? model.systemById.get(value)?.name ?? value)
        : value;
    if (value !== null && typeof value === 'object' && 'name' in value) {
      const { name, ...details } = value as Record<string, unknown>;
      const rest = Object.values(details).filter((detail) => typeof detail === 'string');
      return rest.length > 0 ? `${String(name)} (${rest.join(', ')})` : String(name);
    }
    return '';
  };
  return {
    key,
    field: path,
    heading,
    ...(format ? { format } : {}),
    value: (row, model) => {
      const value = valueAt(system(row, model), path);
      if (value === undefined || value === null) return '';
      return Array.isArray(value) ? value.map((item) => one(model, item)).join(', ') : one(model, value);
    },
  };
}

/** The columns whose field an audience may see: what its table and downloads have. */
export function visibleColumns(
  sees: (path: readonly string[]) => boolean,
  columns: readonly RegisterColumn[] = REGISTER_COLUMNS,
): RegisterColumn[] {
  return columns.filter((column) => sees(column.field));
}

/** The system's page on the published site, from siteUrl in the settings. */
export function systemPageUrl(model: VisibleModel, id: string): string {
  return new URL(`system/${encodeURIComponent(id)}/`, model.settings.siteUrl.replace(/\/?$/, '/')).href;
}

/** A page of the handbook on the site (docs/hjalp/<slug>.md), for texts that leave the site: reminders, reports. */
export function helpPageUrl(settings: { siteUrl: string }, slug: string): string {
  return new URL(`hjalp/${slug}/`, settings.siteUrl.replace(/\/?$/, '/')).href;
}

function yesNo(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'Ja' : 'Nej';
}

export const TABLE_COLUMNS = REGISTER_COLUMNS.filter((column) => column.table !== undefined);

/**
 * What the filter script loads on first use: the table's columns by key, one
 * array per column, and every person or unit once in a shared table that
 * holder columns point into. About a tenth of the size of the HTML.
 */
export interface RegisterIndex {
  /** [kind, id, name] with kind "p" (person), "u" (unit) or "g" (other). */
  holders: [string, string, string][];
  ids: string[];
  /** Column key → one value per row: text, a holder number, or holder numbers. */
  columns: Record<string, (string | number | number[])[]>;
  /** Per row, what else the system is called (aliases, product, supplier): searched, not shown. */
  search: string[];
}

const HOLDER_VALUE: Record<TableKind, (row: RegisterRow, key: string) => Holder | Holder[] | string> = {
  link: (row) => row.name,
  status: (row) => row.status,
  text: (row, key) => String(row[key as keyof RegisterRow] ?? ''),
  holder: (row, key) => (row[key as keyof RegisterRow] as Holder | undefined) ?? { id: '', name: '', kind: 'unknown' },
  holders: (row, key) => row[key as keyof RegisterRow] as Holder[],
};

export function registerIndex(rows: readonly RegisterRow[], tableColumns: readonly RegisterColumn[] = TABLE_COLUMNS): RegisterIndex {
  const holders: RegisterIndex['holders'] = [];
  const numbers = new Map<string, number>();
  const number = (holder: Holder) => {
    const key = `${holder.kind}:${holder.id}:${holder.name}`;
    let index = numbers.get(key);
    if (index === undefined) {
      index = holders.push([holder.kind === 'person' ? 'p' : holder.kind === 'unit' ? 'u' : 'g', holder.id, holder.name]) - 1;
      numbers.set(key, index);
    }
    return index;
  };
  const columns: RegisterIndex['columns'] = {};
  for (const column of tableColumns) {
    const kind = column.table as TableKind;
    columns[column.key] = rows.map((row) => {
      const value = HOLDER_VALUE[kind](row, column.key);
      return typeof value === 'string' ? value : Array.isArray(value) ? value.map(number) : number(value);
    });
  }
  return { holders, ids: rows.map((row) => row.id), columns, search: rows.map((row) => row.alsoKnownAs) };
}
