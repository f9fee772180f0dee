// Finding the table in a workbook: the sheet and the header row with the most
// recognised headers, unless --sheet or --header-row say otherwise. Title
// rows, group rows ("Ansvar" above "Systemägare | Systemförvaltare") and
// cover sheets ("Läs mig") are passed over, and reported.
import { UserError } from '../errors.ts';
import { fieldForHeader, type ImportField } from './columns.ts';
import type { Sheet } from './sheet.ts';
import { fold } from './values.ts';

/** Header rows are looked for among the first rows of each sheet. */
const HEADER_SEARCH_ROWS = 30;

export interface TableChoice {
  sheet: Sheet;
  /** 1-based position among the workbook's sheets. */
  sheetNumber: number;
  /** 0-based row of the headers. */
  headerRow: number;
  /** Headers the importer knows in that row. */
  recognised: number;
  /** How the choice was made, for the report. */
  reason: string;
}

export interface TableOptions {
  sheet?: string;
  /** 1-based, as the spreadsheet shows it. */
  headerRow?: number;
  columns?: Readonly<Record<string, ImportField>>;
}

function recognisedIn(row: readonly string[] | undefined, columns: Readonly<Record<string, ImportField>>): number {
  const fields = new Set((row ?? []).map((cell) => fieldForHeader(cell, columns)).filter((field) => field && field !== 'ignore'));
  return fields.size;
}

function bestHeaderRow(sheet: Sheet, columns: Readonly<Record<string, ImportField>>): { row: number; recognised: number } {
  let best = { row: 0, recognised: 0 };
  for (let row = 0; row < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); row++) {
    const recognised = recognisedIn(sheet.rows[row], columns);
    if (recognised > best.recognised) best = { row, recognised };
  }
  return best;
}

function sheetByOption(sheets: readonly Sheet[], wanted: string): number {
  const number = Number(wanted);
  if (Number.isInteger(number) && number >= 1 && number <= sheets.length) return number - 1;
  const index = sheets.findIndex((sheet) => fold(sheet.name) === fold(wanted));
  if (index < 0) {
    throw new UserError(
      `Bladet "${wanted}" finns inte. Arbetsboken har ${sheets.map((sheet, position) => `${position + 1} "${sheet.name}"`).join(', ')}; ange --sheet med namn eller nummer.`,
    );
  }
  return index;
}

export function chooseTable(sheets: readonly Sheet[], options: TableOptions = {}): TableChoice {
  const columns = options.columns ?? {};
  if (sheets.length === 0) throw new UserError('Arbetsboken har inga blad med innehåll.');
  const candidates = options.sheet !== undefined ? [sheetByOption(sheets, options.sheet)] : sheets.map((_, index) => index);
  let choice: TableChoice | undefined;
  // The sheet is the one whose best header row has the most known headers; --header-row then moves within it.
  for (const index of candidates) {
    const sheet = sheets[index] as Sheet;
    const found = bestHeaderRow(sheet, columns);
    if (!choice || found.recognised > choice.recognised) {
      choice = { sheet, sheetNumber: index + 1, headerRow: found.row, recognised: found.recognised, reason: '' };
    }
  }
  const chosen = choice as TableChoice;
  if (options.headerRow !== undefined) {
    chosen.headerRow = options.headerRow - 1;
    chosen.recognised = recognisedIn(chosen.sheet.rows[chosen.headerRow], columns);
  }
  const how = [
    options.sheet !== undefined ? 'valt med --sheet' : sheets.length > 1 ? 'flest kända rubriker' : '',
    options.headerRow !== undefined ? 'rubrikraden vald med --header-row' : '',
  ].filter(Boolean);
  chosen.reason = `bladet "${chosen.sheet.name}"${sheets.length > 1 ? ` (${chosen.sheetNumber} av ${sheets.length})` : ''}, rubriker på rad ${chosen.headerRow + 1} (${chosen.recognised} kända rubriker${how.length ? `; ${how.join(', ')}` : ''})`;
  return chosen;
}
