// Who an id names: a person or a unit, with a display name. Used wherever a
// role holder is shown, so every page and export names people the same way.
import type { VisibleModel } from '../model/model.ts';
import type { UserGroup } from '../schema/types.ts';

export interface Holder {
  id: string;
  name: string;
  kind: 'person' | 'unit' | 'group' | 'unknown';
}

export function holder(model: VisibleModel, id: string): Holder {
  const person = model.personById.get(id);
  if (person) return { id, name: person.name, kind: 'person' };
  const unit = model.unitById.get(id);
  if (unit) return { id, name: unit.name, kind: 'unit' };
  return { id, name: id, kind: 'unknown' };
}

export function userGroupHolder(model: VisibleModel, group: UserGroup): Holder {
  return typeof group === 'string' ? holder(model, group) : { id: '', name: group.name, kind: 'group' };
}
