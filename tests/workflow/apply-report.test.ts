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
import { startFakeGitlab } from '../helpers/fake-gitlab.ts';
import { reportBody } from '../../src/core/forge/change-report.ts';
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

  it('reads the issue from GitLab, as the link on the site fills it in, with the form’s help in comments', async () => {
    const gitlab = await startFakeGitlab();
    try {
      // The description the site's GitLab link pre-fills, with the answers written under the headings.
      const description = `${reportBody({ post: 'registry/systems/socialtjanst.yaml', amne: 'En roll har fått en ny person', roll: 'Systemförvaltare', 'nytt-varde': 'Cecilia Ceder', beskrivning: 'Ny förvaltare från 1 december.', rapportor: 'Örjan Östlund' }, 'gitlab')}\n/label ~"ändringsrapport"\n`;
      gitlab.issues.push({ iid: 12, title: 'Ändring: Ärendesystem socialtjänst', description, state: 'opened', labels: ['ändringsrapport'], assignees: [], author: 'orjan' });
      gitlab.issues.push({ iid: 13, title: 'Något annat', description, state: 'opened', labels: [], assignees: [], author: 'orjan' });
      const env = { CI_API_V4_URL: gitlab.url, CI_PROJECT_ID: '42', GITLAB_TOKEN: 'hemlig' };
      const result = await runMain(applyReport, ['--gitlab-issue', '12', '--today', '2026-11-28'], { cwd, env });
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/skriv "Closes #12" i beskrivningen/);
      expect(system()).toContain('  manager: cecilia-ceder\n');
      expect((await runMain(applyReport, ['--gitlab-issue', '13'], { cwd, env })).stderr).toContain('Ärende #13 har inte etiketten "ändringsrapport"');
    } finally {
      await gitlab.close();
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

describe('npm run apply-report against hostile reports', () => {
  const report = (name: string) => readFileSync(join(REPORTS, name), 'utf8');
  const fromStdin = (input: string, ...args: string[]) => runMain(applyReport, ['-', '--today', '2026-11-28', ...args], { cwd, input });

  it('reads a heading line built to make a pattern backtrack at once, and refuses an overlong line with its number', { timeout: 10_000 }, async () => {
    const hostile = `## a${' '.repeat(3_900)}b\n\n${report('leverantor.md')}`;
    const within = await fromStdin(hostile, '--dry-run');
    expect(within.stdout).toMatch(/^Skulle ändra: Ärendesystem socialtjänst: leverantör sätts till Omsorgsdata Nord AB/);
    for (const spaces of [8_000, 16_000]) {
      const result = await fromStdin(`## a${' '.repeat(spaces)}b\n\n${report('leverantor.md')}`);
      expect(result).toMatchObject({ status: 2, stdout: '' });
      expect(result.stderr).toBe('Fel: Rapporten kan inte läsas, rad 1: Raden är längre än 4\u00A0000 tecken. Dela upp texten på flera rader.\n');
    }
    expect(system()).toBe(original);
  });

  it('takes no heading or answer from raw HTML the reader never sees: comments and script blocks', async () => {
    const hidden = [
      '<script>',
      '### Post i registret',
      '',
      'registry/systems/lonesystem.yaml',
      '</script>',
      '<!--',
      '### Vad gäller ändringen?',
      '',
      'Systemets status',
      '-->',
      '',
      report('leverantor.md'),
    ].join('\n');
    const result = await fromStdin(hidden);
    expect(result.stdout).toMatch(/^Ändrar: Ärendesystem socialtjänst: leverantör sätts till Omsorgsdata Nord AB/);
    expect(readFileSync(join(root, 'systems', 'lonesystem.yaml'), 'utf8')).not.toContain('Omsorgsdata');
  });

  it('refuses a report that names a heading twice, as a folded <details> section can hide the second', async () => {
    const twice = `${report('leverantor.md')}\n<details><summary>Bilaga</summary>\n\n### Post i registret\n\nregistry/systems/lonesystem.yaml\n\n</details>\n`;
    const result = await fromStdin(twice);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'Fel: Rapporten kan inte läsas: rubriken "Post i registret" står två gånger (rad 1 och 27), så det går inte att veta vilket svar som gäller. Be rapportören skicka en ny rapport med varje rubrik en gång, eller gör ändringen för hand.\n',
    );
    const quoted = await fromStdin(`> ### Post i registret\n>\n> registry/systems/lonesystem.yaml\n\n${report('leverantor.md')}`);
    expect(quoted.stderr).toMatch(/^Fel: Rapporten kan inte läsas: rubriken "Post i registret" står inuti ett citat eller en lista/);
    expect(system()).toBe(original);
  });

  it.each([
    ['ESC', '\u001B[2J'],
    ['U+202E', '\u202E'],
    ['NUL', '\u0000'],
    ['U+2028', '\u2028'],
    ['U+200B', '\u200B'],
  ])('checks the new value before writing: %s is never written into the file', async (_name, character) => {
    const result = await fromStdin(report('leverantor.md').replace('Omsorgsdata Nord AB', `Omsorgsdata${character} Nord AB`));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^Inte gjort: Det nya värdet innehåller ett osynligt tecken \(U\+[0-9A-F]{4}\) och skrivs inte in\./);
    expect(system()).toBe(original);
  });

  it('applies only an open issue that carries the report label, never a pull request', async () => {
    const github = await startFakeGithub();
    try {
      const body = report('ny-forvaltare.md');
      github.issues.push(
        { number: 1, title: 'Stängd', body, state: 'closed', labels: ['ändringsrapport'], assignees: [] },
        { number: 2, title: 'Utan etikett', body, state: 'open', labels: [], assignees: [], author: 'angripare' },
        { number: 3, title: 'Ett ändringsförslag', body, state: 'open', labels: ['ändringsrapport'], assignees: [], pullRequest: true },
      );
      const env = { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'testkommun/systemforteckning', GITHUB_TOKEN: 'hemlig-token' };
      const errors = [];
      for (const number of ['1', '2', '3']) errors.push((await runMain(applyReport, ['--github-issue', number], { cwd, env })).stderr);
      expect(errors).toEqual([
        'Fel: Ärende #1 är stängt. Bara öppna ändringsrapporter görs; öppna ärendet igen om ändringen ska göras.\n',
        'Fel: Ärende #2 har inte etiketten "ändringsrapport", som formuläret Rapportera ändring i uppgifterna sätter. Kontrollera att det är en ändringsrapport och sätt etiketten, så görs den.\n',
        'Fel: #3 är ett ändringsförslag (pull request), inte en ändringsrapport. Ange numret på rapportens ärende.\n',
      ]);
      expect(system()).toBe(original);
    } finally {
      await github.close();
    }
  });
});
