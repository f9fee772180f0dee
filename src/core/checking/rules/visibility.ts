// Rules about who may see what: the overrides in settings.yaml name real
// fields and leave alone what follows the entry, and no required field that an
// audience sees points at an entry that audience may not see (the field would
// then be empty for it, or give the entry away).
import {
  audienceOf,
  audienceRank,
  entryAudience,
  fieldAt,
  IDENTITY_FIELDS,
  narrower,
  widestAudienceWithin,
} from '../../domain/visibility.ts';
import { forEachReference, referenceFieldAt, type ReferenceField } from '../../domain/references.ts';
import { valueAt } from '../../data-path.ts';
import { findingOn, type Finding } from '../../findings/findings.ts';
import { ENTITY_KINDS, type Kind } from '../../kinds.ts';
import { COMMITTED_SCHEMAS, type JsonSchemaNode } from '../../schema/committed.ts';
import { fieldReference } from '../../schema/labels.ts';
import { AUDIENCE_LABELS } from '../../schema/visibility.ts';
import { closestMatch } from '../../text/text.ts';
import type { Audience } from '../../vocabulary.ts';
import { finding, type Rule } from './context.ts';
import type { CheckedEntry } from '../check-files.ts';
import { fieldAudiences } from '../../domain/visibility.ts';

/** The schema node at a path of keys, and whether the key is required where it stands. */
function nodeAt(kind: Kind, keys: readonly string[]): { node: JsonSchemaNode | undefined; required: boolean } {
  let node: JsonSchemaNode | undefined = COMMITTED_SCHEMAS[kind];
  let required = false;
  for (const key of keys) {
    const holder: JsonSchemaNode | undefined = node?.properties?.[key]
      ? node
      : (node?.items ?? node?.anyOf?.find((branch) => branch.properties?.[key]));
    required = (holder?.required ?? []).includes(key);
    node = holder?.properties?.[key];
  }
  return { node, required };
}

/** Every override names a field of an entity kind that may have an audience of its own. */
export const overridesNameFields: Rule = ({ settings }) => {
  if (!settings?.data.visibility) return [];
  return Object.keys(settings.data.visibility).flatMap((key) => {
    const [kindName = '', ...keys] = key.split('.');
    const kind = ENTITY_KINDS.find((candidate) => candidate === kindName) as Kind | undefined;
    const path = ['visibility', key];
    const known = kind ? fieldAt(kind, keys) : undefined;
    if (!kind || !known) {
      const all = ENTITY_KINDS.flatMap((candidate) => fieldAudiences(candidate).map((field) => `${candidate}.${field.path.join('.')}`));
      const meant = closestMatch(key, all);
      return [
        finding({
          entry: settings,
          path,
          target: 'key',
          rule: 'visibility-unknown-field',
          message: `visibility nämner "${key}", men ${kind ? `${kind} har inget sådant fält` : `"${kindName}" är ingen sort av post (system, person, unit, equipment eller guideline)`}.${meant ? ` Menade du "${meant}"?` : ''} Skriv sorten och fältet med punkt emellan, till exempel system.notes.`,
        }),
      ];
    }
    const { node, required } = nodeAt(kind, keys);
    const section = node?.type === 'object';
    if (keys.length === 1 && IDENTITY_FIELDS.has(keys[0] as string)) {
      return [
        finding({
          entry: settings,
          path,
          target: 'key',
          rule: 'visibility-fixed-field',
          message: `"${key}" följer postens synlighet och kan inte ges en egen. Ska en post inte synas för alla, skriv visibility: intern eller skyddad i postens fil.`,
        }),
      ];
    }
    if (required && !section) {
      const parent = keys.length > 1 ? `${kind}.${keys.slice(0, -1).join('.')}` : undefined;
      return [
        finding({
          entry: settings,
          path,
          target: 'key',
          rule: 'visibility-fixed-field',
          message: `"${key}" är obligatoriskt och följer ${parent ? `avsnittet, så ge hela "${parent}" en annan synlighet` : 'posten, så ge hela posten en annan synlighet med visibility: i dess fil'} i stället.`,
        }),
      ];
    }
    return [];
  });
};

