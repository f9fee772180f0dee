// What a change does to the register, in Swedish sentences, from comparing
// the two registers' data (not their text): "Lönesystem: systemförvaltare
// ändras från Bo Berg till Cecilia Ceder." Works on registers that do not
// validate, since a pull request under review may not yet.
import { addTo } from '../collections.ts';
import { ENTITY_KINDS, KINDS, type Kind } from '../kinds.ts';
import { formatSwedishDate, isCalendarDate } from '../text/dates.ts';
import { fieldTitle } from '../schema/labels.ts';
import { referencesOf, referenceTargetsAt } from '../domain/references.ts';
import type { Entry, ParsedRegister } from '../reading/parse.ts';
import type { Finding } from '../findings/findings.ts';
import { ROLE_KEYS, roleTitle, type RoleKey } from '../domain/roles.ts';
import { markdownText, terminalText } from '../text/output.ts';
import { bySwedish, capitalize, joinSwedish, lowerFirst as lower } from '../text/text.ts';

export interface ChangeSentence {
  kind: Kind;
  id: string;
  text: string;
  /** Something reviewers should look at twice: a role left empty, a person who left. */
  attention: boolean;
}

type Data = Record<string, unknown>;
type Names = (id: string) => string;

const LIST_ROLES = new Set<RoleKey>(['administrators', 'superUsers', 'users']);
/** Fields whose change is told in their own words rather than "X ändras från A till B". */
const SPECIAL_FIELDS = new Set(['id', 'name', 'title', 'roles', 'status', 'active', 'dependencies', 'gitHandle', 'reviewed', 'reviewedBy']);

/**
 * Files of the new register that exist but cannot be read (broken YAML), by
 * "kind/id", with what is wrong: such a file is not an entry, yet it is not
 * removed either.
 */
export function unreadableFiles(parsed: ParsedRegister): Map<string, Finding> {
  const present = new Set(parsed.entries.map((entry) => `${entry.kind}/${entry.fileId}`));
  const unreadable = new Map<string, Finding>();
  for (const [kind, ids] of parsed.fileIds) {
    const { dir, ext } = KINDS[kind];
    for (const id of ids) {
      if (present.has(`${kind}/${id}`)) continue;
      const ending = `${dir ? `${dir}/` : ''}${id}${ext}`;
      const finding = parsed.findings.find((item) => item.file === ending || item.file.endsWith(`/${ending}`));
      if (finding) unreadable.set(`${kind}/${id}`, finding);
    }
  }
  return unreadable;
}

/** O(entries + changed fields). */
export function describeChanges(
  before: readonly Entry[],
  after: readonly Entry[],
  unreadableAfter: ReadonlyMap<string, Finding> = new Map(),
  /** Names of entries not among these (one file's history is told with the register's names). */
  otherNames?: (id: string) => string | undefined,
): ChangeSentence[] {
  const names = nameLookup(before, after, otherNames);
  const rolesAfter = rolesByHolder(after);
  const sentences: ChangeSentence[] = [];
  for (const kind of [...ENTITY_KINDS, 'settings'] as Kind[]) {
    const old = byId(before, kind);
    const now = byId(after, kind);
    const ids = [...new Set([...old.keys(), ...now.keys()])];
    const label = (id: string) => names(id) || id;
    ids.sort(bySwedish((id) => entryName(now.get(id) ?? old.get(id), id)));
    for (const id of ids) {
      const a = old.get(id);
      const b = now.get(id);
      const say = (text: string, attention = false) => sentences.push({ kind, id, text, attention });
      const broken = unreadableAfter.get(`${kind}/${id}`);
      if (!a && b) say(added(kind, b, names));
      else if (a && !b && broken)
        say(
          `Filen för ${KINDS[kind].definite}${kind === 'settings' ? '' : ` ${entryName(a, id)}`} (${broken.file}) kan inte läsas: ${lower(broken.message)} (rad ${broken.line}). Rätta filen; ändringen kan inte godkännas förrän den går att läsa.`,
          true,
        );
      else if (a && !b)
        say(
          kind === 'system'
            ? `Systemet ${entryName(a, id)} tas bort ur förteckningen.`
            : `${capitalize(KINDS[kind].singular)} ${entryName(a, id)} tas bort ur registret.`,
          kind !== 'equipment' && kind !== 'guideline',
        );
      else if (a && b) compare(kind, id, a, b, names, say, label, rolesAfter);
    }
  }
  return sentences;
}

function byId(entries: readonly Entry[], kind: Kind): Map<string, Entry> {
  return new Map(entries.filter((entry) => entry.kind === kind).map((entry) => [entry.fileId, entry]));
}

function entryName(entry: Entry | undefined, fallback: string): string {
  const value = entry?.data.name ?? entry?.data.title;
  return typeof value === 'string' && value.trim() ? value : fallback;
}

