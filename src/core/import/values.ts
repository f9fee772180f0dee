// Reading the values people write in spreadsheet cells: statuses, hosting,
// dates, organisation numbers, yes and no, and lists in one cell.
import { isCalendarDate } from '../text/dates.ts';
import { LIFECYCLE, SYSTEM_STATUSES, type SystemStatus } from '../model/lifecycle.ts';
import type { HostingForm } from '../schema/vocabulary.ts';
import { CRITICALITY_LEVELS } from '../schema/vocabulary.ts';
import { capitalize, closestMatch, foldText } from '../text/text.ts';
import { excelSerialToIso } from './xlsx.ts';

export const fold = foldText;

/** "HVOF, FSF" and "A; B / C" are lists; "Barn- och utbildningsförvaltningen" is not. */
export function splitCell(value: string): string[] {
  return value
    .split(/\s*(?:[,;\n]|\s\/\s|\/)\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Each status, and what people write for it, folded: "i drift", "aktiv", "i bruk" → "i drift". */
const STATUS_WORDS = new Map<string, SystemStatus>(
  SYSTEM_STATUSES.flatMap((status) => [
    [foldText(status), status] as const,
    ...LIFECYCLE[status].synonyms.map((word) => [word, status] as const),
  ]),
);

export function readStatus(value: string): SystemStatus | undefined {
  const folded = fold(value);
  const known = STATUS_WORDS.get(folded);
  if (known) return known;
  const folds = SYSTEM_STATUSES.map((status) => fold(status));
  const meant = closestMatch(folded, folds);
  return meant === undefined ? undefined : SYSTEM_STATUSES[folds.indexOf(meant)];
}

const HOSTING_WORDS: [RegExp, HostingForm][] = [
  [/\b(saas|molntjanst|molnet|moln|cloud|molnbaserad)\b/, 'molntjänst'],
  [
    /\b(extern drift|externt|extern|hos leverantoren|hos leverantor|leverantorsdrift|driftas av leverantor(en)?|hostad|hostat|hosting)\b/,
    'extern drift',
  ],
  [/\b(egen drift|intern drift|internt|on-?prem(ise)?|lokalt|egen server|egna servrar|it-avdelningen)\b/, 'egen drift'],
];

/**
 * A supplier and a hosting form mixed in one cell, as real sheets have them:
 * "Lönepartner (SaaS)", "Egen drift", "Tieto, extern drift".
 */
export function readSupplierAndHosting(value: string): { supplier?: string; hosting?: HostingForm } {
  let rest = ` ${fold(value)} `;
  let hosting: HostingForm | undefined;
  for (const [pattern, form] of HOSTING_WORDS) {
    if (pattern.test(rest)) {
      hosting ??= form;
      rest = rest.replace(pattern, ' ');
    }
  }
  if (hosting === undefined) return { supplier: value.trim() };
  // Keep the supplier as written: cut the hosting words out of the original text.
  const supplier = removeHostingWords(value)
    .replace(/[()[\]]/g, ' ')
    .replace(/^[\s,;/–-]+|[\s,;/–-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return supplier ? { supplier, hosting } : { hosting };
}

function removeHostingWords(value: string): string {
  return value.replace(
    /\b(SaaS|molntjänst|molnet|moln|cloud|molnbaserad|extern drift|externt|extern|hos leverantören|hos leverantör|leverantörsdrift|driftas av leverantören|driftas av leverantör|hostad|hostat|hosting|egen drift|intern drift|internt|on-?prem(ise)?|lokalt|egen server|egna servrar)\b/gi,
    ' ',
  );
}

export function readCriticality(value: string): (typeof CRITICALITY_LEVELS)[number] | undefined {
  const folded = fold(value);
  const byNumber: Record<string, (typeof CRITICALITY_LEVELS)[number]> = { '1': 'låg', '2': 'medel', '3': 'hög', '4': 'kritisk' };
  if (byNumber[folded]) return byNumber[folded];
  const folds = CRITICALITY_LEVELS.map((level) => fold(level));
  const exact = folds.indexOf(folded);
  if (exact >= 0) return CRITICALITY_LEVELS[exact];
  if (/^(mycket hog|verksamhetskritisk|samhallskritisk)$/.test(folded)) return 'kritisk';
  if (/^(medium|mellan)$/.test(folded)) return 'medel';
  return undefined;
}

/** ÅÅÅÅ-MM-DD from ISO dates, "31/12/2027", "31.12.2027", "2027-12" (end of month) or an Excel day number. */
export function readDate(value: string): string | undefined {
  const text = value.trim();
  let iso: string | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  else if ((match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text)))
    iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  else if ((match = /^(\d{4})-(\d{1,2})$/.exec(text))) {
    const last = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
    iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${last}`;
  } else if (/^\d{5}(\.\d+)?$/.test(text) && Number(text) > 20000 && Number(text) < 80000) iso = excelSerialToIso(Number(text));
  return iso !== undefined && isCalendarDate(iso) ? iso : undefined;
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
  if (/^(ja|j|yes|x|true|sant|1)$/.test(folded)) return true;
  if (/^(nej|n|no|false|falskt|0|-)$/.test(folded)) return false;
  return undefined;
}

export interface PersonMention {
  name?: string;
  title?: string;
  email?: string;
}

const NAME_PATTERN = /^[A-ZÅÄÖÉÜ][a-zåäöéüæøß'’-]+(?: (?:von |af |de |van |der )?[A-ZÅÄÖÉÜ][a-zåäöéüæøß'’-]+){1,3}$/u;

/** "Anna Andersson", "Anna Andersson (ekonomichef)", "anna.andersson@kommun.se". */
export function readPerson(value: string): PersonMention | undefined {
  const text = value.trim();
  const email = /[^\s<>()]+@[^\s<>()]+\.[a-z]{2,}/i.exec(text)?.[0];
  const withoutEmail = text.replace(/[<(]?[^\s<>()]+@[^\s<>()]+\.[a-z]{2,}[>)]?/i, '').trim();
  const titled = /^(.*?)\s*\(([^)]+)\)$/.exec(withoutEmail);
  const name = (titled ? titled[1] : withoutEmail)?.trim() ?? '';
  const title = titled?.[2]?.trim();
  if (name && NAME_PATTERN.test(name)) return { name, ...(title ? { title } : {}), ...(email ? { email } : {}) };
  if (!name && email) {
    const local = email.split('@')[0] ?? '';
    const parts = local.split(/[._-]/).filter((part) => /^[a-zåäö]+$/i.test(part));
    if (parts.length >= 2) return { name: parts.map(capitalize).join(' '), email };
    return { email };
  }
  return undefined;
}
