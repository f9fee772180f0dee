// The one record every check produces (publiccode-parser has one too), and
// its printed forms. A check that knows the data path, not the line, leaves
// line and column at 0 with a path and target; the validator then looks the
// positions up, only for files that have findings (reading/locate.ts).
import type { Kind } from '../kinds.ts';
import { terminalText } from '../text/output.ts';
import type { DataPath } from '../data-path.ts';
import { ruleInfo, type RuleId, type Severity } from './rule-catalogue.ts';

export type { RuleId, Severity } from './rule-catalogue.ts';

export interface Finding {
  file: string;
  /** From 1; 0 until located. */
  line: number;
  column: number;
  severity: Severity;
  rule: RuleId;
  message: string;
  /** Where in the file's data, for a finding about a field. */
  path?: DataPath;
  /** Point at the key (`owner:`) or at its value. */
  target?: 'key' | 'value';
  /** The entry the finding is about, for grouping by system or person. */
  entry?: { kind: Kind; id: string };
  /** Other entries the finding is about: the person who left, the id that is unknown. */
  refs?: string[];
  /**
   * The field the message speaks of, when it is not where the finding points
   * (a missing fallback shown at the criticality that asks for it): its
   * audience is the finding's (model/visible.ts).
   */
  about?: DataPath;
}

/** The position and words of a problem found before the file's name is attached. */
export type Problem = Pick<Finding, 'line' | 'column' | 'rule' | 'message'>;

/** A finding at a known line and column. */
export function findingAt(file: string, problem: Problem, extra: Pick<Finding, 'entry'> = {}): Finding {
  return { file, ...problem, severity: ruleInfo(problem.rule).severity, ...extra };
}

export interface FindingOptions {
  file: string;
  entry?: Finding['entry'];
  path: DataPath;
  rule: RuleId;
  message: string;
  /** Point at the key (`owner:`) rather than its value (the default). */
  target?: 'key' | 'value';
  /** Other entries the finding is about, such as the person who left. */
  refs?: string[];
  /** For a rule whose severity the settings choose (missingContinuityFacts); else the catalogue's. */
  severity?: Severity;
  /** The field the message speaks of, when not `path`. */
  about?: DataPath;
}

/** A finding about a field of an entry, located later. Severity comes from the rule catalogue unless the settings chose it. */
export function findingOn(options: FindingOptions): Finding {
  const { file, entry, path, rule, message, target = 'value', refs, severity, about } = options;
  return {
    file,
    line: 0,
    column: 0,
    severity: severity ?? ruleInfo(rule).severity,
    rule,
    message,
    path,
    target,
    ...(entry ? { entry } : {}),
    ...(refs ? { refs } : {}),
    ...(about ? { about } : {}),
  };
}

const SEVERITY_WORD: Record<Severity, string> = { error: 'fel', warning: 'varning' };

export function formatText(finding: Finding): string {
  return terminalText(
    `${finding.file}:${finding.line}:${finding.column}: ${SEVERITY_WORD[finding.severity]}: ${finding.message} (${finding.rule})`,
  );
}

/** The documented JSON form: exactly these keys, in this order. */
export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify(
    findings.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })),
    null,
    2,
  );
}

export function summarize(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const finding of findings) if (finding.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}
