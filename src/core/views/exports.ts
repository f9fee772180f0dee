// Machine-readable downloads of the whole register, made from the same rows
// and model as the pages (govuk-developer-docs' repos.json idea).
import * as XLSX from '@e965/xlsx';
import type { VisibleModel } from '../model/model.ts';
import { REGISTER_COLUMNS, type RegisterColumn } from './register-columns.ts';
import type { RegisterRow } from './register-rows.ts';

/**
 * CSV that Swedish Excel opens correctly: UTF-8 with byte order mark,
 * semicolons, CRLF. Cells that Excel would run as formulas are defused.
 */
export function toCsv(rows: readonly RegisterRow[], model: VisibleModel, columns: readonly RegisterColumn[] = REGISTER_COLUMNS): string {
  const lines = [columns.map((column) => csvCell(column.heading)).join(';')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(String(column.value(row, model)))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * An Excel workbook (.xlsx) with the same columns as the CSV: numbers stay
 * numbers, and the importer reads it back (npm run import). Written with
 * SheetJS; text cells are stored as text, so nothing in them runs as a formula.
 */
export function toXlsx(
  rows: readonly RegisterRow[],
  model: VisibleModel,
  columns: readonly RegisterColumn[] = REGISTER_COLUMNS,
): Uint8Array {
  const table = [columns.map((column) => column.heading), ...rows.map((row) => columns.map((column) => column.value(row, model)))];
  const sheet = XLSX.utils.aoa_to_sheet(table);
  sheet['!autofilter'] = { ref: sheet['!ref'] as string };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Systemförteckning');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole register as one JSON document. */
export function toJsonExport(model: VisibleModel, exportedAt: string): string {
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
