// npm run report: what the IT department must follow up, grouped from the
// validator's findings plus what only the model knows.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main as report } from '../../src/cli/report.ts';
import type { Report } from '../../src/core/views/report.ts';
import { runMain } from '../helpers/command.ts';
import { copyRegister, editFile, FIXTURES, removeTemp, TODAY } from '../helpers/registers.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

async function reportFor(change: (root: string) => void, format = 'json') {
  const { cwd, root } = copyRegister(join(FIXTURES, 'site'));
  temps.push(cwd);
  change(root);
  const result = await runMain(report, ['--today', TODAY, '--format', format], { cwd });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

async function sections(change: (root: string) => void): Promise<Record<string, string[]>> {
  const data = JSON.parse(await reportFor(change)) as Report;
  return Object.fromEntries(
    data.sections.map((section) => [section.key, section.lines.map((line) => [`${line.subject.id}:`, line.rule, line.text].filter(Boolean).join(' '))]),
  );
}

function edit(root: string, file: string, change: (text: string) => string): void {
  editFile(join(root, file), change);
}

describe('npm run report', () => {
  it('runs on a register with dates that do not exist, listing them to be fixed', async () => {
    const lines = await sections((root) => {
      edit(root, 'systems/budget.yaml', (text) => text.replace('reviewed: 2026-09-01', 'reviewed: 2026-13-45'));
      edit(root, 'systems/budget.yaml', (text) => text.replace('  end: 2028-12-31', '  end: 2027-02-30'));
    });
    expect(lines.ovrigt?.filter((line) => line.startsWith('budget:'))).toEqual([
      expect.stringMatching(/^budget: invalid-format "contract\.end" \(Avtalet löper ut\) ska vara ett datum som finns/),
      expect.stringMatching(/^budget: invalid-format "reviewed" \(Senast granskad\) ska vara ett datum som finns/),
    ]);
  });

  it('lists missing, unknown and vacant roles, even when the register does not validate', async () => {
    const lines = await sections((root) => {
      edit(root, 'systems/budget.yaml', (text) => text.replace('  manager: bo-berg\n', ''));
      edit(root, 'systems/socialtjanst.yaml', (text) => text.replace('  owner: orjan-ostlund', '  owner: okand-person'));
      edit(root, 'people/cecilia-ceder.yaml', (text) => text.replace('active: true', 'active: false'));
    });
    expect(lines.roller?.map((line) => line.split(' "')[0])).toEqual([
      'budget: missing-field Fältet',
      'lonesystem: no-administrator-in-post Ingen av systemadministratörerna har kvar sin tjänst. Systemförvaltaren ska utse minst en ny systemadministratör (riktlinjerna §4).',
      'socialtjanst: unknown-person',
      'socialtjanst: administrator-left',
    ]);
    // Budgetverktyg is not valid, so who else administers it is unknown; Arkivsystem is decommissioned.
    expect(lines.slutat).toEqual(['cecilia-ceder: systemadministratör för Lönesystem och systemadministratör för Ärendesystem socialtjänst.']);
  });

  it('lists overdue reviews and contracts ending soon, and skips decommissioned systems', async () => {
    const lines = await sections((root) => {
      edit(root, 'systems/budget.yaml', (text) =>
        text.replace('reviewed: 2026-09-01', 'reviewed: 2025-01-15').replace('  end: 2028-12-31', '  end: 2027-01-10'),
      );
    });
    // Arkivsystem is decommissioned and never reviewed: not listed.
    expect(lines.granskning).toEqual([
      'budget: review-overdue Uppgifterna granskades senast 15 januari 2025, för mer än 12 månader sedan. Systemägaren går igenom filen och sätter reviewed till dagens datum, till exempel med npm run attest -- budget.',
    ]);
    expect(lines.avtal).toEqual([
      'budget: contract-ending Avtalet löper ut om 43 dagar (10 januari 2027). Systemägaren beslutar om förlängning, ny upphandling eller avveckling.',
    ]);
  });

  it('ranks the people with the most roles', async () => {
    const lines = await sections(() => {});
    expect(lines['flest-roller']?.[0]).toBe('cecilia-ceder: 5 roller i 4 system.');
  });

  it('prints the same report as Swedish text and as Markdown', async () => {
    const change = (root: string) => edit(root, 'people/cecilia-ceder.yaml', (content) => content.replace('active: true', 'active: false'));
    const text = await reportFor(change, 'text');
    expect(text).toContain('Rapport för systemförteckningen 2026-11-28');
    expect(text).toContain('Personer som slutat men har kvar roller\n---');
    expect(text).toContain(
      '- Cecilia Ceder: systemadministratör för Budgetverktyg, systemadministratör för Lönesystem och systemadministratör för Ärendesystem socialtjänst.',
    );
    const markdown = await reportFor(change, 'markdown');
    expect(markdown).toContain('### Personer som slutat men har kvar roller');
    expect(markdown).toContain('- Cecilia Ceder: systemadministratör för Budgetverktyg');
  });
});
