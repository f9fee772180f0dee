// npm run report: what the IT department must follow up, one section each.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyRegister, editFile, FIXTURES, removeTemp, TODAY } from '../helpers/registers.ts';
import { runCli } from '../helpers/run.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

function reportFor(change: (root: string) => void, format = 'json') {
  const { cwd, root } = copyRegister(join(FIXTURES, 'site'));
  temps.push(cwd);
  change(root);
  const result = runCli('src/cli/report.ts', ['--today', TODAY, '--format', format], { cwd });
  expect(result.status).toBe(0);
  return format === 'json' ? JSON.parse(result.stdout) : result.stdout;
}

function edit(root: string, file: string, change: (text: string) => string): void {
  editFile(join(root, file), change);
}

describe('npm run report', () => {
  it('runs on a register with dates that do not exist, treating them as missing', () => {
    const report = reportFor((root) => {
      edit(root, 'systems/budget.yaml', (text) => text.replace('reviewed: 2026-09-01', 'reviewed: 2026-13-45'));
      edit(root, 'systems/budget.yaml', (text) => text.replace('  end: 2028-12-31', '  end: 2027-02-30'));
    });
    expect(report.overdueReviews.map((review: any) => review.system.id)).toContain('budget');
  });

  it('lists missing, unknown and vacant roles, even when the register does not validate', () => {
    const report = reportFor((root) => {
      edit(root, 'systems/budget.yaml', (text) => text.replace('  manager: bo-berg\n', ''));
      edit(root, 'systems/socialtjanst.yaml', (text) => text.replace('  owner: orjan-ostlund', '  owner: okand-person'));
      edit(root, 'people/cecilia-ceder.yaml', (text) => text.replace('active: true', 'active: false'));
    });
    expect(
      report.roleProblems.map((problem: any) => `${problem.system.id} ${problem.role} ${problem.problem} ${problem.holder ?? ''}`.trim()),
    ).toEqual([
      'budget manager saknas',
      'budget administrators har slutat Cecilia Ceder',
      'lonesystem administrators har slutat Cecilia Ceder',
      'socialtjanst owner okänd okand-person',
      'socialtjanst administrators har slutat Cecilia Ceder',
    ]);
    expect(report.leftWithRoles).toEqual([
      {
        person: { id: 'cecilia-ceder', name: 'Cecilia Ceder', file: 'registry/people/cecilia-ceder.yaml' },
        roles: [
          { system: { id: 'arkiv', name: 'Arkivsystem', file: 'registry/systems/arkiv.yaml' }, role: 'manager' },
          { system: { id: 'arkiv', name: 'Arkivsystem', file: 'registry/systems/arkiv.yaml' }, role: 'administrators' },
          { system: { id: 'budget', name: 'Budgetverktyg', file: 'registry/systems/budget.yaml' }, role: 'administrators' },
          { system: { id: 'lonesystem', name: 'Lönesystem', file: 'registry/systems/lonesystem.yaml' }, role: 'administrators' },
          {
            system: { id: 'socialtjanst', name: 'Ärendesystem socialtjänst', file: 'registry/systems/socialtjanst.yaml' },
            role: 'administrators',
          },
        ],
      },
    ]);
  });

  it('lists overdue reviews and contracts ending soon, and skips decommissioned systems', () => {
    const report = reportFor((root) => {
      edit(root, 'systems/budget.yaml', (text) =>
        text.replace('reviewed: 2026-09-01', 'reviewed: 2025-01-15').replace('  end: 2028-12-31', '  end: 2027-01-10'),
      );
    });
    // Arkivsystem is decommissioned and never reviewed: not listed.
    expect(report.overdueReviews.map((review: any) => [review.system.id, review.reviewed, review.due])).toEqual([
      ['budget', '2025-01-15', '2026-01-15'],
    ]);
    expect(report.endingContracts).toEqual([
      { system: { id: 'budget', name: 'Budgetverktyg', file: 'registry/systems/budget.yaml' }, end: '2027-01-10', daysLeft: 43 },
    ]);
  });

  it('ranks the people with the most roles', () => {
    const report = reportFor(() => {});
    expect(report.mostRoles[0]).toEqual({
      person: { id: 'cecilia-ceder', name: 'Cecilia Ceder', file: 'registry/people/cecilia-ceder.yaml' },
      count: 5,
      systems: 4,
    });
  });

  it('prints the same report as Swedish text', () => {
    const text = reportFor(
      (root) => edit(root, 'people/cecilia-ceder.yaml', (content) => content.replace('active: true', 'active: false')),
      'text',
    );
    expect(text).toContain('Rapport för systemförteckningen 2026-11-28');
    expect(text).toContain('- Budgetverktyg: Systemadministratör Cecilia Ceder har slutat (registry/systems/budget.yaml)');
    expect(text).toContain('Personer som slutat men har kvar roller');
    expect(text).toContain(
      '- Cecilia Ceder: systemförvaltare för Arkivsystem, systemadministratör för Arkivsystem, systemadministratör för Budgetverktyg',
    );
  });
});
