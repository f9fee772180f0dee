// The validator: files in, located findings out, in the pipeline's order:
// read (reading/), check each file (check-files.ts), check the rules between
// files (rules/), locate. Pure.
import { addTo } from '../collections.ts';
import { valueAt } from '../data-path.ts';
import { parseRegister, type Overlay, type SourceFile } from '../reading/parse.ts';
import { mergeProtected } from '../reading/protected.ts';
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
  /** The protected registry's files (settings.protectedRegistry), when it is there to be read. */
  protectedSources?: readonly SourceFile[];
}

export interface Validation {
  findings: Finding[];
  parsed: CheckedRegister;
}

/**
 * Each file read and checked against its schema, the protected registry laid
 * over it: enough to resolve the model, without the rules between files.
 * O(total size of the files).
 */
export function checkSources(sources: readonly SourceFile[], protectedSources?: readonly SourceFile[]): CheckedRegister {
  const main = parseRegister(sources);
  return checkFiles(protectedSources ? mergeProtected(main, parseRegister(protectedSources)) : main);
}

/** O(total size of the files + references); positions only for files with findings. */
export function validateSources(sources: readonly SourceFile[], options: ValidateOptions): Validation {
  const parsed = checkSources(sources, options.protectedSources);
  const { protectedSources: _protected, ...rest } = options;
  const context = buildContext(parsed.entries, {
    ...rest,
    fileIds: parsed.fileIds,
    sourcePaths: new Set(sources.map((source) => source.relPath)),
  });
  const findings = [...parsed.findings, ...runRules(context)];
  locate(findings, parsed);
  findings.sort(compareFindings);
  return { findings, parsed };
}

/**
 * Gives findings that name a data path their line and column, parsing
 * positions once per file that has any. A finding about a field that came
 * from the protected registry is moved to that file first.
 */
function locate(findings: Finding[], parsed: CheckedRegister): void {
  const texts = new Map<string, { text: string; lineOffset: number }>();
  const overlaysByFile = new Map<string, readonly Overlay[]>();
  for (const entry of parsed.entries) {
    texts.set(entry.file, entry);
    for (const overlay of entry.overlays ?? []) texts.set(overlay.file, overlay);
    if (entry.overlays) overlaysByFile.set(entry.file, entry.overlays);
  }
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.line > 0) continue;
    const from =
      finding.path &&
      finding.path.length > 0 &&
      overlaysByFile.get(finding.file)?.find((overlay) => valueAt(overlay.data, finding.path ?? []) !== undefined);
    if (from) finding.file = from.file;
    addTo(byFile, finding.file, finding);
  }
  for (const [file, fileFindings] of byFile) {
    const source = texts.get(file);
    const positions = source
      ? locatePaths(
          source.text,
          fileFindings.map((finding) => ({ path: finding.path ?? [], target: finding.target ?? 'key' })),
        )
      : [];
    fileFindings.forEach((finding, index) => {
      const position = positions[index] ?? { line: 1, column: 1 };
      finding.line = position.line + (source?.lineOffset ?? 0);
      finding.column = position.column;
    });
  }
}
