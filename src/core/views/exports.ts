// Machine-readable downloads of the whole register, made from the same rows
// and model as the pages (govuk-developer-docs' repos.json idea).
import { roleTitle } from '../model/roles.ts';
import { fieldTitle } from '../schema/labels.ts';
import type { RegisterModel } from '../model/model.ts';
import type { RegisterRow } from './register-rows.ts';

const names = (holders: readonly { name: string }[]) => holders.map((item) => item.name).join(', ');

const CSV_COLUMNS: [header: string, value: (row: RegisterRow, model: RegisterModel) => string][] = [
  [fieldTitle('system', ['id']), (row) => row.id],
  [fieldTitle('system', ['name']), (row) => row.name],
  [fieldTitle('system', ['description']), (row) => row.description],
  [fieldTitle('system', ['unit']), (row) => row.unit.name],
  [fieldTitle('system', ['status']), (row) => row.status],
  [roleTitle('owner'), (row) => row.owner.name],
  [`${roleTitle('owner')}, e-post`, (row, model) => model.personById.get(row.owner.id)?.email ?? ''],
  [roleTitle('manager'), (row) => row.manager.name],
  [`${roleTitle('manager')}, e-post`, (row, model) => model.personById.get(row.manager.id)?.email ?? ''],
  [roleTitle('administrators', 'plural'), (row) => names(row.administrators)],
  [roleTitle('operations'), (row) => row.operations.name],
  [roleTitle('users', 'plural'), (row) => names(row.users)],
  [fieldTitle('system', ['hosting']), (row) => row.hosting],
  [fieldTitle('system', ['criticality']), (row) => row.criticality],
  [fieldTitle('system', ['supplier', 'name']), (row) => row.supplier],
  [fieldTitle('system', ['contract', 'end']), (row, model) => model.systemById.get(row.id)?.contract?.end ?? ''],
  [fieldTitle('system', ['reviewed']), (row) => row.reviewed],
];

/**
 * CSV that Swedish Excel opens correctly: UTF-8 with byte order mark,
 * semicolons, CRLF. Cells that Excel would run as formulas are defused.
 */
export function toCsv(rows: readonly RegisterRow[], model: RegisterModel): string {
  const lines = [CSV_COLUMNS.map(([header]) => csvCell(header)).join(';')];
  for (const row of rows) lines.push(CSV_COLUMNS.map(([, value]) => csvCell(value(row, model))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole register as one JSON document. */
export function toJsonExport(model: RegisterModel, exportedAt: string): string {
  const strip = <T extends { source: string }>({ source: _source, ...rest }: T) => rest;
  return JSON.stringify(
    {
      municipality: model.settings.municipality,
      exported: exportedAt,
      systems: model.systems.map(strip),
      people: model.people.map(strip),
      units: model.units.map(strip),
      equipment: model.equipment.map(strip),
      guidelines: model.guidelines.map(({ source: _source, body: _body, html: _html, ...rest }) => rest),
    },
    null,
    2,
  );
}
