// npm run diff: what a change does to the register, in Swedish sentences,
// one test per kind of change.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { git, repositoryWith } from '../helpers/git.ts';
import { editFile, FIXTURES, removeTemp } from '../helpers/registers.ts';
import { main as diffMain } from '../../src/cli/diff.ts';
import { runMain } from '../helpers/command.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));
let cwd: string;
let root: string;
beforeEach(() => {
  ({ cwd, root } = repositoryWith(join(FIXTURES, 'site')));
  temps.push(cwd);
});

function edit(file: string, change: (text: string) => string): void {
  editFile(join(root, file), change);
}

async function diff(...args: string[]): Promise<string[]> {
  const result = await runMain(diffMain, ['main', ...args], { cwd });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.trim().split('\n').slice(1);
}

describe('npm run diff', () => {
  it('says when nothing in the register changes', async () => {
    edit('systems/budget.yaml', (text) => `# En kommentar\n${text}`);
    expect(await diff()).toEqual(['Ändringen påverkar inte registrets innehåll.']);
  });

  it('names a new manager by name', async () => {
    edit('systems/socialtjanst.yaml', (text) => text.replace('  manager: zlatan-zetterlund', '  manager: cecilia-ceder'));
    expect(await diff()).toEqual(['- Ärendesystem socialtjänst: systemförvaltare ändras från Zlatan Zetterlund till Cecilia Ceder.']);
  });

  it('flags a role left empty', async () => {
    edit('systems/budget.yaml', (text) => text.replace('  owner: anna-andersson\n', ''));
    expect(await diff()).toEqual(['- OBS: Budgetverktyg: systemägare lämnas tom (Anna Andersson tas bort).']);
  });

  it('describes new and removed systems', async () => {
    edit('systems/lonesystem.yaml', (text) => text);
    writeFileSync(
      join(root, 'systems', 'portal.yaml'),
      readFileSync(join(root, 'systems', 'lonesystem.yaml'), 'utf8')
        .replace('id: lonesystem', 'id: portal')
        .replace('name: Lönesystem', 'name: HR-portal'),
    );
    rmSync(join(root, 'systems', 'arkiv.yaml'));
    expect(await diff()).toEqual([
      '- OBS: Systemet Arkivsystem tas bort ur förteckningen.',
      '- Nytt system: HR-portal (i drift), systemägare Anna Andersson och systemförvaltare Bo Berg.',
    ]);
  });

  it('describes status, hosting, renaming and dependencies', async () => {
    edit('systems/budget.yaml', (text) =>
      text
        .replace('name: Budgetverktyg', 'name: Budget och prognos')
        .replace('status: under införande', 'status: i drift')
        .replace('hosting: molntjänst', 'hosting: extern drift')
        .replace('  - lonesystem', '  - socialtjanst'),
    );
    expect(await diff()).toEqual([
      '- Budgetverktyg byter namn till Budget och prognos.',
      '- Budget och prognos: status ändras från under införande till i drift.',
      '- Budget och prognos börjar använda Ärendesystem socialtjänst.',
      '- Budget och prognos slutar använda Lönesystem.',
      '- Budget och prognos: driftform ändras från molntjänst till extern drift.',
    ]);
  });

  it('describes administrators and user groups added and removed', async () => {
    edit('systems/socialtjanst.yaml', (text) =>
      text.replace('    - cecilia-ceder\n', '    - bo-berg\n').replace('    - name: Hemtjänstens personal\n', ''),
    );
    expect(await diff()).toEqual([
      '- Ärendesystem socialtjänst: Bo Berg läggs till som systemadministratör.',
      '- Ärendesystem socialtjänst: Cecilia Ceder är inte längre systemadministratör.',
      '- Ärendesystem socialtjänst: Hemtjänstens personal är inte längre användare.',
    ]);
  });

  it('describes a person who left, and the roles they still hold', async () => {
    edit('people/zlatan-zetterlund.yaml', (text) =>
      text.replace('active: true', 'active: false').replace('title: Systemförvaltare socialtjänst', 'title: Systemförvaltare'),
    );
    expect(await diff()).toEqual([
      '- OBS: Zlatan Zetterlund har slutat (active: false) men har kvar roller för Ärendesystem socialtjänst.',
      '- Zlatan Zetterlund: befattning ändras från Systemförvaltare socialtjänst till Systemförvaltare.',
    ]);
  });

  it('describes changes to contracts, units, equipment and guidelines with the schema’s field names', async () => {
    edit('systems/budget.yaml', (text) =>
      text.replace('  end: 2028-12-31', '  end: 2029-06-30').replace('unit: testkommun', 'unit: socialforvaltningen'),
    );
    edit('units/ksau.yaml', (text) => text.replace('head: ake-lind', 'head: orjan-ostlund'));
    edit('equipment/skrivare.yaml', (text) => text.replace('  supplier: Printkraft AB', '  supplier: Tryckeriet AB'));
    edit('guidelines/riktlinjer.md', (text) => text.replace('Ett samordnat IT-stöd.', 'Ett samordnat och säkert IT-stöd.'));
    expect(await diff()).toEqual([
      '- Budgetverktyg: ägande verksamhet ändras från Testkommun till Socialförvaltningen.',
      '- Budgetverktyg: avtalet löper ut ändras från 2028-12-31 till 2029-06-30.',
      '- Kommunstyrelsens arbetsutskott: chef ändras från Åke Lind till Örjan Östlund.',
      '- Multifunktionsskrivare: leverantör ändras från Printkraft AB till Tryckeriet AB.',
      '- Riktlinjer för systemförvaltning: texten ändras.',
    ]);
  });

  it('says a file that no longer parses "kan inte läsas", with the reason, rather than that its system is removed', async () => {
    edit('systems/budget.yaml', (text) => text.replace('  owner: anna-andersson', 'owner: anna-andersson\n  extra: x'));
    const lines = await diff();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^- OBS: Filen för systemet Budgetverktyg \(registry\/systems\/budget\.yaml\) kan inte läsas: .+ \(rad \d+\)\. Rätta filen; ändringen kan inte godkännas förrän den går att läsa\.$/);
    expect(lines[0]).not.toContain('tas bort');
  });

  it('points at the main branch when comparing with HEAD after the change was committed', async () => {
    git(cwd, 'checkout', '-q', '-b', 'andring');
    edit('systems/socialtjanst.yaml', (text) => text.replace('  manager: zlatan-zetterlund', '  manager: cecilia-ceder'));
    git(cwd, 'commit', '-qam', 'Ny förvaltare');
    const result = await runMain(diffMain, ['HEAD'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'Ändringar i systemförteckningen:\nÄndringen påverkar inte registrets innehåll.\n\nHEAD är samma version som du står på, så bara ändringar som inte är incheckade syns. Jämför med huvudgrenen för att se hela ändringen: npm run diff -- main\n',
    );
    expect(await diff()).toEqual(['- Ärendesystem socialtjänst: systemförvaltare ändras från Zlatan Zetterlund till Cecilia Ceder.']);
  });

  it('compares two refs with --head and writes Markdown for the pull request', async () => {
    edit('people/ake-lind.yaml', (text) => text);
    writeFileSync(
      join(root, 'people', 'nils-ny.yaml'),
      'id: nils-ny\nname: Nils Ny\ntitle: Handläggare\nunit: testkommun\nemail: nils@testkommun.se\nactive: true\n',
    );
    git(cwd, 'checkout', '-q', '-b', 'andring');
    git(cwd, 'add', '.');
    git(cwd, 'commit', '-q', '-m', 'Ny person');
    rmSync(join(root, 'people', 'nils-ny.yaml'));
    const result = await runMain(diffMain, ['main', '--head', 'andring', '--format', 'markdown'], { cwd });
    expect(result.stdout).toBe('## Ändringar i systemförteckningen\n\n- Ny person: Nils Ny, handläggare på Testkommun.\n');
  });

  it('marks a changed GitHub account, since it makes that account a reviewer of the person’s systems', async () => {
    edit('people/anna-andersson.yaml', (text) => text.replace('gitHandle: annaandersson', 'gitHandle: okand-anvandare'));
    expect(await diff()).toEqual([
      '- OBS: Anna Andersson: användarnamn på GitHub ändras från annaandersson till okand-anvandare. Kontrollera att kontot tillhör Anna Andersson; det granskar ändringar i Arkivsystem, Budgetverktyg, Lönesystem och <script>alert(1)</script>.',
    ]);
  });

  it('cannot hide later lines of the pull request comment with a value that holds Markdown or HTML', async () => {
    edit('people/bo-berg.yaml', (text) => text.replace('name: Bo Berg', 'name: "Bo Berg\\n<!-- @exempelkommun/alla [x](javascript:alert(1)) **fet**"'));
    edit('people/anna-andersson.yaml', (text) => text.replace('gitHandle: annaandersson', 'gitHandle: okand-anvandare'));
    const result = await runMain(diffMain, ['main', '--format', 'markdown'], { cwd });
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(2)).toEqual([
      '- ⚠️ **Observera:** Anna Andersson: användarnamn på GitHub ändras från annaandersson till okand-anvandare. Kontrollera att kontot tillhör Anna Andersson; det granskar ändringar i Arkivsystem, Budgetverktyg, Lönesystem och &lt;script&gt;alert\\(1\\)&lt;/script&gt;.',
      '- Bo Berg byter namn till Bo Berg &lt;\\!-- &#64;exempelkommun/alla \\[x\\]\\(javascript:alert\\(1\\)\\) \\*\\*fet\\*\\*.',
    ]);
  });

  it('shows control characters in names as visible escapes on the terminal', async () => {
    edit('people/bo-berg.yaml', (text) => text.replace('name: Bo Berg', 'name: "Bo \\e[2J\\u202EBerg"'));
    expect(await diff()).toEqual(['- Bo Berg byter namn till Bo \\u001B[2J\\u202EBerg.']);
  });

  it('is not blinded by a register folder dressed up as a Git repository (HEAD, config, objects/, refs/)', async () => {
    git(cwd, 'checkout', '-q', '-b', 'andring');
    edit('systems/socialtjanst.yaml', (text) => text.replace('  manager: zlatan-zetterlund', '  manager: cecilia-ceder'));
    // What Git needs to take registry/ for a bare repository of its own, with a history where nothing changed.
    writeFileSync(join(root, 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(root, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = /\n');
    mkdirSync(join(root, 'objects', 'info'), { recursive: true });
    mkdirSync(join(root, 'refs', 'heads'), { recursive: true });
    writeFileSync(join(root, 'objects', 'info', 'packs'), '\n');
    writeFileSync(join(root, 'refs', 'heads', 'main'), `${git(cwd, 'rev-parse', 'main').trim()}\n`);
    git(cwd, 'add', '.');
    git(cwd, 'commit', '-q', '-m', 'Ny förvaltare');
    // As the summary job runs it: the tool elsewhere, the register named by path.
    const result = await runMain(diffMain, ['main', '--head', 'andring', '--registry', root], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Ärendesystem socialtjänst: systemförvaltare ändras från Zlatan Zetterlund till Cecilia Ceder.');
  });

  it('explains an unknown base in Swedish, with exit 2', async () => {
    const result = await runMain(diffMain, ['finns-inte'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('Fel: Hittar inte "finns-inte" i Git. Ange en gren eller commit, till exempel origin/main.\n');
  });
});
