// The label/value lists on the detail pages, from the schema: each field's
// Swedish title is its label, and its type says how the value is written (a
// date in words, an address as a link, an id as the entry's name). Pages
// name the fields; the component site/src/components/Facts.astro renders.
import type { Kind, ReferableKind } from '#core/kinds.ts';
import type { VisibleModel } from '#core/model/model.ts';
import { valueAt } from '#core/data-path.ts';
import { referenceFieldAt } from '#core/domain/references.ts';
import { fieldTitle, schemaAt } from '#core/schema/labels.ts';
import { DURATION_PATTERN, PHONE_PATTERN } from '#core/vocabulary.ts';
import { durationText } from '#core/domain/durations.ts';
import { formatSwedishDate } from '#core/text/dates.ts';
import { capitalize } from '#core/text/text.ts';

export type FactValue =
  | { type: 'text'; text: string }
  | { type: 'link'; kind: 'web' | 'email' | 'phone'; to: string }
  | { type: 'entry'; kind: ReferableKind; id: string; name: string };

export interface Fact {
  label: string;
  /** The field, for the label's link to its meaning. */
  path: readonly string[];
  values: FactValue[];
}

/** A data path, or one with a particular way of writing the value. */
export type FactField = readonly string[] | { path: readonly string[]; as: 'klassa' | 'price'; label?: string };

const KLASSA = ['ingen eller försumbar skada', 'måttlig skada', 'betydande skada', 'allvarlig skada', 'synnerligen allvarlig skada'];

/** "3 – allvarlig skada": a KLASSA level with its meaning. */
export function klassaLevel(level: number): string {
  return `${level} – ${KLASSA[level] ?? ''}`;
}

export function yesNo(value: boolean): string {
  return value ? 'Ja' : 'Nej';
}

export function kronor(amount: number): string {
  return `${new Intl.NumberFormat('sv-SE').format(amount)} kr`;
}

/** The facts for the fields that have a value, in the order given. O(fields). */
export function factsOf(model: VisibleModel, kind: Kind, data: object, fields: readonly FactField[]): Fact[] {
  return fields.flatMap((field) => {
    const { path, as, label } = Array.isArray(field)
      ? { path: field as readonly string[], as: undefined, label: undefined }
      : (field as Exclude<FactField, readonly string[]>);
    const value = valueAt(data as Record<string, unknown>, path);
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return [];
    // A section written field by field (a supplier's support) is listed by its fields, which the page names.
    if (typeof value === 'object' && !Array.isArray(value)) return [];
    const values = (Array.isArray(value) ? value : [value]).map((item) => factValue(model, kind, path, item, as));
    return [{ label: label ?? fieldTitle(kind, path), path, values }];
  });
}

function factValue(model: VisibleModel, kind: Kind, path: readonly string[], value: unknown, as?: 'klassa' | 'price'): FactValue {
  if (as === 'klassa' && typeof value === 'number') return { type: 'text', text: klassaLevel(value) };
  if (as === 'price' && typeof value === 'number') return { type: 'text', text: kronor(value) };
  if (typeof value === 'boolean') return { type: 'text', text: yesNo(value) };
  // A list item with a name and details (a subprocessor and its country): "Molnbolaget AB (Irland)".
  if (value !== null && typeof value === 'object' && 'name' in value) {
    const { name, ...details } = value as Record<string, unknown>;
    const rest = Object.values(details).filter((detail) => typeof detail === 'string' || typeof detail === 'number');
    return { type: 'text', text: rest.length > 0 ? `${String(name)} (${rest.join(', ')})` : String(name) };
  }
  const text = String(value);
  const reference = referenceFieldAt(kind, path);
  if (reference && typeof value === 'string') {
    for (const target of reference.targets) {
      const entry =
        target === 'person' ? model.personById.get(text) : target === 'unit' ? model.unitById.get(text) : model.systemById.get(text);
      if (entry) return { type: 'entry', kind: target, id: text, name: entry.name };
    }
    return { type: 'text', text };
  }
  const schema = schemaAt(kind, path);
  if (schema?.format === 'date') return { type: 'text', text: formatSwedishDate(text) };
  if (schema?.format === 'uri') return { type: 'link', kind: 'web', to: text };
  if (schema?.format === 'email') return { type: 'link', kind: 'email', to: text };
  if (schema?.pattern === PHONE_PATTERN.source) return { type: 'link', kind: 'phone', to: text };
  if (schema?.pattern === DURATION_PATTERN.source) return { type: 'text', text: durationText(text) };
  if (schema?.enum) return { type: 'text', text: capitalize(text) };
  return { type: 'text', text };
}
