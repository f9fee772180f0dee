// npm run import on CSV files as programs and people write them: UTF-8 and
// Windows-1252, semicolons, commas and tabs, line breaks inside cells,
// section rows with only a unit, a stray byte from another encoding, and a
// quote that is never closed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main as importMain } from '../../src/cli/import.ts';
import { main as validateMain } from '../../src/cli/validate.ts';
import { guessSeparator } from '../../src/core/import/csv.ts';
import { runMain } from '../helpers/command.ts';
import { copyRegister, FIXTURES, removeTemp, TODAY } from '../helpers/registers.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));
const readYaml = (root: string, file: string) => load(readFileSync(join(root, file), 'utf8')) as Record<string, any>;

async function importCsv(bytes: Uint8Array, ...args: string[]) {
  const { cwd, root } = copyRegister(join(FIXTURES, 'site'));
  temps.push(cwd);
  writeFileSync(join(cwd, 'system.csv'), bytes);
  const result = await runMain(importMain, ['system.csv', ...args], { cwd, now: new Date('2026-11-28T12:00:00Z') });
  return { cwd, root, result };
}

/** A list with a line break inside a quoted description and section rows that hold only a unit. */
const SECTIONED = [
  'System;Beskrivning;Systemägare;Systemförvaltare;Status',
  'Socialförvaltningen;;;;',
  'Journalsystem;"Journalföring för\nsocialtjänsten; med ändringslogg";Åke Lind;Bo Berg;I drift',
  'Hemtjänst;"Planering\n\toch uppföljning";Åke Lind;Bo Berg;planerad',
  'IT-avdelningen;;;;',
  'Nätverk;Drift av nätverket;Bo Berg;Bo Berg;i drift',
].join('\n');

describe('CSV separators', () => {
  it('are guessed from parsed records, so line breaks in cells and one-cell section rows do not mislead', () => {
    expect(guessSeparator(SECTIONED)).toBe(';');
    expect(guessSeparator(SECTIONED.replace(/;/g, ','))).toBe(',');
    expect(guessSeparator(SECTIONED.replace(/;/g, '\t'))).toBe('\t');
  });

  it('give every section row’s unit to the rows below it that name none', async () => {
    const { root, result } = await importCsv(Buffer.from(SECTIONED, 'utf8'));
    expect(result.stdout).toContain('CSV i UTF-8, avgränsad med semikolon');
    expect(readYaml(root, 'systems/journalsystem.yaml')).toMatchObject({
      unit: 'socialforvaltningen',
      description: 'Journalföring för\nsocialtjänsten; med ändringslogg',
    });
    expect(readYaml(root, 'systems/natverk.yaml').unit).toBe('it-avdelningen');
    expect(result.stdout).toContain('rad 2: avsnittsrad ("Socialförvaltningen"); blev ägande verksamhet (socialforvaltningen)');
  });

  it('can be given with --separator', async () => {
    const { result } = await importCsv(Buffer.from('System|Systemägare\nPortal|Åke Lind\n', 'utf8'), '--separator', '|', '--dry-run');
    expect(result.stdout).toContain('avgränsad med lodstreck');
    expect(result.stdout).toContain('Skulle skriva 1 system');
  });
});

