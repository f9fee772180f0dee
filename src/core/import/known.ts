// What the register already has, as the importer matches against it: people
// (by name and e-mail), units, systems and every id in use. From every entry
// the model has read, valid or not, so that an import also works on a
// register that does not yet validate (the usual state while adopting the tool).
import type { RegisterModel } from '../model/model.ts';
import type { KnownRegister } from './types.ts';

export function knownRegister(model: RegisterModel): KnownRegister {
  const of = (kind: string) => model.entries.filter((entry) => entry.kind === kind);
  return {
    people: of('person').map((entry) => ({ id: entry.id, name: entry.name ?? '', email: entry.email ?? '' })),
    units: of('unit').map((entry) => ({ id: entry.id, name: entry.name ?? '', ...(entry.parent ? { parent: entry.parent } : {}) })),
    systems: of('system').map((entry) => ({ id: entry.id, name: entry.name ?? '' })),
    ids: new Set([...model.claimedIds.values()].flatMap((ids) => [...ids])),
    ...(model.unitById.has(model.settings.itDepartment) ? { itDepartment: model.settings.itDepartment } : {}),
  };
}
