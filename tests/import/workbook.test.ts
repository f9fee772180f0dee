// npm run import on the workbook a municipality really keeps: a cover sheet
// first, title and group rows above the headers, section rows, merged
// cells, people written in every way, formulas, dates as dates and as text,
// a hyperlink and a total. And the same kind of table as .ods and old .xls.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as importMain } from '../../src/cli/import.ts';
import { runMain } from '../helpers/command.ts';
import { copyRegister, FIXTURES, removeTemp } from '../helpers/registers.ts';
import type { RunResult } from '../helpers/run.ts';
import { messyWorkbook, sheetJsWorkbook } from '../helpers/workbooks.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));
const readYaml = (root: string, file: string) => load(readFileSync(join(root, file), 'utf8')) as Record<string, any>;

async function importInto(bytes: Uint8Array, file: string, ...args: string[]) {
  const { cwd, root } = copyRegister(join(FIXTURES, 'site'));
  temps.push(cwd);
  writeFileSync(join(cwd, file), bytes);
  const result = await runMain(importMain, [file, ...args], { cwd, now: new Date('2026-11-28T12:00:00Z') });
  return { cwd, root, result };
}

describe('the messy workbook (.xlsx written by exceljs)', () => {
  let root: string;
  let result: RunResult;
  let cwd: string;
  beforeAll(async () => {
    ({ cwd, root, result } = await importInto(await messyWorkbook(), 'kommunens-system.xlsx'));
  });

  it('finds the table on the right sheet, past the cover sheet, the title row and the group row', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'kommunens-system.xlsx (Excel-arbetsbok (.xlsx)), bladet "System" (2 av 3), rubriker på rad 3 (12 kända rubriker; flest kända rubriker).',
    );
    expect(result.stdout).toContain('Bladen i arbetsboken: "Läs mig", "System", "Ekonomi" (välj ett annat med --sheet).');
    expect(result.stdout).toContain('Skrev 4 system, 3 personer och 1 enhet.');
  });

  it('reports the title, group, section and total rows and imports none of them as systems', () => {
    for (const line of [
      'rad 1: står före rubrikraden ("Systemförteckning Testkommun 2024")',
      'rad 2: står före rubrikraden ("Ansvar", "Leverantör & drift")',
      'rad 4: avsnittsrad ("SOCIALFÖRVALTNINGEN"); blev ägande verksamhet (socialforvaltningen) för raderna nedanför som saknar en',
      'rad 10: summeringsrad ("Summa")',
    ])
      expect(result.stdout).toContain(line);
    expect(readdirSync(join(root, 'systems')).filter((file) => /summa|socialforvaltningen|ansvar/.test(file))).toEqual([]);
  });

  it('reads people written as "Efternamn, Förnamn", with a note, as an e-mail address and several in one cell', () => {
    expect(readYaml(root, 'systems/hemtjanstplanering.yaml')).toMatchObject({
      unit: 'socialforvaltningen',
      status: 'i drift',
      roles: {
        owner: 'karin-svensson',
        manager: 'bo-berg',
        administrators: ['anna-andersson', 'cecilia-ceder'],
        operations: 'it-avdelningen',
      },
      hosting: 'molntjänst',
      supplier: { name: 'Omsorgsdata AB' },
      contract: { end: '2028-12-31' },
      links: { documentation: 'https://handbok.example/hemtjanst' },
    });
    expect(readYaml(root, 'people/karin-svensson.yaml')).toMatchObject({ id: 'karin-svensson', name: 'Karin Svensson', active: true });
    expect(readYaml(root, 'systems/journalsystem.yaml').roles.administrators).toEqual(['dag-ek', 'eva-lind']);
    expect(result.stdout).toContain(
      'rad 5, kolumn "Systemförvaltare": "Bo Berg (systemförvaltare)" innehåller anteckningen "(systemförvaltare)", som inte hör till namnet och inte sparades',
    );
  });

  it('creates no person for "Vakant", "?", "saknas" or "MAS", and reports the role as missing', () => {
    expect(existsSync(join(root, 'people', 'mas.yaml'))).toBe(false);
    expect(readYaml(root, 'systems/journalsystem.yaml').roles).not.toHaveProperty('owner');
    expect(readYaml(root, 'systems/bokningssystem.yaml').roles).not.toHaveProperty('manager');
    for (const line of [
      'kolumn "Systemägare": "Vakant" betyder att ingen har rollen; fyll i vem som har den',
      'kolumn "Systemförvaltare": "MAS" är inte ett namn',
      'kolumn "Systemförvaltare": "?" betyder att ingen har rollen',
      'kolumn "Systemadministratör": "saknas" betyder att ingen har rollen',
    ])
      expect(result.stdout).toContain(line);
    expect(readFileSync(join(root, 'systems', 'journalsystem.yaml'), 'utf8')).toContain(
      '# Saknades i kalkylarket och behöver fyllas i: roles.owner (Systemägare)',
    );
  });

  it('gives a unit merged down beside several systems to each of them, and reads "Gata/Park" as one unit', () => {
    expect(readYaml(root, 'systems/journalsystem.yaml').unit).toBe('socialforvaltningen');
    expect(readYaml(root, 'systems/bokningssystem.yaml').unit).toBe('socialforvaltningen');
    expect(readYaml(root, 'systems/gatuunderhall.yaml').unit).toBe('gata-park');
    expect(readYaml(root, 'units/gata-park.yaml')).toEqual({ id: 'gata-park', name: 'Gata/Park', type: 'avdelning', parent: 'testkommun' });
  });

  it('reads a formula’s result, and dates written as dates, as "31/12/2028" and as "juni 2027"', () => {
    expect(readYaml(root, 'systems/journalsystem.yaml').contract).toEqual({ end: '2027-06-30' });
    expect(readYaml(root, 'systems/bokningssystem.yaml').contract).toEqual({ end: '2028-12-31' });
    expect(readYaml(root, 'systems/gatuunderhall.yaml').contract).toEqual({ end: '2027-06-30' });
    expect(readYaml(root, 'systems/journalsystem.yaml').status).toBe('i drift');
  });

  it('writes nothing new when the same import runs again, and says so with exit 0', async () => {
    const before = readdirSync(root, { recursive: true }).length;
    const again = await runMain(importMain, ['kommunens-system.xlsx'], { cwd });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Skrev 0 system, 0 personer och 0 enheter.');
    expect(again.stdout).toContain('Alla 4 system i kalkylarket finns redan i registret; inget nytt att skriva.');
    expect(readdirSync(root, { recursive: true }).length).toBe(before);
  });

  it('reads another sheet with --sheet and another header row with --header-row', async () => {
    const { result: other } = await importInto(await messyWorkbook(), 'kommunens-system.xlsx', '--sheet', 'Ekonomi', '--dry-run');
    expect(other.stdout).toContain('bladet "Ekonomi" (3 av 3), rubriker på rad 1 (1 kända rubriker; valt med --sheet)');
    expect(other.stdout).toContain('Skulle skriva 1 system');
    const { result: wrongRow } = await importInto(await messyWorkbook(), 'kommunens-system.xlsx', '--header-row', '1', '--dry-run');
    expect(wrongRow.status).toBe(1);
    expect(wrongRow.stdout).toContain('Inga system kunde importeras');
    const { result: missing } = await importInto(await messyWorkbook(), 'kommunens-system.xlsx', '--sheet', 'Budget');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      'Fel: Bladet "Budget" finns inte. Arbetsboken har 1 "Läs mig", 2 "System", 3 "Ekonomi"; ange --sheet med namn eller nummer.\n',
    );
  });
});

