// One row per system with the named roles: the register page, its filter
// script's index and the downloads are all made from these rows, through the
// columns in register-columns.ts.
import type { VisibleModel, VisibleSystem } from '../model/model.ts';
import { holder, userGroupHolder, type Holder } from './holders.ts';

export interface RegisterRow {
  id: string;
  name: string;
  description: string;
  unit: Holder;
  status: string;
  /** The role holders; absent, or empty, where the audience may not see the roles. */
  owner?: Holder;
  manager?: Holder;
  administrators: Holder[];
  operations?: Holder;
  users: Holder[];
  hosting: string;
  criticality: string;
  supplier: string;
  reviewed: string;
  source: string;
  /** What else people call it, for the filter: aliases, product, supplier, the unit's aliases. */
  alsoKnownAs: string;
}

function registerRow(model: VisibleModel, system: VisibleSystem): RegisterRow {
  const { roles } = system;
  return {
    id: system.id,
    name: system.name,
    description: system.description,
    unit: holder(model, system.unit),
    status: system.status,
    ...(roles
      ? { owner: holder(model, roles.owner), manager: holder(model, roles.manager), operations: holder(model, roles.operations) }
      : {}),
    administrators: (roles?.administrators ?? []).map((id) => holder(model, id)),
    users: (roles?.users ?? []).map((group) => userGroupHolder(model, group)),
    hosting: system.hosting ?? '',
    criticality: system.criticality ?? '',
    supplier: system.supplier?.name ?? '',
    reviewed: system.reviewed ?? '',
    source: system.source,
    alsoKnownAs: [...(system.aliases ?? []), system.product, system.supplier?.name, ...(model.unitById.get(system.unit)?.aliases ?? [])]
      .filter(Boolean)
      .join(' '),
  };
}

/** Rows in the model's order (by name). O(systems + role holders). */
export function registerRows(model: VisibleModel): RegisterRow[] {
  return model.systems.map((system) => registerRow(model, system));
}
