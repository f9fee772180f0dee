// How systems depend on each other: a dependency is an id, or an id with a
// type and a note; both read the same here.
import type { System } from '../schema/types.ts';
import type { DEPENDENCY_TYPES } from '../vocabulary.ts';

export type DependencyType = (typeof DEPENDENCY_TYPES)[number];

export interface Dependency {
  /** The system depended on. */
  id: string;
  type?: DependencyType;
  note?: string;
}

export function dependenciesOf(system: Pick<System, 'dependencies'>): Dependency[] {
  return (system.dependencies ?? []).map((item) =>
    typeof item === 'string' ? { id: item } : { id: item.system, ...(item.type ? { type: item.type } : {}), ...(item.note ? { note: item.note } : {}) },
  );
}
