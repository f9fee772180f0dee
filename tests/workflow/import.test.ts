// npm run import on a messy sheet of our own making: a title row above the
// headers, section and total rows, a repeated header, blank and misspelt
// cells, several values in one cell, supplier and hosting mixed in one
// column, people written with titles or as e-mail addresses. The same sheet
// as UTF-8 with semicolons, Windows-1252 with commas, and .xlsx.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../helpers/run.ts';
import { decodeCsvBytes, parseCsv } from '../../src/core/import/csv.ts';
import { copyRegister, FIXTURES, removeTemp, TODAY } from '../helpers/registers.ts';
import { main as importMain } from '../../src/cli/import.ts';
import { main as validateMain } from '../../src/cli/validate.ts';
import { runMain } from '../helpers/command.ts';
import { writeXlsx } from '../helpers/xlsx.ts';

const IMPORT = join(FIXTURES, 'import');
const MESSY = join(IMPORT, 'messy.csv');
const MAPPING = join(IMPORT, 'mapping.yaml');
const rows = parseCsv(decodeCsvBytes(readFileSync(MESSY)).text, ';');
const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

function toCommaCsv(table: string[][]): string {
  return table.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n');
}

const VARIANTS: [name: string, file: string, bytes: () => Uint8Array][] = [
  ['CSV, UTF-8, semikolon', 'system.csv', () => readFileSync(MESSY)],
  ['CSV, Windows-1252, komma', 'system.csv', () => Buffer.from(toCommaCsv(rows), 'latin1')],
  ['Excel (.xlsx)', 'system.xlsx', () => writeXlsx(rows)],
];

async function importInto(bytes: Uint8Array, file: string, ...args: string[]) {
  const { cwd, root } = copyRegister();
  temps.push(cwd);
  writeFileSync(join(cwd, file), bytes);
  const result = await runMain(importMain, [file, '--mapping', MAPPING, ...args], { cwd });
  return { cwd, root, result };
}

const readYaml = (root: string, file: string) => load(readFileSync(join(root, file), 'utf8')) as Record<string, any>;

