// YAML parsing for register files, with located Swedish errors for what
// people get wrong: tabs, stray colons, unclosed brackets, duplicate keys.
// The fast path is a plain js-yaml load; positions of data paths are found
// afterwards, only for files with findings (locate.ts).
import { load, YAMLException } from 'js-yaml';
import type { Problem, RuleId } from '../findings/findings.ts';
import { complexKeyPosition } from './locate.ts';
import { MAX_DEPTH, offsetToPosition, type Position } from './positions.ts';

export type ParseResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** Aliases allowed per file; the register needs none, a few are harmless. */
const MAX_ALIASES = 50;
/** Nodes visited when expanding aliases; beyond this the file is an alias bomb. */
const MAX_EXPANDED_NODES = 100_000;

export function parseYaml(text: string): ParseResult {
  let value: unknown;
  try {
    value = load(text, { maxAliases: MAX_ALIASES, maxDepth: MAX_DEPTH });
  } catch (error) {
    // Blank files are rare, so they are recognised only when loading fails.
    if (isBlank(text)) return emptyFile();
    return { ok: false, problem: describeYamlError(text, error) };
  }
  if (value === undefined || (value === null && isBlank(text))) return emptyFile();
  if (text.includes('*') && exceedsNodeBudget(value, MAX_EXPANDED_NODES)) {
    const at = offsetToPosition(text, Math.max(text.search(/\*[^\s*]/), 0));
    return fail(at.line, at.column, 'yaml-alias-bomb', aliasBombMessage());
  }
  return { ok: true, value };
}

function emptyFile(): ParseResult {
  return fail(1, 1, 'empty-file', 'Filen är tom. Fyll i fälten (se docs/datamodell.md eller kör npm run new) eller ta bort filen.');
}

function isBlank(text: string): boolean {
  return text.split('\n').every((line) => line.trim() === '' || line.trimStart().startsWith('#'));
}

function fail(line: number, column: number, rule: RuleId, message: string): ParseResult {
  return { ok: false, problem: { line, column, rule, message } };
}

function aliasBombMessage(): string {
  return 'Filen använder alias (*namn) som växer till orimligt mycket data (en så kallad aliasbomb). Skriv ut värdena direkt i stället för att använda alias.';
}

/** Counts nodes reachable through aliases, stopping once the budget is spent. */
function exceedsNodeBudget(root: unknown, budget: number): boolean {
  let remaining = budget;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (--remaining < 0) return true;
    if (Array.isArray(node)) stack.push(...node);
    else if (node !== null && typeof node === 'object') stack.push(...Object.values(node));
  }
  return false;
}

const COMPLEX_KEY_MESSAGE = 'En nyckel får bara vara text, till exempel "namn:", inte en lista eller ett avsnitt. Skriv om raden som "nyckel: värde".';

const SWEDISH_REASONS: [RegExp, RuleId, string][] = [
  [
    /tab characters must not be used in indentation/,
    'yaml-tab',
    'Tabbtecken används för indrag. YAML kräver mellanslag: ersätt tabben med två mellanslag per nivå.',
  ],
  [/duplicated mapping key|duplicate key/, 'yaml-duplicate-key', ''],
  [
    /expected a single document in the stream/,
    'yaml-multiple-documents',
    'Filen innehåller flera YAML-dokument (avgränsade med ---). Varje fil ska beskriva en enda post: flytta det andra dokumentet till en egen fil.',
  ],
  [/aliases exceeded maxAliases/, 'yaml-alias-bomb', aliasBombMessage()],
  [
    /maximum nesting depth|nesting depth|nesting exceeded maxDepth/,
    'yaml-too-deep',
    'Filen är nästlad i orimligt många nivåer (listor eller avsnitt inuti varandra). Kontrollera indrag och hakparenteser på raden.',
  ],
  [
    /null byte|non-printable characters/,
    'yaml-control-character',
    'Filen innehåller osynliga styrtecken. Ta bort dem, till exempel genom att skriva om raden.',
  ],
  [
    /bad indentation|deficient indentation/,
    'yaml-syntax',
    'Felaktigt indrag. Fält på samma nivå ska börja i samma kolumn och underfält ska dras in med två mellanslag.',
  ],
  [/missed comma between flow collection entries/, 'yaml-syntax', 'Kommatecken saknas mellan värden inom [ ] eller { }.'],
  [/unexpected end of the stream within a flow collection/, 'yaml-syntax', 'En hakparentes [ eller klammerparentes { stängs aldrig.'],
  [
    /within a (double|single) quoted scalar/,
    'yaml-syntax',
    'Ett citattecken öppnas men stängs aldrig. Lägg till det avslutande citattecknet.',
  ],
  [
    /whitespace character is expected after the key-value separator/,
    'yaml-syntax',
    'Efter kolon måste det stå ett mellanslag, till exempel "namn: Lönesystem".',
  ],
  [
    /end of the stream or a document separator is expected/,
    'yaml-syntax',
    'Raden passar inte in i strukturen. Kontrollera indrag och att varje fält skrivs "nyckel: värde".',
  ],
  [
    /unknown escape sequence|expected hexadecimal character/,
    'yaml-syntax',
    'Ogiltigt omvänt snedstreck (\\) inom "citattecken". Använd enkla citattecken \' \' eller dubbla snedstreck.',
  ],
  [/complex keys/, 'yaml-syntax', COMPLEX_KEY_MESSAGE],
];

