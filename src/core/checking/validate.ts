// The validator: files in, located findings out, in the pipeline's order:
// read (reading/), check each file (check-files.ts), check the rules between
// files (rules/), locate. Pure.
import { addTo } from '../collections.ts';
import { parseRegister, type SourceFile } from '../reading/parse.ts';
import { locatePaths } from '../reading/locate.ts';
import { compareFindings, type Finding } from '../findings/findings.ts';
import { checkFiles, type CheckedRegister } from './check-files.ts';
import { buildContext } from './rules/context.ts';
import { runRules } from './rules/index.ts';

export interface ValidateOptions {
  /** ÅÅÅÅ-MM-DD; warnings about reviews and contracts are relative to it. */
  today: string;
  /** The register root as shown in messages, e.g. "registry". */
  root: string;
}

export interface Validation {
  findings: Finding[];
  parsed: CheckedRegister;
}

/** O(total size of the files + references); positions only for files with findings. */
export function validateSources(sources: readonly SourceFile[], options: ValidateOptions): Validation {
  const parsed = checkFiles(parseRegister(sources));
  const context = buildContext(parsed.entries, {
    ...options,
    fileIds: parsed.fileIds,
    sourcePaths: new Set(sources.map((source) => source.relPath)),
  });
  const findings = [...parsed.findings, ...runRules(context)];
  locate(findings, parsed);
  findings.sort(compareFindings);
  return { findings, parsed };
}

/** Gives findings that name a data path their line and column, parsing positions once per file that has any. */
function locate(findings: Finding[], parsed: CheckedRegister): void {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.line > 0) continue;
    addTo(byFile, finding.file, finding);
  }
  const entryByFile = new Map(parsed.entries.map((entry) => [entry.file, entry]));
  for (const [file, fileFindings] of byFile) {
    const entry = entryByFile.get(file);
    const positions = entry
      ? locatePaths(
          entry.text,
          fileFindings.map((finding) => ({ path: finding.path ?? [], target: finding.target ?? 'key' })),
        )
      : [];
    fileFindings.forEach((finding, index) => {
      const position = positions[index] ?? { line: 1, column: 1 };
      finding.line = position.line + (entry?.lineOffset ?? 0);
      finding.column = position.column;
    });
  }
}
