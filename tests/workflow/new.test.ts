// npm run new: writes a valid, commented file; asks in Swedish in a terminal;
// never asks without one; never overwrites.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main as newEntry } from '../../src/cli/new.ts';
import { runMain } from '../helpers/command.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { copyRegister, removeTemp, validateFolder } from '../helpers/registers.ts';
import { REPO } from '../helpers/run.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));
function register() {
  const target = copyRegister();
  temps.push(target.cwd);
  return target;
}
const NEW = 'src/cli/new.ts';

describe('npm run new with flags', () => {
  it('writes a system that validates, with the schema comment and a Swedish comment per field', async () => {
    const { cwd, root } = register();
    const result = await runMain(
      newEntry,
      [
        'system',
        '--name',
        'Budgetverktyg Plus',
        '--description',
        'Budgetering.',
        '--unit',
        'testkommun',
        '--owner',
        'anna-andersson',
        '--manager',
        'bo-berg',
        '--administrators',
        'cecilia-ceder, bo-berg',
        '--users',
        'testkommun, Alla medarbetare',
      ],
      { cwd },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Skrev registry/systems/budgetverktyg-plus.yaml.');
    expect(result.stdout).toContain('Nästa steg:');
    const text = readFileSync(join(root, 'systems', 'budgetverktyg-plus.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/system.schema.json');
    expect(text).toContain('# Systemägare: ansvarar för systemets omfattning, ekonomi och långsiktiga strategi.\n  owner: anna-andersson');
    expect(text).toContain('  operations: it-avdelningen');
    expect(text).toContain('    - name: Alla medarbetare');
    expect(text.split('\n').filter((line) => /^\s*[a-zA-Z]+:/.test(line)).length).toBe(
      text.split('\n').filter((line) => /^\s*# [^y]/.test(line)).length,
    );
    expect(validateFolder(root, cwd).findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it.each([
    [
      'person',
      [
        '--name',
        'Åsa Öberg',
        '--title',
        'Ekonomichef',
        '--unit',
        'testkommun',
        '--email',
        'asa.oberg@testkommun.se',
        '--phone',
        '010-123 45 99',
      ],
      'people/asa-oberg.yaml',
    ],
    ['unit', ['--name', 'Ekonomiavdelningen', '--type', 'avdelning', '--parent', 'testkommun'], 'units/ekonomiavdelningen.yaml'],
    [
      'equipment',
      [
        '--name',
        'Dockningsstation',
        '--category',
        'tillbehör',
        '--description',
        'USB-C.',
        '--framework-agreement',
        'Ramavtal IT-tillbehör',
        '--ordering',
        'Beställ i e-tjänsten.',
        '--price',
        '1900',
      ],
      'equipment/dockningsstation.yaml',
    ],
  ])('writes a valid %s', async (kind, args, file) => {
    const { cwd, root } = register();
    const result = await runMain(newEntry, [kind, ...args], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(root, file))).toBe(true);
    expect(validateFolder(root, cwd).findings).toEqual([]);
  });

  it('does not ask when stdin is not a terminal, and names every missing flag', async () => {
    const { cwd, root } = register();
    const result = await runMain(newEntry, ['system', '--name', 'Halvfärdigt'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('filen skrevs inte');
    for (const flag of ['--description', '--unit', '--owner', '--manager', '--administrators', '--users'])
      expect(result.stderr).toContain(`${flag} saknas`);
    expect(existsSync(join(root, 'systems', 'halvfardigt.yaml'))).toBe(false);
  });

  it('checks ids against the register and suggests the closest', async () => {
    const { cwd } = register();
    const result = await runMain(
      newEntry,
      ['person', '--name', 'Per Persson', '--title', 'Chef', '--unit', 'testkomun', '--email', 'per@testkommun.se'],
      { cwd },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--unit: "testkomun" finns inte bland registrets enheter (units/). Menade du "testkommun"?');
  });

  it('checks e-mail, phone and GitHub name with the schema’s own rules', async () => {
    const { cwd } = register();
    const result = await runMain(
      newEntry,
      [
        'person',
        '--name',
        'Per Persson',
        '--title',
        'Chef',
        '--unit',
        'testkommun',
        '--email',
        'per(at)kommun',
        '--phone',
        'abc',
        '--git-handle',
        '@per',
      ],
      { cwd },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--email: E-post ska vara en e-postadress, till exempel "namn@exempelkommun.se".');
    expect(result.stderr).toContain('--phone: Telefon ska vara ett telefonnummer med siffror, mellanslag och bindestreck');
    expect(result.stderr).toContain('--git-handle: Användarnamn på GitHub ska vara ett användarnamn på GitHub utan @');
  });

  it('never overwrites an existing file', async () => {
    const { cwd, root } = register();
    const path = join(root, 'people', 'bo-berg.yaml');
    const before = readFileSync(path, 'utf8');
    const result = await runMain(newEntry, ['person', '--name', 'Bo Berg', '--title', 'Chef', '--unit', 'testkommun', '--email', 'bo@testkommun.se'], {
      cwd,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Id "bo-berg" används redan');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('rejects an unknown kind or flag in Swedish', async () => {
    expect((await runMain(newEntry, ['applikation'])).stderr).toContain('ange vad som ska skapas: system, person, unit, equipment');
    const dash = await runMain(newEntry, ['person', '--title', '- x']);
    expect([dash.status, dash.stderr.split('\n')[0]]).toEqual([
      2,
      'Fel: värdet till --title börjar med ett bindestreck. Skriv det med likhetstecken, till exempel --title="- värde".',
    ]);
    expect((await runMain(newEntry, ['unit', '--owner', 'x'])).stderr).toContain('--owner finns inte för unit');
  });
});

describe('npm run new in a terminal', () => {
  it('asks in Swedish, offers suggestions, explains a wrong answer and asks again', async () => {
    const { root } = register();
    // Name, accept the suggested id, a half-typed type, accept the suggestion, a misspelt parent, the right one, no head, a description.
    const answers = ['Ekonomiavdelningen', '', 'avd', '', 'testkomun', 'testkommun', '', 'Budget och redovisning.'].join('\n');
    // `script` gives the command a real terminal, as when a person runs it.
    const result = spawnSync('script', ['-qec', `${process.execPath} ${join(REPO, NEW)} unit --registry ${root}`, '/dev/null'], {
      input: `${answers}\n`,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const output = result.stdout.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
    expect(output).toContain('Ny enhet. Tryck Enter för förslaget inom [ ]');
    expect(output).toContain('Id (filnamn) [ekonomiavdelningen]:');
    expect(output).toContain('Menade du "avdelning"?');
    expect(output).toContain('"testkomun" finns inte bland registrets enheter (units/). Menade du "testkommun"?');
    expect(output).toContain('Skrev');
    const text = readFileSync(join(root, 'units', 'ekonomiavdelningen.yaml'), 'utf8');
    expect(text).toContain('type: avdelning');
    expect(text).toContain('parent: testkommun');
    expect(text).toContain('description: Budget och redovisning.');
  });
});