/** Names of people, units and systems, preferring the new register. */
function nameLookup(before: readonly Entry[], after: readonly Entry[], otherNames?: (id: string) => string | undefined): Names {
  const names = new Map<string, string>();
  for (const entry of [...before, ...after]) {
    if (entry.kind === 'person' || entry.kind === 'unit' || entry.kind === 'system')
      names.set(entry.fileId, entryName(entry, entry.fileId));
  }
  return (id) => names.get(id) ?? otherNames?.(id) ?? id;
}

function added(kind: Kind, entry: Entry, names: Names): string {
  const name = entryName(entry, entry.fileId);
  const data = entry.data;
  if (kind === 'system') {
    const roles = (data.roles ?? {}) as Data;
    const who = (['owner', 'manager'] as const)
      .filter((role) => typeof roles[role] === 'string')
      .map((role) => `${lower(roleTitle(role))} ${names(roles[role] as string)}`);
    return `Nytt system: ${name}${typeof data.status === 'string' ? ` (${data.status})` : ''}${who.length ? `, ${joinSwedish(who)}` : ''}.`;
  }
  if (kind === 'person')
    return `Ny person: ${name}${typeof data.title === 'string' ? `, ${lower(data.title)}` : ''}${typeof data.unit === 'string' ? ` på ${names(data.unit)}` : ''}.`;
  if (kind === 'guideline') return `Ny riktlinje: ${name}.`;
  if (kind === 'settings') return 'Registret får inställningar.';
  return `Ny ${KINDS[kind].singular}: ${name}.`;
}

function compare(
  kind: Kind,
  id: string,
  a: Entry,
  b: Entry,
  names: Names,
  say: (text: string, attention?: boolean) => void,
  label: Names,
  rolesAfter: ReadonlyMap<string, { system: string; role: RoleKey }[]>,
): void {
  const name = entryName(b, id);
  const oldName = entryName(a, id);
  const subject = kind === 'settings' ? 'Inställningarna' : name;
  if (oldName !== name && kind !== 'settings') say(`${oldName} byter namn till ${name}.`);
  if (kind === 'person' && a.data.active !== false && b.data.active === false) {
    const systems = systemsHeld(rolesAfter, id);
    say(`${name} har slutat (active: false)${systems.length ? ` men har kvar roller för ${joinSwedish(systems)}` : ''}.`, true);
  }
  if (kind === 'person' && a.data.active === false && b.data.active !== false) say(`${name} har åter en tjänst (active: true).`);
  if (a.data.status !== b.data.status && (a.data.status !== undefined || b.data.status !== undefined)) {
    say(`${subject}: status ändras från ${show(a.data.status)} till ${show(b.data.status)}.`);
  }
  if (kind === 'system') {
    compareRoles(name, (a.data.roles ?? {}) as Data, (b.data.roles ?? {}) as Data, names, say);
    if (a.data.reviewed !== b.data.reviewed || a.data.reviewedBy !== b.data.reviewedBy) {
      // Merging an attestation (npm run attest) is the owner confirming the entry: said as such.
      const date = typeof b.data.reviewed === 'string' && isCalendarDate(b.data.reviewed) ? ` ${formatSwedishDate(b.data.reviewed)}` : '';
      if (typeof b.data.reviewedBy === 'string') say(`${names(b.data.reviewedBy)} bekräftade uppgifterna för ${name}${date}.`);
      else if (b.data.reviewed === undefined) say(`${name}: granskningsdatumet tas bort.`, true);
      else say(`${name}: granskad${date}.`);
    }
    const usesBefore = dependencyIds(a.data);
    const usesAfter = dependencyIds(b.data);
    for (const system of usesAfter.filter((item) => !usesBefore.includes(item))) say(`${name} börjar använda ${label(system)}.`);
    for (const system of usesBefore.filter((item) => !usesAfter.includes(item))) say(`${name} slutar använda ${label(system)}.`);
  }
  if (kind === 'person' && a.data.gitHandle !== b.data.gitHandle) {
    // The handle decides who reviews the person's systems (CODEOWNERS): a new account there is worth a second look.
    const systems = systemsHeld(rolesAfter, id, ['owner', 'manager']);
    const change =
      b.data.gitHandle === undefined
        ? `användarnamn på GitHub tas bort (var ${show(a.data.gitHandle)})`
        : `användarnamn på GitHub ${a.data.gitHandle === undefined ? 'anges till' : `ändras från ${show(a.data.gitHandle)} till`} ${show(b.data.gitHandle)}`;
    say(
      `${name}: ${change}. Kontrollera att kontot tillhör ${name}${systems.length ? `; det granskar ändringar i ${joinSwedish(systems)}` : ''}.`,
      true,
    );
  }
  if (kind === 'person' && a.data.title !== b.data.title)
    say(`${name}: befattning ändras från ${show(a.data.title)} till ${show(b.data.title)}.`);
  if (kind === 'guideline') {
    if (a.data.title !== b.data.title) say(`Riktlinjen ${show(a.data.title)} får rubriken ${show(b.data.title)}.`);
    if ((a.body ?? '') !== (b.body ?? '')) say(`${name}: texten ändras.`);
  }
  const oldFields = flatten(a.data);
  const newFields = flatten(b.data);
  for (const path of new Set([...oldFields.keys(), ...newFields.keys()])) {
    const before = oldFields.get(path);
    const after = newFields.get(path);
    if (same(before, after)) continue;
    const segments = path.split('.');
    if (SPECIAL_FIELDS.has(segments[0] as string)) continue;
    const field = lower(fieldTitle(kind, segments));
    const value = (item: unknown) => (referenceTargetsAt(kind, segments) ? showList(item, names) : show(item));
    if (segments[0] === 'description') say(`${subject}: beskrivningen ändras.`);
    else if (before === undefined) say(`${subject}: ${field} anges till ${value(after)}.`);
    else if (after === undefined) say(`${subject}: ${field} tas bort (var ${value(before)}).`);
    else say(`${subject}: ${field} ändras från ${value(before)} till ${value(after)}.`);
  }
}

