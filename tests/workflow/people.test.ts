// npm run people -- sync: the register's people kept true from the
// directory. An Entra ID export (UTF-8 CSV and .xlsx) and an on-premises AD
// export (PowerShell's UTF-16 with its #TYPE line), with a person who left,
// one renamed, a changed title, a duplicate e-mail and a broken row.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main as people } from '../../src/cli/people.ts';
import { runMain } from '../helpers/command.ts';
import { copyRegister, FIXTURES, listFiles, removeTemp } from '../helpers/registers.ts';
import { simpleWorkbook } from '../helpers/workbooks.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

function register() {
  const { cwd, root } = copyRegister(join(FIXTURES, 'site'));
  temps.push(cwd);
  return { cwd, root };
}

const person = (root: string, id: string) => load(readFileSync(join(root, 'people', `${id}.yaml`), 'utf8')) as Record<string, unknown>;

/** Entra ID's columns, as the admin centre's download has them. */
const ENTRA = [
  ['userPrincipalName', 'displayName', 'givenName', 'surname', 'mail', 'jobTitle', 'department', 'accountEnabled'],
  [
    'anna.andersson@testkommun.se',
    'Anna Andersson',
    'Anna',
    'Andersson',
    'anna.andersson@testkommun.se',
    'Ekonomidirektör',
    'Testkommun',
    'True',
  ],
  ['bo.berg@testkommun.se', 'Bo Bergström', 'Bo', 'Bergström', 'bo.berg@testkommun.se', 'IT-chef', 'IT-avdelningen', 'True'],
  [
    'cecilia.ceder@testkommun.se',
    'Cecilia Ceder',
    'Cecilia',
    'Ceder',
    'cecilia.ceder@testkommun.se',
    'Systemadministratör',
    'IT-avdelningen',
    'False',
  ],
  ['ake.lind@testkommun.se', 'Åke Lind', 'Åke', 'Lind', 'ake.lind@testkommun.se', 'Ordförande', 'KSAU', 'True'],
  ['orjan.ostlund@testkommun.se', 'Örjan Östlund', 'Örjan', 'Östlund', 'orjan.ostlund@testkommun.se', 'Socialchef', 'Soc förv', 'True'],
  ['z1@testkommun.se', 'Zlatan Zetterlund', 'Zlatan', 'Zetterlund', 'zlatan.zetterlund@testkommun.se', 'Förvaltare', 'Soc förv', 'True'],
  ['z2@testkommun.se', 'Zlatan Z', 'Zlatan', 'Z', 'zlatan.zetterlund@testkommun.se', 'Förvaltare', 'Soc förv', 'True'],
  ['', 'Utan adress', '', '', '', 'Handläggare', 'Testkommun', 'True'],
];

const csv = (rows: string[][], separator = ',') => rows.map((row) => row.map((cell) => `"${cell}"`).join(separator)).join('\r\n');

