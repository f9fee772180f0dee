// The two councils of guideline §3, derived from the register.
import type { PersonRecord, VisibleModel, VisibleSystem, UnitRecord } from '#core/model/model.ts';
import { countsForCouncils } from '#core/domain/lifecycle.ts';
import { unitSubtree } from '#core/model/model.ts';
import { bySwedish } from '#core/text/text.ts';

export interface CouncilMember {
  person: PersonRecord;
  /** Systems the member manages (systemförvaltare); empty for IT staff who manage none. */
  manages: VisibleSystem[];
  fromItDepartment: boolean;
}

export interface SystemManagementCouncil {
  convenor: PersonRecord | undefined;
  members: CouncilMember[];
  itDepartment: UnitRecord | undefined;
}

/**
 * "Rådet består av samtliga systemförvaltare och berörd personal på
 * IT-avdelningen … Kommunens IT-chef är sammankallande." Managers of systems
 * in use, plus the IT department's staff in post. O(systems + people).
 */
export function systemManagementCouncil(model: VisibleModel): SystemManagementCouncil {
  const itUnits = unitSubtree(model, model.settings.itDepartment);
  const members = new Map<string, CouncilMember>();
  const member = (person: PersonRecord) => {
    let entry = members.get(person.id);
    if (!entry) {
      entry = { person, manages: [], fromItDepartment: itUnits.has(person.unit) };
      members.set(person.id, entry);
    }
    return entry;
  };
  for (const system of model.systems) {
    if (!countsForCouncils(system.status)) continue;
    const manager = system.roles ? model.personById.get(system.roles.manager) : undefined;
    if (manager?.active) member(manager).manages.push(system);
  }
  for (const person of model.people) if (person.active && itUnits.has(person.unit)) member(person);
  const itDepartment = model.unitById.get(model.settings.itDepartment);
  return {
    convenor: itDepartment?.head ? model.personById.get(itDepartment.head) : undefined,
    members: [...members.values()].sort(bySwedish((entry) => entry.person.name)),
    itDepartment,
  };
}

export interface PoliticalCouncil {
  unit: UnitRecord;
  chair: PersonRecord | undefined;
  members: PersonRecord[];
}

/** "Kommunstyrelsens arbetsutskott är kommunens politiska IT-råd." */
export function politicalItCouncil(model: VisibleModel): PoliticalCouncil | undefined {
  const id = model.settings.politicalItCouncil;
  const unit = id ? model.unitById.get(id) : undefined;
  if (!unit) return undefined;
  const chair = unit.head ? model.personById.get(unit.head) : undefined;
  const members = (model.peopleByUnit.get(unit.id) ?? []).filter((person) => person.active && person.id !== chair?.id);
  return { unit, chair, members };
}
