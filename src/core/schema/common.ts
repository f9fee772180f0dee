// Building blocks shared by the entity schemas. Every field carries a Swedish
// title and description: they become the editor's hover help (through the
// generated JSON Schemas), the site's field labels and the documentation.
import * as z from 'zod';
import { ID_PATTERN } from './vocabulary.ts';

type FieldDoc = {
  title: string;
  description: string;
  examples?: unknown[];
};

/** Attaches the Swedish documentation to a schema. */
export function doc<T extends z.ZodType>(schema: T, fieldDoc: FieldDoc): T {
  return schema.meta(fieldDoc);
}


/** A reference to another register entry by its id. */
export function reference(target: string, fieldDoc: FieldDoc) {
  return doc(z.string().regex(ID_PATTERN), {
    ...fieldDoc,
    description: `${fieldDoc.description} Anges med id (filnamnet utan .yaml) för ${target}.`,
  });
}

/** Non-empty text: at least one character that is not white space. */
export function text(fieldDoc: FieldDoc) {
  return doc(z.string().regex(/\S/), fieldDoc);
}

export function date(fieldDoc: FieldDoc) {
  return doc(z.iso.date(), { ...fieldDoc, description: `${fieldDoc.description} Skrivs ÅÅÅÅ-MM-DD.` });
}

export function url(fieldDoc: FieldDoc) {
  return doc(z.url({ protocol: /^https?$/ }), fieldDoc);
}

export function email(fieldDoc: FieldDoc) {
  return doc(z.email(), fieldDoc);
}

export const idField = doc(z.string().regex(ID_PATTERN), {
  title: 'Id',
  description:
    'Unikt id som också är filnamnet (utan .yaml). Bara små bokstäver a–z, siffror och bindestreck, till exempel "lonesystem" eller "anna-andersson".',
  examples: ['lonesystem'],
});