describe('npm run people -- sync with an Entra ID export', () => {
  it('updates names and titles, marks disabled people as left, and says which roles they leave empty', async () => {
    const { cwd, root } = register();
    writeFileSync(join(cwd, 'anvandare.csv'), `\uFEFF${csv(ENTRA)}`);
    const result = await runMain(people, ['sync', 'anvandare.csv'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('anvandare.csv: 8 personer från Entra ID (rubriker på rad 1), 5 av registrets personer hittades.');
    expect(result.stdout).toContain(
      'Anna Andersson: befattning Ekonomichef → Ekonomidirektör, användarnamn inget → anna.andersson (registry/people/anna-andersson.yaml).',
    );
    expect(result.stdout).toContain('Bo Berg: namn Bo Berg → Bo Bergström');
    expect(result.stdout).toContain(
      'Cecilia Ceder har slutat (inaktiverad i katalogen) och markeras active: false (registry/people/cecilia-ceder.yaml).\n    Roller som blir vakanta: systemadministratör för Budgetverktyg: systemägaren Anna Andersson behöver utse en ny',
    );
    expect(result.stdout).toContain(
      'Rad 7: e-postadressen zlatan.zetterlund@testkommun.se står på flera rader (7, 8); raderna användes inte.',
    );
    expect(result.stdout).toContain('Rad 9: saknar både e-postadress och användarnamn; raden användes inte.');
    // Zlatan's rows were ambiguous: he is in the export, twice, which is a finding, never a departure.
    expect(result.stdout).toContain('Zlatan Zetterlund står på flera rader i exporten (7, 8) och ändras inte; rätta dubbletten i katalogen.');
    expect(result.stdout).not.toContain('Zlatan Zetterlund har slutat');
    expect(person(root, 'zlatan-zetterlund')).toMatchObject({ active: true });
    expect(person(root, 'cecilia-ceder')).toMatchObject({ active: false, name: 'Cecilia Ceder' });
    expect(person(root, 'bo-berg')).toMatchObject({ name: 'Bo Bergström', active: true });
  });

  it('reports departments that map to no unit, with a mapping file to fix it, and uses the mapping', async () => {
    const { cwd, root } = register();
    writeFileSync(join(cwd, 'anvandare.csv'), csv(ENTRA));
    const first = await runMain(people, ['sync', 'anvandare.csv', '--dry-run'], { cwd });
    expect(first.stdout).toContain('departments:\n  "KSAU": enhetens-id   # 1 person\n  "Soc förv": enhetens-id   # 1 person');
    writeFileSync(join(cwd, 'avdelningar.yaml'), 'departments:\n  Soc förv: socialforvaltningen\n  KSAU: ksau\n');
    const second = await runMain(people, ['sync', 'anvandare.csv', '--mapping', 'avdelningar.yaml'], { cwd });
    expect(second.stdout).not.toContain('departments:');
    expect(person(root, 'orjan-ostlund').unit).toBe('socialforvaltningen');
  });

  it('never touches people outside the departments an export covers (--scope), and writes nothing with --dry-run', async () => {
    const { cwd, root } = register();
    writeFileSync(join(cwd, 'it.csv'), csv([ENTRA[0] as string[], ENTRA[2] as string[]]));
    const before = listFiles(root).map((file) => readFileSync(join(root, file), 'utf8'));
    const dry = await runMain(people, ['sync', 'it.csv', '--scope', 'IT-avdelningen', '--dry-run'], { cwd });
    expect(dry.stdout).toContain('Skulle ändra:');
    expect(dry.stdout).toContain('Cecilia Ceder har slutat (finns inte i exporten)');
    expect(dry.stdout).not.toMatch(/Anna Andersson (har slutat|:)/);
    expect(listFiles(root).map((file) => readFileSync(join(root, file), 'utf8'))).toEqual(before);
  });

  it('reads the same export as an Excel workbook', async () => {
    const { cwd, root } = register();
    writeFileSync(join(cwd, 'anvandare.xlsx'), await simpleWorkbook(ENTRA, 'Användare'));
    const result = await runMain(people, ['sync', 'anvandare.xlsx'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(person(root, 'bo-berg').name).toBe('Bo Bergström');
  });
});

describe('npm run people -- sync against exports that would do harm', () => {
  it('refuses to mark more people as left than maxLeaversPercent when an export lacks them, saying how many and why', async () => {
    const { cwd, root } = register();
    writeFileSync(join(cwd, 'en-rad.csv'), csv([ENTRA[0] as string[], ENTRA[1] as string[]]));
    const before = listFiles(root).map((file) => readFileSync(join(root, file), 'utf8'));
    const refused = await runMain(people, ['sync', 'en-rad.csv'], { cwd });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/^Skulle ändra:/m);
    expect(refused.stdout).toContain(
      'Inget skrevs: 5 av 6 personer (83 %) saknas i exporten och skulle markeras som slutade, fler än gränsen 10 % (maxLeaversPercent i settings.yaml). Så ser det ut när exporten bara gäller en del av organisationen: ange vilka avdelningar den gäller med --scope. Om så många verkligen har slutat, kör igen med --allow-many-leavers.',
    );
    expect(listFiles(root).map((file) => readFileSync(join(root, file), 'utf8'))).toEqual(before);
    const allowed = await runMain(people, ['sync', 'en-rad.csv', '--allow-many-leavers'], { cwd });
    expect(allowed.status).toBe(0);
    expect(person(root, 'bo-berg')).toMatchObject({ active: false });
  });

  it('reads a cell wrapped onto two lines as one line, and says so, instead of stopping the whole sync', async () => {
    const { cwd, root } = register();
    const rows = ENTRA.map((row) => [...row]);
    (rows[2] as string[])[5] = 'IT-chef\noch CISO';
    writeFileSync(join(cwd, 'anvandare.csv'), csv(rows));
    const result = await runMain(people, ['sync', 'anvandare.csv'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Rad 3: kolumnen jobTitle har en radbrytning, som lästes som ett mellanslag.');
    expect(person(root, 'bo-berg')).toMatchObject({ title: 'IT-chef och CISO', name: 'Bo Bergström' });
  });
});

describe('npm run people -- sync with an Active Directory export', () => {
  it('reads PowerShell’s UTF-16 file with its #TYPE line, and matches by user name when the e-mail changed', async () => {
    const { cwd, root } = register();
    const rows = [
      ['SamAccountName', 'Name', 'GivenName', 'Surname', 'EmailAddress', 'Title', 'Department', 'Enabled'],
      ['anna.andersson', 'Anna Andersson', 'Anna', 'Andersson', 'anna.a@testkommun.se', 'Ekonomichef', 'Testkommun', 'True'],
    ];
    const text = `#TYPE Selected.Microsoft.ActiveDirectory.Management.ADUser\r\n${csv(rows)}\r\n`;
    writeFileSync(join(cwd, 'ad.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await runMain(people, ['sync', 'ad.csv', '--scope', 'Testkommun', '--dry-run'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('ad.csv: 1 personer från Active Directory (rubriker på rad 2)');
    expect(result.stdout).toContain(
      'Anna Andersson: e-post anna.andersson@testkommun.se → anna.a@testkommun.se, användarnamn inget → anna.andersson',
    );
    expect(person(root, 'anna-andersson').email).toBe('anna.andersson@testkommun.se');
  });

  it('refuses a file that is no user export, in Swedish', async () => {
    const { cwd } = register();
    writeFileSync(join(cwd, 'fel.csv'), 'System;Beskrivning\nLön;Löner\n');
    const result = await runMain(people, ['sync', 'fel.csv'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Fel: Filen ser inte ut som en export av användare/);
  });
});
