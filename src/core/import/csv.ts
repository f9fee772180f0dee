// CSV files as municipalities export them from Excel and other programs,
// parsed by csv-parse. Around it: the encoding (UTF-8, UTF-16 or
// Windows-1252, and the odd Windows-1252 byte in a UTF-8 file), the separator
// guessed from quote-aware parsed records, and a quote that is never closed,
// which would otherwise swallow every later row into one cell.
import { parse } from 'csv-parse/sync';
import { errorText, UserError } from '../errors.ts';
import { checkFileSize, MAX_CELL_CHARACTERS, MAX_COLUMNS, MAX_ROWS } from './limits.ts';
import { cleanCell, type Sheet, type SpreadsheetFile } from './sheet.ts';

export type Separator = ';' | ',' | '\t' | '|';
export const SEPARATOR_NAMES: Record<Separator, string> = { ';': 'semikolon', ',': 'komma', '\t': 'tabb', '|': 'lodstreck' };

type Encoding = 'UTF-8' | 'UTF-16' | 'Windows-1252';

interface Decoded {
  text: string;
  encoding: Encoding;
  /** Bytes that were not UTF-8 in a UTF-8 file: where, and what they were read as. */
  strayBytes: { line: number; column: number; byte: number; read: string }[];
}

const windows1252 = new TextDecoder('windows-1252');

/** The length of the UTF-8 sequence starting at `i`, or 0 when the bytes there are not UTF-8. */
function utf8Length(bytes: Uint8Array, i: number): number {
  const byte = bytes[i] as number;
  const length =
    byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return 0;
  return length;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16', strayBytes: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16', strayBytes: [] };
  // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
  const sample = bytes.subarray(0, 4000);
  let zeros = 0;
  for (let i = 1; i < sample.length; i += 2) if (sample[i] === 0) zeros++;
  if (sample.length > 4 && zeros > sample.length / 4)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16', strayBytes: [] };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let valid = 0;
  let invalid = 0;
  for (let i = start; i < bytes.length;) {
    const length = utf8Length(bytes, i);
    if (length === 0) {
      invalid++;
      i++;
    } else {
      if (length > 1) valid++;
      i += length;
    }
  }
  // A file with å, ä and ö written as UTF-8 is UTF-8, even if a line pasted
  // from elsewhere is not: a stray byte is as likely as a UTF-8 letter in a
  // small export, while Windows-1252 text seldom forms a UTF-8 sequence by
  // chance and then has far more bytes that do not.
  if (invalid === 0 || (valid > 0 && valid >= invalid)) return decodeUtf8WithStrays(bytes, start);
  return { text: windows1252.decode(bytes), encoding: 'Windows-1252', strayBytes: [] };
}

