// A spreadsheet as rows of text, whatever the file format.
import { decodeCsvBytes, detectSeparator, parseCsv } from './csv.ts';
import { readXlsx } from './xlsx.ts';

export interface Table {
  rows: string[][];
  /** Shown in the report: format, encoding, separator, sheet. */
  description: string;
}

const SEPARATOR_NAMES: Record<string, string> = { ';': 'semikolon', ',': 'komma', '\t': 'tabb' };

export function readTable(bytes: Uint8Array, fileName: string): Table {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(fileName)) {
    const sheet = readXlsx(bytes);
    return { rows: sheet.rows, description: `Excel-arbetsbok, bladet "${sheet.name}"` };
  }
  const { text, encoding } = decodeCsvBytes(bytes);
  const withoutBom = text.replace(/^\uFEFF/, '');
  const separator = detectSeparator(withoutBom);
  return { rows: parseCsv(withoutBom, separator), description: `CSV i ${encoding}, avgränsad med ${SEPARATOR_NAMES[separator]}` };
}
