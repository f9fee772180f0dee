// The one record every check produces, and its three printed forms.
import { terminalText } from '../text/output.ts';
import type { DataPath } from '../reading/yaml.ts';

export type Severity = 'error' | 'warning';

/** What the validator reports: exactly these keys, in this order. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
}

/**
 * A finding before it has a position: checks name the data path, and the
 * positions are looked up afterwards, only for the files that have findings.
 */
export interface Issue {
  file: string;
  path: DataPath;
  /** Point at the key (`owner:`) or at its value. */
  target: 'key' | 'value';
  severity: Severity;
  rule: string;
  message: string;
}

const SEVERITY_WORD: Record<Severity, string> = { error: 'fel', warning: 'varning' };

export function formatText(finding: Finding): string {
  return terminalText(
    `${finding.file}:${finding.line}:${finding.column}: ${SEVERITY_WORD[finding.severity]}: ${finding.message} (${finding.rule})`,
  );
}

export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify(
    findings.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })),
    null,
    2,
  );
}

/** GitHub Actions workflow commands; they show as annotations on the pull request. */
export function formatGithub(finding: Finding): string {
  const command = finding.severity === 'error' ? 'error' : 'warning';
  const properties = `file=${escapeProperty(finding.file)},line=${finding.line},col=${finding.column},title=${escapeProperty(finding.rule)}`;
  return `::${command} ${properties}::${escapeData(terminalText(finding.message))}`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function summarize(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const finding of findings) if (finding.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}
