// npm run import with hostile and broken files, and the promises around
// writing: a Swedish message and exit 2 instead of running out of memory,
// nothing written when anything is refused, nothing outside the register.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { main as importMain } from '../../src/cli/import.ts';
import { main as peopleMain } from '../../src/cli/people.ts';
import { main as attestMain } from '../../src/cli/attest.ts';
import { applyWrites, planWrites } from '../../src/core/writing/write-files.ts';
import { MAX_ROWS } from '../../src/core/import/limits.ts';
import { runMain } from '../helpers/command.ts';
import { runCli } from '../helpers/run.ts';
import { copyRegister, FIXTURES, listFiles, removeTemp } from '../helpers/registers.ts';
import { HOSTILE_SHEETS, hostileWorkbook, passwordProtectedWorkbook, sheetJsWorkbook } from '../helpers/workbooks.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

async function importInto(bytes: Uint8Array | string, file: string, prepare: (root: string, cwd: string) => void = () => {}) {
  const { cwd, root } = copyRegister();
  temps.push(cwd);
  prepare(root, cwd);
  writeFileSync(join(cwd, file), bytes);
  const before = listFiles(root);
  const result = await runMain(importMain, [file], { cwd });
  return { cwd, root, result, before };
}

describe('hostile workbooks', () => {
  it.each(Object.entries(HOSTILE_SHEETS))('with %s are read within the limits', async (name, sheet) => {
    const { root, result } = await importInto(hostileWorkbook(sheet), 'system.xlsx');
    expect(result.stderr).not.toMatch(/Oväntat fel|\n\s+at /);
    expect([0, 1]).toContain(result.status);
    const text = readFileSync(join(root, 'systems', 'lonesystem.yaml'), 'utf8');
    expect(text).not.toMatch(/\u0000|\u001b/);
    if (name.includes('10⁹')) expect(existsSync(join(root, 'systems', 'langt-bort.yaml'))).toBe(false);
    if (name.includes('dimension')) expect(result.stdout).toContain(`bara de första ${MAX_ROWS.toLocaleString('sv')} lästes`);
    if (name.includes('last column')) expect(result.stdout).toContain('celler bortom kolumn 200; de lästes inte');
  });

  it('that unpacks to hundreds of megabytes is refused before it is unpacked', async () => {
    // 320 MiB of XML in 320 KiB, made by zipBomb() in helpers/workbooks.ts and kept as a file to save time.
    const bomb = readFileSync(join(FIXTURES, 'import', 'zip-bomb.xlsx'));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { root, result, before } = await importInto(bomb, 'system.xlsx');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'Fel: Arbetsboken packas upp till mer än 300 MiB och läses inte. Ett vanligt kalkylark är mycket mindre; spara om det i Excel eller LibreOffice, eller som CSV.\n',
    );
    expect(listFiles(root)).toEqual(before);
  });

  it('protected with a password get a message saying how to remove it', async () => {
    const { result } = await importInto(passwordProtectedWorkbook(), 'system.xlsx');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Fel: Arbetsboken är lösenordsskyddad och kan inte läsas.');
  });

  it('that are broken say so in Swedish', async () => {
    const { result } = await importInto('PK\u0003\u0004 inte en arbetsbok', 'system.xlsx');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Fel: Filen går inte att öppna som Excel-arbetsbok \(\.xlsx\)/);
  });
});

describe('files that are not there', () => {
  it('name the missing sheet or mapping file, or the folder given instead, in Swedish', async () => {
    const { cwd } = copyRegister();
    temps.push(cwd);
    expect(await runMain(importMain, ['finns-inte.xlsx'], { cwd })).toMatchObject({ status: 2, stderr: 'Fel: Hittar inte filen "finns-inte.xlsx".\n' });
    writeFileSync(join(cwd, 'system.csv'), 'Systemnamn;Systemägare\nLön;Bo Berg\n');
    const mapping = await runMain(importMain, ['system.csv', '--mapping', 'mappning.yaml'], { cwd });
    expect(mapping).toMatchObject({ status: 2, stderr: 'Fel: Hittar inte filen "mappning.yaml".\n' });
    expect(await runMain(importMain, ['registry'], { cwd })).toMatchObject({ status: 2, stderr: 'Fel: "registry" är en mapp. Ange en fil.\n' });
  });
});

