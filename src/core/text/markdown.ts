// Guideline documents from Markdown to HTML, rendered once, by the validator,
// so that a document that would crash or stall the build is a located error
// instead. Headings get ids (for the documents' own tables of contents). Raw
// HTML is shown as text; links may only lead to web pages, e-mail or within
// the site; images only from the site itself (it promises no requests to
// other origins). Guideline text is written by people, not trusted as markup.
import { escapeMarkup } from './output.ts';
import { Marked } from 'marked';

/** About 150 pages of text; a guideline is usually a few pages. Keeps the worst case of the renderer to a second or so. */
export const MAX_GUIDELINE_CHARACTERS = 300_000;
/** Quotes and lists inside each other; marked overflows its stack beyond a few thousand. */
export const MAX_MARKDOWN_DEPTH = 20;
/** `*` and `_` in one paragraph: resolving emphasis grows with the square of their number. */
export const MAX_EMPHASIS_MARKS = 1_000;

export interface MarkdownProblem {
  /** Line in the Markdown text, from 1. */
  line: number;
  rule: 'markdown-too-large' | 'markdown-too-deep' | 'markdown-too-complex';
  message: string;
}

export type MarkdownResult = { ok: true; html: string } | { ok: false; problem: MarkdownProblem };

/** "2. Inköp" → "2-inköp", like GitHub's heading anchors. */
export function headingId(text: string): string {
  return text
    .toLocaleLowerCase('sv')
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** The scheme of a URL as a browser reads it: tabs, line breaks and leading spaces do not count. */
function schemeOf(href: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(href.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1]?.toLowerCase();
}

/** Web pages, e-mail, or a place on this site (relative or in-page). */
function isAllowedLink(href: string): boolean {
  const scheme = schemeOf(href);
  return scheme === undefined || scheme === 'https' || scheme === 'http' || scheme === 'mailto';
}

/** An image the site itself serves: a relative path, not another origin (//host or a scheme). */
function isSameOriginImage(href: string): boolean {
  const compact = href.replace(/[\u0000-\u0020\u007f]/g, '');
  return schemeOf(href) === undefined && !/^[/\\]{2}/.test(compact);
}

const markdown = new Marked({
  gfm: true,
  renderer: {
    heading({ tokens, depth }) {
      const html = this.parser.parseInline(tokens);
      return `<h${depth} id="${headingId(html)}">${html}</h${depth}>\n`;
    },
    html({ text }) {
      return escapeMarkup(text);
    },
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      if (!isAllowedLink(href)) return text;
      return `<a href="${escapeMarkup(href)}"${title ? ` title="${escapeMarkup(title)}"` : ''}>${text}</a>`;
    },
    image({ href, title, text }) {
      const alt = escapeMarkup(text);
      if (isSameOriginImage(href)) return `<img src="${escapeMarkup(href)}" alt="${alt}"${title ? ` title="${escapeMarkup(title)}"` : ''}>`;
      // An image from elsewhere is not loaded; a web address is offered as a link instead.
      const scheme = schemeOf(href);
      return scheme === 'https' || scheme === 'http' ? `<a href="${escapeMarkup(href)}">Bild: ${alt || escapeMarkup(href)}</a>` : alt;
    },
  },
});

/** Limits on Markdown written by people: size, nesting, emphasis and, for short texts, line length. */
export interface MarkdownLimits {
  maxCharacters: number;
  /** Longest line; undefined for no limit (guidelines may have long paragraphs on one line). */
  maxLineLength?: number;
}

/**
 * The first limit the text breaks, before any parser sees it: marked
 * overflows its stack on deep nesting and grows with the square of the
 * emphasis marks in a paragraph. O(length of the text).
 */
