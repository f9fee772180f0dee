// .gitlab-ci.yml is code too: parse it as GitLab does (YAML with anchors),
// check the job graph (stages, rules, artifacts), that every command it runs
// exists, and the promises: the same checks as on GitHub, and only the
// summary job holds a token, running the target branch's code.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main as gitlabNote } from '../../src/cli/gitlab-note.ts';
import { NOTE_MARKER } from '../../src/core/forge/gitlab.ts';
import { runMain } from '../helpers/command.ts';
import { REPO } from '../helpers/run.ts';

const KEYWORDS = new Set(['workflow', 'stages', 'default', 'variables', 'include', 'image', 'services', 'cache', 'before_script', 'after_script']);
const JOB_KEYS = new Set(['stage', 'script', 'rules', 'artifacts', 'timeout', 'variables', 'cache', 'allow_failure', 'resource_group', 'image', 'needs', 'before_script', 'environment', 'interruptible']);

type Job = { stage?: string; script: unknown[]; rules?: { if?: string }[]; artifacts?: { reports?: Record<string, string>; paths?: string[] }; [key: string]: unknown };

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

  it('gives the token to one job only, which runs the target branch’s tool, not the merge request’s code', () => {
    const holders = jobs.filter(([, job]) => JSON.stringify(job).includes('GITLAB_TOKEN') || commands(job).some((command) => command.includes('gitlab-note')));
    expect(holders.map(([name]) => name)).toEqual(['sammanfattning']);
    const [, summary] = holders[0]!;
    const run = commands(summary);
    expect(run[0]).toBe('git worktree add --detach verktyg "$CI_MERGE_REQUEST_DIFF_BASE_SHA"');
    expect(run.filter((command) => /\bnpm (ci|install|run)\b/.test(command) && !command.startsWith('(cd verktyg'))).toEqual([]);
    expect(run.filter((command) => command.startsWith('node ')).every((command) => command.startsWith('node verktyg/'))).toBe(true);
  });

  it('publishes only from the default branch, and only where PUBLICERA says', () => {
    const publishing = jobs.filter(([, job]) => job.stage === 'publicering');
    expect(publishing.map(([name]) => name).sort()).toEqual(['pages', 'publicera-server']);
    for (const [name, job] of publishing) expect(job.rules?.[0]?.if, name).toMatch(/^\$CI_COMMIT_BRANCH == \$CI_DEFAULT_BRANCH && \$PUBLICERA == "/);
    expect(jobs.find(([name]) => name === 'pages')?.[1].artifacts?.paths).toEqual(['public/']);
  });
});

describe('npm run gitlab-note', () => {
  async function fakeGitlab() {
    const notes: { id: number; body: string; system: boolean }[] = [{ id: 1, body: 'added 1 commit', system: true }];
    const requests: string[] = [];
    const server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        requests.push(`${request.method} ${request.url}`);
        const send = (status: number, data: unknown) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(data));
        if (request.headers['private-token'] !== 'hemlig') return send(401, { message: '401 Unauthorized' });
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (!url.pathname.startsWith('/api/v4/projects/42/merge_requests/7/notes')) return send(404, { message: '404 Not Found' });
        const id = Number(url.pathname.split('/').pop());
        if (request.method === 'GET') return send(200, notes);
        const body = (JSON.parse(text) as { body: string }).body;
        if (request.method === 'POST') {
          notes.push({ id: notes.length + 1, body, system: false });
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
    return { notes, requests, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it('adds the summary as a note once, then updates that note in place', async () => {
    const gitlab = await fakeGitlab();
    try {
      const env = { CI_API_V4_URL: gitlab.url, CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '7', GITLAB_TOKEN: 'hemlig' };
      const summary = join(REPO, 'tests', 'fixtures', 'reminders', 'reminders.md');
      const first = await runMain(gitlabNote, [summary], { env });
      expect(first).toMatchObject({ status: 0, stdout: 'Kommentaren på sammanslagningsbegäran !7 är skapad.\n' });
      const second = await runMain(gitlabNote, [summary], { env });
      expect(second.stdout).toBe('Kommentaren på sammanslagningsbegäran !7 är uppdaterad.\n');
      expect(gitlab.notes.filter((note) => !note.system)).toHaveLength(1);
      expect(gitlab.notes[1]?.body).toBe(`${NOTE_MARKER}\n${readFileSync(summary, 'utf8')}`);
      expect(gitlab.requests.map((request) => request.split('?')[0])).toEqual([
        'GET /api/v4/projects/42/merge_requests/7/notes',
        'POST /api/v4/projects/42/merge_requests/7/notes',
        'GET /api/v4/projects/42/merge_requests/7/notes',
        'PUT /api/v4/projects/42/merge_requests/7/notes/2',
      ]);
    } finally {
      await gitlab.close();
    }
  });

  it('says in Swedish what is missing outside a merge-request pipeline, and what a refused token means', async () => {
    const missing = await runMain(gitlabNote, ['x.md'], { env: { CI_API_V4_URL: '', GITLAB_TOKEN: '' } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^Fel: CI_API_V4_URL, CI_PROJECT_ID och CI_MERGE_REQUEST_IID/);
    const gitlab = await fakeGitlab();
    try {
      const env = { CI_API_V4_URL: gitlab.url, CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '7', GITLAB_TOKEN: 'fel' };
      const refused = await runMain(gitlabNote, [join(REPO, 'README.md')], { env });
      expect(refused).toMatchObject({ status: 2, stderr: 'Fel: GitLab svarade 401: "401 Unauthorized". Kontrollera att GITLAB_TOKEN har behörigheten api.\n' });
    } finally {
      await gitlab.close();
    }
  });
});
