// Changing fields of a register file the way a person would: only the lines
// of those fields change; every comment, blank line, key order and quoting
// elsewhere stays byte for byte. The yaml library (which keeps the source
// positions of every node) finds where a field is written; the text is then
// spliced, never re-dumped.
import { isMap, isScalar, parseDocument, stringify, type Pair } from 'yaml';
import { UserError } from '../errors.ts';

export type FieldValue = string | number | boolean;

export interface FieldChange {
  /** A top-level field ("reviewed"), or a field of a section (["roles", "manager"]). */
  key: string | readonly [string, string];
  value: FieldValue;
  /**
   * Where a field that is not in the file yet goes: after this field of the
   * same section (for a new section: this top-level field), if present; else last.
   */
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
  const [section, key] = typeof change.key === 'string' ? [undefined, change.key] : change.key;
  const shownKey = section ? `${section}.${key}` : key;
  const value = scalarText(change.value);
  const top = document.contents.items as Pair[];
  const sectionPair = section === undefined ? undefined : findPair(top, section);
  if (section !== undefined && (!sectionPair || sectionPair.value === null)) {
    // No such section yet: write it with the one field, after the top-level field `after` or last.
    return insertLine(text, top, change.after, `${section}:\n  ${key}: ${value}\n`);
  }
  const sectionNode = sectionPair?.value;
  if (section !== undefined && !isMap(sectionNode)) throw new UserError(`Fältet ${section} är inte ett avsnitt med fält och ändras inte.`);
  const items = (isMap(sectionNode) ? sectionNode.items : top) as Pair[];
  const pair = findPair(items, key);
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
    throw new UserError(`Fältet ${shownKey} är inte ett enkelt värde och ändras inte.`);
  }
  if (section === undefined) return insertLine(text, items, change.after, `${key}: ${value}\n`);
  const indent = indentOf(text, items[0]);
  return insertLine(text, items, change.after ?? lastKey(items), `${' '.repeat(indent)}${key}: ${value}\n`, true);
}

function findPair(items: readonly Pair[], key: string): Pair | undefined {
  return items.find((item) => isScalar(item.key) && item.key.value === key);
}

function lastKey(items: readonly Pair[]): string | undefined {
  const last = items[items.length - 1];
  return last && isScalar(last.key) ? String(last.key.value) : undefined;
}

/** The column of a pair's key, counted from 0. */
function indentOf(text: string, pair: Pair | undefined): number {
  const start = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  if (start === undefined) return 2;
  return start - (text.lastIndexOf('\n', start - 1) + 1);
}

/**
 * Puts a line after the field `after` (after all of its value, whatever its
 * shape), or at the end of the file. Inside a section the anchor must exist.
 */
function insertLine(text: string, items: readonly Pair[], after: string | undefined, line: string, inSection = false): string {
  const anchor = after === undefined ? undefined : findPair(items, after);
  const anchorEnd = anchor ? (anchor.value as { range?: [number, number, number] } | null)?.range?.[1] ?? (isScalar(anchor.key) ? anchor.key.range?.[1] : undefined) : undefined;
  if (anchorEnd !== undefined) {
    const lineEnd = text[anchorEnd - 1] === '\n' ? anchorEnd - 1 : text.indexOf('\n', anchorEnd);
    if (lineEnd >= 0) return `${text.slice(0, lineEnd + 1)}${line}${text.slice(lineEnd + 1)}`;
  }
  if (inSection) throw new UserError('Fältet kunde inte placeras i filen och ändras inte.');
  return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${line}`;
}