/** Required references whose target an audience that sees the field may not see. O(references). */
export const requiredReferencesVisible: Rule = ({ entries, settings }) => {
  const overrides = settings?.data.visibility ?? {};
  // The same few fields recur in every file: each one's audience is looked up once.
  const audienceByField = new Map<ReferenceField, Audience | undefined>();
  const requiredFieldAudience = (kind: Kind, field: ReferenceField): Audience | undefined => {
    if (!audienceByField.has(field))
      audienceByField.set(field, nodeAt(kind, field.path).required ? audienceOf(kind, [...field.path], overrides) : undefined);
    return audienceByField.get(field);
  };
  const audienceById = new Map<Kind, Map<string, Audience>>();
  const entryAudiences = new Map<CheckedEntry, Audience>();
  let widest = Infinity;
  for (const entry of entries) {
    if (!entry.schemaValid) continue;
    const audience = entryAudience(entry.kind, entry.data, overrides);
    const ofKind = audienceById.get(entry.kind) ?? new Map<string, Audience>();
    audienceById.set(entry.kind, ofKind.set(entry.fileId, audience));
    entryAudiences.set(entry, audience);
    widest = Math.min(widest, audienceRank(audience));
  }
  // Only a target seen by fewer than the entry naming it is a finding, so one
  // seen by fewer than the widest audience of all: most registers have few such
  // entries, or none, and the references to the rest need no closer look.
  const restricted = new Set<string>();
  for (const [entry, audience] of entryAudiences) if (audienceRank(audience) > widest) restricted.add(entry.fileId);
  const found: Finding[] = [];
  if (restricted.size === 0) return found;
  for (const [entry, own] of entryAudiences) {
    if (entry.kind === 'settings') continue;
    forEachReference(entry.kind, entry.data, (field, id, index) => {
      // An item of a list is never a required field: only a field that must be there is checked.
      if (index !== undefined || !restricted.has(id)) return;
      const fieldAudience = requiredFieldAudience(entry.kind, field);
      if (fieldAudience === undefined) return;
      const seenBy = narrower(own, fieldAudience);
      const target = field.targets.map((kind) => audienceById.get(kind)?.get(id)).find((audience) => audience !== undefined);
      if (!target || audienceRank(target) <= audienceRank(seenBy)) return;
      found.push(
        finding({
          entry,
          path: field.path,
          rule: 'visibility-reference',
          message: `${fieldReference(entry.kind, field.path)} syns för ${AUDIENCE_LABELS[seenBy]} men pekar på "${id}", som bara syns för ${AUDIENCE_LABELS[target]}. Gör posten lika skyddad med visibility: ${target}, eller peka på en annan post.`,
          refs: [id],
        }),
      );
    });
  }
  return found;
};

/** Walks a value, calling `visit` with each field's path; a field for which `visit` returns true is not entered. */
function walkFields(value: unknown, path: (string | number)[], visit: (path: (string | number)[], value: unknown) => boolean): void {
  if (Array.isArray(value)) value.forEach((item, index) => walkFields(item, [...path, index], visit));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, key];
      if (!visit(childPath, child)) walkFields(child, childPath, visit);
    }
  }
}

/**
 * With a protected registry, protected fields live there and only there: one
 * written in the main register (which everyone who proposes changes can read)
 * is an error that says which file it belongs in, and a field in the
 * protected registry that is not protected belongs in the main register.
 */
export const protectedFieldsPlaced: Rule = ({ entries, settings }) => {
  const overrides = settings?.data.visibility ?? {};
  const protectedRoot = settings?.data.protectedRegistry;
  return entries.flatMap((entry) => {
    if (entry.kind === 'settings') return [];
    const findings: Finding[] = [];
    const overlays = entry.overlays ?? [];
    for (const overlay of overlays) {
      walkFields(overlay.data, [], (path, value) => {
        if (path.length === 1 && path[0] === 'id') return true;
        // The key a list item names its entry by is how the item is found in the main file.
        if (typeof path.at(-2) === 'number' && referenceFieldIsItemKey(entry.kind, path)) return true;
        if (audienceOf(entry.kind, path, overrides) === 'skyddad') return true;
        // A section or list may hold protected fields among others: look inside it.
        if (value !== null && typeof value === 'object') return false;
        findings.push(
          findingOn({
            file: overlay.file,
            entry: { kind: entry.kind, id: entry.fileId },
            path,
            target: 'key',
            rule: 'protected-field-placement',
            message: `${fieldReference(entry.kind, path)} syns för ${AUDIENCE_LABELS[audienceOf(entry.kind, path, overrides)]} och hör hemma i registret, ${entry.file}, inte i det skyddade registret. Flytta det dit.`,
          }),
        );
        return true;
      });
    }
    if (protectedRoot) {
      walkFields(entry.data, [], (path) => {
        if (overlays.some((overlay) => valueAt(overlay.data, path) !== undefined)) return true;
        if (widestAudienceWithin(entry.kind, path, overrides) !== 'skyddad') return false;
        findings.push(
          finding({
            entry,
            path,
            target: 'key',
            rule: 'protected-field-placement',
            message: `${fieldReference(entry.kind, path)} är skyddat och hör hemma i det skyddade registret, ${protectedRoot.replace(/\/$/, '')}/${entry.relPath}, inte i ${entry.file}, som alla som föreslår ändringar kan läsa. Flytta det dit (med id: ${entry.fileId}).`,
          }),
        );
        return true;
      });
    }
    return findings;
  });
};

function referenceFieldIsItemKey(kind: Kind, path: readonly (string | number)[]): boolean {
  const key = path.at(-1);
  return typeof key === 'string' && referenceFieldAt(kind, path)?.itemKey === key;
}
