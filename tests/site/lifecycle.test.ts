// What a system's status means is decided once (src/core/domain/lifecycle.ts).
// This walks every status through the validator, the report and the built
// site, and proves that they agree with the lifecycle and with each other.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as report } from '../../src/cli/report.ts';
import { main as validate } from '../../src/cli/validate.ts';
import { countsForCouncils, needsNamedPeople, needsReview, SYSTEM_STATUSES, type SystemStatus } from '../../src/core/domain/lifecycle.ts';
import { systemManagementCouncil } from '../../site/src/lib/councils.ts';
import type { Report } from '../../src/core/views/report.ts';
import { openRegister } from '../../src/core/model/open-register.ts';
import { runMain } from '../helpers/command.ts';
import { page, visibleText } from '../helpers/html.ts';
import { copyRegister, editFile, removeTemp, TODAY } from '../helpers/registers.ts';
import { runCli } from '../helpers/run.ts';
import { addDays, todayIso } from '../../src/core/text/dates.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

/** Lönesystem with the given status, its review overdue and its contract ending in 30 days. */
function registerWith(status: SystemStatus): { cwd: string; root: string } {
  const { cwd, root } = copyRegister();
  temps.push(cwd);
  editFile(join(root, 'systems', 'lonesystem.yaml'), (text) =>
    text
      .replace('status: i drift', `status: ${status}`)
      .replace('reviewed: 2026-06-01', 'reviewed: 2024-01-15\ncontract:\n  end: 2026-12-28'),
  );
  return { cwd, root };
}

describe.each(SYSTEM_STATUSES)('a system that is %s', (status) => {
  it('is checked by the validator and listed by the report exactly as its lifecycle says', async () => {
    const { cwd, root } = registerWith(status);
    editFile(join(root, 'people', 'anna-andersson.yaml'), (text) => text.replace('active: true', 'active: false'));
    const findings = JSON.parse((await runMain(validate, ['--format', 'json', '--today', TODAY], { cwd })).stdout) as { rule: string }[];
    const rules = new Set(findings.map((finding) => finding.rule));
    const data = JSON.parse((await runMain(report, ['--format', 'json', '--today', TODAY], { cwd })).stdout) as Report;
    const listed = (key: string) =>
      data.sections
        .find((section) => section.key === key)
        ?.lines.some((line) => line.subject.id === 'lonesystem' || line.subject.id === 'anna-andersson') ?? false;

    expect({
      roleHolderLeft: rules.has('role-holder-left'),
      reportRoles: listed('roller'),
      reportPeopleWhoLeft: listed('slutat'),
      reviewOverdue: rules.has('review-overdue'),
      reportReviews: listed('granskning'),
      contractEnding: rules.has('contract-ending'),
      reportContracts: listed('avtal'),
    }).toEqual({
      roleHolderLeft: needsNamedPeople(status),
      reportRoles: needsNamedPeople(status),
      reportPeopleWhoLeft: needsNamedPeople(status),
      reviewOverdue: needsReview(status),
      reportReviews: needsReview(status),
      contractEnding: needsReview(status),
      reportContracts: needsReview(status),
    });
  });

  it('puts its manager on the council for system management exactly as its lifecycle says', () => {
    const { cwd, root } = registerWith(status);
    const { model } = openRegister(root, { today: TODAY, cwd });
    const council = systemManagementCouncil(model);
    const manager = council.members.find((member) => member.person.id === 'bo-berg');
    expect(manager?.manages.map((system) => system.id) ?? []).toEqual(countsForCouncils(status) ? ['lonesystem'] : []);
  });
});

describe('the built site', () => {
  let out: string;
  let cwd: string;
  let root: string;
  /** One system per status, each with its own manager, an overdue review and a contract ending soon. */
  beforeAll(() => {
    ({ cwd, root } = copyRegister());
    temps.push(cwd);
    const template = readFileSync(join(root, 'systems', 'lonesystem.yaml'), 'utf8');
    SYSTEM_STATUSES.forEach((status, index) => {
      const id = `system-${index + 1}`;
      writeFileSync(
        join(root, 'systems', `${id}.yaml`),
        template
          .replace('id: lonesystem', `id: ${id}`)
          .replace('name: Lönesystem', `name: System ${index + 1}`)
          .replace('status: i drift', `status: ${status}`)
          .replace('manager: bo-berg', `manager: forvaltare-${index + 1}`)
          // The build counts from the real today, so the contract ends 30 days from it.
          .replace('reviewed: 2026-06-01', `reviewed: 2024-01-15\ncontract:\n  end: ${addDays(todayIso(), 30)}`),
      );
      writeFileSync(
        join(root, 'people', `forvaltare-${index + 1}.yaml`),
        `id: forvaltare-${index + 1}\nname: Förvaltare ${index + 1}\ntitle: Systemförvaltare\nunit: testkommun\nemail: f${index + 1}@testkommun.se\nactive: true\n`,
      );
    });
    out = join(cwd, 'webbplats');
    const result = runCli('src/cli/build.ts', ['--registry', root, '--out', out, '--no-cache'], { cwd });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('shows on the report page and the council page exactly what the validator and the lifecycle say', async () => {
    const findings = JSON.parse((await runMain(validate, ['--format', 'json'], { cwd })).stdout) as { file: string; rule: string }[];
    const flagged = (rule: string) =>
      SYSTEM_STATUSES.filter((_, index) =>
        findings.some((finding) => finding.rule === rule && finding.file.endsWith(`system-${index + 1}.yaml`)),
      );
    const reportPage = visibleText(page(out, 'rapport/'));
    const section = (title: RegExp) => reportPage.slice(reportPage.search(title), reportPage.search(title) + 4000);
    const onPage = (text: string) => SYSTEM_STATUSES.filter((_, index) => new RegExp(`System ${index + 1}:`).test(text));
    const councilPage = visibleText(page(out, 'rad/'));

    expect(flagged('review-overdue')).toEqual(SYSTEM_STATUSES.filter(needsReview));
    expect(onPage(section(/Granskning försenad/).split(/Avtal som löper ut/)[0] as string)).toEqual(SYSTEM_STATUSES.filter(needsReview));
    expect(flagged('contract-ending')).toEqual(SYSTEM_STATUSES.filter(needsReview));
    expect(onPage(section(/Avtal som löper ut/).split(/Övrigt att rätta/)[0] as string)).toEqual(SYSTEM_STATUSES.filter(needsReview));
    expect(SYSTEM_STATUSES.filter((_, index) => councilPage.includes(`Förvaltare ${index + 1}`))).toEqual(
      SYSTEM_STATUSES.filter(countsForCouncils),
    );
  });
});
