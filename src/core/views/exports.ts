// Machine-readable downloads of the whole register, made from the same rows
// and model as the pages (govuk-developer-docs' repos.json idea).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { mailtoHref, webHref } from './links.ts';
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
 * An Excel workbook (.xlsx) made for Excel: the CSV's columns with a bold,
 * frozen header row and a filter, widths that fit, dates as dates, addresses
 * and e-mail as links, numbers as numbers; and the importer reads it back
 * (npm run import). Written with ExcelJS, which writes what SheetJS's
 * community edition cannot (styles, frozen panes); text cells are stored as
 * text, so nothing in them runs as a formula. ExcelJS's streaming writer
 * writes each row as it comes, and each text in its cell rather than in a
 * shared table of all texts: at 20 000 systems the workbook in memory took
 * 8.1 s and 1.4 GiB more memory, the stream 4.9 s and 0.1 GiB.
 *
 * `written` is the workbook's time, in its properties and on every file in
 * it, so that the same register and build time give the same bytes
 * (SOURCE_DATE_EPOCH).
 */
export async function toXlsx(
  rows: readonly RegisterRow[],
  model: VisibleModel,
  columns: readonly RegisterColumn[] = REGISTER_COLUMNS,
  written: Date = new Date(),
): Promise<Uint8Array> {
  // The widths must be known before the first row is written.
  const widths = columns.map((column) => Math.min(MAX_WIDTH, column.heading.length + 2));
  const cells = rows.map((row) =>
    columns.map((column, index) => {
      const value = column.value(row, model);
      const text = String(value);
      widths[index] = Math.min(MAX_WIDTH, Math.max(widths[index] as number, column.format === 'date' ? 12 : text.length + 2));
      if (value === '' || typeof value === 'number') return value;
      if (column.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
      if (column.format === 'url' && webHref(value)) return { text: value, hyperlink: webHref(value) as string };
      if (column.format === 'email' && mailtoHref(value)) return { text: value, hyperlink: mailtoHref(value) as string };
      return value;
    }),
  );
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new TimedWorkbookWriter(written, { stream, useStyles: true, useSharedStrings: false });
  book.creator = 'Systemförteckningen';
  const sheet = book.addWorksheet('Systemförteckning', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1, topLeftCell: 'C2' }] });
  // A column's style is every cell's in it, the header's too, whose own font and alignment are set after.
  sheet.columns = columns.map((column, index) => ({
    width: widths[index] as number,
    style: {
      ...(column.format === 'date' ? { numFmt: 'yyyy-mm-dd' } : {}),
      ...(column.format === 'url' || column.format === 'email' ? { font: { color: { argb: 'FF1B4F8A' }, underline: true } } : {}),
    },
  }));
  const header = sheet.addRow(columns.map((column) => column.heading));
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.commit();
  // ExcelJS gives each cell a style object of its own, and turns every one
  // into XML to find its number in the styles table; it keeps the number by
  // object, so cells that share one object are looked up once. Per type, since
  // a number's style differs from a text's in the same column.
  const shared = columns.map(() => new Map<number, Partial<ExcelJS.Style>>());
  for (const values of cells) {
    const row = sheet.addRow(values);
    row.eachCell((cell, number) => {
      const byType = shared[number - 1] as Map<number, Partial<ExcelJS.Style>>;
      let style = byType.get(cell.type);
      if (!style) byType.set(cell.type, (style = cell.style));
      cell.style = style;
    });
    row.commit();
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.commit();
  await book.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

type Zip = { append: (source: unknown, data: Record<string, unknown>) => unknown };
const { WorkbookWriter } = ExcelJS.stream.xlsx;
type WriterOptions = ConstructorParameters<typeof WorkbookWriter>[0];

/**
 * ExcelJS adds each file to its zip without a time, so the zip library
 * (archiver) stamps the clock's. This writer gives every file the workbook's
 * time (`created`) instead. ExcelJS adds its first file (the theme) while the
 * writer is made, after it made the zip, so the zip's append is wrapped there;
 * what is added and how it is compressed stay ExcelJS's.
 */
class TimedWorkbookWriter extends WorkbookWriter {
  constructor(written: Date, options: WriterOptions) {
    // ExcelJS reads `created` (and `modified` from it) from its options, which its types leave out.
    super({ ...options, created: written } as WriterOptions);
  }

  override addThemes(): Promise<void> {
    const zip = (this as unknown as { zip?: Zip }).zip;
    if (zip && typeof zip.append === 'function') {
      const append = zip.append.bind(zip);
      const date = this.created;
      zip.append = (source, data) => append(source, { ...data, date });
    }
    return super.addThemes();
  }
}

/** Wider than this, a column wraps its header and is read in the cell. */
const MAX_WIDTH = 50;

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
