// Everything a person's page shows: the roles they hold and the units they head.
import type { PersonRecord } from '#core/model/model.ts';
import { siteData } from '../data.ts';

export function personPaths() {
  return siteData().model.people.map((person) => ({ params: { id: person.id }, props: { person } }));
}

export function personPage(person: PersonRecord) {
  const { model } = siteData();
  return {
    person,
    assignments: model.assignmentsByHolder.get(person.id) ?? [],
    heads: model.unitsByHead.get(person.id) ?? [],
  };
}
