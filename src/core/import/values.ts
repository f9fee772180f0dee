// Reading the values people write in spreadsheet cells: statuses, hosting,
// criticality, yes and no, organisation numbers and lists in one cell. The
// words for each value come from the register's own vocabulary
// (model/lifecycle.ts, schema/vocabulary.ts), shared with the validator.
import type { SystemStatus } from '../domain/lifecycle.ts';
import { CRITICALITY_WORDS, STATUS_WORDS } from '../domain/synonyms.ts';
import { CRITICALITY_LEVELS, DATA_LOCATIONS, HOSTING_FORMS, HOSTING_SYNONYMS, MFA_STATES, type HostingForm } from '../vocabulary.ts';
import { closestMatch, foldText } from '../text/text.ts';

export const fold = foldText;

/** "HVOF, FSF" and "A; B" are lists; "Gata/Park" and "Barn- och utbildningsförvaltningen" are not. */
export function splitCell(value: string): string[] {
  return value
    .split(/\s*[,;\n]\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function readStatus(value: string): SystemStatus | undefined {
  const folded = fold(value);
  const known = STATUS_WORDS.get(folded);
  if (known) return known;
  const words = [...STATUS_WORDS.keys()];
  const meant = closestMatch(folded, words);
  return meant === undefined ? undefined : STATUS_WORDS.get(meant);
}

export function readCriticality(value: string): (typeof CRITICALITY_LEVELS)[number] | undefined {
  return CRITICALITY_WORDS.get(fold(value));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Hosting words, longest first, so that "extern drift" is found before "extern". */
const HOSTING_PATTERNS = HOSTING_FORMS.flatMap((form) =>
  HOSTING_SYNONYMS[form].map((word) => ({ word, form, pattern: new RegExp(`(^|[^a-z0-9])${escape(word)}($|[^a-z0-9])`) })),
).sort((a, b) => b.word.length - a.word.length);

/** The hosting words as written, with å, ä and ö, to cut them out of a supplier's name. */
const HOSTING_IN_TEXT = new RegExp(HOSTING_PATTERNS.map(({ word }) => escape(word).replace(/a/g, '[aåä]').replace(/o/g, '[oö]')).join('|'), 'gi');

/**
 * A supplier and a hosting form mixed in one cell, as real sheets have them:
 * "Lönepartner (SaaS)", "Egen drift", "Tieto, extern drift".
 */
export function readSupplierAndHosting(value: string): { supplier?: string; hosting?: HostingForm } {
  const folded = fold(value);
  const found = HOSTING_PATTERNS.find(({ pattern }) => pattern.test(folded));
  if (!found) return { supplier: value.trim() };
  // Keep the supplier as written: cut the hosting words out of the original text.
  const supplier = value
    .replace(HOSTING_IN_TEXT, ' ')
    .replace(/[()[\]]/g, ' ')
    .replace(/^[\s,;/–-]+|[\s,;/–-]+$/g, '')
    .replace(/\s+/g, ' ')
    // "Sambruk i molnet": the word left before the hosting word belongs to it.
    .replace(/\s+(i|på|hos|via|med|som)$/i, '')
    .trim();
  return supplier ? { supplier, hosting: found.form } : { hosting: found.form };
}

/** "5561234567" and "556123-4567" → "556123-4567". */
export function readOrgNumber(value: string): string | undefined {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^(16)?\d{10}$/.test(digits)) return undefined;
  const ten = digits.slice(-10);
  return `${ten.slice(0, 6)}-${ten.slice(6)}`;
}

export function readYesNo(value: string): boolean | undefined {
  const folded = fold(value);
  if (/^(ja|j|yes|y|x|true|sant|1|behandlar)$/.test(folded)) return true;
  if (/^(nej|n|no|false|falskt|0|-|behandlar inte)$/.test(folded)) return false;
  return undefined;
}

/** A KLASSA level, 0–4, as a number or as its word. */
export function readKlassaLevel(value: string): number | undefined {
  const match = /^([0-4])\b/.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}

const DURATION_UNITS: [RegExp, 'min' | 'h' | 'd' | 'w', number][] = [
  [/^(min|minut|minuter|m)$/, 'min', 1],
  [/^(h|t|tim|timme|timmar|hour|hours)$/, 'h', 1],
  [/^(d|dag|dagar|dygn|day|days)$/, 'd', 1],
  [/^(w|v|vecka|veckor|week|weeks)$/, 'w', 1],
  [/^(man|manad|manader|month|months)$/, 'd', 30],
];

/** "4 timmar", "4h", "2 dygn", "1 vecka" → "4h", "2d", "1w"; undefined when it is no length of time. */
export function readDuration(value: string): string | undefined {
  const match = /^(\d{1,4})\s*([a-z]+)\.?$/.exec(fold(value));
  if (!match || Number(match[1]) === 0) return undefined;
  const unit = DURATION_UNITS.find(([pattern]) => pattern.test(match[2] as string));
  return unit ? `${Number(match[1]) * unit[2]}${unit[1]}` : undefined;
}

/** Ja, nej or delvis for multi-factor login, as people write it. */
export function readMfa(value: string): (typeof MFA_STATES)[number] | undefined {
  const folded = fold(value);
  if (/^(delvis|vissa|partly|partial|delvis mfa)/.test(folded)) return 'delvis';
  const yes = readYesNo(folded.split(/[\s(,]/)[0] ?? '');
  return yes === undefined ? undefined : yes ? 'ja' : 'nej';
}

/** Login methods that always ask for more than a password. */
const STRONG_LOGIN = /(mfa|flerfaktor|tvafaktor|2fa|siths|bankid|freja|authenticator|smartkort|yubikey|passkey)/;

/** Whether a login method written in words says that it asks for more than a password. */
export function loginMethodHasMfa(value: string): boolean {
  return STRONG_LOGIN.test(fold(value).replace(/[^a-z0-9]/g, ''));
}

/** Sverige, EU/EES or utanför EU/EES, from what people write. */
export function readDataLocation(value: string): (typeof DATA_LOCATIONS)[number] | undefined {
  const folded = fold(value);
  if (/^(sverige|se|sweden|svensk)/.test(folded)) return 'Sverige';
  if (/(utanfor|tredjeland|usa|us|outside|global)/.test(folded)) return 'utanför EU/EES';
  if (/^(eu|ees|eea|europa|europe|eu\/ees)/.test(folded)) return 'EU/EES';
  return undefined;
}
