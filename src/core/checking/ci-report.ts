// Findings as the two forges show them to a non-developer: GitHub annotations
// on the lines of a pull request (with a job summary for the rest) and a
// GitLab Code Quality report for the merge request widget. The findings in
// the files a change touches come first; those were the author's doing.
import { createHash } from 'node:crypto';
import { markdownText, terminalText } from '../text/output.ts';
import type { Finding } from '../findings/findings.ts';
import { ruleInfo, type Severity } from '../findings/rule-catalogue.ts';

/**
 * GitHub shows at most 10 error and 10 warning annotations per step; more are
 * dropped without a word. Keep within it, so that a change's own errors are
 * never pushed out by old warnings elsewhere.
 */
export const ANNOTATIONS_PER_SEVERITY = 10;

/** How many findings the job summary lists before it counts the rest. */
const SUMMARY_ROWS = 200;

export interface ChangeScope {
  /** Is this finding's file part of the change? Undefined: the whole register is the change (a push, a local run). */
  isChanged?: (file: string) => boolean;
}

/** Findings in changed files first, in their usual order otherwise. O(n log n). */
export function orderForChange(findings: readonly Finding[], scope: ChangeScope): Finding[] {
  const { isChanged } = scope;
  if (!isChanged) return [...findings];
  const changed = findings.filter((finding) => isChanged(finding.file));
  return [...changed, ...findings.filter((finding) => !isChanged(finding.file))];
}

export interface AnnotationPlan {
  /** Shown on the lines of the change. */
  annotated: Finding[];
  /** Only in the job summary: outside the change, or beyond the annotation limit. */
  summaryOnly: Finding[];
}

export function planAnnotations(findings: readonly Finding[], scope: ChangeScope): AnnotationPlan {
  const annotated: Finding[] = [];
  const summaryOnly: Finding[] = [];
  const used: Record<Severity, number> = { error: 0, warning: 0 };
  for (const finding of orderForChange(findings, scope)) {
    const inChange = scope.isChanged?.(finding.file) ?? true;
    if (inChange && used[finding.severity] < ANNOTATIONS_PER_SEVERITY) {
      used[finding.severity]++;
      annotated.push(finding);
    } else summaryOnly.push(finding);
  }
  return { annotated, summaryOnly };
}

/** A GitHub workflow command; the title is the rule's Swedish name ("Okänd person"). */
export function githubAnnotation(finding: Finding): string {
  const command = finding.severity === 'error' ? 'error' : 'warning';
  const title = ruleInfo(finding.rule).title;
  const properties = `file=${escapeProperty(finding.file)},line=${finding.line},col=${finding.column},title=${escapeProperty(title)}`;
  return `::${command} ${properties}::${escapeData(terminalText(finding.message))}`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Fel', warning: 'Varning' };

/** The job summary: a count, then a table of the change's findings and one of the rest. Inert Markdown. */
export function stepSummary(findings: readonly Finding[], scope: ChangeScope, headline: string): string {
  const lines = [`## Validering av registret`, '', markdownText(headline), ''];
  const { isChanged } = scope;
  const groups = isChanged
    ? [
        { title: 'I filerna som ändringen rör', items: findings.filter((finding) => isChanged(finding.file)) },
        { title: 'I resten av registret (fanns redan före ändringen)', items: findings.filter((finding) => !isChanged(finding.file)) },
      ]
    : [{ title: 'Fynd', items: [...findings] }];
  for (const group of groups) {
    lines.push(`### ${group.title}`, '');
    if (group.items.length === 0) {
      lines.push('Inga fel eller varningar.', '');
      continue;
    }
    lines.push('| Fil | Rad | Allvar | Kontroll | Vad som ska göras |', '| --- | ---: | --- | --- | --- |');
    for (const finding of group.items.slice(0, SUMMARY_ROWS)) {
      lines.push(
        `| ${markdownText(finding.file)} | ${finding.line} | ${SEVERITY_LABEL[finding.severity]} | ${markdownText(ruleInfo(finding.rule).title)} | ${markdownText(finding.message)} |`,
      );
    }
    if (group.items.length > SUMMARY_ROWS) lines.push('', `… och ${group.items.length - SUMMARY_ROWS} till. Kör npm run validate för hela listan.`);
    lines.push('');
  }
  return lines.join('\n');
}

const CODE_QUALITY_SEVERITY: Record<Severity, 'major' | 'minor'> = { error: 'major', warning: 'minor' };

/**
 * GitLab Code Quality (a subset of the Code Climate spec): description,
 * check_name, fingerprint, severity, location.path and location.lines.begin.
 * The fingerprint leaves out the line so that a finding keeps its identity
 * when lines above it move; repeats in one file are told apart by their order.
 */
export function codeQualityReport(findings: readonly Finding[], pathOf: (file: string) => string = (file) => file): string {
  const seen = new Map<string, number>();
  const issues = findings.map((finding) => {
    const path = pathOf(finding.file);
    const identity = `${path}\0${finding.rule}\0${finding.message}`;
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return {
      description: `${ruleInfo(finding.rule).title}: ${terminalText(finding.message)}`,
      check_name: finding.rule,
      fingerprint: createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex').slice(0, 32),
      severity: CODE_QUALITY_SEVERITY[finding.severity],
      location: { path, lines: { begin: Math.max(1, finding.line) } },
    };
  });
  return JSON.stringify(issues, null, 2);
}
