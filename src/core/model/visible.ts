// The register as one audience may see it: entries the audience may not see
// are gone, fields above it are gone (absent, not masked), and references to
// what is gone are gone too, so that nothing derived from the model (a count,
// an impact list, a map, a search index) can give a protected fact away.
// Every build of the site, and every output that honours an audience, starts
// from this model; nothing downstream decides visibility again.
import type { Finding } from '../findings/findings.ts';
import type { Kind, ReferableKind } from '../kinds.ts';
import { referenceFieldAt } from '../domain/references.ts';
import { audienceOf, canSee, entryAudience, fieldAt, widestAudienceWithin, type AudienceOverrides } from '../domain/visibility.ts';
import type { Audience } from '../vocabulary.ts';
import { indexModel, type RegisterModel, type VisibleModel, type VisibleSettings, type VisibleSystem } from './model.ts';

const GONE = Symbol('gone');
type Cut = unknown | typeof GONE;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Entries the audience may not see, by kind: a reference to one of them is cut away. */
function hiddenEntryIds(model: RegisterModel, audience: Audience): Record<ReferableKind, Set<string>> {
  const hiddenIds: Record<ReferableKind, Set<string>> = { system: new Set(), person: new Set(), unit: new Set() };
  for (const entry of model.entries)
    if ((entry.kind === 'system' || entry.kind === 'person' || entry.kind === 'unit') && !canSee(audience, entry.audience)) hiddenIds[entry.kind].add(entry.id);
  return hiddenIds;
}

/**
 * Everything entryCutter's cut depends on besides the data it is given and
 * the code: the audience, the settings' overrides and which entries the
 * audience may not see. Two registers with the same identity cut the same
 * data alike, so what was told from cut data can be kept under it
 * (views/file-history.ts).
 */
export function cutterIdentity(model: RegisterModel, audience: Audience): string {
  // The protected build cuts nothing (entryCutter), so nothing it hides matters.
  const hidden = audience === 'skyddad' ? [] : Object.entries(hiddenEntryIds(model, audience)).map(([kind, ids]) => [kind, [...ids].sort()]);
  return JSON.stringify([audience, model.settings.visibility ?? {}, hidden]);
}

/**
 * What `audience` may see of an entry's data, judged against the register
 * (which entries are hidden, the settings' overrides): the data with the rest
 * cut away, undefined when nothing of it is left. Whether the audience may
 * see the entry at all is the caller's to ask (entryAudience). The model's
 * cut, and the history's (a file's earlier contents), both use it.
 */
export function entryCutter(model: RegisterModel, audience: Audience): <T extends object>(kind: Kind, data: T) => T | undefined {
  if (audience === 'skyddad') return (_kind, data) => data;
  const overrides: AudienceOverrides = model.settings.visibility ?? {};
  const hiddenIds = hiddenEntryIds(model, audience);

  /**
   * The decisions for each field of each kind, in a tree of field names (list
   * positions aside), made once: whether anything inside may be seen (a
   * section or list, by the widest audience within), whether the value itself
   * may (by its own audience), and whether it names another entry. Walking the
   * tree beside the data costs no path arrays or keys per value.
   */
  interface FieldNode {
    path: string[];
    children: Map<string, FieldNode>;
    within?: boolean;
    own?: boolean;
    reference?: ReturnType<typeof referenceFieldAt> | null;
  }
  const roots = new Map<Kind, FieldNode>();
  const rootOf = (kind: Kind) => {
    let root = roots.get(kind);
    if (!root) roots.set(kind, (root = { path: [], children: new Map() }));
    return root;
  };
  const childOf = (node: FieldNode, key: string) => {
    let child = node.children.get(key);
    if (!child) node.children.set(key, (child = { path: [...node.path, key], children: new Map() }));
    return child;
  };
  const seesWithin = (kind: Kind, node: FieldNode) => (node.within ??= canSee(audience, widestAudienceWithin(kind, node.path, overrides)));
  const seesOwn = (kind: Kind, node: FieldNode) => (node.own ??= canSee(audience, audienceOf(kind, node.path, overrides)));
  const referenceOf = (kind: Kind, node: FieldNode) => {
    if (node.reference === undefined) node.reference = referenceFieldAt(kind, node.path) ?? null;
    return node.reference ?? undefined;
  };

  /** A value with what the audience may not see cut away; GONE when nothing of it is left. */
  const cut = (kind: Kind, value: unknown, node: FieldNode): Cut => {
    if (Array.isArray(value)) {
      const kept = value.map((item) => cut(kind, item, node)).filter((item) => item !== GONE);
      // A list emptied by the cut is gone: an empty list would say that something was taken away.
      return kept.length === 0 && value.length > 0 ? GONE : kept;
    }
    if (isPlainObject(value)) {
      const kept: Record<string, unknown> = {};
      const top = node.path.length === 0;
      let named = false;
      for (const [key, child] of Object.entries(value)) {
        // Fields outside the schema (a record's source, a guideline's body) follow the entry.
        if (top && fieldAt(kind, [key]) === undefined) {
          kept[key] = child;
          continue;
        }
        const field = childOf(node, key);
        const sees = isPlainObject(child) || Array.isArray(child) ? seesWithin(kind, field) : seesOwn(kind, field);
        const result = sees ? cut(kind, child, field) : GONE;
        if (result !== GONE) kept[key] = result;
        // An item that names another entry by a key of its own ({ system: … }) is gone with that entry.
        else if (referenceOf(kind, field)?.itemKey === key) named = true;
      }
      if (named) return GONE;
      return Object.keys(kept).length > 0 ? kept : GONE;
    }
    if (typeof value === 'string') {
      const field = referenceOf(kind, node);
      // A reference to an entry the audience may not see is gone; one to no entry at all (an error the
      // validator reports) stays as written, since it gives nothing away.
      if (field && field.targets.some((target) => hiddenIds[target].has(value))) return GONE;
    }
    return value;
  };
  return <T extends object>(kind: Kind, data: T): T | undefined => {
    const kept = cut(kind, data, rootOf(kind));
    return kept === GONE ? undefined : (kept as T);
  };
}

