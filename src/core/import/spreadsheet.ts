// Workbooks (.xlsx, .ods, old .xls) read with SheetJS (the maintained build
// published as @e965/xlsx): every sheet, its cell values as text (cached
// formula results, dates as ÅÅÅÅ-MM-DD), merged cells given to every cell
// they cover, and hyperlinks. The limits in limits.ts come first.
import * as XLSX from '@e965/xlsx';
import { UserError } from '../errors.ts';
import { excelSerialToIso } from './dates.ts';
import { checkUnpackedSize, MAX_CELL_CHARACTERS, MAX_COLUMNS, MAX_ROWS } from './limits.ts';
import { cleanCell, type Sheet } from './sheet.ts';

export type WorkbookFormat = 'xlsx' | 'ods' | 'xls';

export const FORMAT_NAMES: Record<WorkbookFormat, string> = {
  xlsx: 'Excel-arbetsbok (.xlsx)',
  ods: 'OpenDocument-kalkylblad (.ods)',
  xls: 'Excel 97–2003-arbetsbok (.xls)',
};

/** What kind of workbook the bytes are, by their first bytes; undefined for text (CSV). */
export function workbookFormat(bytes: Uint8Array): WorkbookFormat | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    // The zip's file names are stored as they are: an OpenDocument file has content.xml, an Excel one xl/.
    const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return zip.includes('content.xml') && !zip.includes('xl/workbook') ? 'ods' : 'xlsx';
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return undefined;
}

export function readWorkbook(bytes: Uint8Array, format: WorkbookFormat): Sheet[] {
  if (format !== 'xls') checkUnpackedSize(bytes);
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, {
      type: 'buffer',
      // One row beyond the limit tells that the sheet is longer.
      sheetRows: MAX_ROWS + 1,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellNF: true,
      dense: false,
    });
  } catch (error) {
    throw new UserError(workbookError(error, format));
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  return book.SheetNames.map((name) => sheetOf(name, book.Sheets[name] as XLSX.WorkSheet, date1904));
}

function workbookError(error: unknown, format: WorkbookFormat): string {
  const message = error instanceof Error ? error.message : String(error);
  // Office keeps a protected workbook as an encrypted compound file; a damaged zip is not "protected".
  if (/password/i.test(message) || (format === 'xls' && /encrypt/i.test(message))) {
    return 'Arbetsboken är lösenordsskyddad och kan inte läsas. Öppna den i Excel eller LibreOffice, ta bort lösenordet (Arkiv → Info → Skydda arbetsbok i Excel) och spara den igen.';
  }
  if (format === 'xls') {
    return 'Filen går inte att läsa som Excel 97–2003-arbetsbok (.xls). Öppna den i Excel eller LibreOffice och spara den som Excel-arbetsbok (.xlsx), och försök igen.';
  }
  return `Filen går inte att öppna som ${format === 'ods' ? 'OpenDocument-kalkylblad (.ods)' : 'Excel-arbetsbok (.xlsx)'}; den är trasig eller något annat. Spara om den i Excel eller LibreOffice, eller som CSV, och försök igen.`;
}

function sheetOf(name: string, sheet: XLSX.WorkSheet, date1904: boolean): Sheet {
  const rows: string[][] = [];
  const links = new Map<string, string>();
  const notes: string[] = [];
  let beyondColumns = 0;
  let cutCells = 0;
  for (const address of Object.keys(sheet)) {
    if (address.startsWith('!')) continue;
    const { r, c } = XLSX.utils.decode_cell(address);
    if (r >= MAX_ROWS) continue;
    if (c >= MAX_COLUMNS) {
      beyondColumns++;
      continue;
    }
    const cell = sheet[address] as XLSX.CellObject;
    const raw = cellText(cell, date1904);
    const text = cleanCell(raw);
    if (text.length > MAX_CELL_CHARACTERS) cutCells++;
    (rows[r] ??= [])[c] = text.slice(0, MAX_CELL_CHARACTERS);
    const target = cell.l?.Target;
    if (target) links.set(`${r}:${c}`, target);
  }
  // A merged cell holds its value in its top-left cell only: give it to every cell it covers.
  for (const merge of sheet['!merges'] ?? []) {
    const value = rows[merge.s.r]?.[merge.s.c] ?? '';
    for (let r = merge.s.r; r <= Math.min(merge.e.r, MAX_ROWS - 1); r++) {
      for (let c = merge.s.c; c <= Math.min(merge.e.c, MAX_COLUMNS - 1); c++) (rows[r] ??= [])[c] = value;
    }
  }
  const full = sheet['!fullref'] ? XLSX.utils.decode_range(sheet['!fullref']) : undefined;
  if (full && full.e.r >= MAX_ROWS) {
    notes.push(
      `Bladet "${name}" har rader ända till rad ${(full.e.r + 1).toLocaleString('sv')}; bara de första ${MAX_ROWS.toLocaleString('sv')} lästes.`,
    );
  }
  if (beyondColumns > 0) notes.push(`Bladet "${name}" har ${beyondColumns} celler bortom kolumn ${MAX_COLUMNS}; de lästes inte.`);
  if (cutCells > 0)
    notes.push(`${cutCells} celler i bladet "${name}" hade mer än ${MAX_CELL_CHARACTERS.toLocaleString('sv')} tecken och kortades.`);
  return { name, rows: Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? '')), links, notes };
}

function cellText(cell: XLSX.CellObject, date1904: boolean): string {
  switch (cell.t) {
    case 'n':
      if (typeof cell.v === 'number' && cell.z !== undefined && XLSX.SSF.is_date(cell.z)) return excelSerialToIso(cell.v, date1904);
      return typeof cell.v === 'number' ? String(cell.v) : '';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    case 'b':
      return cell.v ? 'Ja' : 'Nej';
    case 'e':
    case 'z':
      return '';
    default:
      return String(cell.v ?? '');
  }
}