export function markdownLimitProblem(source: string, limits: MarkdownLimits): MarkdownProblem | undefined {
  if (source.length > limits.maxCharacters) {
    return {
      line: 1,
      rule: 'markdown-too-large',
      message: `Texten har ${source.length.toLocaleString('sv')} tecken, mer än gränsen ${limits.maxCharacters.toLocaleString('sv')}.`,
    };
  }
  const long = limits.maxLineLength === undefined ? undefined : firstLongLine(source, limits.maxLineLength);
  if (long !== undefined) {
    return {
      line: long,
      rule: 'markdown-too-large',
      message: `Raden är längre än ${(limits.maxLineLength as number).toLocaleString('sv')} tecken. Dela upp texten på flera rader.`,
    };
  }
  const deep = firstTooDeepLine(source);
  if (deep !== undefined) {
    return {
      line: deep,
      rule: 'markdown-too-deep',
      message: `Citat (>) och listor är nästlade i fler än ${MAX_MARKDOWN_DEPTH} nivåer här. Minska indraget eller antalet > och listtecken i början av raden.`,
    };
  }
  const busy = firstTooBusyParagraph(source);
  if (busy !== undefined) {
    return {
      line: busy,
      rule: 'markdown-too-complex',
      message: `Stycket som börjar här har fler än ${MAX_EMPHASIS_MARKS} tecken * och _. Dela upp stycket eller skriv tecknen som \\* och \\_ om de inte ska göra texten kursiv eller fet.`,
    };
  }
  return undefined;
}

/** Checks the limits, then renders. O(length of the text) for the checks. */
export function renderGuidelineMarkdown(source: string): MarkdownResult {
  const limit = markdownLimitProblem(source, { maxCharacters: MAX_GUIDELINE_CHARACTERS });
  if (limit?.rule === 'markdown-too-large')
    return { ok: false, problem: { ...limit, message: `${limit.message} Dela upp dokumentet i flera riktlinjer eller länka till det fullständiga dokumentet.` } };
  if (limit) return { ok: false, problem: limit };
  try {
    return { ok: true, html: markdown.parse(source, { async: false }) as string };
  } catch {
    return problem(1, 'markdown-too-complex', 'Texten är för komplicerad för att visas. Förenkla nästlade listor, citat och tabeller.');
  }
}

/** For text that is already known to be within the limits (tests, small snippets). */
export function renderMarkdown(source: string): string {
  const result = renderGuidelineMarkdown(source);
  if (!result.ok) throw new Error(result.problem.message);
  return result.html;
}

function problem(line: number, rule: MarkdownProblem['rule'], message: string): MarkdownResult {
  return { ok: false, problem: { line, rule, message } };
}

function firstLongLine(source: string, max: number): number | undefined {
  let line = 1;
  let start = 0;
  for (;;) {
    const end = source.indexOf('\n', start);
    if ((end === -1 ? source.length : end) - start > max) return line;
    if (end === -1) return undefined;
    start = end + 1;
    line++;
  }
}

/**
 * The first line whose block nesting (quote markers, list markers and
 * indentation, two spaces a level) exceeds the limit, outside fenced code.
 */
function firstTooDeepLine(source: string): number | undefined {
  const lines = source.split('\n');
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark && (!fence || fenceMark.startsWith(fence))) {
      fence = fence ? undefined : fenceMark;
      continue;
    }
    if (fence) continue;
    let depth = 0;
    let position = 0;
    for (;;) {
      const spaces = /^[ \t]*/.exec(line.slice(position))?.[0] ?? '';
      depth += Math.floor(spaces.replace(/\t/g, '    ').length / 2);
      position += spaces.length;
      const marker = /^(?:>|[-*+](?=\s|$)|\d{1,9}[.)](?=\s|$))/.exec(line.slice(position))?.[0];
      if (!marker) break;
      depth++;
      position += marker.length;
      if (depth > MAX_MARKDOWN_DEPTH) return index + 1;
    }
    if (depth > MAX_MARKDOWN_DEPTH) return index + 1;
  }
  return undefined;
}

/** The first line of a paragraph (text between blank lines) with too many emphasis marks. */
function firstTooBusyParagraph(source: string): number | undefined {
  let start = 1;
  let marks = 0;
  const lines = source.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.trim() === '') {
      marks = 0;
      start = index + 2;
      continue;
    }
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      if (code === 42 || code === 95) marks++;
    }
    if (marks > MAX_EMPHASIS_MARKS) return start;
  }
  return undefined;
}
