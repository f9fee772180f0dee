// Line and column in a file's text, counted from 1, and the nesting limit
// that both the YAML parser and the locator respect.

export interface Position {
  line: number;
  column: number;
}

/** Lists and sections inside each other; deeper is no register file. */
export const MAX_DEPTH = 40;

export function offsetToPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
