// .gitlab-ci.yml is code too: parse it as GitLab does (YAML with anchors),
// check the job graph (stages, rules, artifacts), that every command it runs
// exists, and the promises: the same checks as on GitHub, and only the
// summary job holds a token, running the target branch's code.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { git, repositoryWith } from '../helpers/git.ts';
import { editFile, FIXTURES, removeTemp } from '../helpers/registers.ts';
import { main as gitlabNote } from '../../src/cli/gitlab-note.ts';
import { NOTE_MARKER } from '../../src/core/forge/gitlab.ts';
import { runMain } from '../helpers/command.ts';
import { REPO } from '../helpers/run.ts';
import { ruleVariables, runsIn, type Pipeline } from '../helpers/gitlab-rules.ts';

const KEYWORDS = new Set(['workflow', 'stages', 'default', 'variables', 'include', 'image', 'services', 'cache', 'before_script', 'after_script']);
const JOB_KEYS = new Set(['stage', 'script', 'rules', 'artifacts', 'timeout', 'variables', 'cache', 'allow_failure', 'resource_group', 'image', 'needs', 'before_script', 'environment', 'interruptible']);

type Job = { stage?: string; script: unknown[]; rules?: { if?: string; when?: string; variables?: Record<string, string> }[]; artifacts?: { reports?: Record<string, string>; paths?: string[] }; [key: string]: unknown };

