// Per-file check against the JSON Schemas with ajv, turning ajv's errors into
// Swedish issues that say which field, what was expected, what was found and
// how to fix it.
import { addTo } from '../collections.ts';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { findingOn, type Finding, type RuleId } from '../findings/findings.ts';
import { displayPath } from '../schema/labels.ts';
import { KINDS, type Kind } from '../kinds.ts';
import { COMMITTED_SCHEMAS, type JsonSchemaNode } from '../schema/committed.ts';
import {
  DURATION_PATTERN,
  GIT_HANDLE_PATTERN,
  ID_PATTERN,
  NOT_EMPTY_PATTERN,
  ONE_LINE_PATTERN,
  ORG_NUMBER_PATTERN,
  PHONE_PATTERN,
  REFERENCES_KEYWORD,
  TEAM_PATTERN,
  VISIBILITY_KEYWORD,
  WEB_URL_PATTERN,
} from '../vocabulary.ts';
import { capitalize, closestMatch, didYouMean, joinSwedish, lowerFirst, quoted, toId } from '../text/text.ts';
import type { DataPath } from '../data-path.ts';
import { synonymFor } from '../domain/synonyms.ts';

let ajv: Ajv2020 | undefined;
const validators = new Map<Kind, ValidateFunction>();

function validatorFor(kind: Kind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false });
      // An annotation for the register's own code (model/references.ts), not a check.
      ajv.addKeyword(REFERENCES_KEYWORD);
      ajv.addKeyword(VISIBILITY_KEYWORD);
      formats.default(ajv, ['date', 'email', 'uri']);
    }
    validate = ajv.compile(COMMITTED_SCHEMAS[kind]);
    validators.set(kind, validate);
  }
  return validate;
}

/** Checks one parsed file against its kind's schema. O(size of the data). */
export function checkAgainstSchema(kind: Kind, file: string, data: unknown): Finding[] {
  const validate = validatorFor(kind);
  if (validate(data)) return [];
  const described = selectErrors(validate.errors ?? []).map((error) => describe(error, kind, data));
  // A misspelt key is reported once, as the typo, not also as a missing field.
  const typos = new Set(described.flatMap((item) => (item.meant ? [[...item.path.slice(0, -1), item.meant].join('/')] : [])));
  const found: Finding[] = [];
  const seen = new Set<string>();
  for (const { path, target, rule, message } of described) {
    const key = `${path.join('/')}|${target}`;
    if (seen.has(key) || (rule === 'missing-field' && typos.has(path.join('/')))) continue;
    seen.add(key);
    found.push(findingOn({ file, path, target, rule, message }));
  }
  return found;
}

/**
 * ajv reports every keyword that failed. Keep the most telling one per value:
 * within anyOf the branch that matches the value's type, and a format error
 * rather than the pattern zod adds next to it.
 */
