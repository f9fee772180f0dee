// What the register already has, as the importer matches against it: people
// (by name and e-mail), units, systems and every id in use. Read from the
// parsed register, so that an import also works on a register that does not
// yet validate (the usual state while adopting the tool).
import type { CheckedRegister } from '../checking/check-files.ts';
import type { RegisterModel } from '../model/model.ts';
import type { KnownRegister } from './types.ts';

export function knownRegister(parsed: CheckedRegister, model: RegisterModel): KnownRegister {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const of = (kind: string) => parsed.entries.filter((entry) => entry.kind === kind);
  return {
    people: of('person').map((entry) => ({ id: entry.fileId, name: text(entry.data.name), email: text(entry.data.email) })),
    units: of('unit').map((entry) => ({
      id: entry.fileId,
      name: text(entry.data.name),
      ...(entry.data.parent ? { parent: text(entry.data.parent) } : {}),
    })),
    systems: of('system').map((entry) => ({ id: entry.fileId, name: text(entry.data.name) })),
    ids: new Set([...parsed.fileIds.values()].flatMap((ids) => [...ids])),
    ...(model.unitById.has(model.settings.itDepartment) ? { itDepartment: model.settings.itDepartment } : {}),
  };
}
