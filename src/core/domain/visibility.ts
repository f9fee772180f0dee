// Who may see what. Every field of every kind has an audience in its schema
// (x-visibility, schema/visibility.ts): declared on the field, or inherited
// from the section it is in. settings.yaml may change a field's audience
// (visibility: { system.notes: intern }), and a whole entry may be narrower
// (visibility: skyddad). Everything that decides what a build, a download or
// a command shows asks this module, and nothing else.
import type { Kind } from '../kinds.ts';
import { COMMITTED_SCHEMAS, type JsonSchemaNode } from '../schema/committed.ts';
import type { Visibility } from '../schema/visibility.ts';
import { AUDIENCES, VISIBILITY_KEYWORD, type Audience } from '../vocabulary.ts';
import { referenceFieldAt } from './references.ts';

export type { Audience };

/** Changes to fields' audiences from settings.yaml, by "kind.path": { "system.notes": "intern" }. */
export type AudienceOverrides = Readonly<Record<string, Audience>>;

export interface FieldAudience {
  kind: Kind;
  /** Keys from the entry's root; list items are not part of it. */
  path: readonly string[];
  /** The field's title in the schema. */
  title: string;
  /** Its default audience and why: its own declaration, or its section's. */
  visibility: Visibility;
  /** Declared on the field itself, not inherited. */
  declared: boolean;
}

/** offentlig 0, intern 1, skyddad 2: a reader sees a field when its rank is at least the field's. */
export function audienceRank(audience: Audience): number {
  return AUDIENCES.indexOf(audience);
}

export function canSee(reader: Audience, field: Audience): boolean {
  return audienceRank(field) <= audienceRank(reader);
}

/** The narrower of two audiences. */
export function narrower(a: Audience, b: Audience): Audience {
  return audienceRank(a) >= audienceRank(b) ? a : b;
}

/** Every field of a kind's committed JSON Schema, with its audience. Sections come before their fields. */
function fieldsOf(kind: Kind, schema: JsonSchemaNode): FieldAudience[] {
  const fields: FieldAudience[] = [];
  const walk = (node: JsonSchemaNode, path: string[], inherited: Visibility | undefined) => {
    const own = node[VISIBILITY_KEYWORD] as Visibility | undefined;
    const visibility = own ?? inherited;
    if (path.length > 0 && visibility) fields.push({ kind, path, title: node.title ?? path.join('.'), visibility, declared: own !== undefined });
    for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, [...path, key], visibility);
    if (node.items) walkInside(node.items, path, visibility);
    for (const branch of node.anyOf ?? []) walkInside(branch, path, visibility);
  };
  // A list's items and a union's branches are the field itself: their properties are its fields.
  const walkInside = (node: JsonSchemaNode, path: string[], visibility: Visibility | undefined) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, [...path, key], visibility);
    if (node.items) walkInside(node.items, path, visibility);
    for (const branch of node.anyOf ?? []) walkInside(branch, path, visibility);
  };
  walk(schema, [], undefined);
  return fields;
}

const FIELDS = Object.fromEntries((Object.keys(COMMITTED_SCHEMAS) as Kind[]).map((kind) => [kind, fieldsOf(kind, COMMITTED_SCHEMAS[kind])])) as Record<Kind, FieldAudience[]>;
const BY_PATH = Object.fromEntries(
  (Object.keys(FIELDS) as Kind[]).map((kind) => [kind, new Map(FIELDS[kind].map((field) => [field.path.join('.'), field]))]),
) as Record<Kind, Map<string, FieldAudience>>;

/** Every field of a kind, with its default audience: for the docs' table and the checks of overrides. */
export function fieldAudiences(kind: Kind): readonly FieldAudience[] {
  return FIELDS[kind];
}

/** The field at a path of keys (list indexes skipped), when the kind has one. */
export function fieldAt(kind: Kind, path: readonly (string | number)[]): FieldAudience | undefined {
  return BY_PATH[kind].get(path.filter((segment) => typeof segment === 'string').join('.'));
}

/** The fields that name the entry itself: they follow the entry's visibility and cannot be given another. */
export const IDENTITY_FIELDS: ReadonlySet<string> = new Set(['id', 'name', 'title', 'visibility']);

/**
 * Who may see the field at `path` of an entry of `kind`: the deepest override
 * that covers it, else its schema's audience. A path the schema does not know
 * (a typo the validator reports) is protected, to be safe.
 */
