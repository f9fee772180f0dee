// From files to parsed entries: which files belong to the register, their
// text, their data and whether the data passed its schema. Pure: the bytes
// come in from load.ts, nothing here touches the disk.
import matter from 'gray-matter';
import type { Issue } from '../checking/findings.ts';
import { KINDS, SETTINGS_FILE, type Kind } from '../kinds.ts';
import { hiddenCharacterIssues } from '../checking/hidden-characters.ts';
import { checkAgainstSchema } from '../checking/schema-check.ts';
import { decodeSource } from './decode.ts';
import { renderGuidelineMarkdown } from '../views/markdown.ts';
import { parseYaml, type SourceProblem } from './yaml.ts';

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

export interface Entry {
  kind: Kind;
  file: string;
  relPath: string;
  /** The id the file name gives; the data's own id should equal it. */
  fileId: string;
  text: string;
  data: Record<string, unknown>;
  /** Markdown body of a guideline, after its front matter. */
  body?: string;
  /** The body as HTML, rendered once here within the limits of views/markdown.ts. */
  html?: string;
  schemaValid: boolean;
}

/** Problems found before there is data to check: decoding and YAML syntax. */
export interface SourceIssue {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedRegister {
  entries: Entry[];
  /**
   * Ids that files claim by their names, readable or not: a reference to a
   * file that is broken for another reason is not also reported as unknown.
   */
  fileIds: Map<Kind, Set<string>>;
  /** Texts of all readable files, for locating findings afterwards. */
  texts: Map<string, string>;
  /** Line offset of the data within the file (front matter starts on line 2). */
  lineOffsets: Map<string, number>;
  sourceIssues: SourceIssue[];
  schemaIssues: Issue[];
}

type Placement = { kind: Kind; fileId: string } | { ignore: true } | { problem: 'error' | 'warning'; rule: string; message: string };

/** Decides what a path under the register root is. */
export function placeFile(relPath: string): Placement {
  const parts = relPath.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (name.startsWith('.') || name.toLowerCase() === 'readme.md') return { ignore: true };
  if (parts.length === 1) {
    if (name === SETTINGS_FILE) return { kind: 'settings', fileId: 'settings' };
    return {
      problem: 'warning',
      rule: 'unexpected-file',
      message: `Filen hör inte till registret och läses inte. Register-filer ligger i ${folderList()}.`,
    };
  }
  const kind = (Object.keys(KINDS) as Kind[]).find((candidate) => KINDS[candidate].dir !== '' && KINDS[candidate].dir === parts[0]);
  if (!kind) {
    return {
      problem: 'warning',
      rule: 'unexpected-file',
      message: `Mappen "${parts[0]}" hör inte till registret och läses inte. Register-filer ligger i ${folderList()}.`,
    };
  }
  const { ext, dir } = KINDS[kind];
  if (parts.length > 2) {
    return {
      problem: 'error',
      rule: 'misplaced-file',
      message: `Filen ligger i en undermapp och läses inte. Flytta den direkt till ${dir}/.`,
    };
  }
  if (!name.endsWith(ext)) {
    const isYamlLike = /\.(ya?ml|md|markdown|json)$/i.test(name);
    return isYamlLike
      ? {
          problem: 'error',
          rule: 'file-extension',
          message: `Filen läses inte eftersom den inte slutar på ${ext}. Byt namn till ${name.replace(/\.[^.]+$/, ext)}.`,
        }
      : { problem: 'warning', rule: 'unexpected-file', message: `Filen läses inte: bara ${ext}-filer hör hemma i ${dir}/.` };
  }
  return { kind, fileId: name.slice(0, -ext.length) };
}

function folderList(): string {
  return (Object.values(KINDS) as { dir: string }[])
    .map((info) => info.dir)
    .filter(Boolean)
    .map((dir) => `${dir}/`)
    .join(', ');
}

/** Parses and schema-checks every source. O(total size of the files). */
export function parseRegister(sources: readonly SourceFile[]): ParsedRegister {
  const parsed: ParsedRegister = {
    entries: [],
    fileIds: new Map(),
    texts: new Map(),
    lineOffsets: new Map(),
    sourceIssues: [],
    schemaIssues: [],
  };
  for (const source of sources) {
    const placement = placeFile(source.relPath);
    if (source.unusable) {
      // Reported where it is, whatever its name; its id still counts, so references to it do not also fail.
      if ('kind' in placement) addFileId(parsed, placement.kind, placement.fileId);
      if (!('ignore' in placement)) parsed.sourceIssues.push(sourceIssue(source.file, { line: 1, column: 1, ...source.unusable }));
      continue;
    }
    if ('ignore' in placement) continue;
    if ('problem' in placement) {
      parsed.sourceIssues.push({
        file: source.file,
        line: 1,
        column: 1,
        severity: placement.problem,
        rule: placement.rule,
        message: placement.message,
      });
      continue;
    }
    addFileId(parsed, placement.kind, placement.fileId);
    const decoded = decodeSource(source.bytes, source.size);
    if (!decoded.ok) {
      parsed.sourceIssues.push(sourceIssue(source.file, decoded.problem));
      continue;
    }
    parsed.texts.set(source.file, decoded.text);
    const content =
      placement.kind === 'guideline'
        ? splitFrontMatter(decoded.text)
        : { yaml: decoded.text, lineOffset: 0, body: undefined, bodyLineOffset: 0 };
    if ('problem' in content) {
      parsed.sourceIssues.push(sourceIssue(source.file, content.problem));
      continue;
    }
    parsed.lineOffsets.set(source.file, content.lineOffset);
    const result = parseYaml(content.yaml);
    if (!result.ok) {
      const problem = { ...result.problem, line: result.problem.line + content.lineOffset };
      parsed.sourceIssues.push(sourceIssue(source.file, problem));
      continue;
    }
    const data = result.value;
    let html: string | undefined;
    if (content.body !== undefined) {
      const rendered = renderGuidelineMarkdown(content.body);
      if (!rendered.ok) {
        const { line, rule, message } = rendered.problem;
        parsed.sourceIssues.push(sourceIssue(source.file, { line: line + content.bodyLineOffset, column: 1, rule, message }));
      } else html = rendered.html;
    }
    const schemaIssues = [
      ...hiddenCharacterIssues(placement.kind, source.file, data),
      ...checkAgainstSchema(placement.kind, source.file, data),
    ];
    parsed.schemaIssues.push(...schemaIssues);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
    parsed.entries.push({
      kind: placement.kind,
      file: source.file,
      relPath: source.relPath,
      fileId: placement.fileId,
      text: content.yaml,
      data: data as Record<string, unknown>,
      ...(content.body === undefined ? {} : { body: content.body }),
      ...(html === undefined ? {} : { html }),
      schemaValid: schemaIssues.length === 0 && (content.body === undefined || html !== undefined),
    });
  }
  return parsed;
}

function addFileId(parsed: ParsedRegister, kind: Kind, id: string): void {
  const ids = parsed.fileIds.get(kind);
  if (ids) ids.add(id);
  else parsed.fileIds.set(kind, new Set([id]));
}

function sourceIssue(file: string, problem: SourceProblem): SourceIssue {
  return { file, line: problem.line, column: problem.column, severity: 'error', rule: problem.rule, message: problem.message };
}

type FrontMatter =
  { yaml: string; lineOffset: number; body: string; /** Lines before the body. */ bodyLineOffset: number } | { problem: SourceProblem };

const FRONT_MATTER_FIELDS = 'fälten title, adoptedBy, adopted och reference eller version';

/** Splits a guideline into YAML front matter and Markdown body with gray-matter. */
function splitFrontMatter(text: string): FrontMatter {
  const problem = (line: number, message: string): FrontMatter => ({ problem: { line, column: 1, rule: 'missing-front-matter', message } });
  if (!/^---[ \t]*\n/.test(text)) {
    return problem(1, `Riktlinjen saknar framsidesdata. Börja filen med en rad "---", ${FRONT_MATTER_FIELDS}, och en rad "---".`);
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    return problem(1, 'Framsidesdatan avslutas aldrig. Lägg till en rad "---" efter fälten, före texten.');
  }
  // Our own YAML parser reads the front matter so that errors are located and
  // worded like everywhere else; gray-matter only splits the file.
  const file = matter(text, { engines: { yaml: () => ({}) } });
  const yaml = file.matter.replace(/^\n/, '');
  if (!yaml.trim()) return problem(2, `Framsidesdatan mellan raderna "---" är tom. Fyll i ${FRONT_MATTER_FIELDS}.`);
  const body = file.content;
  const bodyLineOffset = text.endsWith(body) ? text.slice(0, text.length - body.length).split('\n').length - 1 : 0;
  return { yaml, lineOffset: 1, body, bodyLineOffset };
}
