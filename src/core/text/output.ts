// Register text on its way out. Every value in the register is untrusted text
// from a pull request: on a terminal a control character can rewrite the
// screen (ANSI escapes) or reverse the text (U+202E); in Markdown (the pull
// request comment, the job summary) it can hide lines (<!--), ping people
// (@team) or turn into links. Messages that quote register values pass
// through one of these before they are printed.

/**
 * C0 and C1 control characters (tab and line breaks are handled apart), DEL,
 * the zero-width space and word joiner (two names that look the same but
 * differ), the invisible direction marks and overrides (Trojan Source), the
 * line and paragraph separators and the byte order mark.
 */
const INVISIBLE = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u200B\\u200E\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF';
const CONTROL_CHARACTERS = new RegExp(`[${INVISIBLE}]`, 'g');
/** The same, and a lone carriage return. */
const CONTROL_CHARACTER = new RegExp(`[${INVISIBLE}\\r]`);

/** The first control character in a value, for the validator and for values a command writes. */
export function firstControlCharacter(value: string): string | undefined {
  return CONTROL_CHARACTER.exec(value)?.[0];
}

/** "U+001B" */
export function codePointName(character: string): string {
  return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "\u001B" for ESC: visible, so that a reviewer sees that something odd is there. */
function visible(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A line that starts with "::" is a command to GitHub Actions (::error::,
 * ::add-mask::, ::stop-commands::) when a workflow prints it: a value that
 * starts so has its first colon written as a visible escape.
 */
function notACommand(line: string): string {
  return line.replace(/^(\s*):(?=:)/, '$1\\u003A');
}

/** One line for a terminal: line breaks become spaces, control characters visible escapes. */
export function terminalText(value: string): string {
  return notACommand(
    value
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .replace(/\t/g, ' ')
      .replace(CONTROL_CHARACTERS, visible),
  );
}

/**
 * Text a command prints, line by line: control characters as visible
 * escapes, and no line a workflow would run as a command. Every command's
 * print goes through it, so a register value that reaches the output
 * unformatted still cannot rewrite the terminal or a workflow's log.
 */
export function printableLines(text: string): string {
  return text
    .split('\n')
    .map((line) => notACommand(line.replace(CONTROL_CHARACTERS, visible).replace(/\r/g, visible)))
    .join('\n');
}

const MARKUP_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values made inert in HTML and SVG. */
export function escapeMarkup(value: string): string {
  return value.replace(/[&<>"']/g, (character) => MARKUP_ENTITIES[character] as string);
}

/** Punctuation that Markdown or GitHub gives a meaning to, escaped with a backslash. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+!|~<>&]/g;

/**
 * One line of inert Markdown: no HTML, no emphasis, links, headings or
 * mentions, whatever the text holds. GitHub and GitLab also turn bare
 * addresses into links (https://…, www.…): the colon before // and the dot
 * after www are escaped too, so no address in a value becomes a link.
 * GitHub shows it as the text itself.
 */
export function markdownText(value: string): string {
  return terminalText(value)
    .replace(MARKDOWN_SPECIAL, (character) =>
      character === '<' ? '&lt;' : character === '>' ? '&gt;' : character === '&' ? '&amp;' : `\\${character}`,
    )
    .replace(/:(?=\/)/g, '\\:')
    .replace(/(?<=www)\./gi, '\\.')
    .replace(/@/g, '&#64;');
}
