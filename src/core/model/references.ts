// Every place where one entry names another by id. The reference rule, the
// resolver and the change summary all read references through this one list.
import type { Kind, ReferableKind } from '../kinds.ts';
import type { DataPath } from '../reading/yaml.ts';

export interface Reference {
  path: DataPath;
  id: string;
  /** Kinds the id may name; operations may be a unit or a person. */
  targets: readonly ReferableKind[];
}

type Spec = { path: string[]; targets: readonly ReferableKind[]; list?: boolean };

const SPECS: Partial<Record<Kind, Spec[]>> = {
  system: [
    { path: ['unit'], targets: ['unit'] },
    { path: ['roles', 'owner'], targets: ['person'] },
    { path: ['roles', 'manager'], targets: ['person'] },
    { path: ['roles', 'administrators'], targets: ['person'], list: true },
    { path: ['roles', 'operations'], targets: ['unit', 'person'] },
    // A user group is a unit id or a named group object; only ids are references.
    { path: ['roles', 'users'], targets: ['unit'], list: true },
    { path: ['roles', 'informationOwner'], targets: ['person'] },
    { path: ['roles', 'legalOwner'], targets: ['unit'] },
    { path: ['roles', 'technicalManager'], targets: ['person'] },
    { path: ['roles', 'superUsers'], targets: ['person'], list: true },
    { path: ['dependencies'], targets: ['system'], list: true },
  ],
  person: [{ path: ['unit'], targets: ['unit'] }],
  unit: [
    { path: ['parent'], targets: ['unit'] },
    { path: ['head'], targets: ['person'] },
  ],
  settings: [
    { path: ['itDepartment'], targets: ['unit'] },
    { path: ['politicalItCouncil'], targets: ['unit'] },
  ],
};

/** The references an entry's data makes. O(size of the entry). */
export function referencesOf(kind: Kind, data: Record<string, unknown>): Reference[] {
  const references: Reference[] = [];
  for (const spec of SPECS[kind] ?? []) {
    const value = valueAt(data, spec.path);
    if (spec.list) {
      if (!Array.isArray(value)) continue;
      value.forEach((item, index) => {
        if (typeof item === 'string') references.push({ path: [...spec.path, index], id: item, targets: spec.targets });
      });
    } else if (typeof value === 'string') {
      references.push({ path: spec.path, id: value, targets: spec.targets });
    }
  }
  return references;
}

/** The value at a path of keys, or undefined where the path does not exist. */
export function valueAt(data: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** The kinds a field may name, when the field at `path` (list index or not) is a reference. */
export function referenceTargetsAt(kind: Kind, path: readonly (string | number)[]): readonly ReferableKind[] | undefined {
  const names = path.filter((segment) => typeof segment === 'string');
  return SPECS[kind]?.find((spec) => spec.path.length === names.length && spec.path.every((segment, index) => segment === names[index]))
    ?.targets;
}