describe.each(VARIANTS)('npm run import of the messy sheet as %s', (variant, file, bytes) => {
  let cwd: string;
  let root: string;
  let result: RunResult;
  beforeAll(async () => {
    ({ cwd, root, result } = await importInto(bytes(), file));
  });

  it('runs, describes the file and prints a progress line', async () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      variant.startsWith('Excel')
        ? 'Excel-arbetsbok, bladet "System"'
        : variant.includes('1252')
          ? 'CSV i Windows-1252, avgränsad med komma'
          : 'CSV i UTF-8, avgränsad med semikolon',
    );
    expect(result.stderr).toContain('Läser rad 13 av 13');
    expect(result.stdout).toContain('rubriker på rad 3');
    expect(result.stdout).toContain('Skrev 3 system, 2 personer och 1 enhet.');
  });

  it('reads systems, splitting supplier from hosting and matching people and units', async () => {
    expect(readYaml(root, 'systems/ekonomisystem.yaml')).toEqual({
      id: 'ekonomisystem',
      name: 'Ekonomisystem',
      description: 'Redovisning och budget',
      unit: 'testkommun',
      status: 'i drift',
      roles: { owner: 'anna-andersson', manager: 'dag-ek', administrators: ['dag-ek', 'cecilia-ceder'], operations: 'it-avdelningen' },
      hosting: 'molntjänst',
      supplier: { name: 'Kalkyl AB' },
      contract: { end: '2027-12-31' },
    });
    const archive = readYaml(root, 'systems/e-arkiv.yaml');
    expect(archive).toMatchObject({
      description: 'Bevarande; långsiktigt',
      unit: 'it-avdelningen',
      status: 'under avveckling',
      hosting: 'egen drift',
      contract: { end: '2027-02-28' },
    });
    expect(archive.supplier).toBeUndefined();
    expect(readYaml(root, 'systems/bygglov.yaml')).toMatchObject({
      unit: 'samhallsbyggnadsforvaltningen',
      status: 'planerad',
      supplier: { name: 'Hyrd server' },
    });
  });

  it('creates the people and units it can infer', async () => {
    expect(readYaml(root, 'people/dag-ek.yaml')).toEqual({
      id: 'dag-ek',
      name: 'Dag Ek',
      title: 'controller',
      email: 'dag.ek@testkommun.se',
      active: true,
    });
    expect(readYaml(root, 'people/eva-lind.yaml')).toEqual({
      id: 'eva-lind',
      name: 'Eva Lind',
      email: 'eva.lind@testkommun.se',
      active: true,
    });
    expect(readYaml(root, 'units/samhallsbyggnadsforvaltningen.yaml')).toEqual({
      id: 'samhallsbyggnadsforvaltningen',
      name: 'Samhällsbyggnadsförvaltningen',
      type: 'förvaltning',
      parent: 'testkommun',
    });
  });

  it('never overwrites an existing file', async () => {
    expect(readFileSync(join(root, 'systems', 'lonesystem.yaml'), 'utf8')).toBe(
      readFileSync(join(FIXTURES, 'minimal', 'systems', 'lonesystem.yaml'), 'utf8'),
    );
    expect(result.stdout).toContain(
      'registry/systems/lonesystem.yaml finns redan och skrevs inte över (rad 6; använd --overwrite för att ersätta den)',
    );
  });

  it('reports every row and cell it could not use, and why', async () => {
    for (const line of [
      'rad 1: står före rubrikraden',
      'rad 4: rubrikrad ("EKONOMI")',
      'rad 9: summeringsrad ("Summa")',
      'rad 10: upprepad rubrikrad',
      'rad 12: saknar systemnamn ("Rad utan namn", "Testkommun")',
      'rad 13: "Ekonomisystem" finns redan på rad 5',
      'rad 7, kolumn "Förvaltning": "HVOF, FSF" anger flera verksamheter; HVOF blev ägande verksamhet, FSF användes inte',
      'rad 7, kolumn "Systemägare": "Ekonomichef" ser ut som en befattning eller grupp, inte ett namn; ange personen',
      'rad 11, kolumn "Avtalsslut": "nästa år" är inget datum (ÅÅÅÅ-MM-DD)',
      'Driftansvarig sattes till "it-avdelningen" för 4 system',
    ]) {
      expect(result.stdout).toContain(line);
    }
  });

  it('leaves a register where validate lists exactly what the sheet did not have', async () => {
    const validation = await runMain(validateMain, ['--format', 'json', '--today', TODAY], { cwd });
    expect(validation.status).toBe(1);
    const errors = JSON.parse(validation.stdout)
      .filter((finding: any) => finding.severity === 'error')
      .map((finding: any) => `${finding.file} ${finding.rule} ${/Fältet "([^"]+)"/.exec(finding.message)?.[1]}`);
    expect(errors).toEqual([
      'registry/people/dag-ek.yaml missing-field unit',
      'registry/people/eva-lind.yaml missing-field title',
      'registry/people/eva-lind.yaml missing-field unit',
      'registry/systems/bygglov.yaml missing-field roles.users',
      'registry/systems/e-arkiv.yaml missing-field roles.owner',
      'registry/systems/e-arkiv.yaml missing-field roles.manager',
      'registry/systems/e-arkiv.yaml missing-field roles.administrators',
      'registry/systems/e-arkiv.yaml missing-field roles.users',
      'registry/systems/ekonomisystem.yaml missing-field roles.users',
    ]);
    expect(readFileSync(join(root, 'systems', 'e-arkiv.yaml'), 'utf8')).toContain(
      '# Saknades i kalkylarket och behöver fyllas i: roles.owner (Systemägare), roles.manager (Systemförvaltare)',
    );
  });
});