describe('CSV encodings', () => {
  it('reads Windows-1252 with commas, as older Excel saves it', async () => {
    const { root, result } = await importCsv(Buffer.from(SECTIONED.replace(/;/g, ','), 'latin1'));
    expect(result.stdout).toContain('CSV i Windows-1252, avgränsad med komma');
    expect(readYaml(root, 'systems/journalsystem.yaml').roles.owner).toBe('ake-lind');
  });

  it('reads UTF-16 with a byte order mark, as PowerShell writes it', async () => {
    const text = Buffer.from('\uFEFFSystem\tSystemägare\nÄrendesystem\tÅke Lind\n', 'utf16le');
    const { root, result } = await importCsv(text);
    expect(result.stdout).toContain('CSV i UTF-16, avgränsad med tabb');
    expect(readYaml(root, 'systems/arendesystem.yaml').roles.owner).toBe('ake-lind');
  });

  it('keeps a UTF-8 file UTF-8 when one byte is not, and reports that byte by row and column', async () => {
    // "Lönesystem" with its ö in Windows-1252, in a file that is otherwise UTF-8.
    const bytes = Buffer.concat([
      Buffer.from('System;Systemägare;Beskrivning\nÄrendesystem;Åke Lind;Ärenden\nL', 'utf8'),
      Buffer.from([0xf6]),
      Buffer.from('nesystem;Åke Lind;Löner\n', 'utf8'),
    ]);
    const { root, result } = await importCsv(bytes);
    expect(result.stdout).toContain('CSV i UTF-8, avgränsad med semikolon');
    expect(result.stdout).toContain('Rad 3, tecken 2: byten 0xF6 är inte UTF-8; den lästes som "ö" (Windows-1252). Kontrollera texten.');
    // Read as "Lönesystem", it is the system the register already has, not a new one.
    expect(result.stdout).toContain('1 fil i systems/ finns redan och skrevs inte över');
    expect(readYaml(root, 'systems/arendesystem.yaml').name).toBe('Ärendesystem');
  });
  it('keeps a UTF-8 file UTF-8 when its one stray byte is as common as its UTF-8 letters, and keeps the column it names', async () => {
    // One UTF-8 letter (the ö of "Förvaltning") and one Windows-1252 byte: read as Windows-1252, "FÃ¶rvaltning" lost its column.
    const bytes = Buffer.concat([
      Buffer.from('System;Förvaltning\nKassa;Ekonomi\nPortal;Kommunikation', 'utf8'),
      Buffer.from([0x96]),
      Buffer.from('IT\n', 'utf8'),
    ]);
    const { root, result } = await importCsv(bytes);
    expect(result.stdout).toContain('CSV i UTF-8, avgränsad med semikolon');
    expect(result.stdout).toContain('Rad 3, tecken 21: byten 0x96 är inte UTF-8; den lästes som "–" (Windows-1252). Kontrollera texten.');
    expect(result.stdout).not.toContain('FÃ¶rvaltning');
    expect(result.stdout).toContain('Förvaltning → unit');
    expect(readYaml(root, 'systems/kassa.yaml').unit).toBe('ekonomi');
  });
});

describe('a quote that is never closed', () => {
  it('is reported with its row and the rows it would have swallowed, and those rows are still imported', async () => {
    const text = [
      'System;Beskrivning;Systemägare',
      'Ekonomi;"Bokföring och budget;Åke Lind',
      'Kassa;Kassaflöde;Åke Lind',
      'Portal;Intranät;Bo Berg',
      '',
    ].join('\n');
    const { root, result } = await importCsv(Buffer.from(text, 'utf8'));
    expect(result.stdout).toContain(
      'Rad 2: ett citattecken öppnas men stängs aldrig. Raden lästes utan citattecken; annars hade de följande 3 raderna hamnat i en enda cell. Kontrollera raden.',
    );
    expect(readYaml(root, 'systems/ekonomi.yaml').description).toBe('"Bokföring och budget');
    expect(readYaml(root, 'systems/kassa.yaml').roles.owner).toBe('ake-lind');
    expect(readYaml(root, 'systems/portal.yaml').roles.owner).toBe('bo-berg');
  });
});

