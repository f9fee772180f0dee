// Writes a small but real .xlsx workbook for import tests: shared strings,
// an inline string, rich text runs and a date cell with a date style, as
// Excel writes them.
import { strToU8, zipSync } from 'fflate';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Cells that are ÅÅÅÅ-MM-DD become Excel date serials; the first text cell of each row is an inline string. */
export function writeXlsx(rows: string[][], sheetName = 'System'): Uint8Array {
  const shared: string[] = [];
  const sheetRows = rows.map((row, rowIndex) => {
    const cells = row.map((value, columnIndex) => {
      if (value === '') return '';
      const ref = `${columnName(columnIndex)}${rowIndex + 1}`;
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        const serial = (Date.parse(`${value}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
        return `<c r="${ref}" s="1"><v>${serial}</v></c>`;
      }
      if (/^\d+$/.test(value)) return `<c r="${ref}"><v>${value}</v></c>`;
      if (columnIndex === 0) return `<c r="${ref}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`;
      shared.push(value);
      return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
    });
    return `<row r="${rowIndex + 1}">${cells.join('')}</row>`;
  });
  // The last shared string is written as rich text in two runs, as Excel does for formatted text.
  const sharedXml = shared
    .map((text, index) =>
      index === shared.length - 1 && text.length > 2
        ? `<si><r><t>${escape(text.slice(0, 2))}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${escape(text.slice(2))}</t></r></si>`
        : `<si><t>${escape(text)}</t></si>`,
    )
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/styles.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sharedXml}</sst>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
    ),
  });
}
