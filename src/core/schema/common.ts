// Building blocks shared by the entity schemas. Every field carries a Swedish
// title and description: they become the editor's hover help (through the
// generated JSON Schemas), the site's field labels and the documentation.
// Every field also says who may see it (`visible`, schema/visibility.ts),
// directly or through the section it is in.
import * as z from 'zod';
import { KINDS, type ReferableKind } from '../kinds.ts';
import {
  DURATION_PATTERN,
  ID_PATTERN,
  MAX_ID_LENGTH,
  NOT_EMPTY_PATTERN,
  ONE_LINE_PATTERN,
  REFERENCES_KEYWORD,
  VISIBILITY_KEYWORD,
  WEB_URL_PATTERN,
} from '../vocabulary.ts';
import { AUDIENCE_LABELS, type Visibility } from './visibility.ts';

export type FieldDoc = {
  title: string;
  description: string;
  examples?: unknown[];
  /** Who may see the field (and the fields inside it, unless they say otherwise). */
  visible?: Visibility;
};

/** Attaches the Swedish documentation, and who may see the field, to a schema. */
export function doc<T extends z.ZodType>(schema: T, { visible, ...fieldDoc }: FieldDoc, extra: Record<string, unknown> = {}): T {
  if (!visible) return schema.meta({ ...fieldDoc, ...extra });
  return schema.meta({
    ...fieldDoc,
    description: `${fieldDoc.description} Synlig för: ${AUDIENCE_LABELS[visible.audience]}.`,
    ...extra,
    [VISIBILITY_KEYWORD]: { ...visible },
  });
}

/** A reference to another register entry by its id, of one of the given kinds. */
export function reference(targets: readonly ReferableKind[], fieldDoc: FieldDoc) {
  const where = targets.map((kind) => `${KINDS[kind].indefinite} i registry/${KINDS[kind].dir}/`).join(' eller ');
  return doc(
    z.string().regex(ID_PATTERN),
    { ...fieldDoc, description: `${fieldDoc.description} Anges med id (filnamnet utan .yaml) för ${where}.` },
    { [REFERENCES_KEYWORD]: [...targets] },
  );
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
/** A length of time: "30min", "4h", "2d", "1w" (domain/durations.ts reads it). */
export function duration(fieldDoc: FieldDoc) {
  return doc(z.string().regex(DURATION_PATTERN), { ...fieldDoc, description: `${fieldDoc.description} Skrivs som ett tal och min, h (timmar), d (dagar) eller w (veckor), till exempel 4h eller 2d.` });
}

export function url(fieldDoc: FieldDoc) {
  return doc(z.string().regex(WEB_URL_PATTERN), fieldDoc, { format: 'uri' });
}

export function email(fieldDoc: FieldDoc) {
  return doc(z.email(), fieldDoc);
}

/** The entry's id, seen by whoever may see the entry's name. */
export function idField(visible: Visibility) {
  return doc(z.string().regex(ID_PATTERN).max(MAX_ID_LENGTH), {
    title: 'Id',
    description: `Unikt id som också är filnamnet (utan .yaml). Bara små bokstäver a–z, siffror och bindestreck, högst ${MAX_ID_LENGTH} tecken, till exempel "lonesystem" eller "anna-andersson".`,
    examples: ['lonesystem'],
    visible,
  });
}

/**
 * A whole entry that only a narrower audience may see: a system whose very
 * existence is protected. Without it, the entry is seen by whoever may see
 * its name.
 */
export function entryVisibility(what: string) {
  return doc(z.enum(['intern', 'skyddad']), {
    title: 'Synlighet för hela posten',
    description: `intern: ${what} syns bara för kommunens personal, inte i den offentliga versionen. skyddad: ${what} syns bara i den skyddade versionen, för säkerhetsfunktionen. Utelämnat: ${what} syns för alla som får se namnet.`,
    examples: ['skyddad'],
    visible: { audience: 'intern', reason: 'Hur posten hanteras.', basis: 'Publiceras inte; ingen sekretess i sig.' },
  });
}

/** Other names people use for an entry: abbreviations, old names, product names. Searched, and shown on its page. */
export function aliases(example: string[], visible: Visibility) {
  const alias = doc(z.string().regex(ONE_LINE_PATTERN).max(100), { title: 'Annat namn', description: 'En förkortning, ett tidigare namn eller ett produktnamn.' });
  return doc(z.array(alias).max(20), {
    title: 'Andra namn',
    description: 'Förkortningar, tidigare namn och produktnamn som medarbetare söker på. Visas på sidan och hittas av sökningen.',
    examples: [example],
    visible,
  });
}
