// Everything a unit's page shows, built once per unit: where it sits, who
// heads it, the systems it owns, operates and uses, and its people.
import { systemsByAdministration, unitAncestry, type UnitRecord } from '#core/model/model.ts';
import { siteData } from '../data.ts';
import { url } from '../urls.ts';

export function unitPaths() {
  return siteData().model.units.map((unit) => ({ params: { id: unit.id }, props: { unit } }));
}

export function unitPage(unit: UnitRecord) {
  const { model, maps, sections } = siteData();
  const assignments = model.assignmentsByHolder.get(unit.id) ?? [];
  const byRole = (role: string) => assignments.filter((assignment) => assignment.role === role).map((assignment) => assignment.system);
  return {
    unit,
    ancestors: unitAncestry(model, unit.id).slice(0, -1),
    head: unit.head ? model.personById.get(unit.head) : undefined,
    children: model.childUnits.get(unit.id) ?? [],
    people: (model.peopleByUnit.get(unit.id) ?? []).filter((person) => person.active),
    owns: model.systemsByUnit.get(unit.id) ?? [],
    operates: byRole('operations'),
    uses: byRole('users'),
    legallyOwns: byRole('legalOwner'),
    /** The register's text filter finds the unit's name in any column. */
    filterByName: url(`system/?text=${encodeURIComponent(unit.name)}`),
    hasMap: maps.some((mapped) => mapped.id === unit.id),
    /** A förvaltning that owns systems has a feed of their changes and, for staff, a calendar (export/andringar/, export/kalender/). */
    follow: systemsByAdministration(model).has(unit.id) ? { calendar: sections.avtal } : undefined,
  };
}
