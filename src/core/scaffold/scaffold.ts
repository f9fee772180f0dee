// What `npm run new` asks for each kind of entry, how answers are checked,
// and the commented YAML it writes. Pure: the command supplies answers and
// the register's ids; this module never touches the disk.
import { dump } from 'js-yaml';
import { KINDS, type ReferableKind } from '../kinds.ts';
import { schemaAt } from '../schema/labels.ts';
import { textValueProblem } from '../checking/schema-check.ts';
import { referenceFieldAt } from '../domain/references.ts';
import { ID_PATTERN, NOT_EMPTY_PATTERN, ONE_LINE_PATTERN } from '../vocabulary.ts';
import { closestMatch, joinSwedish, lowerFirst, toId } from '../text/text.ts';

export const SCAFFOLD_KINDS = ['system', 'person', 'unit', 'equipment'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

type FieldType =
  | { type: 'text'; oneLine: boolean }
  | { type: 'id' }
  /** Text checked against the field's own pattern and format in the schema. */
  | { type: 'schema' }
  | { type: 'number' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'reference'; targets: readonly ReferableKind[]; list?: boolean }
  | { type: 'userGroups' };

/** What `npm run new` asks, in order; what each answer must be comes from the schema. */
interface FieldQuestion {
  /** Data path in the written file. */
  path: readonly string[];
  /** Command-line flag, without the leading dashes. */
  flag: string;
  question: string;
  /** Asked although the schema allows leaving it out (a new unit always has a parent). */
  required?: true;
  /** A suggestion shown in the prompt and used when the answer is empty. */
  suggest?: (answers: Answers, context: ScaffoldContext) => string | undefined;
}

export interface ScaffoldField extends Omit<FieldQuestion, 'required'> {
  required: boolean;
  fieldType: FieldType;
}

export type Answers = Record<string, string>;

export interface ScaffoldContext {
  /** Ids that exist, by kind, from the file names in the register. */
  ids: ReadonlyMap<string, ReadonlySet<string>>;
  itDepartment?: string | undefined;
  today: string;
}

const idQuestion: FieldQuestion = {
  path: ['id'],
  flag: 'id',
  question: 'Id (filnamn)',
  suggest: (answers) => (answers.name ? toId(answers.name) : undefined),
};

const QUESTIONS: Record<ScaffoldKind, FieldQuestion[]> = {
  system: [
    { path: ['name'], flag: 'name', question: 'Systemets namn' },
    idQuestion,
    { path: ['description'], flag: 'description', question: 'Vad används systemet till? (en mening)' },
    { path: ['unit'], flag: 'unit', question: 'Ägande verksamhet (id för enheten)' },
    { path: ['status'], flag: 'status', question: 'Status', suggest: () => 'planerad' },
    { path: ['roles', 'owner'], flag: 'owner', question: 'Systemägare (id för personen)' },
    { path: ['roles', 'manager'], flag: 'manager', question: 'Systemförvaltare (id för personen)' },
    { path: ['roles', 'administrators'], flag: 'administrators', question: 'Systemadministratörer (id, flera skiljs med komma)' },
    {
      path: ['roles', 'operations'],
      flag: 'operations',
      question: 'Driftansvarig (id för enhet eller person)',
      suggest: (_answers, context) => context.itDepartment,
    },
    { path: ['roles', 'users'], flag: 'users', question: 'Användare (enheters id eller namn på grupper, flera skiljs med komma)' },
    { path: ['hosting'], flag: 'hosting', question: 'Driftform' },
  ],
  person: [
    { path: ['name'], flag: 'name', question: 'Namn (för- och efternamn)' },
    idQuestion,
    { path: ['title'], flag: 'title', question: 'Befattning' },
    { path: ['unit'], flag: 'unit', question: 'Enhet (id)' },
    { path: ['email'], flag: 'email', question: 'E-post' },
    { path: ['phone'], flag: 'phone', question: 'Telefon' },
    { path: ['gitHandle'], flag: 'git-handle', question: 'Användarnamn på GitHub' },
  ],
  unit: [
    { path: ['name'], flag: 'name', question: 'Enhetens namn' },
    idQuestion,
    { path: ['type'], flag: 'type', question: 'Typ', suggest: () => 'avdelning' },
    { path: ['parent'], flag: 'parent', question: 'Överordnad enhet (id)', required: true },
    { path: ['head'], flag: 'head', question: 'Chef (id för personen)' },
    { path: ['description'], flag: 'description', question: 'Vad ansvarar enheten för?' },
  ],
  equipment: [
    { path: ['name'], flag: 'name', question: 'Benämning' },
    idQuestion,
    { path: ['category'], flag: 'category', question: 'Kategori' },
    { path: ['description'], flag: 'description', question: 'Beskrivning' },
    { path: ['frameworkAgreement', 'name'], flag: 'framework-agreement', question: 'Ramavtal' },
    { path: ['ordering'], flag: 'ordering', question: 'Så beställer du' },
    { path: ['price', 'amount'], flag: 'price', question: 'Pris i kronor exklusive moms' },
  ],
};

/** What the schema says an answer must be. */
function fieldTypeAt(kind: ScaffoldKind, path: readonly string[]): FieldType {
  if (path.length === 1 && path[0] === 'id') return { type: 'id' };
  const reference = referenceFieldAt(kind, path);
  if (reference?.namedGroups) return { type: 'userGroups' };
  if (reference) return { type: 'reference', targets: reference.targets, ...(reference.list ? { list: true } : {}) };
  const schema = schemaAt(kind, path);
  if (schema?.enum) return { type: 'enum', values: schema.enum.map(String) };
  if (schema?.type === 'number' || schema?.type === 'integer') return { type: 'number' };
  const oneLine = schema?.pattern === ONE_LINE_PATTERN.source;
  if (schema?.format || (schema?.pattern && schema.pattern !== NOT_EMPTY_PATTERN.source && !oneLine)) return { type: 'schema' };
  return { type: 'text', oneLine };
}

/** Required when every object on the way requires the next key. */
function isRequired(kind: ScaffoldKind, path: readonly string[]): boolean {
  return path.every((key, index) => (schemaAt(kind, path.slice(0, index))?.required ?? []).includes(key));
}

export const SCAFFOLD_FIELDS: Record<ScaffoldKind, ScaffoldField[]> = Object.fromEntries(
  SCAFFOLD_KINDS.map((kind) => [
    kind,
    QUESTIONS[kind].map((question) => ({
      ...question,
      required: question.required ?? isRequired(kind, question.path),
      fieldType: fieldTypeAt(kind, question.path),
    })),
  ]),
) as Record<ScaffoldKind, ScaffoldField[]>;

const PLACES: Record<ReferableKind, string> = { person: 'personer', unit: 'enheter', system: 'system' };

function splitList(value: string): string[] {
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
      if (!value.trim()) return 'Skriv en text.';
      return fieldType.oneLine && !ONE_LINE_PATTERN.test(value) ? 'Skriv texten på en rad, utan radbrytningar.' : undefined;
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
 * The file text: the schema comment for editors (or, for a file of the
 * protected registry, which has no schemas beside it, a line that says what
 * the file is), then each field with a short Swedish comment above it taken
 * from the schema's documentation.
 */
export function entryYaml(kind: ScaffoldKind, data: Record<string, unknown>, place: 'register' | 'protected' = 'register'): string {
  const lines = [
    place === 'register'
      ? `# yaml-language-server: $schema=../../schemas/${KINDS[kind].schemaFile}`
      : `# Skyddade uppgifter om ${String(data.id)}. Resten står i registrets ${KINDS[kind].dir}/${String(data.id)}${KINDS[kind].ext}.`,
  ];
  // One dump for the whole entry, then a comment above each field of a mapping
  // (not inside list items), found from the indentation of its line.
  const dumped = dump(data, { lineWidth: -1, flowLevel: -1, noRefs: true }).trimEnd().split('\n');
  const path: { indent: number; key: string }[] = [];
  let listIndent = Number.POSITIVE_INFINITY;
  for (const line of dumped) {
    const indent = line.length - line.trimStart().length;
    if (indent <= listIndent) listIndent = Number.POSITIVE_INFINITY;
    if (line.trimStart().startsWith('- ')) listIndent = Math.min(listIndent, indent);
    const key = /^ *([A-Za-z][A-Za-z0-9]*):(?: |$)/.exec(line)?.[1];
    if (key !== undefined && indent < listIndent) {
      while (path.length > 0 && (path[path.length - 1] as { indent: number }).indent >= indent) path.pop();
      path.push({ indent, key });
      const comment = fieldComment(
        kind,
        path.map((segment) => segment.key),
      );
      if (comment) lines.push(`${' '.repeat(indent)}# ${comment}`);
    }
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/** "Systemägare: ansvarar för systemets omfattning, ekonomi och långsiktiga strategi." */
function fieldComment(kind: ScaffoldKind, path: readonly string[]): string | undefined {
  const schema = schemaAt(kind, path);
  if (!schema?.title) return undefined;
  const firstSentence = (schema.description ?? '').split(/(?<=\.)\s/)[0] ?? '';
  if (!firstSentence) return schema.title;
  return `${schema.title}: ${lowerFirst(firstSentence)}`;
}
