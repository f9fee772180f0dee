// From a data path (["roles", "owner"]) back to a line and column in the
// file. Positions are only needed for files that have findings, so the file's
// event stream is parsed again on demand instead of keeping positions for
// every file.
import { EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml';
import type { DataPath } from '../data-path.ts';
import { MAX_DEPTH, offsetToPosition, type Position } from './positions.ts';

interface NodeSpot {
  keyOffset: number;
  valueOffset: number;
}

/**
 * Finds where each data path is written in the file. A path that does not
 * exist (a missing field) maps to its closest existing ancestor. `target`
 * 'key' points at the key (`owner:`), 'value' at the value after it.
 * O(events in the file + paths asked).
 */
export function locatePaths(text: string, paths: readonly { path: DataPath; target: 'key' | 'value' }[]): Position[] {
  let spots: Map<string, NodeSpot>;
  try {
    spots = collectSpots(text, parseEvents(text, { maxDepth: MAX_DEPTH }));
  } catch {
    spots = new Map();
  }
  return paths.map(({ path, target }) => {
    for (let length = path.length; length >= 0; length--) {
      const spot = spots.get(pathKey(path.slice(0, length)));
      if (!spot) continue;
      const exact = length === path.length;
      const offset = exact && target === 'value' ? spot.valueOffset : spot.keyOffset;
      return offsetToPosition(text, offset);
    }
    return { line: 1, column: 1 };
  });
}

/** js-yaml's style number for a plain (unquoted) scalar. */
const PLAIN = 1;

/**
 * The key as js-yaml loads it into an object: an unquoted `~` or `null` is
 * the key "null", `true` is "true", `0x1F` is "31"; quoted keys are text as written.
 */
function keyAsLoaded(raw: string, plain: boolean): string {
  if (!plain) return raw;
  if (/^(?:~|null|Null|NULL|)$/.test(raw)) return 'null';
  if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(raw)) return raw.toLowerCase();
  if (/^[-+]?(?:0|[1-9][0-9_]*)$/.test(raw)) return String(Number(raw.replace(/_/g, '')));
  if (/^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/.test(raw)) return String(Number(raw.replace(/_/g, '')));
  return raw;
}

/** Where the first key that is a list or a mapping starts (js-yaml's error for it has no position). */
export function complexKeyPosition(text: string): Position | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch {
    return undefined;
  }
  const stack: { map: boolean; awaitingKey: boolean }[] = [];
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) continue;
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    const top = stack[stack.length - 1];
    const opens = event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE;
    if (top?.map) {
      if (top.awaitingKey && opens) {
        // The `?` that introduces the key, when there is one, is where people look.
        const start = eventStart(event);
        const question = text.lastIndexOf('?', start);
        const lineStart = text.lastIndexOf('\n', start) + 1;
        return offsetToPosition(text, question >= lineStart ? question : start);
      }
      top.awaitingKey = !top.awaitingKey;
    }
    if (opens) stack.push({ map: event.type === EVENT_ID.MAPPING, awaitingKey: true });
  }
  return undefined;
}

function pathKey(path: DataPath): string {
  return path.join('\u0000');
}

type Frame =
  | { kind: 'map'; path: (string | number)[]; key: string | undefined; keyOffset: number }
  | { kind: 'seq'; path: (string | number)[]; index: number }
  /** Inside a collection used as a key: nothing here has a data path. */
  | { kind: 'skip' };

function collectSpots(text: string, events: Event[]): Map<string, NodeSpot> {
  const spots = new Map<string, NodeSpot>();
  const stack: Frame[] = [];
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) continue;
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    const opens = event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE;
    const top = stack[stack.length - 1];
    if (top?.kind === 'skip') {
      if (opens) stack.push({ kind: 'skip' });
      continue;
    }
    const start = eventStart(event);
    if (top?.kind === 'map' && top.key === undefined) {
      top.key = event.type === EVENT_ID.SCALAR ? keyAsLoaded(getScalarValue(text, event), event.style === PLAIN) : '';
      top.keyOffset = Math.max(start, 0);
      if (opens) stack.push({ kind: 'skip' });
      continue;
    }
    let path: (string | number)[];
    let keyOffset = start;
    if (top === undefined) path = [];
    else if (top.kind === 'map') {
      path = [...top.path, top.key as string];
      keyOffset = top.keyOffset;
      top.key = undefined;
    } else {
      path = [...top.path, top.index++];
    }
    // An empty value (`owner:`) has no offset of its own: point at its key.
    spots.set(pathKey(path), { keyOffset, valueOffset: start >= 0 ? start : keyOffset });
    if (event.type === EVENT_ID.MAPPING) stack.push({ kind: 'map', path, key: undefined, keyOffset: start });
    else if (event.type === EVENT_ID.SEQUENCE) stack.push({ kind: 'seq', path, index: 0 });
  }
  return spots;
}

function eventStart(event: Event): number {
  switch (event.type) {
    case EVENT_ID.SCALAR:
      // Anchor offsets point after the `&`; quoted values after the quote.
      return firstSet(event.anchorStart - 1, event.tagStart, event.valueStart);
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return firstSet(event.anchorStart - 1, event.tagStart, event.start);
    case EVENT_ID.ALIAS:
      return Math.max(event.anchorStart - 1, 0);
    default:
      return -1;
  }
}

/** The earliest of the offsets that are present, or -1 when none is. */
function firstSet(...offsets: number[]): number {
  const set = offsets.filter((offset) => offset >= 0);
  return set.length > 0 ? Math.min(...set) : -1;
}