describe('exit codes', () => {
  it('is 1, saying why, when no row could become a system', async () => {
    const { result, root, before } = await importInto('Kostnad;Konto\n120000;4010\n', 'system.csv');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('ingen kolumn med systemnamn hittades');
    expect(result.stdout).toContain('Inga system kunde importeras');
    expect(listFiles(root)).toEqual(before);
  });
});

describe('writing', () => {
  const header = 'System;Beskrivning;Förvaltning;Systemägare\n';

  it('shortens an id made from a very long name, so every file can be written', async () => {
    const name = `Verksamhetssystem ${'för mycket lång benämning '.repeat(10)}`.trim();
    const { root, result } = await importInto(`${header}${name};Test;Testkommun;Anna Andersson\n`, 'system.csv');
    expect(result.status, result.stderr).toBe(0);
    const [file] = readdirSync(join(root, 'systems')).filter((entry) => entry.startsWith('verksamhetssystem'));
    expect(file?.length).toBeLessThanOrEqual(80 + '.yaml'.length);
    expect((load(readFileSync(join(root, 'systems', file as string), 'utf8')) as { name: string }).name).toBe(name);
  });

  it('creates the people/ and units/ folders when the register has none yet', async () => {
    const { root, result } = await importInto(
      `${header}Ärendesystem;Ärenden;Miljöförvaltningen;Nils Nilsson\n`,
      'system.csv',
      (register) => {
        rmSync(join(register, 'people'), { recursive: true });
        rmSync(join(register, 'units'), { recursive: true });
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(root, 'people'))).toEqual(['nils-nilsson.yaml']);
    expect(readdirSync(join(root, 'units'))).toEqual(['miljoforvaltningen.yaml']);
  });

  it('never writes through a symbolic link, and then writes nothing at all', async () => {
    let outside = '';
    const { root, result } = await importInto(`${header}Ärendesystem;Ärenden;Testkommun;Nils Nilsson\n`, 'system.csv', (register, cwd) => {
      outside = join(cwd, 'utanfor');
      mkdirSync(outside);
      rmSync(join(register, 'people'), { recursive: true });
      symlinkSync(outside, join(register, 'people'));
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Fel: registry/people är en symbolisk länk; inget skrivs genom den. Inget skrevs.\n');
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(root, 'systems', 'arendesystem.yaml'))).toBe(false);
  });

  it('--dry-run prints the same report and writes nothing; --overwrite replaces a file', async () => {
    const rows = [
      ['System', 'Beskrivning', 'Systemägare', 'Status'],
      ['Lönesystem', 'Löner och skatt', 'Bo Berg', 'I drift'],
      ['Portal', 'Intranätet', 'Bo Berg', 'planerad'],
    ];
    const { cwd, root, result, before } = await importInto(sheetJsWorkbook(rows, 'ods'), 'system.ods');
    expect(result.stdout).toContain('Skrev 1 system, 0 personer och 0 enheter.');
    const dry = await runMain(importMain, ['system.ods', '--dry-run', '--overwrite'], { cwd });
    expect(dry.stdout).toContain('Skulle skriva 2 system');
    expect(listFiles(root)).toEqual([...before, 'systems/portal.yaml'].sort());
    await runMain(importMain, ['system.ods', '--overwrite'], { cwd });
    expect((load(readFileSync(join(root, 'systems', 'lonesystem.yaml'), 'utf8')) as { description: string }).description).toBe(
      'Löner och skatt',
    );
  });
});