function describeYamlError(text: string, error: unknown): Problem {
  const reason = error instanceof YAMLException ? error.reason : error instanceof Error ? error.message : String(error);
  const mark = error instanceof YAMLException ? error.mark : undefined;
  let line = mark ? mark.line + 1 : 1;
  let column = mark ? mark.column + 1 : 1;
  const structural = /bad indentation|deficient indentation|end of the stream or a document separator/.test(reason);
  if (structural) {
    const hint = structuralHint(text, line);
    if (hint) return hint;
  }
  const match = SWEDISH_REASONS.find(([pattern]) => pattern.test(reason));
  if (match?.[1] === 'yaml-multiple-documents') {
    ({ line, column } = secondDocumentPosition(text));
  }
  if (match?.[1] === 'yaml-duplicate-key' && mark) {
    const key = keyAt(text, mark.position ?? 0);
    return {
      line,
      column,
      rule: 'yaml-duplicate-key',
      message: `Nyckeln "${key}" förekommer två gånger på samma nivå. Ta bort den ena eller slå ihop dem.`,
    };
  }
  if (match?.[2] === COMPLEX_KEY_MESSAGE) ({ line, column } = complexKeyPosition(text) ?? { line, column });
  if (match) return { line, column, rule: match[1], message: match[2] };
  return {
    line,
    column,
    rule: 'yaml-syntax',
    message: `Filen går inte att läsa som YAML (${reason}). Kontrollera indrag (mellanslag, inte tabb), kolon och citattecken på raden.`,
  };
}

/**
 * js-yaml reports a stray colon or an unclosed bracket as bad indentation on
 * a later line. Look for those two common mistakes and point at their line.
 */
function structuralHint(text: string, errorLine: number): Problem | undefined {
  const lines = text.split('\n');
  const opener = unclosedBracket(lines.slice(0, errorLine));
  if (opener) {
    return {
      ...opener,
      rule: 'yaml-syntax',
      message: `Hakparentesen eller klammerparentesen här stängs aldrig. Lägg till ] eller } på samma rad, eller skriv listan med en rad per värde som börjar med "- ".`,
    };
  }
  const slidOut = slidOutKey(lines, errorLine);
  if (slidOut) return slidOut;
  for (const lineNumber of [errorLine, errorLine - 1]) {
    const line = lines[lineNumber - 1] ?? '';
    const colon = /^(\s*(?:- )?[^\s#"'][^:#]*:\s+[^\s"'[{|>#][^#]*?)(:\s)/.exec(line);
    if (colon) {
      return {
        line: lineNumber,
        column: (colon[1]?.length ?? 0) + 1,
        rule: 'yaml-syntax',
        message:
          'Värdet innehåller ett kolon följt av mellanslag, vilket YAML läser som ett nytt fält. Sätt hela värdet inom citattecken, till exempel namn: "A: B".',
      };
    }
  }
  return undefined;
}

/**
 * A field that slid out to the left margin in the middle of a section
 * ("manager:" under "roles:" written at column 1) makes js-yaml complain about
 * the next line. Point at the field itself and say where it belongs.
 */
function slidOutKey(lines: readonly string[], errorLine: number): Problem | undefined {
  const indent = (line: string) => /^ */.exec(line)?.[0].length ?? 0;
  const meaningful = (index: number) => {
    const text = lines[index]?.trim() ?? '';
    return text !== '' && !text.startsWith('#');
  };
  const previous = (from: number) => {
    let index = from - 1;
    while (index >= 0 && !meaningful(index)) index--;
    return index;
  };
  const errorIndex = errorLine - 1;
  const depth = indent(lines[errorIndex] ?? '');
  const keyIndex = previous(errorIndex);
  const key = /^([A-Za-z][\w-]*):[ \t]+[^\s#]/.exec(lines[keyIndex] ?? '')?.[1];
  if (depth === 0 || !meaningful(errorIndex) || key === undefined) return undefined;
  const siblingIndex = previous(keyIndex);
  if (siblingIndex < 0 || indent(lines[siblingIndex] ?? '') < depth) return undefined;
  let parentIndex = siblingIndex;
  while (parentIndex >= 0 && (!meaningful(parentIndex) || indent(lines[parentIndex] ?? '') >= depth)) parentIndex--;
  const parent = /^\s*([A-Za-z][\w-]*):\s*(#.*)?$/.exec(lines[parentIndex] ?? '')?.[1];
  if (parent === undefined) return undefined;
  return {
    line: keyIndex + 1,
    column: 1,
    rule: 'yaml-syntax',
    message: `Fältet "${key}" står längst till vänster, men fälten före och efter det är indragna under "${parent}". Dra in raden med ${depth} mellanslag så att den hör till ${parent}.`,
  };
}

/** The line and column of the last [ or { that is never closed, outside quotes and comments. */
function unclosedBracket(lines: readonly string[]): Position | undefined {
  const open: Position[] = [];
  lines.forEach((line, index) => {
    let quote: string | undefined;
    for (let i = 0; i < line.length; i++) {
      const char = line[i] as string;
      if (quote) {
        if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") {
        if (i === 0 || /[\s[{,:]/.test(line[i - 1] as string)) quote = char;
      } else if (char === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) break;
      else if (char === '[' || char === '{') open.push({ line: index + 1, column: i + 1 });
      else if (char === ']' || char === '}') open.pop();
    }
  });
  return open[open.length - 1];
}

function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset);
  const key = /^\s*["']?([^"':\n]*)/.exec(rest)?.[1] ?? '';
  return key.trim();
}

function secondDocumentPosition(text: string): Position {
  const lines = text.split('\n');
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const isMarker = /^(---|\.\.\.)(\s|$)/.test(line);
    if (isMarker && seenContent) return { line: i + 1, column: 1 };
    if (!isMarker && line.trim() !== '' && !line.trimStart().startsWith('#')) seenContent = true;
  }
  return { line: 1, column: 1 };
}
