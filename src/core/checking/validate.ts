// The validator: parsed register in, located findings out. Pure.
import { compareFindings, type Finding, type Issue } from './findings.ts';
import { parseRegister, type ParsedRegister, type SourceFile } from '../reading/parse.ts';
import { buildContext } from './rules/context.ts';
import { runRules } from './rules/index.ts';
import { locatePaths } from '../reading/locate.ts';

export interface ValidateOptions {
  /** ÅÅÅÅ-MM-DD; warnings about reviews and contracts are relative to it. */
  today: string;
  /** The register root as shown in messages, e.g. "registry". */
  root: string;
}

export interface Validation {
  findings: Finding[];
  parsed: ParsedRegister;
}

/** O(total size of the files + references); positions only for files with findings. */
export function validateSources(sources: readonly SourceFile[], options: ValidateOptions): Validation {
  const parsed = parseRegister(sources);
  const context = buildContext(parsed.entries, {
    ...options,
    fileIds: parsed.fileIds,
    sourcePaths: new Set(sources.map((source) => source.relPath)),
  });
  const issues = [...parsed.schemaIssues, ...runRules(context)];
  const findings: Finding[] = [
    ...parsed.sourceIssues.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })),
    ...locate(issues, parsed),
  ];
  findings.sort(compareFindings);
  return { findings, parsed };
}

/** Gives issues their line and column, parsing positions once per file that has any. */
function locate(issues: readonly Issue[], parsed: ParsedRegister): Finding[] {
  const byFile = new Map<string, Issue[]>();
  for (const issue of issues) {
    const list = byFile.get(issue.file);
    if (list) list.push(issue);
    else byFile.set(issue.file, [issue]);
  }
  const yamlByFile = new Map(parsed.entries.map((entry) => [entry.file, entry.text]));
  const findings: Finding[] = [];
  for (const [file, fileIssues] of byFile) {
    const text = yamlByFile.get(file);
    const offset = parsed.lineOffsets.get(file) ?? 0;
    const positions = text === undefined ? fileIssues.map(() => ({ line: 1, column: 1 })) : locatePaths(text, fileIssues);
    fileIssues.forEach(({ severity, rule, message }, index) => {
      const position = positions[index] ?? { line: 1, column: 1 };
      findings.push({ file, line: position.line + offset, column: position.column, severity, rule, message });
    });
  }
  return findings;
}