describe('files named on the command line that are no ordinary file', () => {
  // In a process of its own: reading /dev/zero or opening a FIFO blocks, which only a timeout can show.
  it.each([
    ['import', ['/dev/zero']],
    ['people', ['sync', '/dev/zero']],
    ['import', ['fifo']],
    ['people', ['sync', 'fifo']],
  ] as const)('%s %j is refused at once instead of reading or waiting forever', (command, args) => {
    const { cwd } = copyRegister();
    temps.push(cwd);
    spawnSync('mkfifo', [join(cwd, 'fifo')]);
    const result = runCli(`src/cli/${command}.ts`, [...args], { cwd, timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Fel: "${args.at(-1)}" är ingen vanlig fil (utan till exempel en enhet eller en namngiven pipe) och läses inte. Ange en sparad fil.\n`);
  });

  it('refuses a --mapping file larger than any mapping, for both import and people sync', async () => {
    const { cwd } = copyRegister();
    temps.push(cwd);
    writeFileSync(join(cwd, 'system.csv'), 'Systemnamn;Beskrivning\nLön;Löner\n');
    writeFileSync(join(cwd, 'anvandare.csv'), 'mail;displayName\nanna.andersson@testkommun.se;Anna Andersson\n');
    writeFileSync(join(cwd, 'stor.yaml'), `columns:\n${'  # fyllnad\n'.repeat(200_000)}`);
    for (const result of [
      await runMain(importMain, ['system.csv', '--mapping', 'stor.yaml'], { cwd }),
      await runMain(peopleMain, ['sync', 'anvandare.csv', '--mapping', 'stor.yaml'], { cwd }),
    ]) {
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('Fel: "stor.yaml" är 2 MiB, mer än gränsen 1 MiB för en sådan fil. Kontrollera att det är rätt fil.\n');
    }
  });
});

describe('a write cut short or crossed', () => {
  const rows = (count: number) =>
    `System;Beskrivning;Förvaltning;Systemägare\n${Array.from({ length: count }, (_, index) => `System ${index + 1};Test;Testkommun;Anna Andersson`).join('\n')}\n`;

  it('killed (kill -9) half-way through an import, is finished by the next run: no half import, no empty file', () => {
    const { cwd, root } = copyRegister();
    temps.push(cwd);
    writeFileSync(join(cwd, 'system.csv'), rows(6));
    const hook = join(import.meta.dirname, '..', 'helpers', 'kill-while-writing.mjs');
    const killed = runCli('src/cli/import.ts', ['system.csv'], { cwd, env: { NODE_OPTIONS: `--import ${hook}`, KILL_AT_WRITE: '3' } });
    expect(killed.status).toBeNull();
    const rerun = runCli('src/cli/import.ts', ['system.csv'], { cwd });
    expect(rerun.stderr).not.toMatch(/Fel|Error/);
    expect(rerun.stdout).toMatch(/^Ett tidigare kommando avbröts medan det skrev i registry; skrivningen är nu slutförd \(\d+ filer\)\.\n/);
    for (let index = 1; index <= 6; index++) {
      const text = readFileSync(join(root, 'systems', `system-${index}.yaml`), 'utf8');
      expect((load(text) as { name: string }).name).toBe(`System ${index}`);
    }
    expect(readdirSync(join(root, 'systems')).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('never replaces a file that changed after the command read it, and writes none of the others', () => {
    const { cwd, root } = copyRegister();
    temps.push(cwd);
    const path = (id: string) => join(root, 'people', `${id}.yaml`);
    const [anna, bo] = [readFileSync(path('anna-andersson'), 'utf8'), readFileSync(path('bo-berg'), 'utf8')];
    const plan = planWrites(
      root,
      [
        { relPath: 'people/anna-andersson.yaml', text: anna.replace('Ekonomichef', 'Ekonomidirektör'), previousText: anna },
        { relPath: 'people/bo-berg.yaml', text: bo.replace('IT-chef', 'CIO'), previousText: bo },
      ],
      { overwrite: true, cwd },
    );
    // Another command, or someone in an editor, changes Bo's file meanwhile.
    writeFileSync(path('bo-berg'), bo.replace('IT-chef', 'IT-direktör'));
    expect(() => applyWrites(plan, { cwd })).toThrow(
      'registry/people/bo-berg.yaml har ändrats sedan kommandot läste den, av ett annat kommando eller i en editor. Inget skrevs; kör kommandot igen så utgår det från filen som den är nu.',
    );
    expect(readFileSync(path('anna-andersson'), 'utf8')).toBe(anna);
    expect(readFileSync(path('bo-berg'), 'utf8')).toContain('IT-direktör');
  });

  it('waits for no one: a second command while one holds the lock is told so; a lock left by a dead process is taken over', async () => {
    const { cwd, root } = copyRegister();
    temps.push(cwd);
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(root, '.systemforteckning-las'), `${holder.pid}@${hostname()}`);
      const busy = await runMain(attestMain, ['lonesystem'], { cwd });
      expect(busy.status).toBe(2);
      expect(busy.stderr).toMatch(new RegExp(`^Fel: Ett annat kommando \\(process ${holder.pid}@[^)]+\\) skriver i registret just nu\\.`));
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    const after = await runMain(attestMain, ['lonesystem'], { cwd });
    expect(after.status, after.stderr).toBe(0);
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
