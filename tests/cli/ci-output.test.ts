// What a pull request's author sees from the checks, on both forges: GitHub
// annotations (Swedish titles, their own change first, within GitHub's limit
// of 10 errors and 10 warnings per step) with a job summary for the rest, and
// a GitLab Code Quality report with the fields GitLab documents.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { main as validate } from '../../src/cli/validate.ts';
import { runMain } from '../helpers/command.ts';
import { git, repositoryWith } from '../helpers/git.ts';
import { editFile, removeTemp } from '../helpers/registers.ts';
import { REPO } from '../helpers/run.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

/** The example register on main, then a branch where one system names a person who does not exist. */
function pullRequest() {
  const repository = repositoryWith(join(REPO, 'registry'));
  temps.push(repository.cwd);
  git(repository.cwd, 'checkout', '-q', '-b', 'andring');
  editFile(join(repository.root, 'systems', 'lonesystem.yaml'), (text) => text.replace('owner: bo-berg', 'owner: bo-bergh'));
  git(repository.cwd, 'commit', '-qam', 'Ny systemägare');
  return repository;
}

// Far enough ahead that every system's review is overdue: dozens of warnings outside the change.
const LATER = '2031-01-01';

const annotations = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::'));

describe('npm run validate -- --format github', () => {
  it('titles each annotation with the check in Swedish, not the rule id', async () => {
    const { cwd } = pullRequest();
    const result = await runMain(validate, ['--format', 'github', '--today', '2026-11-28'], { cwd });
    expect(result.status).toBe(1);
    expect(annotations(result.stdout)).toContainEqual(
      expect.stringMatching(/^::error file=registry\/systems\/lonesystem\.yaml,line=\d+,col=\d+,title=Okänd person::"roles\.owner" \(Systemägare\) pekar på "bo-bergh"/),
    );
  });

  it('puts the change’s own error first, annotates nothing outside it, and keeps within 10 + 10', async () => {
    const { cwd } = pullRequest();
    const summary = join(cwd, 'sammanfattning.md');
    writeFileSync(summary, '');
    const result = await runMain(validate, ['--format', 'github', '--today', LATER, '--changed-from', 'main', '--summary', summary], { cwd });
    expect(result.status).toBe(1);
    const lines = annotations(result.stdout);
    expect(lines[0]).toMatch(/^::error file=registry\/systems\/lonesystem\.yaml,.*title=Okänd person::/);
    expect(lines.every((line) => line.includes('file=registry/systems/lonesystem.yaml,'))).toBe(true);
    expect(lines.filter((line) => line.startsWith('::error')).length).toBeLessThanOrEqual(10);
    expect(lines.filter((line) => line.startsWith('::warning')).length).toBeLessThanOrEqual(10);
    expect(result.stdout).toMatch(/fynd till visas inte som anteckningar på raderna; de finns i jobbsammanfattningen/);

    // The summary escapes Markdown punctuation with backslashes; read it as GitHub shows it.
    const text = readFileSync(summary, 'utf8').replace(/\\(?=[()[\]])/g, '');
    const [own, rest] = text.split('### I resten av registret');
    expect(own).toContain('### I filerna som ändringen rör');
    expect(own).toMatch(/\| registry\/systems\/lonesystem\.yaml \| \d+ \| Fel \| Okänd person \| "roles\.owner" \(Systemägare\) pekar på "bo-bergh"/);
    expect(rest).toMatch(/\| registry\/systems\/skoladministration\.yaml \| \d+ \| Varning \| Granskning försenad \|/);
    expect(rest).not.toContain('lonesystem.yaml');
  });

  it('without a change to compare with, still annotates the error among dozens of warnings, and stops at 10 warnings', async () => {
    const { cwd } = pullRequest();
    const result = await runMain(validate, ['--format', 'github', '--today', LATER], { cwd });
    const lines = annotations(result.stdout);
    expect(lines.filter((line) => line.startsWith('::error'))).toEqual([expect.stringContaining('title=Okänd person::')]);
    expect(lines.filter((line) => line.startsWith('::warning'))).toHaveLength(10);
    expect(result.stdout).toMatch(/\d+ fynd till visas inte som anteckningar på raderna; de finns i utskriften av npm run validate\./);
  });

  it('refuses a branch that does not exist, in Swedish', async () => {
    const { cwd } = pullRequest();
    const result = await runMain(validate, ['--changed-from', 'origin/finns-inte'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Fel: Hittar inte "origin\/finns-inte" i Git/);
  });

  it('keeps register text inert in the summary: no mention, no link, no HTML', async () => {
    const { cwd, root } = pullRequest();
    editFile(join(root, 'systems', 'lonesystem.yaml'), (text) => text.replace('owner: bo-bergh', 'owner: "@exempelkommun/alla [x](https://evil.example) <img src=x>"'));
    const summary = join(cwd, 'sammanfattning.md');
    await runMain(validate, ['--format', 'github', '--changed-from', 'main', '--summary', summary], { cwd });
    const text = readFileSync(summary, 'utf8');
    expect(text).not.toMatch(/@exempelkommun|\]\(https|<img/);
    expect(text).toContain('&#64;exempelkommun');
  });
});

// The fields GitLab documents for a Code Quality report (docs.gitlab.com/ci/testing/code_quality/).
const CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', pattern: '^[^/]' },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};

describe('npm run validate -- --format gitlab', () => {
  it('writes a Code Quality report GitLab can read: documented fields, repository paths, unique fingerprints', async () => {
    const { cwd } = pullRequest();
    const result = await runMain(validate, ['--format', 'gitlab', '--today', LATER, '--registry', '.'], { cwd: join(cwd, 'registry') });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { fingerprint: string; severity: string; description: string; location: { path: string; lines: { begin: number } } }[];
    const check = new Ajv2020({ strict: false }).compile(CODE_QUALITY_SCHEMA);
    expect(check(report), JSON.stringify(check.errors)).toBe(true);
    expect(new Set(report.map((issue) => issue.fingerprint)).size).toBe(report.length);
    // Run from inside registry/, the path is still the repository's.
    expect(report).toContainEqual(
      expect.objectContaining({
        severity: 'major',
        description: expect.stringMatching(/^Okänd person: "roles\.owner" \(Systemägare\) pekar på "bo-bergh"/),
        location: { path: 'registry/systems/lonesystem.yaml', lines: { begin: expect.any(Number) } },
      }),
    );
    expect(report.filter((issue) => issue.severity === 'minor').length).toBeGreaterThan(20);
  });

  it('gives a finding the same fingerprint when lines above it move', async () => {
    const { cwd, root } = pullRequest();
    const before = JSON.parse((await runMain(validate, ['--format', 'gitlab'], { cwd })).stdout) as { fingerprint: string; check_name: string }[];
    editFile(join(root, 'systems', 'lonesystem.yaml'), (text) => `# En kommentar överst\n\n${text}`);
    const after = JSON.parse((await runMain(validate, ['--format', 'gitlab'], { cwd })).stdout) as { fingerprint: string; check_name: string }[];
    const own = (report: typeof before) => report.find((issue) => issue.check_name === 'unknown-person')?.fingerprint;
    expect(own(after)).toBe(own(before));
  });
});
