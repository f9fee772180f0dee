// Swedish text helpers: collation, suggestions for typos, list phrasing.
import { MAX_ID_LENGTH } from '../vocabulary.ts';

/** Sorts Swedish text correctly: Å, Ä and Ö after Z, numbers by value. */
export const swedishCollator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

export function bySwedish<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => swedishCollator.compare(key(a), key(b));
}

export function capitalize(value: string): string {
  return value.charAt(0).toLocaleUpperCase('sv') + value.slice(1);
}

/** "Systemägare" → "systemägare", for a title inside a sentence. */
export function lowerFirst(value: string): string {
  return value.charAt(0).toLocaleLowerCase('sv') + value.slice(1);
}

/**
 * Text as people may type it, folded for comparing: lower case, no
 * diacritics (å → a, é → e), white space collapsed. "  Åsa  Öberg" → "asa oberg".
 */
export function foldText(value: string): string {
  return value
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "a, b och c" */
export function joinSwedish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

export function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/**
 * The candidate closest to `input`, if it is close enough to be a likely typo.
 * Cost: O(candidates × length²) with an early exit on length difference, and
 * it is only called for findings, never on the happy path.
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLocaleLowerCase('sv');
  const list = [...candidates];
  // A start typed out ("avd" for "avdelning") is the likeliest meaning when it fits one candidate only.
  const starts = needle.length >= 3 ? list.filter((candidate) => candidate.toLocaleLowerCase('sv').startsWith(needle)) : [];
  if (starts.length === 1) return starts[0];
  const limit = Math.max(2, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of list) {
    if (Math.abs(candidate.length - needle.length) >= bestDistance) continue;
    const distance = levenshtein(needle, candidate.toLocaleLowerCase('sv'), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Edit distance, counting two neighbouring letters swapped ("ahlbreg") as one
 * edit (optimal string alignment), giving up (returning `ceiling`) once it
 * cannot be below it.
 */
export function levenshtein(a: string, b: string, ceiling: number): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] as number) + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= ceiling) return ceiling;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

export function didYouMean(input: string, candidates: Iterable<string>): string {
  const match = closestMatch(input, candidates);
  return match === undefined ? '' : ` Menade du "${match}"?`;
}

/**
 * The id a name would get: "Lönesystem Heroma" → "lonesystem-heroma", cut at
 * a hyphen to at most MAX_ID_LENGTH characters.
 */
export function toId(name: string): string {
  const id = foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (id.length <= MAX_ID_LENGTH) return id;
  const cut = id.slice(0, MAX_ID_LENGTH);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > MAX_ID_LENGTH / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/** Swedish genitive: "Socialförvaltningens", "Exempelbostäder AB:s", "Rådhus". */
export function genitive(name: string): string {
  if (/[sxz]$/i.test(name)) return name;
  if (/[A-ZÅÄÖ0-9]$/.test(name)) return `${name}:s`;
  return `${name}s`;
}
