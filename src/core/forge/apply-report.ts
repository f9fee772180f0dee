// From a change report to the edit it asks for, for the common cases: a role
// with a new holder, a system's status, its supplier. Everything else, and
// anything ambiguous, is said in Swedish for the IT department to do by hand.
// Pure: the answers and the model in, the field changes and sentences out.
import { SYSTEM_STATUSES } from '../domain/lifecycle.ts';
import type { PersonRecord, RegisterModel, SystemRecord, UnitRecord } from '../model/model.ts';
import { roleTitle } from '../domain/roles.ts';
import { synonymFor } from '../domain/synonyms.ts';
import { codePointName, firstControlCharacter } from '../text/output.ts';
import { foldText } from '../text/text.ts';
import type { FieldChange } from '../writing/yaml-edit.ts';
import { REPORT_TOPICS, roleOf, topicOf, type ReportFieldId } from './change-report.ts';

export interface ReportEdit {
  /** The system the report is about, when found. */
  system?: SystemRecord;
  changes: FieldChange[];
  /** What the edit does, one sentence each. */
  done: string[];
  /** What must be done by hand, and why. */
  notDone: string[];
}

type Answers = Partial<Record<ReportFieldId, string>>;

/** The system a report's "Post i registret" names: its file, its id or its name. */
function findSystem(post: string | undefined, model: RegisterModel): SystemRecord | undefined {
  if (!post) return undefined;
  const wanted = post.trim().replace(/^.*?\/?(systems\/)/, '$1');
  return (
    model.systems.find((system) => system.source === wanted) ??
    model.systemById.get(wanted) ??
    model.systems.find((system) => foldText(system.name) === foldText(post))
  );
}

/** A person by id, e-mail or full name, written alone or as "Namn <e-post>" (which reads as "Namn e-post" rendered). */
function findPeople(value: string, model: RegisterModel): PersonRecord[] {
  const email = /[^\s<>@]+@[^\s<>@]+/.exec(value)?.[0];
  if (email) return model.people.filter((person) => person.email.toLowerCase() === email.toLowerCase());
  const byId = model.personById.get(value.trim());
  if (byId) return [byId];
  return model.people.filter((person) => foldText(person.name) === foldText(value));
}

function findUnit(value: string, model: RegisterModel): UnitRecord | undefined {
  return model.unitById.get(value.trim()) ?? model.units.find((unit) => foldText(unit.name) === foldText(value));
}

export function planReportEdit(answers: Answers, model: RegisterModel): ReportEdit {
  const edit: ReportEdit = { changes: [], done: [], notDone: [] };
  const topic = topicOf(answers.amne);
  const value = answers['nytt-varde']?.trim();
  const system = findSystem(answers.post, model);
  const byHand = (why: string) => edit.notDone.push(`${why} Gör ändringen för hand${answers.beskrivning ? `; rapportören skriver: "${answers.beskrivning.replace(/\s+/g, ' ').slice(0, 300)}"` : ''}.`);
  if (!topic) {
    byHand(`Rapporten anger inte vad ändringen gäller (${answers.amne ? `"${answers.amne}" är inget av valen` : 'fältet är tomt'}).`);
    return edit;
  }
  if (topic === 'person' || topic === 'other') {
    byHand(`Rapporten gäller "${REPORT_TOPICS[topic]}", som apply-report inte ändrar själv.`);
    return edit;
  }
  if (!system) {
    byHand(`Hittar inget system som "${answers.post ?? ''}" i registret.`);
    return edit;
  }
  edit.system = system;
  if (!value) {
    byHand('Rapporten anger inget nytt värde.');
    return edit;
  }
  // Text from an issue is written into the register as it stands: checked here, before anything is written.
  const hidden = firstControlCharacter(value);
  if (hidden) {
    byHand(`Det nya värdet innehåller ett osynligt tecken (${codePointName(hidden)}) och skrivs inte in.`);
    return edit;
  }
  if (topic === 'status') planStatus(edit, system, value, byHand);
  else if (topic === 'supplier') planSupplier(edit, system, value, byHand);
  else planRole(edit, system, answers.roll, value, model, byHand);
  return edit;
}

type ByHand = (why: string) => void;

function planStatus(edit: ReportEdit, system: SystemRecord, value: string, byHand: ByHand): void {
  const status = (SYSTEM_STATUSES as readonly string[]).includes(value) ? value : synonymFor(value, SYSTEM_STATUSES);
  if (!status) {
    byHand(`"${value}" är ingen status som registret känner till (${SYSTEM_STATUSES.join(', ')}).`);
    return;
  }
  if (status === system.status) {
    edit.notDone.push(`${system.name} har redan status ${status}; inget att ändra.`);
    return;
  }
  edit.changes.push({ key: 'status', value: status });
  edit.done.push(`${system.name}: status ändras från ${system.status} till ${status}.`);
}

function planSupplier(edit: ReportEdit, system: SystemRecord, value: string, byHand: ByHand): void {
  if (value.length > 200 || /[\r\n]/.test(value)) {
    byHand('Leverantörens namn är längre än en rad.');
    return;
  }
  const before = system.supplier?.name;
  if (before === value) {
    edit.notDone.push(`${system.name} har redan leverantören ${value}; inget att ändra.`);
    return;
  }
  edit.changes.push({ key: ['supplier', 'name'], value, after: 'hosting' });
  edit.done.push(
    `${system.name}: leverantör ${before ? `ändras från ${before} till ${value}` : `sätts till ${value}`}. Kontrollera organisationsnummer och avtal för hand.`,
  );
}

function planRole(edit: ReportEdit, system: SystemRecord, roleAnswer: string | undefined, value: string, model: RegisterModel, byHand: ByHand): void {
  const role = roleOf(roleAnswer);
  if (!role) {
    byHand(`Rapporten anger ingen roll som apply-report känner igen${roleAnswer ? ` ("${roleAnswer}")` : ''}.`);
    return;
  }
  const title = roleTitle(role).toLocaleLowerCase('sv');
  if (role === 'administrators' || role === 'superUsers') {
    byHand(`En ${title} står i en lista med flera personer; vem som ska bort framgår inte av ett nytt värde.`);
    return;
  }
  const people = findPeople(value, model);
  const unit = role === 'operations' && people.length === 0 ? findUnit(value, model) : undefined;
  if (people.length > 1) {
    byHand(`Flera personer i registret heter "${value}" (${people.map((person) => person.id).join(', ')}); ange e-postadressen.`);
    return;
  }
  const holder = people[0] ?? unit;
  if (!holder) {
    byHand(`Hittar ingen ${role === 'operations' ? 'person eller enhet' : 'person'} "${value}" i registret. Lägg till personen (npm run new -- person) och kör igen, eller ange e-postadressen.`);
    return;
  }
  if ('active' in holder && holder.active === false) {
    byHand(`${holder.name} har slutat enligt registret (active: false) och kan inte få rollen.`);
    return;
  }
  const current = system.roles[role];
  if (current === holder.id) {
    edit.notDone.push(`${holder.name} är redan ${title} för ${system.name}; inget att ändra.`);
    return;
  }
  const previous = typeof current === 'string' ? (model.personById.get(current)?.name ?? model.unitById.get(current)?.name ?? current) : undefined;
  edit.changes.push({ key: ['roles', role], value: holder.id });
  edit.done.push(`${system.name}: ${title} ${previous ? `ändras från ${previous} till ${holder.name}` : `blir ${holder.name}`}.`);
}
