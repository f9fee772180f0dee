// npm run reminders: exactly what each owner's issue says on a fixed day,
// and the weekly workflow's sync of those issues against a recording fake
// of GitHub's API: created once, updated in place, duplicates and finished
// reminders closed, issues people opened themselves left alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main as attest } from '../../src/cli/attest.ts';
import { main as reminders } from '../../src/cli/reminders.ts';
import { runMain } from '../helpers/command.ts';
import { startFakeGithub, type FakeGithub } from '../helpers/fake-github.ts';
import { startFakeGitlab } from '../helpers/fake-gitlab.ts';
import { copyRegister, editFile, FIXTURES, removeTemp, TODAY } from '../helpers/registers.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

/** The site fixture with something to do: an overdue review, a review soon due, a contract to act on, an administrator who left. */
function register() {
  const { cwd, root } = copyRegister(join(FIXTURES, 'site'));
  temps.push(cwd);
  editFile(join(root, 'systems', 'budget.yaml'), (text) =>
    text
      .replace('reviewed: 2026-09-01', 'reviewed: 2025-01-15')
      .replace('  end: 2028-12-31', '  end: 2027-06-30\n  noticePeriod: 6 månader'),
  );
  editFile(join(root, 'systems', 'lonesystem.yaml'), (text) => text.replace('reviewed: 2026-06-01', 'reviewed: 2025-12-10'));
  editFile(join(root, 'people', 'cecilia-ceder.yaml'), (text) => text.replace('active: true', 'active: false'));
  // The fixture lives on GitLab; the reminders workflow is GitHub's.
  editFile(join(root, 'settings.yaml'), (text) =>
    text.replace('https://gitlab.testkommun.se/it/systemforteckning', 'https://github.com/testkommun/systemforteckning').replace('forge: gitlab\n', ''),
  );
  return { cwd, root };
}

const expected = (name: string) => readFileSync(join(FIXTURES, 'reminders', name), 'utf8');