describe.each([
  ['OpenDocument (.ods)', 'system.ods', 'ods', 'OpenDocument-kalkylblad (.ods)'],
  ['Excel 97–2003 (.xls)', 'system.xls', 'xls', 'Excel 97–2003-arbetsbok (.xls)'],
] as const)('a workbook as %s', (_name, file, type, description) => {
  it('is read like .xlsx: merged cells, dates and the header row found', async () => {
    const rows = [
      ['Systemförteckning'],
      ['System', 'Förvaltning', 'Systemägare', 'Status', 'Avtalsslut'],
      ['Ärendearkiv', 'Socialförvaltningen', 'Åke Lind', 'I drift', new Date(Date.UTC(2027, 5, 30))],
      ['Diarium', null, 'Åke Lind', 'Planerad', '2028-01-31'],
    ];
    const { root, result } = await importInto(sheetJsWorkbook(rows, type, ['B3:B4']), file);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${file} (${description}), bladet "System", rubriker på rad 2`);
    expect(readYaml(root, 'systems/arendearkiv.yaml')).toMatchObject({
      unit: 'socialforvaltningen',
      roles: { owner: 'ake-lind' },
      contract: { end: '2027-06-30' },
    });
    expect(readYaml(root, 'systems/diarium.yaml')).toMatchObject({ unit: 'socialforvaltningen', status: 'planerad' });
  });
});
