// A spreadsheet as the importer sees it, whatever the file format: named
// sheets of text cells, the hyperlinks behind cells, and notes about what was
// not read.
import { firstControlCharacter } from '../text/output.ts';

export interface Sheet {
  name: string;
  /** rows[r][c], 0-based; '' for an empty cell. Merged cells hold their value in every cell they cover. */
  rows: string[][];
  /** Hyperlink targets by "r:c", 0-based. */
  links: Map<string, string>;
  /** What could not be read, in Swedish, for the report. */
  notes: string[];
}

export interface SpreadsheetFile {
  /** "Excel-arbetsbok (.xlsx)", "CSV i UTF-8, avgränsad med semikolon". */
  description: string;
  sheets: Sheet[];
}

/**
 * A cell's text without invisible control characters (a spreadsheet can hold
 * them, the register may not), with Windows line breaks made plain.
 */
export function cleanCell(text: string): string {
  let clean = text.replace(/\r\n?/g, '\n');
  while (firstControlCharacter(clean)) {
    const character = firstControlCharacter(clean) as string;
    clean = clean.split(character).join(character === '\r' ? '\n' : '');
  }
  return clean.trim();
}
