// From a data path (["roles", "owner"]) back to a line and column in the
// file. Positions are only needed for files that have findings, so the file's
// event stream is parsed again on demand instead of keeping positions for
// every file.
import { EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml';
import { MAX_DEPTH, offsetToPosition, type DataPath, type Position } from './yaml.ts';

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
      top.key = event.type === EVENT_ID.SCALAR ? getScalarValue(text, event) : '';
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
