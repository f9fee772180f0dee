// Building blocks shared by the entity schemas. Every field carries a Swedish
// title and description: they become the editor's hover help (through the
// generated JSON Schemas), the site's field labels and the documentation.
import * as z from 'zod';
import { KINDS, type ReferableKind } from '../kinds.ts';
import { ID_PATTERN, MAX_ID_LENGTH, NOT_EMPTY_PATTERN, ONE_LINE_PATTERN, REFERENCES_KEYWORD, WEB_URL_PATTERN } from '../vocabulary.ts';

type FieldDoc = {
  title: string;
  description: string;
  examples?: unknown[];
};

/** Attaches the Swedish documentation to a schema. */
export function doc<T extends z.ZodType>(schema: T, fieldDoc: FieldDoc): T {
  return schema.meta(fieldDoc);
}

/** A reference to another register entry by its id, of one of the given kinds. */
export function reference(targets: readonly ReferableKind[], fieldDoc: FieldDoc) {
  const where = targets.map((kind) => `${KINDS[kind].indefinite} i registry/${KINDS[kind].dir}/`).join(' eller ');
  return z
    .string()
    .regex(ID_PATTERN)
    .meta({ ...fieldDoc, description: `${fieldDoc.description} Anges med id (filnamnet utan .yaml) för ${where}.`, [REFERENCES_KEYWORD]: [...targets] });
}

/** One line of text that is not empty: a name, a title, a reference number. */
export function text(fieldDoc: FieldDoc) {
  return doc(z.string().regex(ONE_LINE_PATTERN), fieldDoc);
}

/** Text of one or more lines that is not empty: a description, a note. */
export function prose(fieldDoc: FieldDoc) {
  return doc(z.string().regex(NOT_EMPTY_PATTERN), fieldDoc);
}

export function date(fieldDoc: FieldDoc) {
  return doc(z.iso.date(), { ...fieldDoc, description: `${fieldDoc.description} Skrivs ÅÅÅÅ-MM-DD.` });
}

/**
 * A web address. The rule is a pattern so that it reaches the generated JSON
 * Schema (zod's protocol option does not), which is what ajv and the editors check.
 */
export function url(fieldDoc: FieldDoc) {
  return z.string().regex(WEB_URL_PATTERN).meta({ format: 'uri', ...fieldDoc });
}

export function email(fieldDoc: FieldDoc) {
  return doc(z.email(), fieldDoc);
}

export const idField = doc(z.string().regex(ID_PATTERN).max(MAX_ID_LENGTH), {
  title: 'Id',
  description:
    `Unikt id som också är filnamnet (utan .yaml). Bara små bokstäver a–z, siffror och bindestreck, högst ${MAX_ID_LENGTH} tecken, till exempel "lonesystem" eller "anna-andersson".`,
  examples: ['lonesystem'],
});

/** Other names people use for an entry: abbreviations, old names, product names. Searched, and shown on its page. */
export function aliases(example: string[]) {
  const alias = doc(z.string().regex(ONE_LINE_PATTERN).max(100), { title: 'Annat namn', description: 'En förkortning, ett tidigare namn eller ett produktnamn.' });
  return doc(z.array(alias).max(20), {
    title: 'Andra namn',
    description: 'Förkortningar, tidigare namn och produktnamn som medarbetare söker på. Visas på sidan och hittas av sökningen.',
    examples: [example],
  });
}
