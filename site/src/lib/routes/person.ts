// Everything a person's page shows: the roles they hold and the units they head.
import type { PersonRecord } from '#core/model/model.ts';
import { siteData } from '../data.ts';

export function personPaths() {
  return siteData().model.people.map((person) => ({ params: { id: person.id }, props: { person } }));
}

export function personPage(person: PersonRecord) {
  const { model, sections } = siteData();
  const assignments = model.assignmentsByHolder.get(person.id) ?? [];
  return {
    person,
    /** A system owner has a calendar of contracts and reviews of their own (export/kalender/agare/<id>.ics). */
    hasCalendar: sections.avtal && assignments.some(({ role }) => role === 'owner'),
    assignments,
    heads: model.unitsByHead.get(person.id) ?? [],
  };
}
