// One row per system with the named roles: the register page, its client-side
// filter data and the CSV/JSON downloads are all made from these rows.
import type { RegisterModel, SystemRecord } from '../model/model.ts';
import { holder, userGroupHolder, type Holder } from './holders.ts';

export interface RegisterRow {
  id: string;
  name: string;
  description: string;
  unit: Holder;
  status: string;
  owner: Holder;
  manager: Holder;
  administrators: Holder[];
  operations: Holder;
  users: Holder[];
  hosting: string;
  criticality: string;
  supplier: string;
  reviewed: string;
  source: string;
}

export function registerRow(model: RegisterModel, system: SystemRecord): RegisterRow {
  const { roles } = system;
  return {
    id: system.id,
    name: system.name,
    description: system.description,
    unit: holder(model, system.unit),
    status: system.status,
    owner: holder(model, roles.owner),
    manager: holder(model, roles.manager),
    administrators: roles.administrators.map((id) => holder(model, id)),
    operations: holder(model, roles.operations),
    users: roles.users.map((group) => userGroupHolder(model, group)),
    hosting: system.hosting ?? '',
    criticality: system.criticality ?? '',
    supplier: system.supplier?.name ?? '',
    reviewed: system.reviewed ?? '',
    source: system.source,
  };
}

/** Rows in the model's order (by name). O(systems + role holders). */
export function registerRows(model: RegisterModel): RegisterRow[] {
  return model.systems.map((system) => registerRow(model, system));
}

/**
 * The compact form of the rows that the register page's script filters and
 * sorts: arrays instead of objects, and every unit or person once in a
 * shared table that rows point into. About a tenth of the size of the HTML.
 */
export interface RegisterIndex {
  /** [kind, id, name] with kind "p" (person), "u" (unit) or "g" (other). */
  holders: [string, string, string][];
  /** [id, name, unit, status, owner, manager, administrators, operations, hosting]; holders by index. */
  rows: [string, string, number, string, number, number, number[], number, string][];
}

export function registerIndex(rows: readonly RegisterRow[]): RegisterIndex {
  const holders: RegisterIndex['holders'] = [];
  const numbers = new Map<string, number>();
  const number = (holder: Holder) => {
    const key = `${holder.kind}:${holder.id}:${holder.name}`;
    let index = numbers.get(key);
    if (index === undefined) {
      index = holders.push([holder.kind === 'person' ? 'p' : holder.kind === 'unit' ? 'u' : 'g', holder.id, holder.name]) - 1;
      numbers.set(key, index);
    }
    return index;
  };
  return {
    holders,
    rows: rows.map((row) => [
      row.id,
      row.name,
      number(row.unit),
      row.status,
      number(row.owner),
      number(row.manager),
      row.administrators.map(number),
      number(row.operations),
      row.hosting,
    ]),
  };
}
