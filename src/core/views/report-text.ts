// The report as Swedish text for the terminal, or Markdown for a job summary.
import { formatSwedishDate } from '../text/dates.ts';
import { roleTitle } from '../model/roles.ts';
import { markdownText, terminalText } from '../text/output.ts';
import type { Report } from './report.ts';

export function formatReport(report: Report, style: 'text' | 'markdown'): string {
  const lines: string[] = [];
  const heading = (title: string) => lines.push('', style === 'markdown' ? `### ${title}` : `${title}\n${'-'.repeat(title.length)}`);
  // Items quote register values: made inert for the terminal or the Markdown job summary.
  const safe = style === 'markdown' ? markdownText : terminalText;
  const item = (line: string) => lines.push(`- ${safe(line)}`);
  const none = (text: string) => lines.push(text);
  lines.push(
    style === 'markdown' ? `## Rapport för systemförteckningen ${report.today}` : `Rapport för systemförteckningen ${report.today}`,
  );

  heading('System med saknade eller vakanta roller');
  if (report.roleProblems.length === 0)
    none('Alla system i bruk har systemägare, systemförvaltare, systemadministratör, driftansvarig och användare.');
  for (const problem of report.roleProblems) {
    const role = roleTitle(problem.role);
    const what =
      problem.problem === 'saknas'
        ? `${role} saknas`
        : problem.problem === 'har slutat'
          ? `${role} ${problem.holder} har slutat`
          : `${role} "${problem.holder}" finns inte i registret`;
    item(`${problem.system.name}: ${what} (${problem.system.file})`);
  }

  heading(`Granskning försenad (mer än ${report.reviewIntervalMonths} månader sedan)`);
  if (report.overdueReviews.length === 0) none('Alla system i bruk är granskade i tid.');
  for (const review of report.overdueReviews) {
    item(
      `${review.system.name}: ${review.reviewed ? `senast granskad ${formatSwedishDate(review.reviewed)}` : 'aldrig granskad'} (${review.system.file})`,
    );
  }

  heading(`Avtal som löper ut inom ${report.contractWarningDays} dagar`);
  if (report.endingContracts.length === 0) none('Inga avtal löper ut snart.');
  for (const contract of report.endingContracts) {
    item(
      `${contract.system.name}: ${formatSwedishDate(contract.end)}, ${contract.daysLeft === 0 ? 'i dag' : `om ${contract.daysLeft} dagar`}`,
    );
  }

  heading('Personer som slutat men har kvar roller');
  if (report.leftWithRoles.length === 0) none('Ingen.');
  for (const left of report.leftWithRoles) {
    item(
      `${left.person.name}: ${left.roles.map(({ system, role }) => `${roleTitle(role).toLocaleLowerCase('sv')} för ${system.name}`).join(', ')}`,
    );
  }

  heading('Personer med flest roller');
  if (report.mostRoles.length === 0) none('Ingen har någon roll.');
  for (const entry of report.mostRoles) item(`${entry.person.name}: ${entry.count} roller i ${entry.systems} system`);
  return `${lines.join('\n')}\n`;
}
