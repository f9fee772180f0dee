// Reading the CSV files municipalities export from Excel: UTF-8 (with or
// without BOM) or Windows-1252, separated by semicolons, commas or tabs.

export interface DecodedText {
  text: string;
  encoding: 'UTF-8' | 'Windows-1252';
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Swedish Excel's "CSV (semikolonavgränsad)" is Windows-1252.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

/** The separator that splits the first lines most consistently. */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .slice(0, 10);
  let best: ';' | ',' | '\t' = ';';
  let bestScore = -1;
  for (const separator of [';', ',', '\t'] as const) {
    const counts = lines.map((line) => parseCsv(line, separator)[0]?.length ?? 0);
    const score = counts.length === 0 ? 0 : Math.min(...counts) * 10 + (counts.every((count) => count === counts[0]) ? 5 : 0);
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

/** RFC 4180 parsing: quoted fields may hold separators, doubled quotes and line breaks. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
