// A spreadsheet file of any kind the importer reads: an Excel or
// OpenDocument workbook (SheetJS), or CSV (csv-parse), by its first bytes.
import { checkFileSize } from './limits.ts';
import { readCsv, type Separator } from './csv.ts';
import type { SpreadsheetFile } from './sheet.ts';
import { FORMAT_NAMES, readWorkbook, workbookFormat } from './spreadsheet.ts';

export function readSpreadsheet(bytes: Uint8Array, options: { separator?: Separator } = {}): SpreadsheetFile {
  checkFileSize(bytes.length);
  const format = workbookFormat(bytes);
  if (format) return { description: FORMAT_NAMES[format], sheets: readWorkbook(bytes, format) };
  return readCsv(bytes, options);
}
