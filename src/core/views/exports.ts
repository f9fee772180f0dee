// Machine-readable downloads of the whole register, made from the same rows
// and model as the pages (govuk-developer-docs' repos.json idea).
import type { RegisterModel } from '../model/model.ts';
import { REGISTER_COLUMNS } from './register-columns.ts';
import type { RegisterRow } from './register-rows.ts';

/**
 * CSV that Swedish Excel opens correctly: UTF-8 with byte order mark,
 * semicolons, CRLF. Cells that Excel would run as formulas are defused.
 */
export function toCsv(rows: readonly RegisterRow[], model: RegisterModel): string {
  const lines = [REGISTER_COLUMNS.map((column) => csvCell(column.heading)).join(';')];
  for (const row of rows) lines.push(REGISTER_COLUMNS.map((column) => csvCell(String(column.value(row, model)))).join(';'));
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
