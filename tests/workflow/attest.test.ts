// npm run attest: the owner confirms a system's entry. Only the lines of
// reviewed and reviewedBy change; the change summary says who confirmed it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main as attest } from '../../src/cli/attest.ts';
import { main as diff } from '../../src/cli/diff.ts';
import { runMain } from '../helpers/command.ts';
import { git, repositoryWith } from '../helpers/git.ts';
import { editFile, FIXTURES, removeTemp } from '../helpers/registers.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

function register() {
  const repository = repositoryWith(join(FIXTURES, 'site'));
  temps.push(repository.cwd);
  return repository;
}

/** A system file as people keep them: comments, blank lines, quotes, and keys in their own order. */
const COMMENTED = `# yaml-language-server: $schema=../../schemas/system.schema.json
# Budgetverktyget: ansvar enligt beslut KS 2024/1.
id: budget
name: "Budgetverktyg"   # namnet i verksamheten
description: >-
  Budgetering och uppföljning.

status: under införande
unit: testkommun
roles:
  owner: anna-andersson  # ekonomichefen
  manager: bo-berg
  administrators: [cecilia-ceder]
  operations: it-avdelningen
  users:
    - testkommun
reviewed: 2025-09-01 # förra granskningen
dependencies:
  - lonesystem

# Slut på filen.
`;

describe('npm run attest', () => {
  it('changes only the lines of reviewed and reviewedBy, keeping every comment and the order of keys', async () => {
    const { cwd, root } = register();
    writeFileSync(join(root, 'systems', 'budget.yaml'), COMMENTED);
    const result = await runMain(attest, ['budget', '--today', '2026-11-28'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Budgetverktyg: granskad 28 november 2026 av Anna Andersson (registry/systems/budget.yaml).');
    const after = readFileSync(join(root, 'systems', 'budget.yaml'), 'utf8');
    expect(after).toBe(
      COMMENTED.replace('reviewed: 2025-09-01 # förra granskningen\n', 'reviewed: 2026-11-28 # förra granskningen\nreviewedBy: anna-andersson\n'),
    );
  });

  it('takes another reviewer with --by, and adds reviewed to a file that has none', async () => {
    const { cwd, root } = register();
    const path = join(root, 'systems', 'socialtjanst.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('reviewed: 2026-05-01\n', ''));
    const before = readFileSync(path, 'utf8');
    const result = await runMain(attest, ['socialtjanst', '--by', 'zlatan-zetterlund', '--today', '2026-11-28'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(`${before}reviewed: 2026-11-28\nreviewedBy: zlatan-zetterlund\n`);
  });

  it('refuses an unknown system or person in Swedish and changes nothing', async () => {
    const { cwd, root } = register();
    const before = readFileSync(join(root, 'systems', 'budget.yaml'), 'utf8');
    const unknown = await runMain(attest, ['budget', 'budgetverktyg'], { cwd });
    expect([unknown.status, unknown.stderr]).toEqual([2, 'Fel: Systemet "budgetverktyg" finns inte i registret. Inget ändrades.\n']);
    const person = await runMain(attest, ['budget', '--by', 'ana-andersson'], { cwd });
    expect(person.stderr).toBe('Fel: Personen "ana-andersson" finns inte i registret. Menade du "anna-andersson"? Ange id för en person med --by.\n');
    expect(readFileSync(join(root, 'systems', 'budget.yaml'), 'utf8')).toBe(before);
  });

  it('reads, in the change summary, as the owner confirming the entry', async () => {
    const { cwd } = register();
    await runMain(attest, ['budget', '--today', '2026-11-28'], { cwd });
    const summary = await runMain(diff, ['main'], { cwd });
    expect(summary.stdout).toBe('Ändringar i systemförteckningen:\n- Anna Andersson bekräftade uppgifterna för Budgetverktyg 28 november 2026.\n');
    git(cwd, 'status');
  });

  it('refuses to confirm a system whose file has errors, saying which, and prints no terminal escape from it', async () => {
    const { cwd, root } = register();
    const file = join(root, 'systems', 'budget.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Budgetverktyg', 'name: "Budget\\e]0;pwned\\u0007\\e[2J"'));
    const before = readFileSync(file, 'utf8');
    const result = await runMain(attest, ['budget', '--today', '2026-11-28'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Fel: registry\/systems\/budget\.yaml har fel som behöver rättas innan uppgifterna kan bekräftas: registry\/systems\/budget\.yaml:2:8: fel: "name" \(Systemnamn\) innehåller ett osynligt styrtecken \(U\+001B\)\./);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/[\u0007\u001B]/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('npm run attest --fakta', () => {
  it('records a restore test or an access review done today, changing only that line', async () => {
    const { cwd, root } = register();
    const path = join(root, 'systems', 'lonesystem.yaml');
    const before = readFileSync(path, 'utf8');
    const result = await runMain(attest, ['lonesystem', '--fakta', 'aterlasning', '--today', '2026-11-28'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Lönesystem: test av återläsning 28 november 2026 (registry/systems/lonesystem.yaml).');
    expect(readFileSync(path, 'utf8')).toBe(`${before}continuity:\n  restoreTested: 2026-11-28\n`);
    await runMain(attest, ['lonesystem', '--fakta', 'behorigheter', '--today', '2026-11-29'], { cwd });
    expect(readFileSync(path, 'utf8')).toBe(`${before}continuity:\n  restoreTested: 2026-11-28\nsecurity:\n  accessReviewed: 2026-11-29\n`);
  });

  it('writes the date to the protected registry when one keeps the protected facts, leaving the register as it was', async () => {
    const { cwd, root } = register();
    editFile(join(root, 'settings.yaml'), (text) => `${text}protectedRegistry: ../skyddat\n`);
    // The fixture's typed dependency is protected too: it moves first, as the validator asks.
    editFile(join(root, 'systems', 'lonesystem.yaml'), (text) => text.replace(/    type: dataflöde\n    note: .*\n/, ''));
    mkdirSync(join(cwd, 'skyddat'));
    const before = readFileSync(join(root, 'systems', 'lonesystem.yaml'), 'utf8');
    const result = await runMain(attest, ['lonesystem', '--fakta', 'aterlasning', '--today', '2026-11-28'], { cwd });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Lönesystem: test av återläsning 28 november 2026 (skyddat/systems/lonesystem.yaml).');
    expect(readFileSync(join(root, 'systems', 'lonesystem.yaml'), 'utf8')).toBe(before);
    expect(readFileSync(join(cwd, 'skyddat', 'systems', 'lonesystem.yaml'), 'utf8')).toBe(
      '# Skyddade uppgifter om lonesystem. Resten står i registrets systems/lonesystem.yaml.\n# Id: unikt id som också är filnamnet (utan .yaml).\nid: lonesystem\ncontinuity:\n  restoreTested: 2026-11-28\n',
    );
  });

  it('refuses an unknown fact in Swedish', async () => {
    const { cwd } = register();
    expect((await runMain(attest, ['lonesystem', '--fakta', 'backup'], { cwd })).stderr).toContain('--fakta ska vara granskning, aterlasning, behorigheter, inte "backup".');
  });
});