const document = parseDocument(readFileSync(join(REPO, '.gitlab-ci.yml'), 'utf8'), { merge: true, uniqueKeys: true });
const config = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown> & { stages: string[] };
const jobs = Object.entries(config).filter(([name]) => !KEYWORDS.has(name) && !name.startsWith('.')) as [string, Job][];
const commands = (job: Job) => job.script.flat(10).map(String);
const scripts = Object.keys((JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

describe('.gitlab-ci.yml', () => {
  it('parses without errors, and its jobs use only keywords GitLab knows', () => {
    expect(document.errors).toEqual([]);
    expect(jobs.length).toBeGreaterThan(4);
    for (const [name, job] of jobs) {
      for (const key of Object.keys(job)) expect(JOB_KEYS.has(key), `${name}.${key}`).toBe(true);
      expect(config.stages, name).toContain(job.stage);
      expect(job.timeout, name).toMatch(/^\d+ minutes$/);
      expect(commands(job).length, name).toBeGreaterThan(0);
    }
  });

  it('runs only commands that exist: npm scripts in package.json, tool files in the repository', () => {
    for (const [name, job] of jobs) {
      for (const command of commands(job)) {
        for (const [, script] of command.matchAll(/npm run (?:-s )?([\w-]+)/g)) expect(scripts, `${name}: ${command}`).toContain(script);
        for (const [, file] of command.matchAll(/node verktyg\/(\S+\.ts)/g)) expect(existsSync(join(REPO, file as string)), `${name}: ${file}`).toBe(true);
      }
    }
  });

  it('has the checks of the GitHub workflow: validation with a Code Quality report, CODEOWNERS, types, tests, build', () => {
    const all = jobs.flatMap(([, job]) => commands(job)).join('\n');
    for (const check of ['validate -- --format gitlab', 'codeowners -- --check --forge gitlab', 'npm run typecheck', 'npm test', 'npm run build']) expect(all).toContain(check);
    const reporters = jobs.filter(([, job]) => job.artifacts?.reports?.codequality);
    expect(reporters.map(([name]) => name)).toEqual(['validera']);
  });

  it('gives every job that builds the site the previous build’s cache, beside npm’s', () => {
    const builders = jobs.filter(([, job]) => commands(job).some((command) => /npm run build/.test(command)));
    expect(builders.length).toBeGreaterThan(0);
    for (const [name, job] of builders) {
      const caches = job.cache as { key: unknown; paths: string[]; fallback_keys?: string[] }[];
      expect(caches.map((cache) => cache.paths), name).toEqual([['.npm/'], ['.cache/byggcache/']]);
      expect(caches[1], name).toMatchObject({ key: 'byggcache-$CI_COMMIT_REF_SLUG', fallback_keys: ['byggcache-$CI_DEFAULT_BRANCH'] });
    }
  });

  describe('the token', () => {
    const main = { CI_DEFAULT_BRANCH: 'main' };
    /** Pipelines whose .gitlab-ci.yml and code a merge request's author controls. */
    const untrusted: Record<string, Pipeline> = {
      'a merge request': { ...main, CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '7' },
      'a push to a branch': { ...main, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'andring' },
      'a schedule on a branch': { ...main, CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_BRANCH: 'andring', SCHEMALAGT: 'sammanfattningar' },
      'a run from the web on a branch': { ...main, CI_PIPELINE_SOURCE: 'web', CI_COMMIT_BRANCH: 'andring' },
    };
    const scheduledOnMain: Pipeline = { ...main, CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_BRANCH: 'main', SCHEMALAGT: 'sammanfattningar' };
    const remindersOnMain: Pipeline = { ...scheduledOnMain, SCHEMALAGT: 'paminnelser' };
    const holders = jobs.filter(([, job]) => JSON.stringify(job).includes('GITLAB_TOKEN') || commands(job).some((command) => /gitlab-note|--sync gitlab/.test(command)));
    const runs = (job: Job, pipeline: Pipeline) => runsIn(config.workflow as Job, pipeline) && runsIn(job, pipeline);

    it('is used by the scheduled jobs only, which never run in a pipeline a merge request controls', () => {
      expect(holders.map(([name]) => name)).toEqual(['sammanfattningar', 'paminnelser']);
      for (const [pipeline, variables] of Object.entries(untrusted)) {
        expect(holders.filter(([, job]) => runs(job, variables)).map(([name]) => name), pipeline).toEqual([]);
        expect(holders.filter(([, job]) => runs(job, { ...variables, SCHEMALAGT: 'paminnelser' })).map(([name]) => name), pipeline).toEqual([]);
      }
      expect(holders.filter(([, job]) => runs(job, scheduledOnMain)).map(([name]) => name)).toEqual(['sammanfattningar']);
      expect(holders.filter(([, job]) => runs(job, remindersOnMain)).map(([name]) => name)).toEqual(['paminnelser']);
      // The rules evaluator does tell the pipelines apart.
      expect(jobs.filter(([, job]) => runs(job, untrusted['a merge request'] as Pipeline)).map(([name]) => name)).toEqual(['validera', 'typkontroll', 'tester', 'bygg']);
    });

    it('is a protected variable, which GitLab gives only to pipelines on protected branches, and the docs say so', () => {
      const header = readFileSync(join(REPO, '.gitlab-ci.yml'), 'utf8').split('\nworkflow:')[0] ?? '';
      expect(header).toMatch(/GITLAB_TOKEN[^\n]*\n[^\n]*PROTECTED/);
      expect(header).toContain('SCHEMALAGT = sammanfattningar');
    });

    it('meets no code of the merge request: the job runs the default branch’s tool and reads merge requests from Git as data', () => {
      expect(holders.map(([name, job]) => [name, commands(job)])).toEqual([
        ['sammanfattningar', ['npm ci --prefer-offline --no-audit --no-fund', 'npm run -s gitlab-note']],
        ['paminnelser', ['npm ci --prefer-offline --no-audit --no-fund', 'npm run -s reminders -- --sync gitlab']],
      ]);
    });

    it('is not wasted on the scheduled pipeline: no checks and no publishing run there', () => {
      expect(jobs.filter(([, job]) => runs(job, scheduledOnMain)).map(([name]) => name)).toEqual(['sammanfattningar']);
      expect(jobs.filter(([, job]) => runs(job, remindersOnMain)).map(([name]) => name)).toEqual(['paminnelser']);
    });
  });

  it('is described job by job in docs/gitlab.md, with the schedules to create and what GitLab Free does not do', () => {
    const docs = readFileSync(join(REPO, 'docs', 'gitlab.md'), 'utf8');
    for (const [name] of jobs) expect(docs, name).toContain(`\`${name}\``);
    for (const value of ['sammanfattningar', 'paminnelser']) expect(docs).toContain(`\`SCHEMALAGT\` = \`${value}\``);
    expect(docs).toMatch(/GitLab Free\*\* finns inga Code Owners/);
    expect(docs).toContain('Pipelines must succeed');
  });

  it('publishes only from the default branch, and only where PUBLICERA and PUBLICERA_OFFENTLIG say', () => {
    const publishing = jobs.filter(([, job]) => job.stage === 'publicering');
    expect(publishing.map(([name]) => name).sort()).toEqual(['pages', 'publicera-offentlig', 'publicera-server']);
    const push = (branch: string, variables: Pipeline, source = 'push') => ({ CI_DEFAULT_BRANCH: 'main', CI_PIPELINE_SOURCE: source, CI_COMMIT_BRANCH: branch, ...variables });
    const targets: Record<string, Pipeline> = {
      pages: { PUBLICERA: 'gitlab-pages' },
      'publicera-server': { PUBLICERA: 'server' },
      'publicera-offentlig': { PUBLICERA_OFFENTLIG: 'server' },
    };
    for (const [name, job] of publishing) {
      const target = targets[name] as Pipeline;
      expect(runsIn(job, push('main', target)), name).toBe(true);
      for (const [other, elsewhere] of Object.entries(targets)) if (other !== name) expect(runsIn(job, push('main', elsewhere)), `${name} för ${other}`).toBe(false);
      expect(runsIn(job, push('andring', target)), name).toBe(false);
      expect(runsIn(job, push('main', target, 'schedule')), name).toBe(false);
    }
    expect(jobs.find(([name]) => name === 'pages')?.[1].artifacts?.paths).toEqual(['public/']);
  });

  it('builds the public version only for its own target, and never the protected version', () => {
    const pages = jobs.find(([name]) => name === 'pages')?.[1] as Job;
    const pipeline = (variables: Pipeline) => ({ CI_DEFAULT_BRANCH: 'main', CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', ...variables });
    // Pages builds for the audience its rule sets: the intranet's, the public's, or refuses both at once.
    expect(ruleVariables(pages, pipeline({ PUBLICERA: 'gitlab-pages' }))).toEqual({ PUBLIK: 'intern' });
    expect(ruleVariables(pages, pipeline({ PUBLICERA: 'server', PUBLICERA_OFFENTLIG: 'gitlab-pages' }))).toEqual({ PUBLIK: 'offentlig' });
    expect(ruleVariables(pages, pipeline({ PUBLICERA: 'gitlab-pages', PUBLICERA_OFFENTLIG: 'gitlab-pages' }))).toEqual({ PUBLIK: 'båda' });
    expect(commands(pages)[0]).toMatch(/if \[ "\$PUBLIK" = "båda" \]; then .*exit 1; fi/);
    expect(commands(pages).find((line) => line.startsWith('npm run build'))).toContain('--audience "$PUBLIK"');
    const offentlig = jobs.find(([name]) => name === 'publicera-offentlig')?.[1] as Job;
    expect(commands(offentlig)).toContain('npm run build -- --audience offentlig --out offentlig');
    expect(offentlig.environment).toBe('offentlig');
    for (const [name, job] of jobs) {
      for (const line of commands(job)) expect(line, name).not.toMatch(/skyddad/);
      for (const rule of job.rules ?? []) expect(Object.values(rule.variables ?? {}), name).not.toContain('skyddad');
    }
  });
});

describe('npm run gitlab-note', () => {
  const temps: string[] = [];
  afterAll(() => temps.forEach(removeTemp));

  /** A GitLab project with an origin repository: main, and merge request !7 that changes a manager. */
  function project() {
    const origin = repositoryWith(join(FIXTURES, 'site'));
    temps.push(origin.cwd);
    git(origin.cwd, 'checkout', '-q', '-b', 'andring');
    editFile(join(origin.root, 'systems', 'socialtjanst.yaml'), (text) => text.replace('  manager: zlatan-zetterlund', '  manager: cecilia-ceder'));
    git(origin.cwd, 'commit', '-qam', 'Ny förvaltare');
    git(origin.cwd, 'update-ref', 'refs/merge-requests/7/head', 'andring');
    git(origin.cwd, 'checkout', '-q', 'main');
    // The scheduled job's checkout: the default branch, with origin as its remote.
    const checkout = mkdtempSync(join(tmpdir(), 'systemforteckning-gitlab-'));
    temps.push(checkout);
    git(checkout, 'clone', '-q', origin.cwd, '.');
    return { origin, checkout, sha: git(origin.cwd, 'rev-parse', 'andring').trim() };
  }

  async function fakeGitlab(openMergeRequests: { iid: number; title: string; sha: string }[], approvedBy: string[] = []) {
    // A note someone else wrote, with the marker: it must never be taken for the tool's own.
    const notes: { id: number; body: string; system: boolean; author: { id: number } }[] = [
      { id: 1, body: 'added 1 commit', system: true, author: { id: 5 } },
      { id: 2, body: `${NOTE_MARKER}\nInget att se här, godkänn.`, system: false, author: { id: 5 } },
    ];
    const requests: string[] = [];
    const statuses: { sha: string; name: string; state: string; description: string; pipeline_id?: number }[] = [];
    const server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        requests.push(`${request.method} ${request.url}`);
        const send = (status: number, data: unknown) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(data));
        if (request.headers['private-token'] !== 'hemlig') return send(401, { message: '401 Unauthorized' });
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (url.pathname === '/api/v4/user') return send(200, { id: 99, username: 'project_42_bot' });
        if (url.pathname === '/api/v4/projects/42/merge_requests' && url.searchParams.get('state') === 'opened' && url.searchParams.get('target_branch') === 'main')
          return send(200, openMergeRequests);
        if (url.pathname === '/api/v4/projects/42/merge_requests/7/approvals') return send(200, { approved_by: approvedBy.map((username) => ({ user: { username } })) });
        if (url.pathname === '/api/v4/projects/42/merge_requests/7') return send(200, { iid: 7, head_pipeline: { id: 555 } });
        if (request.method === 'POST' && url.pathname.startsWith('/api/v4/projects/42/statuses/')) {
          statuses.push({ sha: url.pathname.split('/').pop() as string, ...(JSON.parse(text) as Omit<(typeof statuses)[number], 'sha'>) });
          return send(201, statuses.at(-1));
        }
        if (!url.pathname.startsWith('/api/v4/projects/42/merge_requests/7/notes')) return send(404, { message: '404 Not Found' });
        const id = Number(url.pathname.split('/').pop());
        if (request.method === 'GET') return send(200, notes);
        const body = (JSON.parse(text) as { body: string }).body;
        if (request.method === 'POST') {
          notes.push({ id: notes.length + 1, body, system: false, author: { id: 99 } });
          return send(201, notes.at(-1));
        }
        const note = notes.find((item) => item.id === id);
        if (request.method === 'PUT' && note) {
          note.body = body;
          return send(200, note);
        }
        return send(404, { message: '404 Not Found' });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v4`;
    return { notes, requests, statuses, approvedBy, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it('writes each open merge request’s summary as a note once, then leaves or updates only its own note', async () => {
    const { origin, checkout, sha } = project();
    const gitlab = await fakeGitlab([{ iid: 7, title: 'Ny förvaltare', sha }]);
    try {
      const env = { CI_API_V4_URL: gitlab.url, CI_PROJECT_ID: '42', CI_DEFAULT_BRANCH: 'main', GITLAB_TOKEN: 'hemlig' };
      const first = await runMain(gitlabNote, [], { cwd: checkout, env });
      expect(first).toMatchObject({
        status: 0,
        stdout:
          '!7: kommentaren är skapad.\n!7: systemägarens godkännande: Ingen berörd systemägare eller systemförvaltare har användarnamn; IT-avdelningens granskning räcker.\n',
      });
      expect(gitlab.notes[2]?.body).toBe(
        `${NOTE_MARKER}\n## Ändringar i systemförteckningen\n\n- Ärendesystem socialtjänst: systemförvaltare ändras från Zlatan Zetterlund till Cecilia Ceder.\n`,
      );
      const again = await runMain(gitlabNote, [], { cwd: checkout, env });
      expect(again.stdout).toMatch(/^!7: kommentaren är oförändrad\.\n/);
      // A new commit on the merge request: the tool's own note is updated, the planted one never.
      git(origin.cwd, 'checkout', '-q', 'andring');
      editFile(join(origin.root, 'systems', 'lonesystem.yaml'), (text) => text.replace('status: i drift', 'status: under avveckling'));
      git(origin.cwd, 'commit', '-qam', 'Avveckling');
      git(origin.cwd, 'update-ref', 'refs/merge-requests/7/head', 'andring');
      const updated = await runMain(gitlabNote, [], { cwd: checkout, env });
      expect(updated.stdout).toMatch(/^!7: kommentaren är uppdaterad\.\n/);
      expect(gitlab.notes.map((note) => note.author.id)).toEqual([5, 5, 99]);
      expect(gitlab.notes[1]?.body).toBe(`${NOTE_MARKER}\nInget att se här, godkänn.`);
      expect(gitlab.notes[2]?.body).toContain('Lönesystem: status ändras från i drift till under avveckling.');
      expect(gitlab.requests.filter((request) => !request.startsWith('GET ') && !request.includes('/statuses/'))).toEqual([
        'POST /api/v4/projects/42/merge_requests/7/notes',
        'PUT /api/v4/projects/42/merge_requests/7/notes/3',
      ]);
    } finally {
      await gitlab.close();
    }
  });

  it('fails the merge request’s pipeline until the owner or manager, as the target branch knows them, approves', async () => {
    const { origin, checkout } = project();
    // The change touches Lönesystem, whose owner and manager have accounts, and gives the owner a new account.
    git(origin.cwd, 'checkout', '-q', 'andring');
    editFile(join(origin.root, 'systems', 'lonesystem.yaml'), (text) => text.replace('status: i drift', 'status: under avveckling'));
    editFile(join(origin.root, 'people', 'anna-andersson.yaml'), (text) => text.replace('gitHandle: annaandersson', 'gitHandle: nagonannan'));
    git(origin.cwd, 'commit', '-qam', 'Avveckling');
    git(origin.cwd, 'update-ref', 'refs/merge-requests/7/head', 'andring');
    const sha = git(origin.cwd, 'rev-parse', 'andring').trim();
    const gitlab = await fakeGitlab([{ iid: 7, title: 'Avveckling', sha }], ['nagonannan']);
    try {
      const env = { CI_API_V4_URL: gitlab.url, CI_PROJECT_ID: '42', CI_DEFAULT_BRANCH: 'main', GITLAB_TOKEN: 'hemlig' };
      await runMain(gitlabNote, [], { cwd: checkout, env });
      // The account the change itself names does not count: the target branch's owner and manager decide.
      expect(gitlab.statuses.at(-1)).toEqual({
        sha,
        name: 'systemägarens godkännande',
        state: 'failed',
        description: 'Väntar på godkännande av @annaandersson eller @boberg för Lönesystem.',
        pipeline_id: 555,
      });
      gitlab.approvedBy.push('boberg');
      await runMain(gitlabNote, [], { cwd: checkout, env });
      expect(gitlab.statuses.at(-1)).toMatchObject({ state: 'success', description: 'Godkänt av systemägare eller systemförvaltare för 1 system.' });
    } finally {
      await gitlab.close();
    }
  });

  it('says in Swedish what is missing outside a pipeline, and what a refused token means', async () => {
    const missing = await runMain(gitlabNote, [], { env: { CI_API_V4_URL: '', GITLAB_TOKEN: '' } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^Fel: CI_API_V4_URL och CI_PROJECT_ID/);
    const gitlab = await fakeGitlab([]);
    try {
      const env = { CI_API_V4_URL: gitlab.url, CI_PROJECT_ID: '42', GITLAB_TOKEN: 'fel' };
      const refused = await runMain(gitlabNote, [], { env });
      expect(refused).toMatchObject({ status: 2, stderr: 'Fel: GitLab svarade 401: "401 Unauthorized". Kontrollera att GITLAB_TOKEN har behörigheten api.\n' });
    } finally {
      await gitlab.close();
    }
  });
});