describe('the reminders on a fixed day', () => {
  it('say exactly what each owner must do, with links to edit each file', async () => {
    const { cwd } = register();
    const result = await runMain(reminders, ['--today', TODAY, '--format', 'markdown'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(expected('reminders.md'));
  });

  it('say there is nothing to do when nothing is due', async () => {
    const { cwd } = copyRegister();
    temps.push(cwd);
    const result = await runMain(reminders, ['--today', '2026-06-15'], { cwd });
    expect(result.stdout).toBe('Inga påminnelser 15 juni 2026: inget behöver åtgärdas.\n');
  });
});

describe('restore tests and access reviews', () => {
  it('are reminded of when overdue or soon due, and held back when a protected registry keeps them from the repository’s readers', async () => {
    const { cwd, root } = register();
    editFile(join(root, 'systems', 'budget.yaml'), (text) => `${text}continuity:\n  restoreTested: 2025-06-01\nsecurity:\n  accessReviewed: 2025-12-20\n`);
    const result = await runMain(reminders, ['--today', TODAY], { cwd });
    expect(result.stdout).toContain(
      'Senaste test av återläsning var 1 juni 2025, för mer än 12 månader sedan. Testa en återläsning igen och sätt dagens datum, till exempel med npm run attest -- budget --fakta aterlasning.',
    );
    expect(result.stdout).toContain(
      'Nästa granskning av behörigheter ska vara gjord 20 december 2026, om 22 dagar. Sätt datumet när den är gjord, till exempel med npm run attest -- budget --fakta behorigheter.',
    );
    // With a protected registry the dates are protected facts; the issues go to everyone who reads the repository.
    editFile(join(root, 'settings.yaml'), (text) => `${text}protectedRegistry: ../skyddat\n`);
    const held = await runMain(reminders, ['--today', TODAY], { cwd });
    expect(held.stdout).not.toMatch(/återläsning|behörigheter/);
  });
});

describe('what the reminders print into a workflow log', () => {
  it('never a line GitHub Actions would run as a command, nor a raw terminal escape, whatever a name holds', async () => {
    const { cwd, root } = register();
    editFile(join(root, 'people', 'anna-andersson.yaml'), (text) =>
      text.replace('name: Anna Andersson', 'name: "Anna Andersson\\n::add-mask::hemlig\\n::error::Falskt fel\\e[2J"'),
    );
    editFile(join(root, 'systems', 'budget.yaml'), (text) => text.replace('name: Budgetverktyg', 'name: "::warning::Budgetverktyg\\e[2J"'));
    const outputs = [
      await runMain(reminders, ['--today', TODAY], { cwd }),
      await runMain(reminders, ['--today', TODAY, '--format', 'markdown'], { cwd }),
    ];
    expect(outputs[0]?.stdout).toContain('\\u003A:warning::Budgetverktyg\\u001B[2J (registry/systems/budget.yaml)');
    const github = await startFakeGithub();
    try {
      const env = { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'testkommun/systemforteckning', GITHUB_TOKEN: 'hemlig-token' };
      outputs.push(await runMain(reminders, ['--today', TODAY, '--sync', 'github', '--dry-run'], { cwd, env }));
    } finally {
      await github.close();
    }
    for (const { stdout, status } of outputs) {
      expect(status).toBe(0);
      expect(stdout).toContain('Systemförteckningen: 3 system');
      expect(stdout.split('\n').filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
      expect(stdout).not.toMatch(/\u001B/);
    }
  });
});

describe('the issue text', () => {
  it('makes no link of an address written in a name: only the tool’s own links to the file and the page', async () => {
    const { cwd, root } = register();
    editFile(join(root, 'systems', 'budget.yaml'), (text) => text.replace('name: Budgetverktyg', 'name: Budget https://evil.example/logga-in och www.evil.example'));
    const result = await runMain(reminders, ['--today', TODAY, '--format', 'markdown'], { cwd });
    const html = await marked.parse(result.stdout, { gfm: true });
    expect(html).toContain('Budget https://evil.example/logga-in och www.evil.example');
    const links = [...html.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1] as string);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((href) => href.includes('evil'))).toEqual([]);
  });
});

describe('the weekly sync of issues on GitHub', () => {
  let github: FakeGithub;
  beforeEach(async () => {
    github = await startFakeGithub();
  });
  afterEach(() => github.close());

  const sync = (cwd: string, ...args: string[]) =>
    runMain(reminders, ['--today', TODAY, '--sync', 'github', ...args], {
      cwd,
      env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'testkommun/systemforteckning', GITHUB_TOKEN: 'hemlig-token' },
    });

  it('opens one issue per owner, assigned and labelled, and one for the IT department', async () => {
    const { cwd } = register();
    const result = await sync(cwd);
    expect(result.status, result.stderr).toBe(0);
    expect(github.issues.map(({ number, title, assignees, labels, state }) => ({ number, title, assignees, labels, state }))).toEqual([
      {
        number: 1,
        title: 'Systemförteckningen: 2 system att se över (Anna Andersson)',
        assignees: ['annaandersson'],
        labels: ['påminnelse'],
        state: 'open',
      },
      {
        number: 2,
        title: 'Systemförteckningen: 1 system vars systemägare inte kan påminnas',
        assignees: [],
        labels: ['påminnelse'],
        state: 'open',
      },
    ]);
    expect(github.labels).toEqual(new Set(['påminnelse']));
    expect(`${github.issues[0]?.body}\n${github.issues[1]?.body}`).toBe(expected('issue-bodies.md'));
  });

  it('changes nothing when run again, and never opens a duplicate', async () => {
    const { cwd } = register();
    await sync(cwd);
    const requests = github.requests.length;
    const again = await sync(cwd);
    expect(again.stdout).toBe('2 ärenden är redan aktuella.\n');
    expect(github.requests.slice(requests).every((request) => request.startsWith('GET '))).toBe(true);
    expect(github.issues).toHaveLength(2);
  });

  it('updates an issue in place, closes it when all is done, closes duplicates and leaves other issues alone', async () => {
    const { cwd, root } = register();
    await sync(cwd);
    // Someone copied the owner's issue, and someone opened an issue of their own with the same label.
    github.issues.push({ ...(github.issues[0] as (typeof github.issues)[number]), number: 3 });
    github.issues.push({
      number: 4,
      title: 'Fråga om påminnelserna',
      body: 'Varför får jag detta?',
      state: 'open',
      labels: ['påminnelse'],
      assignees: [],
    });

    await runMain(attest, ['budget', '--today', TODAY], { cwd });
    const updated = await sync(cwd);
    expect(updated.stdout).toContain('Uppdaterar #1: Systemförteckningen: 2 system att se över (Anna Andersson)');
    expect(updated.stdout).toContain('Stänger #3: allt är åtgärdat');
    expect(github.issues[0]?.body).not.toContain('Budgetverktyg: granska');
    expect(github.issues[2]?.state).toBe('closed');

    // Everything done: the contract extended, the administrator who left replaced, Lönesystem attested.
    editFile(join(root, 'systems', 'budget.yaml'), (text) => text.replace('  end: 2027-06-30', '  end: 2030-06-30'));
    for (const system of ['budget', 'lonesystem', 'socialtjanst', 'xss'])
      editFile(join(root, 'systems', `${system}.yaml`), (text) => text.replace('    - cecilia-ceder\n', '    - bo-berg\n'));
    await runMain(attest, ['lonesystem', '--today', TODAY], { cwd });
    const done = await sync(cwd, '--dry-run');
    expect(done.stdout).toContain('Skulle stänga #1: allt är åtgärdat');
    expect(github.issues[0]?.state).toBe('open');
    await sync(cwd);
    expect(github.issues.map((issue) => [issue.number, issue.state])).toEqual([
      [1, 'closed'],
      [2, 'open'],
      [3, 'closed'],
      [4, 'open'],
    ]);
    expect(github.issues[0]?.body).toContain('Allt är åtgärdat. Tack!');
  });

  it('adopts only issues its own account wrote: a planted issue with the marker is neither updated nor closed', async () => {
    const { cwd } = register();
    github.issues.push({
      number: 1,
      title: 'Systemförteckningen: allt är klart (Anna Andersson)',
      body: '<!-- systemforteckning:påminnelse:anna-andersson -->\nInget att göra här, stäng gärna.',
      state: 'open',
      labels: ['påminnelse'],
      assignees: ['annaandersson'],
      author: 'angripare',
    });
    const result = await sync(cwd);
    expect(result.stdout).toContain('Skapar: Systemförteckningen: 2 system att se över (Anna Andersson) (@annaandersson)');
    expect(github.issues[0]).toMatchObject({ state: 'open', title: 'Systemförteckningen: allt är klart (Anna Andersson)' });
    expect(github.issues.filter((issue) => issue.author === undefined)).toHaveLength(2);
  });

  it('explains a missing token or a refused request in Swedish', async () => {
    const { cwd } = register();
    const missing = await runMain(reminders, ['--sync', 'github'], { cwd, env: { GITHUB_TOKEN: '', GITHUB_REPOSITORY: '' } });
    expect(missing.stderr).toBe(
      'Fel: GITHUB_REPOSITORY (ägare/förråd) och GITHUB_TOKEN behövs för att läsa och skriva ärenden på GitHub. Ett arbetsflöde sätter dem; lokalt sätter du dem själv (en token med behörighet till ärenden).\n',
    );
    const refused = await runMain(reminders, ['--sync', 'github'], {
      cwd,
      env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'testkommun/systemforteckning', GITHUB_TOKEN: 'fel-token' },
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      'Fel: GitHub svarade 401 när ärendena hämtades: Bad credentials. Kontrollera att token har issues: write.\n',
    );
  });
});

