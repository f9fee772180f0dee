// With a protected registry (settings.protectedRegistry), the commands that
// write the register put protected fields there and nowhere else: an import's
// classification and notes, and a directory sync's field that the settings
// made protected. The register validates clean afterwards, both files read
// together, and a missing protected folder stops the run before anything is
// written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main as importMain } from '../../src/cli/import.ts';
import { main as people } from '../../src/cli/people.ts';
import { openRegister } from '../../src/core/model/open-register.ts';
import { runMain } from '../helpers/command.ts';
import { copyRegister, editFile, FIXTURES, listFiles, removeTemp, TODAY } from '../helpers/registers.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

/** The site fixture with a protected registry beside it (made unless `made` is false). */
function register(settings = '', made = true) {
  const { cwd, root } = copyRegister(join(FIXTURES, 'site'));
  temps.push(cwd);
  editFile(join(root, 'settings.yaml'), (text) => `${text}protectedRegistry: ../skyddat\n${settings}`);
  const protectedRoot = join(cwd, 'skyddat');
  if (made) mkdirSync(protectedRoot);
  return { cwd, root, protectedRoot };
}

const read = (path: string) => load(readFileSync(path, 'utf8')) as Record<string, unknown>;

const SHEET = [
  'Systemnamn;Förvaltning;Beskrivning;Konfidentialitet;Riktighet;Tillgänglighet;Kommentar',
  'Hemtjänstplanering;Testkommun;Planerar hemtjänstens besök.;3;2;3;Inloggning med SITHS-kort från 2027',
].join('\r\n');

describe('npm run import with a protected registry', () => {
  it('writes the classification and notes to the protected registry, the rest to the register, and validates clean', async () => {
    const { cwd, root, protectedRoot } = register();
    writeFileSync(join(cwd, 'system.csv'), SHEET);
    const result = await runMain(importMain, ['system.csv'], { cwd });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'Skyddade uppgifter (till exempel informationsklassning och anteckningar) skrevs i det skyddade registret skyddat: 1 fil.',
    );

    const main = readFileSync(join(root, 'systems', 'hemtjanstplanering.yaml'), 'utf8');
    expect(main).not.toMatch(/classification|SITHS|notes/);
    expect(read(join(root, 'systems', 'hemtjanstplanering.yaml'))).toMatchObject({
      name: 'Hemtjänstplanering',
      description: 'Planerar hemtjänstens besök.',
    });
    const protectedText = readFileSync(join(protectedRoot, 'systems', 'hemtjanstplanering.yaml'), 'utf8');
    expect(protectedText.split('\n')[0]).toBe(
      '# Skyddade uppgifter om hemtjanstplanering. Resten står i registrets systems/hemtjanstplanering.yaml.',
    );
    expect(read(join(protectedRoot, 'systems', 'hemtjanstplanering.yaml'))).toEqual({
      id: 'hemtjanstplanering',
      classification: { confidentiality: 3, integrity: 2, availability: 3 },
      notes: 'Inloggning med SITHS-kort från 2027',
    });

    const opened = openRegister(root, { today: TODAY, cwd });
    expect(opened.findings.filter((finding) => finding.entry?.id === 'hemtjanstplanering' && finding.rule.startsWith('protected'))).toEqual(
      [],
    );
    // An imported system still lacks its roles (the report says so), but reads whole: both files laid together.
    expect(opened.parsed.entries.find((entry) => entry.fileId === 'hemtjanstplanering')?.data).toMatchObject({
      notes: 'Inloggning med SITHS-kort från 2027',
      classification: { confidentiality: 3 },
    });
  });

  it('writes nothing, and says where the protected registry should be, when its folder is missing', async () => {
    const { cwd, root } = register('', false);
    writeFileSync(join(cwd, 'system.csv'), SHEET);
    const before = listFiles(root);
    const result = await runMain(importMain, ['system.csv'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'settings.yaml anger det skyddade registret skyddat (protectedRegistry), men mappen finns inte. 1 post har skyddade uppgifter som ska dit.',
    );
    expect(result.stderr).toContain('Inget skrevs.');
    expect(listFiles(root)).toEqual(before);
    expect(existsSync(join(cwd, 'skyddat'))).toBe(false);
  });

  it('keeps an entry whole when its protected file already exists: neither half is written', async () => {
    const { cwd, root, protectedRoot } = register();
    mkdirSync(join(protectedRoot, 'systems'));
    writeFileSync(join(protectedRoot, 'systems', 'hemtjanstplanering.yaml'), 'id: hemtjanstplanering\nnotes: Skrivet för hand\n');
    writeFileSync(join(cwd, 'system.csv'), SHEET);
    await runMain(importMain, ['system.csv'], { cwd });
    expect(existsSync(join(root, 'systems', 'hemtjanstplanering.yaml'))).toBe(false);
    expect(readFileSync(join(protectedRoot, 'systems', 'hemtjanstplanering.yaml'), 'utf8')).toContain('Skrivet för hand');
  });
});

describe('npm run people -- sync with a protected registry', () => {
  it('changes a field the settings made protected in the protected registry, and the rest in the register', async () => {
    const { cwd, root, protectedRoot } = register('visibility:\n  person.userName: skyddad\n');
    writeFileSync(
      join(cwd, 'anvandare.csv'),
      [
        'userPrincipalName,displayName,mail,jobTitle,department,accountEnabled',
        'anna.andersson@testkommun.se,Anna Andersson,anna.andersson@testkommun.se,Ekonomidirektör,Testkommun,True',
        'ake.lind@testkommun.se,Åke Lind,ake.lind@testkommun.se,Kommunstyrelsens ordförande,KSAU,True',
        'bo.berg@testkommun.se,Bo Berg,bo.berg@testkommun.se,IT-chef,IT-avdelningen,True',
        'cecilia.ceder@testkommun.se,Cecilia Ceder,cecilia.ceder@testkommun.se,Systemförvaltare,IT-avdelningen,True',
        'orjan.ostlund@testkommun.se,Örjan Östlund,orjan.ostlund@testkommun.se,Socialchef,Socialförvaltningen,True',
        'zlatan.zetterlund@testkommun.se,Zlatan Zetterlund,zlatan.zetterlund@testkommun.se,Systemförvaltare socialtjänst,Socialförvaltningen,True',
      ].join('\r\n'),
    );
    const result = await runMain(people, ['sync', 'anvandare.csv'], { cwd });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(read(join(root, 'people', 'anna-andersson.yaml'))).toMatchObject({ title: 'Ekonomidirektör' });
    expect(read(join(root, 'people', 'anna-andersson.yaml'))).not.toHaveProperty('userName');
    expect(read(join(protectedRoot, 'people', 'anna-andersson.yaml'))).toEqual({ id: 'anna-andersson', userName: 'anna.andersson' });
    const opened = openRegister(root, { today: TODAY, cwd });
    expect(opened.findings.filter((finding) => finding.entry?.kind === 'person' && finding.severity === 'error')).toEqual([]);
    expect(opened.model.personById.get('anna-andersson')).toMatchObject({ title: 'Ekonomidirektör', userName: 'anna.andersson' });
  });
});
