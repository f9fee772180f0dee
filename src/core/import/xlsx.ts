// A small reader for .xlsx workbooks: the first worksheet's cell values as
// text. An .xlsx file is a zip of XML parts; only the parts that hold values
// are read (workbook, relationships, shared strings, styles for dates, the sheet).
import { unzipSync } from 'fflate';
import { UserError } from '../errors.ts';

export interface Sheet {
  name: string;
  rows: string[][];
}

const decoder = new TextDecoder('utf-8');

function decodeXmlText(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** All text runs (<t>…</t>) inside an element, joined: rich text comes in several runs. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((match) => decodeXmlText(match[1] as string)).join('');
}

function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0] ?? 'A';
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** Built-in and custom number formats that show dates. */
function dateStyles(stylesXml: string | undefined): Set<number> {
  if (!stylesXml) return new Set();
  const customDate = new Set(
    [...stylesXml.matchAll(/<numFmt\s[^>]*>/g)]
      .map((match) => match[0])
      .filter((tag) => /[dmy]/i.test(decodeXmlText(attribute(tag, 'formatCode') ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '')))
      .map((tag) => Number(attribute(tag, 'numFmtId'))),
  );
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const styles = new Set<number>();
  [...cellXfs.matchAll(/<xf\s[^>]*?\/?>/g)].forEach((match, index) => {
    const id = Number(attribute(match[0], 'numFmtId') ?? 0);
    if ((id >= 14 && id <= 22) || customDate.has(id)) styles.add(index);
  });
  return styles;
}

/** Excel's serial day number (1900 system) as ÅÅÅÅ-MM-DD. */
export function excelSerialToIso(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

export function readXlsx(bytes: Uint8Array): Sheet {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) =>
        /^(xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml))$/.test(file.name),
    });
  } catch {
    throw new UserError('Filen går inte att öppna som Excel-arbetsbok (.xlsx). Spara den som .xlsx eller CSV och försök igen.');
  }
  const read = (name: string) => (files[name] ? decoder.decode(files[name]) : undefined);
  const workbook = read('xl/workbook.xml');
  if (!workbook) throw new UserError('Arbetsboken saknar blad. Spara den som .xlsx eller CSV och försök igen.');
  const firstSheet = /<sheet\s[^>]*>/.exec(workbook)?.[0] ?? '';
  const sheetName = decodeXmlText(attribute(firstSheet, 'name') ?? 'Blad1');
  const relationId = attribute(firstSheet, 'r:id');
  const relations = read('xl/_rels/workbook.xml.rels') ?? '';
  const target = [...relations.matchAll(/<Relationship\s[^>]*>/g)]
    .map((match) => match[0])
    .find((tag) => attribute(tag, 'Id') === relationId);
  const targetPath = attribute(target ?? '', 'Target') ?? 'worksheets/sheet1.xml';
  const sheetXml = read(targetPath.startsWith('/') ? targetPath.slice(1) : `xl/${targetPath}`);
  if (!sheetXml) throw new UserError(`Hittar inte bladet "${sheetName}" i arbetsboken.`);

  const shared = [...(read('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => textOf(match[1] as string));
  const dates = dateStyles(read('xl/styles.xml'));
  const rows: string[][] = [];
  for (const rowMatch of sheetXml.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const rowIndex = Number(attribute(rowMatch[1] as string, 'r') ?? rows.length + 1) - 1;
    const cells: string[] = [];
    for (const cellMatch of (rowMatch[2] as string).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = cellMatch[1] as string;
      const inner = cellMatch[2] ?? '';
      const type = attribute(tag, 't');
      const raw = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value = '';
      if (type === 's') value = shared[Number(raw)] ?? '';
      else if (type === 'inlineStr') value = textOf(inner);
      else if (type === 'b') value = raw === '1' ? 'TRUE' : 'FALSE';
      else if (raw !== undefined) {
        const style = Number(attribute(tag, 's') ?? -1);
        value = type !== 'str' && type !== 'e' && dates.has(style) ? excelSerialToIso(Number(raw)) : decodeXmlText(raw);
      }
      cells[columnIndex(attribute(tag, 'r') ?? '')] = value;
    }
    rows[rowIndex] = Array.from(cells, (cell) => cell ?? '');
  }
  return { name: sheetName, rows: Array.from(rows, (row) => row ?? []) };
}