export function audienceOf(kind: Kind, path: readonly (string | number)[], overrides: AudienceOverrides = {}): Audience {
  const keys = path.filter((segment): segment is string => typeof segment === 'string');
  for (let length = keys.length; length > 0; length--) {
    const override = overrides[`${kind}.${keys.slice(0, length).join('.')}`];
    if (override) return override;
  }
  return BY_PATH[kind].get(keys.join('.'))?.visibility.audience ?? 'skyddad';
}

/**
 * The widest audience that may see anything at `path`: the field's own, or
 * that of a field inside it. A section withheld from the public may hold a
 * public field (a contract's end date), which the public then sees alone.
 */
export function widestAudienceWithin(kind: Kind, path: readonly (string | number)[], overrides: AudienceOverrides = {}): Audience {
  const keys = path.filter((segment): segment is string => typeof segment === 'string');
  let widest = audienceOf(kind, keys, overrides);
  for (const field of FIELDS[kind]) {
    if (field.path.length <= keys.length || !keys.every((key, index) => field.path[index] === key)) continue;
    const audience = audienceOf(kind, field.path, overrides);
    if (audienceRank(audience) < audienceRank(widest)) widest = audience;
  }
  return widest;
}

/** The field that names an entry of a kind: a guideline's title, every other kind's name. */
export function nameField(kind: Kind): string {
  return kind === 'guideline' ? 'title' : 'name';
}

/**
 * Who may see an entry at all: whoever may see its name, narrowed by the
 * entry's own visibility. People are staff: the public sees none.
 */
export function entryAudience(kind: Kind, data: Record<string, unknown>, overrides: AudienceOverrides = {}): Audience {
  // A visibility the schema does not know ("skydad") is taken as the narrowest until it is corrected.
  const own = data.visibility === undefined ? 'offentlig' : AUDIENCES.includes(data.visibility as Audience) ? (data.visibility as Audience) : 'skyddad';
  return narrower(own, audienceOf(kind, [nameField(kind)], overrides));
}

/**
 * An entry's data split in two: what the main register holds, and its
 * protected fields for the protected registry (settings.protectedRegistry),
 * with the id, and in a list of references the key each item names its entry
 * by, so that the two are laid together again (reading/protected.ts).
 * `protectedPart` is undefined when the entry has no protected field.
 */
export function splitByAudience(
  kind: Kind,
  data: Record<string, unknown>,
  overrides: AudienceOverrides = {},
): { main: Record<string, unknown>; protectedPart: Record<string, unknown> | undefined } {
  const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
  const split = (value: unknown, path: (string | number)[]): [unknown, unknown] => {
    if (Array.isArray(value)) {
      const pairs = value.map((item, index) => split(item, [...path, index]));
      const kept = pairs.map(([main]) => main).filter((item) => item !== undefined);
      const hidden = pairs.flatMap(([, part], index) => {
        if (part === undefined) return [];
        const item = value[index];
        const key = Object.keys(isObject(item) ? item : {}).find((name) => referenceFieldAt(kind, [...path, index, name])?.itemKey === name);
        return [key && isObject(item) ? { [key]: item[key], ...(part as object) } : part];
      });
      return [kept.length > 0 ? kept : undefined, hidden.length > 0 ? hidden : undefined];
    }
    if (isObject(value)) {
      const main: Record<string, unknown> = {};
      const hidden: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        const [kept, part] = split(child, [...path, key]);
        if (kept !== undefined) main[key] = kept;
        if (part !== undefined) hidden[key] = part;
      }
      return [Object.keys(main).length > 0 ? main : undefined, Object.keys(hidden).length > 0 ? hidden : undefined];
    }
    return audienceOf(kind, path, overrides) === 'skyddad' ? [undefined, value] : [value, undefined];
  };
  const [main, hidden] = split(data, []);
  return { main: (main ?? {}) as Record<string, unknown>, protectedPart: hidden ? { id: data.id, ...(hidden as object) } : undefined };
}

/**
 * Who already reads the register's repository: everyone who may propose a
 * change. Without a protected registry they can read every fact in it, so an
 * output that goes back to them (a reminder issue, the report in a job
 * summary) may hold anything; with one, the protected facts live elsewhere and
 * those outputs are for staff (intern).
 */
export function repositoryAudience(settings: { protectedRegistry?: string | undefined }): Audience {
  return settings.protectedRegistry ? 'intern' : 'skyddad';
}
