// The register's own Excel download imports again: exporting the example
// register and importing the file into an empty register gives every
// system back with its name, unit, roles, supplier, hosting, status and
// contract end.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readSpreadsheet } from '../../src/core/import/table.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as importMain } from '../../src/cli/import.ts';
import type { RegisterModel, SystemRecord } from '../../src/core/model/model.ts';
import { openRegister } from '../../src/core/model/open-register.ts';
import { holder, userGroupHolder } from '../../src/core/views/holders.ts';
import { toXlsx } from '../../src/core/views/exports.ts';
import { registerRows } from '../../src/core/views/register-rows.ts';
import { runMain } from '../helpers/command.ts';
import { EXAMPLE_REGISTER, removeTemp, TODAY } from '../helpers/registers.ts';
import type { RunResult } from '../helpers/run.ts';

const cwd = mkdtempSync(join(tmpdir(), 'systemforteckning-rundresa-'));
afterAll(() => removeTemp(cwd));

/** What a system is, by names rather than ids: ids of new people and units may differ from the original's. */
function described(model: RegisterModel, system: SystemRecord) {
  const name = (id: string) => holder(model, id).name;
  return {
    name: system.name,
    aliases: system.aliases,
    unit: name(system.unit),
    owner: name(system.roles.owner),
    manager: name(system.roles.manager),
    administrators: system.roles.administrators.map(name),
    operations: name(system.roles.operations),
    users: system.roles.users.map((group) => userGroupHolder(model, group).name),
    supplier: system.supplier?.name,
    hosting: system.hosting,
    status: system.status,
    contractEnd: system.contract?.end,
    contractStart: system.contract?.start,
    contractReference: system.contract?.reference,
    loginMethod: system.loginMethod,
    rto: system.continuity?.rto,
    fallback: system.continuity?.fallback,
    restoreTested: system.continuity?.restoreTested,
    mfa: system.security?.mfa,
    dataLocation: system.security?.dataLocation,
    hostedAt: system.hostedAt && { provider: system.hostedAt.provider, location: system.hostedAt.location },
  };
}

let original: ReturnType<typeof openRegister>;
let result: RunResult;

beforeAll(async () => {
  original = openRegister(EXAMPLE_REGISTER, { today: TODAY, cwd });
  writeFileSync(join(cwd, 'systemforteckning.xlsx'), await toXlsx(registerRows(original.model), original.model));
  // An empty register: only the settings a new municipality starts with.
  mkdirSync(join(cwd, 'registry'));
  cpSync(join(EXAMPLE_REGISTER, 'settings.yaml'), join(cwd, 'registry', 'settings.yaml'));
  result = await runMain(importMain, ['systemforteckning.xlsx'], { cwd });
});

describe('the Excel download imported into an empty register', () => {
  it('writes every system', () => {
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(`Skrev ${original.model.systems.length} system`);
  });

  it('gives every system back with its name, other names, unit, roles, supplier, hosting, status, contract and continuity facts', () => {
    const imported = openRegister(join(cwd, 'registry'), { today: TODAY, cwd });
    const byId = new Map(imported.parsed.entries.filter((entry) => entry.kind === 'system').map((entry) => [entry.fileId, entry]));
    const importedModel = imported.model;
    for (const system of original.model.systems) {
      const entry = byId.get(system.id);
      expect(entry, system.id).toBeDefined();
      // The imported people lack title and unit, so systems are compared from their data, not from the validated model.
      const copy = { ...(entry?.data as unknown as SystemRecord), source: '' };
      const names = (id: string) =>
        (imported.parsed.entries.find((other) => other.fileId === id && (other.kind === 'person' || other.kind === 'unit'))?.data
          .name as string) ?? id;
      const importedView = {
        ...described(importedModel, copy),
        unit: names(copy.unit),
        owner: names(copy.roles.owner),
        manager: names(copy.roles.manager),
        administrators: copy.roles.administrators.map(names),
        operations: names(copy.roles.operations),
        users: copy.roles.users.map((group) => (typeof group === 'string' ? names(group) : group.name)),
      };
      expect(JSON.stringify(importedView, null, 1), system.id).toEqual(JSON.stringify(described(original.model, system), null, 1));
    }
  });
});

describe('the Excel download, read back by a spreadsheet library', () => {
  it('has a bold frozen header with a filter, widths that fit, dates as dates, links that click and every fact of a system page', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await toXlsx(registerRows(original.model), original.model)) as never);
    const sheet = book.getWorksheet('Systemförteckning') as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const header = sheet.getRow(1);
    expect(header.getCell(1).font?.bold).toBe(true);
    const headings = (header.values as unknown[]).slice(1);
    for (const heading of [
      'Spårbarhet',
      'Klassad',
      'Ramavtal',
      'Inloggningsmetod',
      'Reservrutin',
      'Längsta acceptabla avbrott (RTO)',
      'Känsliga personuppgifter',
    ])
      expect(headings, heading).toContain(heading);
    // Each heading once, and none the import would read as another field.
    expect(new Set(headings).size).toBe(headings.length);
    const column = (heading: string) => headings.indexOf(heading) + 1;
    const lonesystem = sheet.getRows(2, sheet.rowCount - 1)?.find((row) => row.getCell(column('Id')).value === 'lonesystem') as ExcelJS.Row;
    const end = lonesystem.getCell(column('Avtalet löper ut'));
    expect(end.value).toEqual(new Date('2028-12-31T00:00:00Z'));
    expect(end.numFmt).toBe('yyyy-mm-dd');
    expect(lonesystem.getCell(column('Sida på webbplatsen')).value).toMatchObject({
      hyperlink: 'https://intranat.exempelkommun.se/systemforteckning/system/lonesystem/',
    });
    expect(lonesystem.getCell(column('Systemförvaltare, e-post')).value).toMatchObject({
      hyperlink: 'mailto:camilla.ahlberg@exempelkommun.se',
    });
    expect(lonesystem.getCell(column('Spårbarhet')).value).toBe(3);
    // Every row looks like its column: links blue and underlined, dates as dates, only the header bold.
    for (const row of sheet.getRows(2, sheet.rowCount - 1) ?? []) {
      expect(row.getCell(column('Sida på webbplatsen')).font).toMatchObject({ underline: true, color: { argb: 'FF1B4F8A' } });
      expect(row.getCell(column('Id')).font?.bold).toBeFalsy();
      expect(row.getCell(column('Id')).font?.underline).toBeFalsy();
      expect(row.getCell(column('Spårbarhet')).numFmt ?? 'General').toBe('General');
    }
    expect(end.numFmt).toBe('yyyy-mm-dd');
    // Widths fit the text, within reason: a long description wraps rather than making the sheet a mile wide.
    const description = sheet.getColumn(column('Beskrivning')).width as number;
    expect(description).toBeGreaterThan(30);
    expect(description).toBeLessThanOrEqual(50);
    expect(sheet.getColumn(column('Id')).width).toBeGreaterThanOrEqual('kommunikationsplattform'.length);
    // The reader the import uses reads the date cells as dates.
    const [first] = readSpreadsheet(await toXlsx(registerRows(original.model), original.model)).sheets;
    const row = first?.rows.find((cells) => cells[0] === 'lonesystem');
    expect(row?.[column('Avtalet löper ut') - 1]).toBe('2028-12-31');
  });
});