/** The register as `audience` may see it. O(size of the register). */
export function visibleModel(model: RegisterModel, audience: Audience): VisibleModel {
  // The narrowest audience sees every field of every entry: nothing to cut.
  if (audience === 'skyddad') return model;
  const overrides: AudienceOverrides = model.settings.visibility ?? {};
  const seesEntry = (kind: Kind, data: object) => canSee(audience, entryAudience(kind, data as Record<string, unknown>, overrides));
  const systems = model.systems.filter((system) => seesEntry('system', system));
  const people = model.people.filter((person) => seesEntry('person', person));
  const units = model.units.filter((unit) => seesEntry('unit', unit));
  const cutData = entryCutter(model, audience);
  const cutRecord = <T extends object>(kind: Kind, record: T): T => (cutData(kind, record) ?? {}) as T;
  const keptEntries = new Set([
    ...systems.map((system) => `system/${system.id}`),
    ...people.map((person) => `person/${person.id}`),
    ...units.map((unit) => `unit/${unit.id}`),
  ]);
  const equipment = model.equipment.filter((item) => seesEntry('equipment', item));
  const guidelines = model.guidelines.filter((guideline) => seesEntry('guideline', guideline));
  for (const item of equipment) keptEntries.add(`equipment/${item.id}`);
  for (const guideline of guidelines) keptEntries.add(`guideline/${guideline.id}`);
  keptEntries.add('settings/settings');
  // An entry that did not pass its schema has no record, but its findings are read by its own audience.
  for (const entry of model.entries) if (!entry.valid && canSee(audience, entry.audience)) keptEntries.add(`${entry.kind}/${entry.id}`);

  const settings = cutRecord('settings', model.settings) as VisibleSettings;
  // The public site has an address of its own, when it is published somewhere else than the intranet.
  if (audience === 'offentlig' && settings.publicSiteUrl) settings.siteUrl = settings.publicSiteUrl;
  return indexModel({
    settings,
    entries: model.entries.filter((entry) => keptEntries.has(`${entry.kind}/${entry.id}`)),
    claimedIds: new Map([...model.claimedIds].map(([kind, ids]) => [kind, new Set([...ids].filter((id) => keptEntries.has(`${kind}/${id}`)))])),
    systems: systems.map((system) => cutRecord('system', system) as VisibleSystem),
    people: people.map((person) => cutRecord('person', person)),
    units: units.map((unit) => cutRecord('unit', unit)),
    equipment: equipment.map((item) => cutRecord('equipment', item)),
    guidelines: guidelines.map((guideline) => cutRecord('guideline', guideline)),
  });
}

/**
 * The findings an audience may read: about an entry it sees, naming no entry
 * it does not see, and about a field it sees. A finding's message quotes the
 * field it is about (`about`, else where it points), so that field's audience
 * is the finding's.
 */
export function visibleFindings(findings: readonly Finding[], full: RegisterModel, model: VisibleModel, audience: Audience): Finding[] {
  const overrides: AudienceOverrides = full.settings.visibility ?? {};
  const seen = new Set(model.entries.map((entry) => `${entry.kind}/${entry.id}`));
  const seenIds = new Set(model.entries.map((entry) => entry.id));
  const hiddenIds = new Set(full.entries.map((entry) => entry.id).filter((id) => !seenIds.has(id)));
  return findings.filter((finding) => {
    if (finding.entry && !seen.has(`${finding.entry.kind}/${finding.entry.id}`)) return false;
    if (finding.refs?.some((id) => hiddenIds.has(id))) return false;
    const about = finding.about ?? finding.path;
    if (finding.entry && about && about.length > 0) return canSee(audience, audienceOf(finding.entry.kind, about, overrides));
    return true;
  });
}