function compareRoles(name: string, a: Data, b: Data, names: Names, say: (text: string, attention?: boolean) => void): void {
  for (const role of ROLE_KEYS) {
    if (LIST_ROLES.has(role)) {
      const before = groupList(a[role]);
      const after = groupList(b[role]);
      const singular = lower(roleTitle(role));
      for (const holder of after.filter((item) => !before.includes(item)))
        say(`${name}: ${groupName(holder, names)} läggs till som ${role === 'users' ? 'användare' : singular}.`);
      for (const holder of before.filter((item) => !after.includes(item)))
        say(`${name}: ${groupName(holder, names)} är inte längre ${role === 'users' ? 'användare' : singular}.`);
      if (before.length > 0 && after.length === 0) say(`${name}: ${lower(roleTitle(role, 'plural'))} lämnas tomt.`, true);
      continue;
    }
    const before = typeof a[role] === 'string' ? (a[role] as string) : undefined;
    const after = typeof b[role] === 'string' ? (b[role] as string) : undefined;
    if (before === after) continue;
    const title = lower(roleTitle(role));
    if (before && after) say(`${name}: ${title} ändras från ${names(before)} till ${names(after)}.`);
    else if (after) say(`${name}: ${names(after)} blir ${title}.`);
    else if (before) say(`${name}: ${title} lämnas tom (${names(before)} tas bort).`, true);
  }
}

/** The systems where each person or unit holds a role, by name, with the role. O(role references). */
function rolesByHolder(entries: readonly Entry[]): Map<string, { system: string; role: RoleKey }[]> {
  const result = new Map<string, { system: string; role: RoleKey }[]>();
  for (const entry of entries) {
    if (entry.kind !== 'system') continue;
    for (const { path, id } of referencesOf('system', entry.data)) {
      if (path[0] !== 'roles') continue;
      addTo(result, id, { system: entryName(entry, entry.fileId), role: path[1] as RoleKey });
    }
  }
  return result;
}

/** Names of the systems where the holder has one of the roles (any role when none given), each once. */
function systemsHeld(roles: ReadonlyMap<string, { system: string; role: RoleKey }[]>, id: string, only?: readonly RoleKey[]): string[] {
  const held = (roles.get(id) ?? []).filter(({ role }) => !only || only.includes(role));
  return [...new Set(held.map(({ system }) => system))];
}

/** User groups are unit ids or named groups; compare them by a stable key. */
function groupList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => (typeof item === 'string' ? item : `#${String((item as Data)?.name ?? '')}`));
}

function groupName(key: string, names: Names): string {
  return key.startsWith('#') ? key.slice(1) : names(key);
}

/** The systems a system's data says it uses, whether written as ids or with a type. */
function dependencyIds(data: Data): string[] {
  return referencesOf('system', data)
    .filter(({ path }) => path[0] === 'dependencies')
    .map(({ id }) => id);
}

/** Scalar fields by dotted path; lists of scalars are kept whole. */
function flatten(data: Data, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(data)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value as Data, path, into);
    else into.set(path, value);
  }
  return into;
}

/** Most fields of a change are the same value, which needs no JSON to tell. */
function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return 'inget';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (Array.isArray(value)) return joinSwedish(value.map((item) => show(item)));
  return String(value);
}

function showList(value: unknown, names: Names): string {
  return Array.isArray(value) ? joinSwedish(value.map((item) => names(String(item)))) : names(String(value));
}

export function formatChanges(sentences: readonly ChangeSentence[], style: 'text' | 'markdown'): string {
  const heading = style === 'markdown' ? '## Ändringar i systemförteckningen\n\n' : 'Ändringar i systemförteckningen:\n';
  if (sentences.length === 0) return `${heading}Ändringen påverkar inte registrets innehåll.\n`;
  // Sentences quote register values: each is made inert for where it is shown.
  const safe = style === 'markdown' ? markdownText : terminalText;
  const lines = sentences.map(
    (sentence) => `- ${sentence.attention ? (style === 'markdown' ? '⚠️ **Observera:** ' : 'OBS: ') : ''}${safe(sentence.text)}`,
  );
  return `${heading}${lines.join('\n')}\n`;
}
