// The checks of each file on its own, after reading: hidden characters, the
// JSON Schema, and a guideline's Markdown (rendered here once, within the
// limits of text/markdown.ts, so that the site shows exactly what was
// checked). An entry that passes is schema-valid: the model resolves only such.
import { findingAt, type Finding } from '../findings/findings.ts';
import type { Entry, ParsedRegister } from '../reading/parse.ts';
import { renderGuidelineMarkdown } from '../text/markdown.ts';
import { hiddenCharacterFindings } from './hidden-characters.ts';
import { checkAgainstSchema } from './schema-check.ts';

export interface CheckedEntry extends Entry {
  /** The data passed its schema, and a guideline's body could be rendered. */
  schemaValid: boolean;
  /** A guideline's body as HTML. */
  html?: string;
}

export interface CheckedRegister extends Omit<ParsedRegister, 'entries'> {
  entries: CheckedEntry[];
  /** What reading and the checks of each file found. */
  findings: Finding[];
}

type Checkable = Pick<Entry, 'kind' | 'file' | 'fileId' | 'body' | 'bodyLineOffset'> & { data: unknown; text?: string };

/** O(total size of the data). */
export function checkFiles(parsed: ParsedRegister): CheckedRegister {
  const findings = [...parsed.findings];
  const check = (item: Checkable) => {
    let html: string | undefined;
    if (item.body !== undefined) {
      const rendered = renderGuidelineMarkdown(item.body);
      if (rendered.ok) html = rendered.html;
      else
        findings.push(findingAt(item.file, { ...rendered.problem, line: rendered.problem.line + (item.bodyLineOffset ?? 0), column: 1 }));
    }
    const entry = { kind: item.kind, id: item.fileId };
    const fileFindings = [
      ...hiddenCharacterFindings(item.kind, item.file, item.data, item.text),
      ...checkAgainstSchema(item.kind, item.file, item.data),
    ].map((finding) => ({ ...finding, entry }));
    findings.push(...fileFindings);
    return { html, valid: fileFindings.length === 0 && (item.body === undefined || html !== undefined) };
  };
  for (const item of parsed.unusable) check(item);
  const entries = parsed.entries.map((entry): CheckedEntry => {
    const { html, valid } = check(entry);
    return { ...entry, schemaValid: valid, ...(html === undefined ? {} : { html }) };
  });
  return { ...parsed, entries, findings };
}