function decodeUtf8WithStrays(bytes: Uint8Array, start: number): Decoded {
  const utf8 = new TextDecoder('utf-8');
  const strayBytes: Decoded['strayBytes'] = [];
  let text = '';
  let run = start;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (let i = start; i < bytes.length;) {
    const length = utf8Length(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += utf8.decode(bytes.subarray(run, i));
    const read = windows1252.decode(bytes.subarray(i, i + 1));
    for (; scanned < text.length; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    strayBytes.push({ line, column: text.length - lineStart + 1, byte: bytes[i] as number, read });
    text += read;
    i++;
    run = i;
  }
  text += utf8.decode(bytes.subarray(run));
  return { text, encoding: 'UTF-8', strayBytes };
}

type Row = { cells: string[]; /** Last physical line of the record, from 1. */ line: number };

const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false } as const;

/** Records with the physical line each ends on. Throws csv-parse's error for an unclosed quote. */
function records(text: string, separator: string, quote: boolean, lineOffset: number, limit?: number): Row[] {
  const rows: Row[] = [];
  try {
    parse(text, {
      ...OPTIONS,
      delimiter: separator,
      ...(quote ? {} : { quote: false }),
      ...(limit === undefined ? {} : { to: limit }),
      on_record: (record: string[], context: { lines: number }) => {
        rows.push({ cells: record, line: context.lines + lineOffset });
        return record;
      },
    });
  } catch (error) {
    Object.assign(error as object, { parsed: rows });
    throw error;
  }
  return rows;
}

/** The separator that splits the first records into the most rows of the same width. */
export function guessSeparator(text: string): Separator {
  const sample = text.slice(0, 64 * 1024);
  const cut = sample.length < text.length ? sample.slice(0, sample.lastIndexOf('\n') + 1) || sample : sample;
  let best: Separator = ';';
  let bestScore = -1;
  for (const separator of Object.keys(SEPARATOR_NAMES) as Separator[]) {
    let rows: Row[];
    try {
      rows = records(cut, separator, true, 0, 200);
    } catch (error) {
      rows = ((error as { parsed?: Row[] }).parsed ?? []).concat(records(cut, separator, false, 0, 200));
    }
    const widths = new Map<number, number>();
    for (const row of rows) {
      const width = row.cells.length;
      if (width > 1) widths.set(width, (widths.get(width) ?? 0) + 1);
    }
    // Rows of the same width, weighed by the width: a header and its data rows agree.
    const score = Math.max(0, ...[...widths].map(([width, count]) => count * Math.min(width, 30)));
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

/** Parses all records; an unclosed quote is read as plain text on its line, and the rest parsed again. */
function parseWithRecovery(text: string, separator: Separator, notes: string[], recordOffset = 0, lineOffset = 0): Row[] {
  try {
    return records(text, separator, true, lineOffset);
  } catch (error) {
    if ((error as { code?: string }).code !== 'CSV_QUOTE_NOT_CLOSED')
      throw new UserError(`CSV-filen går inte att läsa: ${errorText(error)}`);
    const parsed = (error as { parsed?: Row[] }).parsed ?? [];
    const lines = text.split('\n');
    const broken = parsed.length > 0 ? (parsed[parsed.length - 1] as Row).line - lineOffset : 0;
    const row = recordOffset + parsed.length + 1;
    const swallowed = lines.length - broken - 1;
    const [cells] = records(lines[broken] as string, separator, false, lineOffset + broken);
    notes.push(
      `Rad ${row}: ett citattecken öppnas men stängs aldrig. Raden lästes utan citattecken${swallowed > 1 ? `; annars hade de följande ${swallowed} raderna hamnat i en enda cell` : ''}. Kontrollera raden.`,
    );
    const rest = lines.slice(broken + 1).join('\n');
    const restRows = rest ? parseWithRecovery(rest, separator, notes, row, lineOffset + broken + 1) : [];
    return [...parsed, ...(cells ? [{ cells: cells.cells, line: lineOffset + broken + 1 }] : []), ...restRows];
  }
}

export function readCsv(bytes: Uint8Array, options: { separator?: Separator } = {}): SpreadsheetFile {
  checkFileSize(bytes.length);
  const { text, encoding, strayBytes } = decodeText(bytes);
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const separator = options.separator ?? guessSeparator(body);
  const notes: string[] = [];
  const rows = parseWithRecovery(body, separator, notes);
  if (rows.length > MAX_ROWS)
    notes.push(`Filen har ${rows.length.toLocaleString('sv')} rader; bara de första ${MAX_ROWS.toLocaleString('sv')} lästes.`);
  // Stray bytes are reported by spreadsheet row: the record that holds their line.
  for (const stray of strayBytes) {
    const row = rows.findIndex((candidate) => candidate.line >= stray.line) + 1;
    notes.push(
      `Rad ${row || stray.line}, tecken ${stray.column}: byten 0x${stray.byte.toString(16).toUpperCase()} är inte UTF-8; den lästes som "${stray.read}" (Windows-1252). Kontrollera texten.`,
    );
  }
  let cut = 0;
  const cells = rows.slice(0, MAX_ROWS).map((row) =>
    row.cells.slice(0, MAX_COLUMNS).map((cell) => {
      if (cell.length > MAX_CELL_CHARACTERS) cut++;
      return cleanCell(cell.slice(0, MAX_CELL_CHARACTERS));
    }),
  );
  if (cut > 0) notes.push(`${cut} celler hade mer än ${MAX_CELL_CHARACTERS.toLocaleString('sv')} tecken och kortades.`);
  const sheet: Sheet = { name: 'CSV', rows: cells, links: new Map(), notes };
  return { description: `CSV i ${encoding}, avgränsad med ${SEPARATOR_NAMES[separator]}`, sheets: [sheet] };
}