describe('npm run import options', () => {
  it('--dry-run writes nothing', async () => {
    const { root, result } = await importInto(readFileSync(MESSY), 'system.csv', '--dry-run');
    expect(result.stdout).toContain('Skulle skriva 3 system');
    expect(existsSync(join(root, 'systems', 'ekonomisystem.yaml'))).toBe(false);
  });

  it('--overwrite replaces an existing file', async () => {
    const { root, result } = await importInto(readFileSync(MESSY), 'system.csv', '--overwrite');
    expect(result.status).toBe(0);
    expect(readYaml(root, 'systems/lonesystem.yaml')).toMatchObject({
      description: 'Löner',
      status: 'i drift',
      hosting: 'extern drift',
      supplier: { name: 'Lönepartner' },
      contract: { end: '2026-12-31' },
    });
  });

  it('explains a broken mapping file in Swedish, with exit 2', async () => {
    const { cwd } = copyRegister();
    temps.push(cwd);
    writeFileSync(join(cwd, 'mappning.yaml'), 'columns:\n  Ansvarig: ägare\n');
    writeFileSync(join(cwd, 'system.csv'), readFileSync(MESSY));
    const result = await runMain(importMain, ['system.csv', '--mapping', 'mappning.yaml'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('mappning.yaml: kolumnen "Ansvarig" mappas till "ägare", som inte finns. Välj ett av: name, id,');
  });

  it('explains a file that is not a spreadsheet', async () => {
    const { cwd } = copyRegister();
    temps.push(cwd);
    writeFileSync(join(cwd, 'trasig.xlsx'), 'inte en arbetsbok');
    const result = await runMain(importMain, ['trasig.xlsx'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'Fel: Filen går inte att öppna som Excel-arbetsbok (.xlsx). Spara den som .xlsx eller CSV och försök igen.\n',
    );
  });
});

describe('npm run import writes safely', () => {
  const header = 'System;Beskrivning;Förvaltning;Systemägare\n';

  it('shortens an id made from a very long name, so every file can be written', async () => {
    const name = `Verksamhetssystem ${'för mycket lång benämning '.repeat(10)}`.trim();
    const { root, result } = await importInto(Buffer.from(`${header}${name};Test;Testkommun;Anna Andersson\n`), 'system.csv');
    expect(result.status, result.stderr).toBe(0);
    const [file] = readdirSync(join(root, 'systems')).filter((name) => name.startsWith('verksamhetssystem'));
    expect(file?.length).toBeLessThanOrEqual(80 + '.yaml'.length);
    expect(readYaml(root, `systems/${file}`).name).toBe(name);
  });

  it('creates the people/ and units/ folders when the register has none yet', async () => {
    const { cwd, root } = copyRegister();
    temps.push(cwd);
    rmSync(join(root, 'people'), { recursive: true });
    rmSync(join(root, 'units'), { recursive: true });
    writeFileSync(join(cwd, 'system.csv'), `${header}Ärendesystem;Ärenden;Miljöförvaltningen;Nils Nilsson\n`);
    const result = await runMain(importMain, ['system.csv'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(root, 'people'))).toEqual(['nils-nilsson.yaml']);
    expect(readdirSync(join(root, 'units'))).toEqual(['miljoforvaltningen.yaml']);
  });

  it('never writes through a symbolic link, and then writes nothing at all', async () => {
    const { cwd, root } = copyRegister();
    temps.push(cwd);
    const outside = join(cwd, 'utanfor');
    mkdirSync(outside);
    rmSync(join(root, 'people'), { recursive: true });
    symlinkSync(outside, join(root, 'people'));
    writeFileSync(join(cwd, 'system.csv'), `${header}Ärendesystem;Ärenden;Testkommun;Nils Nilsson\n`);
    const result = await runMain(importMain, ['system.csv'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Fel: registry/people är en symbolisk länk; inget skrivs genom den. Inget skrevs.\n');
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(root, 'systems', 'arendesystem.yaml'))).toBe(false);
  });
});
