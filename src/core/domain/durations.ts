// Lengths of time as continuity plans write them ("4h", "2d", "1w"): the
// longest acceptable outage (rto) and the largest acceptable data loss (rpo).
// Compared in minutes, shown in Swedish words.
import { DURATION_PATTERN } from '../vocabulary.ts';

const MINUTES: Record<string, number> = { min: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 };
const WORDS: Record<string, [string, string]> = {
  min: ['minut', 'minuter'],
  h: ['timme', 'timmar'],
  d: ['dag', 'dagar'],
  w: ['vecka', 'veckor'],
};

function parts(text: string): [number, string] | undefined {
  if (!DURATION_PATTERN.test(text)) return undefined;
  const match = /^(\d+) ?(min|h|d|w)$/.exec(text);
  return match ? [Number(match[1]), match[2] as string] : undefined;
}

/** The duration in minutes; undefined for text that is no duration. */
export function durationMinutes(text: string | undefined): number | undefined {
  const parsed = text === undefined ? undefined : parts(text);
  return parsed ? parsed[0] * (MINUTES[parsed[1]] as number) : undefined;
}

/** "4 timmar", "1 vecka"; the text itself when it is no duration. */
export function durationText(text: string): string {
  const parsed = parts(text);
  if (!parsed) return text;
  const [amount, unit] = parsed;
  const [one, many] = WORDS[unit] as [string, string];
  return `${amount} ${amount === 1 ? one : many}`;
}

/** Shortest first; systems without a duration last. For ordering by rto. */
export function byDuration(a: string | undefined, b: string | undefined): number {
  return (durationMinutes(a) ?? Number.POSITIVE_INFINITY) - (durationMinutes(b) ?? Number.POSITIVE_INFINITY);
}
