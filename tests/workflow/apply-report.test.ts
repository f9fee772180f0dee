// npm run apply-report on recorded change reports: the issue bodies GitHub
// writes from the issue form, an e-mail with the same headings, and the issue
// read through the (fake) API. The common cases become an edit of only the
// lines concerned; the rest is said, not guessed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { main as applyReport } from '../../src/cli/apply-report.ts';
import { runMain } from '../helpers/command.ts';
import { startFakeGithub } from '../helpers/fake-github.ts';
import { copyRegister, FIXTURES, removeTemp } from '../helpers/registers.ts';

const REPORTS = join(FIXTURES, 'reports');
const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

let cwd: string;
let root: string;
let original: string;
beforeEach(() => {
  ({ cwd, root } = copyRegister(join(FIXTURES, 'site')));
  temps.push(cwd);
  original = readFileSync(join(root, 'systems', 'socialtjanst.yaml'), 'utf8');
});

const system = () => readFileSync(join(root, 'systems', 'socialtjanst.yaml'), 'utf8');
const run = (...args: string[]) => runMain(applyReport, [...args, '--today', '2026-11-28'], { cwd });

describe('npm run apply-report', () => {
  it('gives a role a new holder named in the report, changing only that line', async () => {
    const result = await run(join(REPORTS, 'ny-forvaltare.md'));
    expect(result.stdout).toBe(
      'Ändrar: Ärendesystem socialtjänst: systemförvaltare ändras från Zlatan Zetterlund till Cecilia Ceder.\n' +
        'Skrev registry/systems/socialtjanst.yaml. Skapa ett ändringsförslag med filen.\n',
    );
    expect(result.status).toBe(0);
    expect(system()).toBe(original.replace('  manager: zlatan-zetterlund', '  manager: cecilia-ceder'));
  });

  it('reads a status in the words people use', async () => {
    const result = await run(join(REPORTS, 'status.md'));
    expect(result.stdout).toMatch(/^Ändrar: Ärendesystem socialtjänst: status ändras från i drift till under avveckling\.\n/);
    expect(system()).toBe(original.replace('status: i drift', 'status: under avveckling'));
  });

  it('writes a new supplier into a system that had none, after its hosting', async () => {
    const result = await run(join(REPORTS, 'leverantor.md'));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/leverantör sätts till Omsorgsdata Nord AB\. Kontrollera organisationsnummer och avtal för hand\./);
    expect(system()).toBe(original.replace('hosting: egen drift\n', 'hosting: egen drift\nsupplier:\n  name: Omsorgsdata Nord AB\n'));
  });

  it('reads the same headings from an e-mail, with CRLF line ends, a comment and a greeting around them', async () => {
    const result = await run(join(REPORTS, 'e-post.txt'));
    expect(result.stdout).toMatch(/^Ändrar: Ärendesystem socialtjänst: systemförvaltare ändras från Zlatan Zetterlund till Cecilia Ceder\./);
    expect(system()).toContain('  manager: cecilia-ceder\n');
  });

  it('leaves a list role to a person, and says why, writing nothing', async () => {
    const result = await run(join(REPORTS, 'administrator.md'));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      'Inte gjort: En systemadministratör står i en lista med flera personer; vem som ska bort framgår inte av ett nytt värde. Gör ändringen för hand; rapportören skriver: "Bo ersätter Zlatan som administratör.".\n',
    );
    expect(system()).toBe(original);
  });

  it('says when the new person is not in the register, and how to add them', async () => {
    const result = await run(join(REPORTS, 'okand-person.md'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^Inte gjort: Hittar ingen person "Nina Nyström" i registret\. Lägg till personen \(npm run new -- person\) och kör igen/);
    expect(system()).toBe(original);
  });

  it('--dry-run shows the edit and writes nothing; - reads the report from standard input', async () => {
    const input = readFileSync(join(REPORTS, 'ny-forvaltare.md'), 'utf8');
    const result = await runMain(applyReport, ['-', '--dry-run'], { cwd, input });
    expect(result.stdout).toMatch(/^Skulle ändra: Ärendesystem socialtjänst: systemförvaltare/);
    expect(result.status).toBe(0);
    expect(system()).toBe(original);
  });

  it('reads the issue itself from GitHub and says how to close it with the change', async () => {
    const github = await startFakeGithub();
    try {
      github.issues.push({ number: 7, title: 'Ändring: Ärendesystem socialtjänst', body: readFileSync(join(REPORTS, 'ny-forvaltare.md'), 'utf8'), state: 'open', labels: ['ändringsrapport'], assignees: [] });
      const env = { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'testkommun/systemforteckning', GITHUB_TOKEN: 'hemlig-token' };
      const result = await runMain(applyReport, ['--github-issue', '7'], { cwd, env });
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/skriv "Closes #7" i beskrivningen, så stängs rapporten när ändringen godkänns\.\n$/);
      expect(github.requests).toEqual(['GET /repos/testkommun/systemforteckning/issues/7']);
      expect(system()).toContain('  manager: cecilia-ceder\n');
    } finally {
      await github.close();
    }
  });

  it('refuses what is not a report, in Swedish and without a trace', async () => {
    const missing = await run('finns-inte.md');
    expect(missing).toMatchObject({ status: 2, stderr: 'Fel: Hittar inte filen "finns-inte.md".\n' });
    const bad = await run('--github-issue', '7; rm -rf /');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^Fel: --github-issue ska vara ärendets nummer/);
    const nothing = await runMain(applyReport, ['-'], { cwd, input: 'Hej, något är fel med lönesystemet.' });
    expect(nothing.status).toBe(1);
    expect(nothing.stdout).toMatch(/^Inte gjort: Rapporten anger inte vad ändringen gäller \(fältet är tomt\)\. Gör ändringen för hand\.\n$/);
  });
});