describe('the messy list from the first version', () => {
  it('still imports, with every row and cell it could not use reported', async () => {
    const { cwd, root } = copyRegister();
    temps.push(cwd);
    writeFileSync(join(cwd, 'system.csv'), readFileSync(join(FIXTURES, 'import', 'messy.csv')));
    const result = await runMain(importMain, ['system.csv', '--mapping', join(FIXTURES, 'import', 'mapping.yaml')], { cwd });
    expect(result.status, result.stderr).toBe(0);
    for (const line of [
      'Skrev 3 system, 2 personer och 1 enhet.',
      'rad 1: står före rubrikraden',
      'rad 4: avsnittsrad ("EKONOMI")',
      'rad 9: summeringsrad ("Summa")',
      'rad 10: upprepad rubrikrad',
      'rad 12: saknar systemnamn ("Rad utan namn", "Testkommun")',
      'rad 13: "Ekonomisystem" finns redan på rad 5',
      'rad 7, kolumn "Förvaltning": "HVOF, FSF" anger flera verksamheter; HVOF blev ägande verksamhet, FSF användes inte',
      'rad 7, kolumn "Systemägare": "Ekonomichef" är inte ett namn',
      'rad 11, kolumn "Avtalsslut": "nästa år" är inget datum (ÅÅÅÅ-MM-DD)',
      'Driftansvarig sattes till "it-avdelningen" för 4 system',
    ])
      expect(result.stdout).toContain(line);
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
    expect(readYaml(root, 'people/dag-ek.yaml')).toEqual({ id: 'dag-ek', name: 'Dag Ek', email: 'dag.ek@testkommun.se', active: true });
    const validation = await runMain(validateMain, ['--format', 'json', '--today', TODAY], { cwd });
    expect(validation.status).toBe(1);
    expect(readFileSync(join(root, 'systems', 'e-arkiv.yaml'), 'utf8')).toContain(
      '# Saknades i kalkylarket och behöver fyllas i: roles.owner (Systemägare), roles.manager (Systemförvaltare)',
    );
  });
});

describe('continuity and security columns', () => {
  it('fill recovery time, fallback, MFA, data location, support and hosting, read as people write them', async () => {
    const sheet = [
      'System;Kritikalitet;RTO;RPO;Reservrutin;Inloggning;Datalagring;Leverantör;Support;Driftleverantör;Datacenter;Återläsning testad;Behörighetsgranskning',
      'Hemtjänstplanering;hög;4 timmar;2 dygn;Papperslistor;SITHS-kort;Sverige;Omsorg AB;010-123 45 67;Norrdata Drift AB;Sundsvall;2026-05-01;2027-01-01',
      'Bokning;låg;snart;1 vecka;;Lösenord;USA;;support@bokning.se;;Region X;;',
    ].join('\n');
    const { root, result } = await importCsv(Buffer.from(sheet, 'utf8'));
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(readYaml(root, 'systems/hemtjanstplanering.yaml')).toMatchObject({
      loginMethod: 'SITHS-kort',
      supplier: { name: 'Omsorg AB', support: { phone: '010-123 45 67' } },
      continuity: { rto: '4h', rpo: '2d', fallback: 'Papperslistor', restoreTested: '2026-05-01' },
      // The login method says it asks for more than a password.
      security: { mfa: 'ja', dataLocation: 'Sverige' },
      hostedAt: { provider: 'Norrdata Drift AB', location: 'Sundsvall' },
    });
    expect(readYaml(root, 'systems/bokning.yaml')).toMatchObject({
      continuity: { rpo: '1w' },
      security: { dataLocation: 'utanför EU/EES' },
    });
    expect(readYaml(root, 'systems/bokning.yaml').security.mfa).toBeUndefined();
    for (const note of [
      'rad 2, kolumn "Behörighetsgranskning": "2027-01-01" ligger i framtiden; granskningsdatumet sattes inte',
      'rad 3, kolumn "RTO": "snart" är ingen tid som "4 timmar", "2 dagar" eller "1 vecka"',
      'rad 3, kolumn "Support": "support@bokning.se" har ingen leverantör att höra till',
      'rad 3, kolumn "Datacenter": "Region X" har ingen driftleverantör att höra till (kolumnen Driftleverantör)',
    ])
      expect(result.stdout).toContain(note);
  });
});
