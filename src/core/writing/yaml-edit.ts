// Changing fields of a register file the way a person would: only the lines
// of those fields change; every comment, blank line, key order and quoting
// elsewhere stays byte for byte. The yaml library (which keeps the source
// positions of every node) finds where a field is written; the text is then
// spliced, never re-dumped.
import { isMap, isScalar, parseDocument, stringify, type Pair } from 'yaml';
import { UserError } from '../errors.ts';

export type FieldValue = string | number | boolean;

export interface FieldChange {
  key: string;
  value: FieldValue;
  /** Where a field that is not in the file yet goes: after this field, if present; else last. */
  after?: string;
}

/** The value as YAML writes it on one line: quoted only when it must be. */
function scalarText(value: FieldValue): string {
  const text = stringify(value, { lineWidth: 0 }).trimEnd();
  if (text.includes('\n')) throw new UserError(`Värdet "${String(value)}" ryms inte på en rad.`);
  return text;
}

/** Top-level fields set to new values. O(size of the file). */
export function setFields(text: string, changes: readonly FieldChange[]): string {
  let result = text;
  for (const change of changes) result = setField(result, change);
  return result;
}

function setField(text: string, change: FieldChange): string {
  const document = parseDocument(text);
  if (document.errors.length > 0 || !isMap(document.contents)) {
    throw new UserError('Filen går inte att läsa som YAML och ändras inte. Rätta den först (npm run validate visar var).');
  }
  const items = document.contents.items as Pair[];
  const pair = items.find((item) => isScalar(item.key) && item.key.value === change.key);
  const value = scalarText(change.value);
  if (pair) {
    const node = pair.value;
    if (isScalar(node) && node.range) {
      const [start, end] = node.range;
      const space = text[start - 1] === ':' ? ' ' : '';
      // A block scalar (|, >) ends with its line break; the one-line value keeps it.
      const lineBreak = text.slice(start, end).endsWith('\n') ? '\n' : '';
      return `${text.slice(0, start)}${space}${value}${lineBreak}${text.slice(end)}`;
    }
    if (node === null && isScalar(pair.key) && pair.key.range) {
      // "key:" with nothing after it.
      const end = text.indexOf(':', pair.key.range[1]) + 1;
      return `${text.slice(0, end)} ${value}${text.slice(end)}`;
    }
    throw new UserError(`Fältet ${change.key} är inte ett enkelt värde och ändras inte.`);
  }
  const line = `${change.key}: ${value}\n`;
  const anchor = change.after ? items.find((item) => isScalar(item.key) && item.key.value === change.after) : undefined;
  const anchorEnd = anchor && (isScalar(anchor.value) ? anchor.value.range?.[1] : undefined);
  if (anchorEnd !== undefined) {
    const lineEnd = text.indexOf('\n', anchorEnd);
    if (lineEnd >= 0) return `${text.slice(0, lineEnd + 1)}${line}${text.slice(lineEnd + 1)}`;
  }
  return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${line}`;
}
