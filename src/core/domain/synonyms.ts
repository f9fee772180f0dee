// The words people write for the register's fixed values, in one table per
// field: "SaaS" is a molntjänst, "aktiv" is i drift. The validator suggests
// the right value from them and the import reads cells with them.
import { LIFECYCLE, SYSTEM_STATUSES } from './lifecycle.ts';
import { foldText } from '../text/text.ts';
import { CRITICALITY_LEVELS, CRITICALITY_SYNONYMS, HOSTING_FORMS, HOSTING_SYNONYMS } from '../vocabulary.ts';

function table<V extends string>(values: readonly V[], synonyms: (value: V) => readonly string[]): Map<string, V> {
  return new Map(values.flatMap((value) => [[foldText(value), value] as const, ...synonyms(value).map((word) => [word, value] as const)]));
}

export const STATUS_WORDS = table(SYSTEM_STATUSES, (status) => LIFECYCLE[status].synonyms);
export const CRITICALITY_WORDS = table(CRITICALITY_LEVELS, (level) => CRITICALITY_SYNONYMS[level]);
export const HOSTING_WORDS = table(HOSTING_FORMS, (form) => HOSTING_SYNONYMS[form]);

const TABLES: ReadonlyMap<string, string>[] = [STATUS_WORDS, CRITICALITY_WORDS, HOSTING_WORDS];

/** The allowed value a written word stands for, when a table knows it: ("SaaS", hosting forms) → "molntjänst". */
export function synonymFor(written: string, allowed: readonly string[]): string | undefined {
  const folded = foldText(written);
  for (const words of TABLES) {
    const value = words.get(folded);
    if (value !== undefined && allowed.includes(value)) return value;
  }
  return undefined;
}
