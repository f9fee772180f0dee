// A user export from the municipality's directory, read into people: an
// Entra ID (Azure AD) export from the admin centre, or an on-premises AD
// export made with Get-ADUser … | Export-Csv, as CSV (UTF-8 or PowerShell's
// UTF-16) or .xlsx. The file is read like any spreadsheet (import/table.ts);
// this module knows the directories' column names.
import { UserError } from '../errors.ts';
import type { Sheet } from '../import/sheet.ts';
import { foldHeader } from '../import/columns.ts';
import { readYesNo } from '../import/values.ts';
import { foldText } from '../text/text.ts';

export interface DirectoryPerson {
  /** Spreadsheet row, from 1. */
  row: number;
  email?: string;
  userName?: string;
  name?: string;
  title?: string;
  department?: string;
  /** false when the account is disabled; undefined when the export does not say. */
  enabled?: boolean;
}

type DirectoryField = 'email' | 'principal' | 'userName' | 'name' | 'givenName' | 'surname' | 'title' | 'department' | 'enabled';

/** Column names of Entra ID's and AD's exports (and Swedish variants), folded. */
const COLUMNS: Record<string, DirectoryField> = {
  mail: 'email',
  emailaddress: 'email',
  epost: 'email',
  epostadress: 'email',
  email: 'email',
  userprincipalname: 'principal',
  samaccountname: 'userName',
  anvandarnamn: 'userName',
  username: 'userName',
  displayname: 'name',
  name: 'name',
  namn: 'name',
  visningsnamn: 'name',
  givenname: 'givenName',
  fornamn: 'givenName',
  surname: 'surname',
  sn: 'surname',
  efternamn: 'surname',
  jobtitle: 'title',
  title: 'title',
  befattning: 'title',
  department: 'department',
  avdelning: 'department',
  accountenabled: 'enabled',
  enabled: 'enabled',
  aktiverad: 'enabled',
};

/** accountEnabled/Enabled: yes and no as the import reads them, and the directories' own words. */
function enabledValue(text: string): boolean | undefined {
  const folded = foldText(text);
  if (/^(enabled|aktiverad)$/.test(folded)) return true;
  if (/^(disabled|inaktiverad)$/.test(folded)) return false;
  return readYesNo(text);
}

export interface DirectoryExport {
  people: DirectoryPerson[];
  /** Cells that were read with a change, and why: a line break in a name becomes a space. */
  notes: { row: number; reason: string }[];
  /** "Entra ID" or "Active Directory", from the columns. */
  source: string;
  headerRow: number;
}

export function readDirectoryExport(sheets: readonly Sheet[]): DirectoryExport {
  // The header is the row with most directory columns among the first few; PowerShell may put "#TYPE …" above it.
  let best = { sheet: undefined as Sheet | undefined, row: -1, fields: [] as (DirectoryField | undefined)[], count: 0 };
  for (const sheet of sheets) {
    for (let row = 0; row < Math.min(sheet.rows.length, 10); row++) {
      const fields = (sheet.rows[row] ?? []).map((cell) => COLUMNS[foldHeader(cell)]);
      const count = new Set(fields.filter(Boolean)).size;
      if (count > best.count) best = { sheet, row, fields, count };
    }
  }
  const { sheet, row: headerRow, fields } = best;
  if (!sheet || !fields.some((field) => field === 'email' || field === 'principal' || field === 'userName')) {
    throw new UserError(
      'Filen ser inte ut som en export av användare: kolumnerna mail/EmailAddress, userPrincipalName eller SamAccountName saknas. Exportera användarna från Entra ID (administrationscentret) eller med Get-ADUser | Export-Csv.',
    );
  }
  const header = (sheet.rows[headerRow] ?? []).map(foldHeader);
  const source = header.includes('samaccountname') ? 'Active Directory' : header.includes('userprincipalname') ? 'Entra ID' : 'katalogen';
  const people: DirectoryPerson[] = [];
  const notes: DirectoryExport['notes'] = [];
  for (let index = headerRow + 1; index < sheet.rows.length; index++) {
    const cells = sheet.rows[index] ?? [];
    if (cells.every((cell) => !cell.trim())) continue;
    // Every value a person has is one line in the register: a cell wrapped onto two lines is read as one.
    // (Control characters are already gone: cleanCell in import/sheet.ts.)
    const value = (field: DirectoryField) => {
      const column = fields.indexOf(field);
      const cell = column >= 0 ? (cells[column] ?? '').trim() : '';
      const text = cell.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
      if (text !== cell) notes.push({ row: index + 1, reason: `kolumnen ${sheet.rows[headerRow]?.[column] ?? field} har en radbrytning, som lästes som ett mellanslag` });
      return text || undefined;
    };
    const principal = value('principal');
    const email = value('email') ?? (principal?.includes('@') ? principal : undefined);
    const userName = value('userName') ?? principal?.split('@')[0];
    const given = value('givenName');
    const surname = value('surname');
    const name = value('name') ?? (given && surname ? `${given} ${surname}` : undefined);
    const enabledText = value('enabled');
    const title = value('title');
    const department = value('department');
    const enabled = enabledText === undefined ? undefined : enabledValue(enabledText);
    people.push({
      row: index + 1,
      ...(email ? { email: email.toLowerCase() } : {}),
      ...(userName ? { userName: userName.toLowerCase() } : {}),
      ...(name ? { name } : {}),
      ...(title ? { title } : {}),
      ...(department ? { department } : {}),
      ...(enabled === undefined ? {} : { enabled }),
    });
  }
  return { people, notes, source, headerRow: headerRow + 1 };
}
