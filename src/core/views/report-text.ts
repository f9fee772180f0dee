// The report as text for the terminal, or Markdown for a job summary. Every
// sentence comes from the report itself (views/report.ts); this only lays it out.
import { markdownText, terminalText } from '../text/output.ts';
import type { Report } from './report.ts';

export function formatReport(report: Report, style: 'text' | 'markdown'): string {
  // Lines quote register values: made inert for the terminal or the Markdown job summary.
  const safe = style === 'markdown' ? markdownText : terminalText;
  const title = `Rapport för systemförteckningen ${report.today}`;
  const out: string[] = [style === 'markdown' ? `## ${title}` : title, '', safe(report.summary), safe(report.coverage.text)];
  for (const unit of report.coverage.units) out.push(`- ${safe(`${unit.name}: ${unit.complete} av ${unit.total}`)}`);
  const { continuity } = report;
  if (continuity.facts.length > 0) {
    out.push('', safe(continuity.text));
    for (const unit of continuity.units)
      out.push(
        `- ${safe(`${unit.name}: ${unit.critical} ${unit.critical === 1 ? 'kritiskt' : 'kritiska'}, ${continuity.facts.map((fact) => `${unit.has[fact.key] ?? 0} ${fact.label}`).join(', ')}`)}`,
      );
  }
  for (const section of report.sections) {
    out.push('', style === 'markdown' ? `### ${section.title}` : `${section.title}\n${'-'.repeat(section.title.length)}`);
    if (section.lines.length === 0) out.push(section.none);
    for (const line of section.lines) {
      const where = line.subject.file && line.rule ? ` (${line.subject.file})` : '';
      out.push(`- ${safe(`${line.subject.name}: ${line.text}${where}`)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
