// From files to parsed entries: which files belong to the register, their
// text and their data, and what made a file unreadable. Only reading: the
// checks of the data (schema, hidden characters, Markdown) are the
// validator's (checking/check-files.ts). Pure: the bytes come in from
// load.ts, nothing here touches the disk.
import { addToSet } from '../collections.ts';
import { findingAt, type Finding, type Problem } from '../findings/findings.ts';
import type { Kind } from '../kinds.ts';
import { decodeSource } from './decode.ts';
import { splitFrontMatter } from './front-matter.ts';
import { placeFile } from './placement.ts';
import { parseYaml } from './yaml.ts';

export interface SourceFile {
  /** Path as shown to the user (relative to the working directory). */
  file: string;
  /** Path relative to the register root, always with forward slashes. */
  relPath: string;
  bytes: Uint8Array;
  /** Size on disk; a file over the limit is not read, so bytes may be empty. */
  size: number;
  /** A file that is found but not read: a symbolic link, or no permission to read it. */
  unusable?: { rule: 'symlink' | 'file-unreadable'; message: string };
}

/** A file of the protected registry laid over an entry (reading/protected.ts). */
export interface Overlay {
  file: string;
  relPath: string;
  text: string;
  lineOffset: number;
  data: Record<string, unknown>;
}

export interface Entry {
  kind: Kind;
  file: string;
  relPath: string;
  /** The id the file name gives; the data's own id should equal it. */
  fileId: string;
  /** The YAML text (a guideline's front matter), for locating findings. */
  text: string;
  /** Lines before `text` in the file: the front matter starts on line 2. */
  lineOffset: number;
  data: Record<string, unknown>;
  /** Markdown body of a guideline, after its front matter. */
  body?: string;
  /** Lines before the body in the file, for locating a finding in it. */
  bodyLineOffset?: number;
  /** The protected registry's files whose fields are laid over this entry's data. */
  overlays?: Overlay[];
}

export interface ParsedRegister {
  entries: Entry[];
  /**
   * Ids that files claim by their names, readable or not: a reference to a
   * file that is broken for another reason is not also reported as unknown.
   */
  fileIds: Map<Kind, Set<string>>;
  /** What reading found: files that are misplaced, unreadable, not UTF-8 or not YAML. */
  findings: Finding[];
  /** Files that are YAML but hold no mapping (a list, a number, nothing): their data, for the schema check to describe. */
  unusable: (Pick<Entry, 'kind' | 'file' | 'fileId' | 'body' | 'bodyLineOffset'> & { data: unknown })[];
}

/** Parses every source. O(total size of the files). */
export function parseRegister(sources: readonly SourceFile[]): ParsedRegister {
  const parsed: ParsedRegister = { entries: [], fileIds: new Map(), findings: [], unusable: [] };
  const report = (file: string, problem: Problem) => parsed.findings.push(findingAt(file, problem));
  for (const source of sources) {
    const placement = placeFile(source.relPath);
    if (source.unusable) {
      // Reported where it is, whatever its name; its id still counts, so references to it do not also fail.
      if ('kind' in placement) addFileId(parsed, placement.kind, placement.fileId);
      if (!('ignore' in placement)) report(source.file, { line: 1, column: 1, ...source.unusable });
      continue;
    }
    if ('ignore' in placement) continue;
    if ('problem' in placement) {
      report(source.file, placement.problem);
      continue;
    }
    addFileId(parsed, placement.kind, placement.fileId);
    const decoded = decodeSource(source.bytes, source.size);
    if (!decoded.ok) {
      report(source.file, decoded.problem);
      continue;
    }
    const content =
      placement.kind === 'guideline'
        ? splitFrontMatter(decoded.text)
        : { yaml: decoded.text, lineOffset: 0, body: undefined, bodyLineOffset: 0 };
    if ('problem' in content) {
      report(source.file, content.problem);
      continue;
    }
    const result = parseYaml(content.yaml);
    if (!result.ok) {
      report(source.file, { ...result.problem, line: result.problem.line + content.lineOffset });
      continue;
    }
    const data = result.value;
    // A file whose data is not a mapping (a list, a number) is no entry; the schema check says so.
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      parsed.unusable.push({
        kind: placement.kind,
        file: source.file,
        fileId: placement.fileId,
        data,
        ...(content.body === undefined ? {} : { body: content.body, bodyLineOffset: content.bodyLineOffset }),
      });
      continue;
    }
    parsed.entries.push({
      kind: placement.kind,
      file: source.file,
      relPath: source.relPath,
      fileId: placement.fileId,
      text: content.yaml,
      lineOffset: content.lineOffset,
      data: data as Record<string, unknown>,
      ...(content.body === undefined ? {} : { body: content.body, bodyLineOffset: content.bodyLineOffset }),
    });
  }
  return parsed;
}

function addFileId(parsed: ParsedRegister, kind: Kind, id: string): void {
  addToSet(parsed.fileIds, kind, id);
}
