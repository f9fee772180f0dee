// "Menade du …?" for the site search. Pagefind matches whole words and their
// beginnings, so a typo ("lönesytem") or a word inside a compound ("skjuts"
// in Skolskjutsplanering) finds nothing. The names of systems, units and
// people, with their aliases, are small enough to send once and compare on
// the page; both the index and the matching live here.
import type { VisibleModel } from '#core/model/model.ts';
import { foldText, levenshtein } from '#core/text/text.ts';

/** [kind, id, name, …aliases]; kind s (system), u (unit) or p (person). */
export type NameEntry = [kind: 's' | 'u' | 'p', id: string, name: string, ...aliases: string[]];

export function searchNames(model: VisibleModel): NameEntry[] {
  return [
    ...model.systems.map((system): NameEntry => [
      's',
      system.id,
      system.name,
      ...(system.aliases ?? []),
      ...(system.product ? [system.product] : []),
    ]),
    ...model.units.map((unit): NameEntry => ['u', unit.id, unit.name, ...(unit.aliases ?? [])]),
    ...model.people.filter((person) => person.active).map((person): NameEntry => ['p', person.id, person.name]),
  ];
}

export interface Suggestion {
  kind: NameEntry[0];
  id: string;
  name: string;
  /** alias: another name matched exactly; inside: the word is inside a name; typo: a name spelt nearly so. */
  why: 'alias' | 'inside' | 'typo';
  /** The name or alias that matched. */
  matched: string;
}

const RANK: Record<Suggestion['why'], number> = { alias: 0, inside: 1, typo: 2 };

/**
 * The entries a query most likely meant, best first: what Pagefind cannot
 * find itself. A name spelt a letter or two differently, the query inside a
 * compound ("skjuts" in Skolskjutsplanering) and, when asked for, an alias
 * written out exactly. A name typed correctly, without å, ä, ö, or the start
 * of one gives nothing: Pagefind finds those (measured, see the README).
 * O(names × name length).
 */
export function suggest(entries: readonly NameEntry[], query: string, options: { aliases?: boolean; limit?: number } = {}): Suggestion[] {
  const { aliases: withAliases = false, limit = 5 } = options;
  const wanted = foldText(query);
  if (wanted.length < 3) return [];
  // About one typo per four letters, at least one.
  const tolerance = Math.max(1, Math.floor(wanted.length / 4));
  const found: (Suggestion & { score: number })[] = [];
  for (const [kind, id, name, ...aliases] of entries) {
    let best: (Suggestion & { score: number }) | undefined;
    const consider = (why: Suggestion['why'], matched: string, distance = 0) => {
      const score = RANK[why] * 10 + distance;
      if (!best || score < best.score) best = { kind, id, name, why, matched, score };
    };
    for (const text of [name, ...aliases]) {
      const folded = foldText(text);
      const words = text
        .toLocaleLowerCase('sv')
        .split(/[\s/()-]+/)
        .filter(Boolean);
      if (withAliases && text !== name && folded === wanted) consider('alias', text);
      // Inside a word, not at its start: a prefix is Pagefind's to find.
      if (wanted.length >= 4 && words.some((word) => foldText(word).indexOf(wanted) > 0)) consider('inside', text);
      for (const word of [text, ...words]) {
        const foldedWord = foldText(word);
        if (Math.abs(foldedWord.length - wanted.length) > tolerance) continue;
        const distance = levenshtein(wanted, foldedWord, tolerance + 1);
        if (distance > 0 && distance <= tolerance) consider('typo', text, distance);
      }
    }
    if (best) found.push(best);
  }
  found.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'sv'));
  return found.slice(0, limit).map(({ score: _score, ...suggestion }) => suggestion);
}