function selectErrors(errors: ErrorObject[]): ErrorObject[] {
  let selected = errors;
  for (const anyOf of errors.filter((error) => error.keyword === 'anyOf')) {
    const prefix = `${anyOf.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const error of selected) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split('/')[0] as string;
      addTo(branches, branch, error);
    }
    const branchErrors = [...branches.values()];
    selected = selected.filter((error) => error !== anyOf && !error.schemaPath.startsWith(prefix));
    if (branchErrors.every((errors) => errors.every((error) => error.keyword === 'required'))) {
      // "One of these fields is required", as in the guideline front matter.
      selected.push({ ...anyOf, keyword: 'anyOfRequired', params: { branches: branchErrors } });
      continue;
    }
    const fitting = branchErrors.find(
      (errors) => !errors.some((error) => error.keyword === 'type' && error.instancePath === anyOf.instancePath),
    );
    selected.push(...(fitting ?? [anyOf]));
  }
  const formatAt = new Set(selected.filter((error) => error.keyword === 'format').map((error) => error.instancePath));
  return selected.filter((error) => !(error.keyword === 'pattern' && formatAt.has(error.instancePath)));
}

interface Described {
  path: DataPath;
  target: 'key' | 'value';
  rule: RuleId;
  message: string;
  /** For an unknown field: the allowed field it most likely meant. */
  meant?: string;
}

function toPath(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function fieldName(path: DataPath, schema: JsonSchemaNode | undefined): string {
  const name = path.length === 0 ? 'filen' : `"${displayPath(path)}"`;
  const title = schema?.title;
  return title ? `${name} (${title})` : name;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  integer: 'ett heltal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'ett avsnitt med fält',
  null: 'tomt',
  nonfinite: '.nan eller .inf, som inte är ett tal att räkna med',
};

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return !Number.isFinite(value) ? 'nonfinite' : Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** What each pattern of the schemas asks for, keyed by the pattern itself. */
const PATTERN_HINTS: Record<string, string> = {
  [ID_PATTERN.source]: 'får bara innehålla små bokstäver a–z, siffror och enkla bindestreck, till exempel "anna-andersson"',
  [NOT_EMPTY_PATTERN.source]: 'får inte vara tom',
  [ONE_LINE_PATTERN.source]: 'ska stå på en rad och får inte vara tom',
  [ORG_NUMBER_PATTERN.source]: 'ska skrivas NNNNNN-NNNN, till exempel "556123-4567"',
  [DURATION_PATTERN.source]: 'ska vara en tid: ett heltal och min, h (timmar), d (dagar) eller w (veckor), till exempel "4h", "2d" eller "1w"',
  [PHONE_PATTERN.source]: 'ska vara ett telefonnummer med siffror, mellanslag och bindestreck, till exempel "010-123 45 67"',
  [GIT_HANDLE_PATTERN.source]: 'ska vara ett användarnamn på GitHub utan @, till exempel "annaandersson"',
  [TEAM_PATTERN.source]: 'ska skrivas @organisation/team (GitHub) eller @grupp/undergrupp (GitLab), till exempel "@exempelkommun/it-avdelningen"',
  [WEB_URL_PATTERN.source]: 'ska vara en webbadress som börjar med https:// (eller http://), till exempel "https://www.exempelkommun.se/"',
};

/**
 * Checks one text value against a schema field's format and pattern, as ajv
 * does; returns what the field asks for when the value does not fit. Used by
 * npm run new to check answers before a file is written.
 */
export function textValueProblem(schema: JsonSchemaNode | undefined, value: string): string | undefined {
  const fitsFormat = !schema?.format || (FORMAT_CHECKS[schema.format]?.(value) ?? true);
  const fitsPattern = !schema?.pattern || new RegExp(schema.pattern, 'u').test(value);
  if (fitsFormat && fitsPattern) return undefined;
  // A format (zod adds a pattern beside it) is explained by the format's hint.
  if (schema?.format) return FORMAT_HINTS[schema.format] ?? `ska ha formatet ${schema.format}`;
  return PATTERN_HINTS[schema?.pattern ?? ''] ?? `ska matcha mönstret ${schema?.pattern}`;
}

const FORMAT_CHECKS: Record<string, (value: string) => boolean> = {
  email: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
  uri: (value) => URL.canParse(value),
};

const FORMAT_HINTS: Record<string, string> = {
  date: 'ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD, till exempel "2026-03-15"',
  email: 'ska vara en e-postadress, till exempel "namn@exempelkommun.se"',
  uri: 'ska vara en webbadress som börjar med https:// (eller http://), till exempel "https://www.exempelkommun.se/"',
};

/** What a describer knows about one ajv error. */
interface ErrorContext {
  error: ErrorObject;
  kind: Kind;
  path: (string | number)[];
  schema: JsonSchemaNode | undefined;
  /** `"roles.owner" (Systemägare)`, capitalised for the start of a sentence. */
  Field: string;
  value: unknown;
  /** The whole file's data, to notice a field that slid out to the left margin. */
  root: unknown;
}

type Describer = (context: ErrorContext) => Described;

const at = (context: ErrorContext, rule: RuleId, message: string, target: 'key' | 'value' = 'value'): Described => ({
  path: context.path,
  target,
  rule,
  message,
});

/** One Swedish description per ajv keyword: the field, what was expected, what was found and how to fix it. */
const DESCRIBERS: Record<string, Describer> = {
  required({ error, path, schema, root }) {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    const childSchema = schema?.properties?.[missing];
    const childPath = [...path, missing];
    const example = childSchema?.examples?.[0];
    const how = example === undefined ? '' : `, till exempel ${missing}: ${exampleText(example)}`;
    if (path.length === 1 && isObjectWith(root, missing)) {
      return {
        path: childPath,
        target: 'key',
        rule: 'missing-field',
        message: `Fältet ${fieldName(childPath, childSchema)} saknas under ${displayPath(path)}: raden "${missing}:" längre ned står längst till vänster i stället för indragen. Dra in den med två mellanslag så att den hör till ${displayPath(path)}.`,
      };
    }
    return {
      path: childPath,
      target: 'key',
      rule: 'missing-field',
      message: `Fältet ${fieldName(childPath, childSchema)} saknas. Lägg till det${path.length ? ` under ${displayPath(path)}` : ''}${how}.`,
    };
  },
  anyOfRequired(context) {
    const { error, path, schema } = context;
    const names = (error.params as { branches: ErrorObject[][] }).branches.flatMap((branch) =>
      branch.map((inner) => (inner.params as { missingProperty: string }).missingProperty),
    );
    const titles = names.map((name) => fieldName([...path, name], schema?.properties?.[name]));
    return at(context, 'missing-field', `Ange minst ett av fälten ${joinSwedish(titles).replace(/ och /, ' eller ')}.`, 'key');
  },
  additionalProperties({ error, path, schema }) {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    const allowed = Object.keys(schema?.properties ?? {});
    const where = path.length ? ` under ${displayPath(path)}` : '';
    const section = path.length === 0 ? sectionOwning(extra, schema) : undefined;
    if (section) {
      return {
        path: [...path, extra],
        target: 'key',
        rule: 'unknown-field',
        message: `Fältet "${extra}" hör till ${section} men står längst till vänster. Dra in raden med två mellanslag så att den hamnar under ${section}:.`,
      };
    }
    const meant = closestMatch(extra, allowed);
    return {
      path: [...path, extra],
      target: 'key',
      rule: 'unknown-field',
      message: `Okänt fält "${extra}"${where}.${meant ? ` Menade du "${meant}"?` : ''} Tillåtna fält här: ${allowed.join(', ')}.`,
      ...(meant ? { meant } : {}),
    };
  },
  type(context) {
    const { error, schema, Field, value } = context;
    const expected = String((error.params as { type: string }).type);
    const actual = typeOf(value);
    if (actual === 'null')
      return at(context, 'empty-value', `${Field} saknar värde. Fyll i ${TYPE_WORDS[expected] ?? expected} efter kolonet.`, 'key');
    let hint = '';
    if (expected === 'string' && (actual === 'integer' || actual === 'number' || actual === 'boolean')) {
      // The parsed number has lost any leading zero: show the field's own example instead.
      const example = typeof schema?.examples?.[0] === 'string' ? schema.examples[0] : String(value);
      hint = ` Sätt värdet inom citattecken så att det läses som text, till exempel "${example}".`;
    } else if (expected === 'array') hint = ' Skriv varje värde på en egen rad som börjar med "- ".';
    else if (expected === 'boolean') hint = ' Skriv true eller false utan citattecken.';
    else if (actual === 'nonfinite') hint = ' Skriv ett vanligt tal, till exempel 12.';
    return at(
      context,
      'wrong-type',
      `${Field} ska vara ${TYPE_WORDS[expected] ?? expected} men är ${TYPE_WORDS[actual] ?? actual}.${hint}`,
    );
  },
  enum(context) {
    const { error, Field, value } = context;
    const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
    const synonym = typeof value === 'string' ? synonymFor(value, allowed) : undefined;
    const suggestion = synonym ? ` Menade du "${synonym}"?` : typeof value === 'string' ? didYouMean(value, allowed) : '';
    return at(
      context,
      'not-allowed-value',
      `${Field} har värdet ${quoted(value)}, som inte är tillåtet.${suggestion} Tillåtna värden: ${allowed.join(', ')}.`,
    );
  },
  format(context) {
    const format = String((context.error.params as { format: string }).format);
    return at(
      context,
      'invalid-format',
      `${context.Field} ${FORMAT_HINTS[format] ?? `ska ha formatet ${format}`}; ${quoted(context.value)} är det inte.`,
    );
  },
  pattern(context) {
    const { error, Field, value } = context;
    const pattern = String((error.params as { pattern: string }).pattern);
    const blank = typeof value === 'string' && !NOT_EMPTY_PATTERN.test(value);
    if ((pattern === NOT_EMPTY_PATTERN.source || pattern === ONE_LINE_PATTERN.source) && blank)
      return at(context, 'empty-value', `${Field} får inte vara tom. Fyll i en text.`);
    if (pattern === ONE_LINE_PATTERN.source)
      return at(
        context,
        'line-break',
        `${Field} får bara vara en rad, men har en radbrytning. Skriv värdet på en rad, utan | eller > och utan \\n.`,
      );
    if (pattern === ID_PATTERN.source && typeof value === 'string' && looksLikeCollapsedList(value)) {
      return at(
        context,
        'list-indentation',
        `${Field} är ${quoted(value)}: det ser ut som flera punkter i en lista som blivit ett enda värde, för att indraget inte stämmer. Kontrollera indraget: varje punkt ska stå på en egen rad som börjar med "- ", lika långt in som den första.`,
      );
    }
    const hint = PATTERN_HINTS[pattern] ?? `ska matcha mönstret ${pattern}`;
    const lowered = typeof value === 'string' ? suggestId(value, pattern) : '';
    return at(context, 'invalid-format', `${Field} ${hint}; ${quoted(value)} gör inte det.${lowered}`);
  },
  minItems(context) {
    const limit = (context.error.params as { limit: number }).limit;
    return at(
      context,
      'too-few',
      `${context.Field} måste ha minst ${limit === 1 ? 'en punkt' : `${limit} punkter`}. Lägg till en rad som börjar med "- ".`,
      'key',
    );
  },
  maxLength(context) {
    const limit = (context.error.params as { limit: number }).limit;
    return at(
      context,
      'too-long',
      `${context.Field} får vara högst ${limit} tecken; ${quoted(context.value)} har ${String(context.value).length}. Korta det.`,
    );
  },
  minimum: outOfRange,
  maximum: outOfRange,
};

function outOfRange(context: ErrorContext): Described {
  const min = context.schema?.minimum;
  const max = context.schema?.maximum;
  const range = min !== undefined && max !== undefined ? `mellan ${min} och ${max}` : min !== undefined ? `minst ${min}` : `högst ${max}`;
  return at(context, 'out-of-range', `${context.Field} ska vara ${range}; ${quoted(context.value)} är det inte.`);
}

/** Any other keyword: say what the field should be, from its own description in the schema. */
function otherwise(context: ErrorContext): Described {
  const { schema, kind, Field, value } = context;
  const expected = schema?.description
    ? `Fältet ska vara: ${lowerFirst(schema.description)}`
    : `Se schemas/${KINDS[kind].schemaFile} för vad fältet får innehålla.`;
  return at(context, 'schema', `${Field} har värdet ${quoted(value)}, som inte passar här. ${expected}`);
}

function describe(error: ErrorObject, kind: Kind, root: unknown): Described {
  const path = toPath(error.instancePath);
  const schema = error.parentSchema as JsonSchemaNode | undefined;
  const context = { error, kind, path, schema, Field: capitalize(fieldName(path, schema)), value: error.data, root };
  return (DESCRIBERS[error.keyword] ?? otherwise)(context);
}

/** "daniel-engstrom - camilla-ahlberg": ids joined by " - ", which YAML makes of a list item indented too far. */
function looksLikeCollapsedList(value: string): boolean {
  const parts = value.split(/\s+-\s+/);
  return parts.length > 1 && parts.every((part) => ID_PATTERN.test(part));
}

function isObjectWith(data: unknown, key: string): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && Object.hasOwn(data, key);
}

/** The section (roles, contract …) whose own fields include `key`, for a field written at the left margin. */
function sectionOwning(key: string, schema: JsonSchemaNode | undefined): string | undefined {
  return Object.entries(schema?.properties ?? {}).find(([, child]) => child.properties && Object.hasOwn(child.properties, key))?.[0];
}

function exampleText(example: unknown): string {
  if (Array.isArray(example)) return `[${example.map((item) => String(item)).join(', ')}]`;
  if (typeof example === 'object' && example !== null) return JSON.stringify(example);
  return String(example);
}

/** For an id with capitals, spaces or å/ä/ö, show the id it was probably meant to be. */
function suggestId(value: string, pattern: string): string {
  if (pattern !== ID_PATTERN.source) return '';
  const id = toId(value);
  return id && id !== value ? ` Skriv till exempel "${id}".` : '';
}
