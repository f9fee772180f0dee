// What `npm run new` asks for each kind of entry, how answers are checked,
// and the commented YAML it writes. Pure: the command supplies answers and
// the register's ids; this module never touches the disk.
import { dump } from 'js-yaml';
import { KINDS, type ReferableKind } from '../kinds.ts';
import { schemaAt } from '../schema/labels.ts';
import { textValueProblem } from '../checking/schema-check.ts';
import { SYSTEM_STATUSES } from '../model/lifecycle.ts';
import { EQUIPMENT_CATEGORIES, HOSTING_FORMS, ID_PATTERN, UNIT_TYPES } from '../schema/vocabulary.ts';
import { closestMatch, joinSwedish, toId } from '../text/text.ts';

export const SCAFFOLD_KINDS = ['system', 'person', 'unit', 'equipment'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

type FieldType =
  | { type: 'text' }
  | { type: 'id' }
  /** Text checked against the field's own pattern and format in the schema. */
  | { type: 'schema' }
  | { type: 'number' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'reference'; targets: readonly ReferableKind[]; list?: boolean }
  | { type: 'userGroups' };

export interface ScaffoldField {
  /** Data path in the written file. */
  path: readonly string[];
  /** Command-line flag, without the leading dashes. */
  flag: string;
  question: string;
  required: boolean;
  fieldType: FieldType;
  /** A suggestion shown in the prompt and used when the answer is empty. */
  suggest?: (answers: Answers, context: ScaffoldContext) => string | undefined;
}

export type Answers = Record<string, string>;

export interface ScaffoldContext {
  /** Ids that exist, by kind, from the file names in the register. */
  ids: ReadonlyMap<string, ReadonlySet<string>>;
  itDepartment?: string | undefined;
  today: string;
}

const text = { type: 'text' } as const;
const person = { type: 'reference', targets: ['person'] } as const;
const unit = { type: 'reference', targets: ['unit'] } as const;
const idField: ScaffoldField = {
  path: ['id'],
  flag: 'id',
  question: 'Id (filnamn)',
  required: true,
  fieldType: { type: 'id' },
  suggest: (answers) => (answers.name ? toId(answers.name) : undefined),
};

export const SCAFFOLD_FIELDS: Record<ScaffoldKind, ScaffoldField[]> = {
  system: [
    { path: ['name'], flag: 'name', question: 'Systemets namn', required: true, fieldType: text },
    idField,
    { path: ['description'], flag: 'description', question: 'Vad används systemet till? (en mening)', required: true, fieldType: text },
    { path: ['unit'], flag: 'unit', question: 'Ägande verksamhet (id för enheten)', required: true, fieldType: unit },
    {
      path: ['status'],
      flag: 'status',
      question: 'Status',
      required: true,
      fieldType: { type: 'enum', values: SYSTEM_STATUSES },
      suggest: () => 'planerad',
    },
    { path: ['roles', 'owner'], flag: 'owner', question: 'Systemägare (id för personen)', required: true, fieldType: person },
    { path: ['roles', 'manager'], flag: 'manager', question: 'Systemförvaltare (id för personen)', required: true, fieldType: person },
    {
      path: ['roles', 'administrators'],
      flag: 'administrators',
      question: 'Systemadministratörer (id, flera skiljs med komma)',
      required: true,
      fieldType: { type: 'reference', targets: ['person'], list: true },
    },
    {
      path: ['roles', 'operations'],
      flag: 'operations',
      question: 'Driftansvarig (id för enhet eller person)',
      required: true,
      fieldType: { type: 'reference', targets: ['unit', 'person'] },
      suggest: (_answers, context) => context.itDepartment,
    },
    {
      path: ['roles', 'users'],
      flag: 'users',
      question: 'Användare (enheters id eller namn på grupper, flera skiljs med komma)',
      required: true,
      fieldType: { type: 'userGroups' },
    },
    { path: ['hosting'], flag: 'hosting', question: 'Driftform', required: false, fieldType: { type: 'enum', values: HOSTING_FORMS } },
  ],
  person: [
    { path: ['name'], flag: 'name', question: 'Namn (för- och efternamn)', required: true, fieldType: text },
    idField,
    { path: ['title'], flag: 'title', question: 'Befattning', required: true, fieldType: text },
    { path: ['unit'], flag: 'unit', question: 'Enhet (id)', required: true, fieldType: unit },
    { path: ['email'], flag: 'email', question: 'E-post', required: true, fieldType: { type: 'schema' } },
    { path: ['phone'], flag: 'phone', question: 'Telefon', required: false, fieldType: { type: 'schema' } },
    { path: ['gitHandle'], flag: 'git-handle', question: 'Användarnamn på GitHub', required: false, fieldType: { type: 'schema' } },
  ],
  unit: [
    { path: ['name'], flag: 'name', question: 'Enhetens namn', required: true, fieldType: text },
    idField,
    {
      path: ['type'],
      flag: 'type',
      question: 'Typ',
      required: true,
      fieldType: { type: 'enum', values: UNIT_TYPES },
      suggest: () => 'avdelning',
    },
    { path: ['parent'], flag: 'parent', question: 'Överordnad enhet (id)', required: true, fieldType: unit },
    { path: ['head'], flag: 'head', question: 'Chef (id för personen)', required: false, fieldType: person },
    { path: ['description'], flag: 'description', question: 'Vad ansvarar enheten för?', required: false, fieldType: text },
  ],
  equipment: [
    { path: ['name'], flag: 'name', question: 'Benämning', required: true, fieldType: text },
    idField,
    {
      path: ['category'],
      flag: 'category',
      question: 'Kategori',
      required: true,
      fieldType: { type: 'enum', values: EQUIPMENT_CATEGORIES },
    },
    { path: ['description'], flag: 'description', question: 'Beskrivning', required: true, fieldType: text },
    { path: ['frameworkAgreement', 'name'], flag: 'framework-agreement', question: 'Ramavtal', required: true, fieldType: text },
    { path: ['ordering'], flag: 'ordering', question: 'Så beställer du', required: true, fieldType: text },
    { path: ['price', 'amount'], flag: 'price', question: 'Pris i kronor exklusive moms', required: false, fieldType: { type: 'number' } },
  ],
};

const PLACES: Record<ReferableKind, string> = { person: 'personer', unit: 'enheter', system: 'system' };

export function splitList(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Checks one answer; returns a Swedish message saying what to write instead, or undefined. */
export function checkAnswer(field: ScaffoldField, value: string, context: ScaffoldContext, kind: ScaffoldKind): string | undefined {
  const { fieldType } = field;
  switch (fieldType.type) {
    case 'text':
      return value.trim() ? undefined : 'Skriv en text.';
    case 'id': {
      if (!ID_PATTERN.test(value))
        return `Id får bara innehålla små bokstäver a–z, siffror och bindestreck, till exempel "${toId(value) || 'lonesystem'}".`;
      for (const [other, ids] of context.ids) if (ids.has(value)) return `Id "${value}" används redan (${other}). Välj ett annat.`;
      return undefined;
    }
    case 'schema': {
      const problem = textValueProblem(schemaAt(kind, field.path), value);
      return problem ? `${field.question} ${problem}.` : undefined;
    }
    case 'number':
      return /^\d+(?:[.,]\d+)?$/.test(value) ? undefined : 'Skriv ett tal, till exempel 9800.';
    case 'enum': {
      if (fieldType.values.includes(value)) return undefined;
      const meant = closestMatch(value, fieldType.values);
      return `${meant ? `Menade du "${meant}"? ` : ''}Välj ett av: ${fieldType.values.join(', ')}.`;
    }
    case 'reference': {
      const values = fieldType.list ? splitList(value) : [value.trim()];
      if (values.length === 0) return 'Ange minst ett id.';
      for (const item of values) {
        if (fieldType.targets.some((target) => context.ids.get(target)?.has(item))) continue;
        const candidates = fieldType.targets.flatMap((target) => [...(context.ids.get(target) ?? [])]);
        const meant = closestMatch(item, candidates);
        const where = joinSwedish(fieldType.targets.map((target) => `${KINDS[target].dir}/`)).replace(' och ', ' eller ');
        return `"${item}" finns inte bland registrets ${fieldType.targets.map((target) => PLACES[target]).join(' eller ')} (${where}).${meant ? ` Menade du "${meant}"?` : ''}${kind === 'system' ? ' Skapa den först med npm run new.' : ''}`;
      }
      return undefined;
    }
    case 'userGroups':
      return splitList(value).length > 0 ? undefined : 'Ange minst en enhet eller grupp.';
  }
}

/** Turns the answers into the entry's data, in the order the fields were asked. */
export function entryData(kind: ScaffoldKind, answers: Answers, context: ScaffoldContext): Record<string, unknown> {
  // The id comes first in the file, although it is asked after the name it is made from.
  const data: Record<string, unknown> = { id: answers.id };
  for (const field of SCAFFOLD_FIELDS[kind]) {
    const raw = answers[field.flag];
    if (raw === undefined || raw.trim() === '') continue;
    setPath(data, field.path, convert(field.fieldType, raw.trim(), context));
  }
  if (kind === 'person') data.active = true;
  if (kind === 'system') data.reviewed = context.today;
  return data;
}

function convert(fieldType: FieldType, value: string, context: ScaffoldContext): unknown {
  if (fieldType.type === 'number') return Number(value.replace(',', '.'));
  if (fieldType.type === 'reference' && fieldType.list) return splitList(value);
  if (fieldType.type === 'userGroups')
    return splitList(value).map((group) => (context.ids.get('unit')?.has(group) ? group : { name: group }));
  return value;
}

function setPath(data: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let target = data;
  for (const segment of path.slice(0, -1)) target = (target[segment] ??= {}) as Record<string, unknown>;
  target[path[path.length - 1] as string] = value;
}

/**
 * The file text: the schema comment for editors, then each field with a
 * short Swedish comment above it taken from the schema's documentation.
 */
export function entryYaml(kind: ScaffoldKind, data: Record<string, unknown>): string {
  const lines = [`# yaml-language-server: $schema=../../schemas/${KINDS[kind].schemaFile}`];
  const emit = (value: Record<string, unknown>, path: string[], indent: string) => {
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, key];
      const comment = fieldComment(kind, childPath);
      if (comment) lines.push(`${indent}# ${comment}`);
      if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
        lines.push(`${indent}${key}:`);
        emit(child as Record<string, unknown>, childPath, `${indent}  `);
      } else {
        const rendered = dump({ [key]: child }, { lineWidth: -1, flowLevel: -1 })
          .trimEnd()
          .split('\n');
        lines.push(...rendered.map((line) => `${indent}${line}`));
      }
    }
  };
  emit(data, [], '');
  return `${lines.join('\n')}\n`;
}

/** "Systemägare: ansvarar för systemets omfattning, ekonomi och långsiktiga strategi." */
function fieldComment(kind: ScaffoldKind, path: readonly string[]): string | undefined {
  const schema = schemaAt(kind, path);
  if (!schema?.title) return undefined;
  const firstSentence = (schema.description ?? '').split(/(?<=\.)\s/)[0] ?? '';
  if (!firstSentence) return schema.title;
  return `${schema.title}: ${firstSentence.charAt(0).toLocaleLowerCase('sv')}${firstSentence.slice(1)}`;
}
