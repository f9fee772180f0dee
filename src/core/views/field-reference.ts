// The reference of every field of a kind, from its schema: title, what it
// is, whether it must be given, its allowed values, and who may see it and
// why. The docs' table of audiences (docs/synlighet.md) is generated from it,
// and so are the site's field pages.
import { fieldAudiences } from '../domain/visibility.ts';
import type { Kind } from '../kinds.ts';
import { schemaAt } from '../schema/labels.ts';
import { AUDIENCE_LABELS, type Visibility } from '../schema/visibility.ts';
import { COMMITTED_SCHEMAS, type JsonSchemaNode } from '../schema/committed.ts';

export interface FieldReferenceRow {
  /** "roles.owner". */
  path: string;
  title: string;
  /** The schema's description, without the audience sentence (it has its own column). */
  description: string;
  required: boolean;
  /** The allowed values, for a field with a closed list. */
  values?: string[];
  visibility: Visibility;
  /** Declared on the field itself, rather than the section it is in. */
  declared: boolean;
}

const AUDIENCE_SENTENCE = / Synlig för: [^.]+\.$/;

function requiredAt(kind: Kind, path: readonly string[]): boolean {
  let node: JsonSchemaNode | undefined = COMMITTED_SCHEMAS[kind];
  let required = false;
  for (const key of path) {
    const holder: JsonSchemaNode | undefined = node?.properties?.[key]
      ? node
      : (node?.items ?? node?.anyOf?.find((branch) => branch.properties?.[key]));
    required = (holder?.required ?? []).includes(key);
    node = holder?.properties?.[key];
  }
  return required;
}

export function fieldReference(kind: Kind): FieldReferenceRow[] {
  return fieldAudiences(kind).map((field) => {
    const node = schemaAt(kind, field.path);
    const values = node?.enum ?? node?.items?.enum;
    return {
      path: field.path.join('.'),
      title: field.title,
      description: (node?.description ?? '').replace(AUDIENCE_SENTENCE, ''),
      required: requiredAt(kind, field.path),
      ...(values ? { values: values.map(String) } : {}),
      visibility: field.visibility,
      declared: field.declared,
    };
  });
}

/** The anchor of a field on its kind's reference page: "falt-roles-owner". The site's labels link to it. */
export function fieldAnchor(path: readonly string[] | string): string {
  return `falt-${(typeof path === 'string' ? path.split('.') : path).join('-')}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** Every field of a kind with who may see it, why, and on what ground: a Markdown table. */
export function visibilityTable(kind: Kind): string {
  const rows = fieldReference(kind).map(
    (row) =>
      `| \`${row.path}\` | ${cell(row.title)} | ${AUDIENCE_LABELS[row.visibility.audience]} | ${row.declared ? cell(row.visibility.reason) : 'som avsnittet'} | ${row.declared ? cell(row.visibility.basis ?? '–') : ''} |`,
  );
  return ['| Fält | Titel | Synlig för | Skäl | Grund för att inte publicera |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