describe('npm run reminders -- --sync gitlab', () => {
  it('keeps one issue per owner on GitLab, assigned by the account’s id, updated in place and closed when done', async () => {
    const gitlab = await startFakeGitlab();
    try {
      const { cwd, root } = register();
      const env = { CI_API_V4_URL: gitlab.url, CI_PROJECT_ID: '42', GITLAB_TOKEN: 'hemlig' };
      const first = await runMain(reminders, ['--sync', 'gitlab', '--today', TODAY], { cwd, env });
      expect(first.status, first.stderr).toBe(0);
      expect(gitlab.issues.map(({ iid, title, assignees, labels, state }) => ({ iid, title, assignees, labels, state }))).toEqual([
        { iid: 1, title: 'Systemförteckningen: 2 system att se över (Anna Andersson)', assignees: ['annaandersson'], labels: ['påminnelse'], state: 'opened' },
        { iid: 2, title: 'Systemförteckningen: 1 system vars systemägare inte kan påminnas', assignees: [], labels: ['påminnelse'], state: 'opened' },
      ]);
      expect(gitlab.labels).toEqual(new Set(['påminnelse']));
      // The same body as on GitHub: the reminders are the forge's business only in how they are delivered.
      expect(`${gitlab.issues[0]?.description}\n${gitlab.issues[1]?.description}`).toBe(expected('issue-bodies.md'));
      // Run again: nothing changes. Then everything is done: both close.
      await runMain(reminders, ['--sync', 'gitlab', '--today', TODAY], { cwd, env });
      expect(gitlab.issues).toHaveLength(2);
      expect(gitlab.requests.filter((request) => request.startsWith('PUT'))).toEqual([]);
      editFile(join(root, 'systems', 'budget.yaml'), (text) => text.replace('reviewed: 2025-01-15', `reviewed: ${TODAY}`).replace('  end: 2027-06-30\n  noticePeriod: 6 månader', '  end: 2031-06-30'));
      editFile(join(root, 'systems', 'lonesystem.yaml'), (text) => text.replace('reviewed: 2025-12-10', `reviewed: ${TODAY}`));
      editFile(join(root, 'people', 'cecilia-ceder.yaml'), (text) => text.replace('active: false', 'active: true'));
      const done = await runMain(reminders, ['--sync', 'gitlab', '--today', TODAY], { cwd, env });
      expect(done.stdout).toContain('Stänger #1');
      expect(gitlab.issues[0]?.state).toBe('closed');
    } finally {
      await gitlab.close();
    }
  });
});
