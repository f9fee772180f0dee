// Every place where one entry names another by id, read from the schemas'
// x-references annotations (schema/common.ts reference()): the reference
// rules, the resolver, npm run new, the import and the change summary all
// read references through this one list, so a new reference field is
// declared once, in its zod schema.
import type { Kind, ReferableKind } from '../kinds.ts';
import { valueAt, type DataPath } from '../data-path.ts';
import { COMMITTED_SCHEMAS, type JsonSchemaNode } from '../schema/committed.ts';
import { REFERENCES_KEYWORD } from '../vocabulary.ts';

export interface Reference {
  path: DataPath;
  id: string;
  /** Kinds the id may name; operations may be a unit or a person. */
  targets: readonly ReferableKind[];
}

export interface ReferenceField {
  /** Keys from the entry's root; list items are not part of it. */
  path: readonly string[];
  targets: readonly ReferableKind[];
  /** The field is a list of references (or of user groups, where only ids are references). */
  list: boolean;
  /** Besides ids, the list may hold named groups ({ name: … }), as users does. */
  namedGroups: boolean;
  /** The list's items are objects that name the entry under this key ({ system: … }), as typed dependencies do. */
  itemKey?: string;
}

const KEYWORD = REFERENCES_KEYWORD;

/** The reference fields of a kind, found by walking its committed JSON Schema once. */
function fieldsOf(schema: JsonSchemaNode): ReferenceField[] {
  const fields: ReferenceField[] = [];
  const walk = (node: JsonSchemaNode, path: string[], list: boolean) => {
    const targets = node[KEYWORD] as ReferableKind[] | undefined;
    if (targets) {
      fields.push({ path, targets, list, namedGroups: false });
      return;
    }
    for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, [...path, key], false);
    if (node.items) walk(node.items, path, true);
    const branches = node.anyOf ?? [];
    const referenceBranch = branches.find((branch) => branch[KEYWORD]);
    const objectBranches = branches.filter((branch) => branch.type === 'object');
    const keyed = objectBranches.flatMap((branch) =>
      Object.entries(branch.properties ?? {}).flatMap(([key, child]) =>
        child[KEYWORD] ? [{ key, targets: child[KEYWORD] as ReferableKind[] }] : [],
      ),
    );
    if (referenceBranch) {
      fields.push({
        path,
        targets: referenceBranch[KEYWORD] as ReferableKind[],
        list,
        namedGroups: objectBranches.length > 0 && keyed.length === 0,
      });
    }
    for (const { key, targets } of keyed) fields.push({ path, targets, list, namedGroups: false, itemKey: key });
  };
  walk(schema, [], false);
  return fields;
}

const FIELDS = Object.fromEntries(
  (Object.keys(COMMITTED_SCHEMAS) as Kind[]).map((kind) => [kind, fieldsOf(COMMITTED_SCHEMAS[kind])]),
) as Record<Kind, ReferenceField[]>;

/**
 * Calls `visit` with each reference an entry's data makes: the field, the id
 * and, in a list, the item's index. Nothing is allocated for a reference, so
 * that a rule which looks at every reference of a large register pays for a
 * path only where it has something to say. O(size of the entry).
 */
export function forEachReference(
  kind: Kind,
  data: Record<string, unknown>,
  visit: (field: ReferenceField, id: string, index?: number) => void,
): void {
  for (const field of FIELDS[kind]) {
    const value = valueAt(data, field.path);
    if (field.list) {
      if (!Array.isArray(value)) continue;
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        if (field.itemKey === undefined) {
          if (typeof item === 'string') visit(field, item, index);
          continue;
        }
        const id = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[field.itemKey] : undefined;
        if (typeof id === 'string') visit(field, id, index);
      }
    } else if (typeof value === 'string') visit(field, value);
  }
}

/** Where a reference forEachReference found stands in the entry's data. */
export function referencePath(field: ReferenceField, index?: number): DataPath {
  if (index === undefined) return field.path;
  return field.itemKey === undefined ? [...field.path, index] : [...field.path, index, field.itemKey];
}

/** The references an entry's data makes. O(size of the entry). */
export function referencesOf(kind: Kind, data: Record<string, unknown>): Reference[] {
  const references: Reference[] = [];
  forEachReference(kind, data, (field, id, index) => references.push({ path: referencePath(field, index), id, targets: field.targets }));
  return references;
}

/** The reference field at `path` (list indexes ignored), when the field is one. */
export function referenceFieldAt(kind: Kind, path: readonly (string | number)[]): ReferenceField | undefined {
  const names = path.filter((segment) => typeof segment === 'string');
  return FIELDS[kind].find((field) => {
    const full = field.itemKey === undefined ? field.path : [...field.path, field.itemKey];
    return full.length === names.length && full.every((segment, index) => segment === names[index]);
  });
}

/** The kinds a field may name, when the field at `path` is a reference. */
export function referenceTargetsAt(kind: Kind, path: readonly (string | number)[]): readonly ReferableKind[] | undefined {
  return referenceFieldAt(kind, path)?.targets;
}
