// Spreadsheets for the import tests, written by real spreadsheet libraries:
// exceljs (which also writes the register's own download; the reader is SheetJS) for .xlsx, and
// SheetJS's own writer for .ods and old .xls. Hostile workbooks are zipped
// by hand, since no library writes them.
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * The list a municipality keeps, as it really looks: a cover sheet first, a
 * title row and a group row above the headers, a section row per
 * förvaltning, a unit merged down beside several systems, people written in
 * every way, a formula, dates as dates and as text, a hyperlink and a total.
 */
export async function messyWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Läs mig').getCell('A1').value = 'Systemförteckning – läs detta först. Fyll i ett system per rad på bladet System.';
  const sheet = book.addWorksheet('System');
  sheet.getCell('A1').value = 'Systemförteckning Testkommun 2024';
  sheet.mergeCells('A1:L1');
  sheet.getCell('D2').value = 'Ansvar';
  sheet.mergeCells('D2:G2');
  sheet.getCell('H2').value = 'Leverantör & drift';
  sheet.mergeCells('H2:I2');
  sheet.getRow(3).values = [
    'System',
    'Beskrivning',
    'Förvaltning',
    'Systemägare',
    'Systemförvaltare',
    'Systemadministratör',
    'Driftansvarig',
    'Leverantör',
    'Driftform',
    'Status',
    'Avtalsslut',
    'Dokumentation',
  ];
  sheet.getCell('A4').value = 'SOCIALFÖRVALTNINGEN';
  sheet.mergeCells('A4:L4');
  sheet.getRow(5).values = [
    'Hemtjänstplanering',
    'Planering av hemtjänstens besök',
    null,
    'Svensson, Karin',
    'Bo Berg (systemförvaltare)',
    'anna.andersson@testkommun.se; Cecilia Ceder',
    'IT-avdelningen',
    'Omsorgsdata AB',
    'SaaS',
    'I drift',
    date('2028-12-31'),
    { text: 'Handbok', hyperlink: 'https://handbok.example/hemtjanst' },
  ];
  sheet.getRow(6).values = [
    'Journalsystem',
    'Journalföring',
    'Socialförvaltningen',
    'Vakant',
    'MAS',
    'Dag Ek och Eva Lind',
    'IT-avdelningen',
    'Journal AB',
    'extern drift',
    'aktiv',
    { formula: 'DATE(2027,6,30)', result: date('2027-06-30') },
    null,
  ];
  sheet.getRow(7).values = [
    'Bokningssystem',
    'Bokning av lokaler',
    null,
    'Örjan Östlund',
    '?',
    'saknas',
    'IT',
    'Boka AB',
    'molnet',
    'planerad',
    '31/12/2028',
    null,
  ];
  sheet.mergeCells('C6:C7');
  sheet.getRow(8).values = [
    'Gatuunderhåll',
    'Felanmälan för gator och parker',
    'Gata/Park',
    'Åke Lind',
    'Åke Lind',
    'Åke Lind',
    'IT',
    null,
    'egen drift',
    'under införande',
    'juni 2027',
    null,
  ];
  sheet.getRow(10).values = ['Summa', { formula: 'COUNTA(A5:A8)', result: 4 }];
  const other = book.addWorksheet('Ekonomi');
  other.getRow(1).values = ['System'];
  other.getRow(2).values = ['Kassasystem'];
  for (const [column, width] of [
    ['A', 22],
    ['B', 30],
  ] as const)
    sheet.getColumn(column).width = width;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A table as an OpenDocument spreadsheet (.ods) or an Excel 97–2003 workbook (.xls), written by SheetJS. */
export function sheetJsWorkbook(rows: unknown[][], bookType: 'ods' | 'xls', merges: string[] = []): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = merges.map((range) => XLSX.utils.decode_range(range));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'System');
  return XLSX.write(book, { type: 'buffer', bookType: bookType === 'xls' ? 'biff8' : 'ods' }) as Buffer;
}

/** A workbook as a list of rows of text, written by exceljs. */
export async function simpleWorkbook(rows: (string | Date | number | null)[][], name = 'System'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name);
  rows.forEach((row, index) => (sheet.getRow(index + 1).values = row));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function parts(sheetXml: string): Record<string, Uint8Array> {
  return {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="System" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheetXml}</worksheet>`,
    ),
  };
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER = `<row r="1">${cell('A1', 'System')}${cell('B1', 'Beskrivning')}</row>`;

/** Hostile workbooks, zipped by hand: what a crafted file can hold that no spreadsheet program writes. */
export const HOSTILE_SHEETS: Record<string, string> = {
  'a row numbered 10⁹': `<sheetData>${HEADER}<row r="2">${cell('A2', 'Lönesystem')}</row><row r="1000000000">${cell('A1000000000', 'Långt bort')}</row></sheetData>`,
  'a dimension of the whole sheet': `<dimension ref="A1:XFD1048576"/><sheetData>${HEADER}<row r="2">${cell('A2', 'Lönesystem')}</row></sheetData>`,
  'an invalid code point': `<sheetData>${HEADER}<row r="2">${cell('A2', 'Lön&#x110000;system')}${cell('B2', '&#0;&#x1B;[2J')}</row></sheetData>`,
  'a cell in the last column': `<sheetData>${HEADER}<row r="2">${cell('A2', 'Lönesystem')}${cell('XFD2', 'Längst bort')}</row></sheetData>`,
};

export function hostileWorkbook(sheetXml: string): Uint8Array {
  return zipSync(parts(sheetXml));
}

/** A workbook whose sheet unpacks to `megabytes` of XML from a few hundred kilobytes. */
export function zipBomb(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(parts(''))) {
    if (name === 'xl/worksheets/sheet1.xml') continue;
    const file = new ZipDeflate(name, { level: 9 });
    zip.add(file);
    file.push(data, true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 9 });
  zip.add(sheet);
  sheet.push(
    strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${HEADER}`),
  );
  const filler = strToU8(' '.repeat(1024 * 1024));
  for (let i = 0; i < megabytes; i++) sheet.push(filler);
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  return Buffer.concat(chunks);
}

/** An .xlsx encrypted with a password, as Office stores it: a compound file with EncryptionInfo. */
export function passwordProtectedWorkbook(): Uint8Array {
  const CFB = (
    XLSX as unknown as {
      CFB: {
        utils: { cfb_new: () => unknown; cfb_add: (cfb: unknown, name: string, data: Uint8Array) => void };
        write: (cfb: unknown, options: object) => Uint8Array;
      };
    }
  ).CFB;
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(container, '/EncryptedPackage', new Uint8Array(64));
  return CFB.write(container, { type: 'buffer' });
}
