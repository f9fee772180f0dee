// The resolved register: every valid entry, indexed both ways, ready for
// pages, reports and exports. Built once in O(entries + references).
import { addTo } from '../collections.ts';
import type { Kind } from '../kinds.ts';
import type { CheckedEntry } from '../checking/check-files.ts';
import { dependenciesOf, type DependencyType } from '../domain/dependencies.ts';
import { roleHolders, type RoleKey } from '../domain/roles.ts';
import { entryAudience, type AudienceOverrides } from '../domain/visibility.ts';
import type { Audience } from '../vocabulary.ts';
import { PLACEHOLDER_SETTINGS, settingsWithDefaults } from '../schema/settings-read.ts';
import type { Equipment, Guideline, Person, Settings, System, Unit } from '../schema/types.ts';
import { bySwedish } from '../text/text.ts';

type WithSource<T> = T & { /** Path relative to the register root, e.g. systems/lonesystem.yaml. */ source: string };

export type SystemRecord = WithSource<System>;
export type PersonRecord = WithSource<Person>;
export type UnitRecord = WithSource<Unit>;
export type EquipmentRecord = WithSource<Equipment>;
export type GuidelineRecord = WithSource<
  Guideline & { id: string; body: string; /** Rendered by the validator (views/markdown.ts). */ html: string }
>;

/**
 * A system as a narrower audience may not see it all (model/visible.ts): its
 * roles are staff's, so the public sees a system without them, and a role
 * list whose every holder is protected is gone. Every other field that can be
 * cut away is optional in the schema already.
 */
type ListRoles = 'administrators' | 'users';
export type VisibleRoles = Omit<SystemRecord['roles'], ListRoles> & Partial<Pick<SystemRecord['roles'], ListRoles>>;
export type VisibleSystem = Omit<SystemRecord, 'roles'> & { roles?: VisibleRoles };

/** The settings every audience sees; the rest (the repository, the intervals) may be cut away. */
type PublicSettings = 'municipality' | 'siteUrl' | 'itDepartment' | 'contactEmail' | 'dataLicense' | 'updateFrequency';
export type VisibleSettings = Pick<Settings, PublicSettings> & Partial<Omit<Settings, PublicSettings>>;

/** A system that a system uses, resolved, with how. */
export interface Use<S extends VisibleSystem = SystemRecord> {
  system: S;
  type?: DependencyType;
  note?: string;
}

/**
 * An entry as read, valid or not: what it is called and where it is. The
 * commands that must also work on a register that does not validate (the
 * import while a municipality adopts the tool, the report and the reminders
 * about broken files) find entries through these, never through raw data.
 */
export interface EntrySummary {
  kind: Kind;
  id: string;
  /** The path as shown, e.g. registry/systems/lonesystem.yaml. */
  file: string;
  /** Relative to the register root. */
  relPath: string;
  /** Its name (a guideline's title), when it has one that reads as text. */
  name?: string;
  /** It passed its schema, and so is among the model's records. */
  valid: boolean;
  /** Who may see the entry at all (domain/visibility.ts): also for an entry that did not pass its schema. */
  audience: Audience;
  /** A person's e-mail, a unit's parent, a system's owner: what the import matches and the reminders route by. */
  email?: string;
  parent?: string;
  owner?: string;
}

export interface Assignment<S extends VisibleSystem = SystemRecord> {
  system: S;
  role: RoleKey;
}

/**
 * The resolved register, whole (RegisterModel) or as an audience sees it
 * (VisibleModel, model/visible.ts). Views that the site uses take a
 * VisibleModel, so that they work the same on every build; a RegisterModel
 * is one too.
 */
export interface ModelOf<S extends VisibleSystem, C extends VisibleSettings> {
  /** With the schema's defaults; placeholders when the register has no valid settings.yaml. */
  settings: C;
  /** Every entry that could be read, valid or not, in file order. */
  entries: EntrySummary[];
  /** Ids that files claim by their names, readable or not, per kind. */
  claimedIds: ReadonlyMap<Kind, ReadonlySet<string>>;
  /** Sorted by name with Swedish collation. */
  systems: S[];
  people: PersonRecord[];
  units: UnitRecord[];
  equipment: EquipmentRecord[];
  guidelines: GuidelineRecord[];
  systemById: Map<string, S>;
  personById: Map<string, PersonRecord>;
  unitById: Map<string, UnitRecord>;
  /** Roles held by each person or unit id, over all systems. */
  assignmentsByHolder: Map<string, Assignment<S>[]>;
  /** The systems each system uses (its `dependencies`, resolved; unknown ids left out). */
  uses: Map<string, Use<S>[]>;
  /** Systems that depend on each system (the reverse of `dependencies`). */
  usedBy: Map<string, S[]>;
  /** Systems whose owning unit (`unit`) is each unit. */
  systemsByUnit: Map<string, S[]>;
  peopleByUnit: Map<string, PersonRecord[]>;
  childUnits: Map<string, UnitRecord[]>;
  /** Units each person heads. */
  unitsByHead: Map<string, UnitRecord[]>;
}

export type RegisterModel = ModelOf<SystemRecord, Settings>;
export type VisibleModel = ModelOf<VisibleSystem, VisibleSettings>;

function records<T>(entries: readonly CheckedEntry[], kind: CheckedEntry['kind']): WithSource<T>[] {
  return entries
    .filter((entry) => entry.kind === kind && entry.schemaValid)
    .map((entry) => ({ ...(entry.data as T), source: entry.relPath }));
}

/** The text at a key of an entry's data, when it is text. */
function textAt(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function summaryOf(entry: CheckedEntry, overrides: AudienceOverrides): EntrySummary {
  const owner =
    entry.kind === 'system' && entry.data.roles !== null && typeof entry.data.roles === 'object'
      ? textAt(entry.data.roles as Record<string, unknown>, 'owner')
      : undefined;
  const email = entry.kind === 'person' ? textAt(entry.data, 'email') : undefined;
  const parent = entry.kind === 'unit' ? textAt(entry.data, 'parent') : undefined;
  const name = textAt(entry.data, 'name') ?? textAt(entry.data, 'title');
  return {
    kind: entry.kind,
    id: entry.fileId,
    file: entry.file,
    relPath: entry.relPath,
    valid: entry.schemaValid,
    audience: entryAudience(entry.kind, entry.data, overrides),
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...(parent ? { parent } : {}),
    ...(owner ? { owner } : {}),
  };
}

/**
 * Resolves the schema-valid entries. Tolerates broken references (they are
 * simply not indexed) so that reports and change summaries work on a
 * register that does not validate.
 */
export function resolveRegister(parsed: {
  readonly entries: readonly CheckedEntry[];
  readonly fileIds?: ReadonlyMap<Kind, ReadonlySet<string>>;
}): RegisterModel {
  const { entries } = parsed;
  const byName = bySwedish<{ name: string }>((item) => item.name);
  const systems = records<System>(entries, 'system').sort(byName);
  const people = records<Person>(entries, 'person').sort(byName);
  const units = records<Unit>(entries, 'unit').sort(byName);
  const equipment = records<Equipment>(entries, 'equipment').sort(byName);
  const guidelines = entries
    .filter((entry) => entry.kind === 'guideline' && entry.schemaValid)
    .map((entry) => ({
      ...(entry.data as Guideline),
      id: entry.fileId,
      body: entry.body ?? '',
      html: entry.html ?? '',
      source: entry.relPath,
    }))
    .sort(bySwedish((guideline) => guideline.title));
  const settingsEntry = entries.find((entry) => entry.kind === 'settings' && entry.schemaValid);
  const settings = settingsEntry ? settingsWithDefaults(settingsEntry.data as Settings) : PLACEHOLDER_SETTINGS;

  const overrides = settings.visibility ?? {};
  return indexModel({
    settings,
    entries: entries.map((entry) => summaryOf(entry, overrides)),
    claimedIds: parsed.fileIds ?? new Map(),
    systems,
    people,
    units,
    equipment,
    guidelines,
  });
}

type Records<S extends VisibleSystem, C extends VisibleSettings> = Pick<
  ModelOf<S, C>,
  'settings' | 'entries' | 'claimedIds' | 'systems' | 'people' | 'units' | 'equipment' | 'guidelines'
>;

/** The model's indexes over its records, both ways. O(entries + references). */
export function indexModel<S extends VisibleSystem, C extends VisibleSettings>(records: Records<S, C>): ModelOf<S, C> {
  const { systems, people, units } = records;
  const systemById = new Map(systems.map((system) => [system.id, system]));
  const assignmentsByHolder = new Map<string, Assignment<S>[]>();
  const usedBy = new Map<string, S[]>();
  const systemsByUnit = new Map<string, S[]>();
  const uses = new Map<string, Use<S>[]>();
  for (const system of systems) {
    for (const { role, id } of roleHolders(system)) addTo(assignmentsByHolder, id, { system, role });
    const used: Use<S>[] = [];
    for (const { id, type, note } of dependenciesOf(system)) {
      addTo(usedBy, id, system);
      const target = systemById.get(id);
      if (target) used.push({ system: target, ...(type ? { type } : {}), ...(note ? { note } : {}) });
    }
    uses.set(system.id, used);
    addTo(systemsByUnit, system.unit, system);
  }
  const peopleByUnit = new Map<string, PersonRecord[]>();
  for (const person of people) addTo(peopleByUnit, person.unit, person);
  const childUnits = new Map<string, UnitRecord[]>();
  const unitsByHead = new Map<string, UnitRecord[]>();
  for (const unit of units) {
    if (unit.parent) addTo(childUnits, unit.parent, unit);
    if (unit.head) addTo(unitsByHead, unit.head, unit);
  }
  return {
    ...records,
    systemById,
    personById: new Map(people.map((person) => [person.id, person])),
    unitById: new Map(units.map((unit) => [unit.id, unit])),
    assignmentsByHolder,
    uses,
    usedBy,
    systemsByUnit,
    peopleByUnit,
    childUnits,
    unitsByHead,
  };
}

/** The chain of units from the top down to (and including) the given unit. O(depth). */
export function unitAncestry(model: VisibleModel, unitId: string): UnitRecord[] {
  const chain: UnitRecord[] = [];
  const seen = new Set<string>();
  let current = model.unitById.get(unitId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parent ? model.unitById.get(current.parent) : undefined;
  }
  return chain;
}

/** A unit and every unit below it. O(size of the subtree). */
export function unitSubtree(model: VisibleModel, unitId: string): Set<string> {
  const result = new Set<string>();
  const stack = [unitId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    for (const child of model.childUnits.get(id) ?? []) stack.push(child.id);
  }
  return result;
}

const administrations = new WeakMap<VisibleModel, Map<string, { id: string; name: string }>>();

/**
 * The förvaltning (or company) a unit belongs to: the nearest one above it,
 * else the unit below the top. Remembered per unit, since every system of a
 * large register asks for its unit's: O(depth) once per unit.
 */
export function administrationOf(model: VisibleModel, unitId: string): { id: string; name: string } {
  let known = administrations.get(model);
  if (!known) administrations.set(model, (known = new Map()));
  const remembered = known.get(unitId);
  if (remembered) return remembered;
  const chain = unitAncestry(model, unitId);
  const administration =
    [...chain].reverse().find((unit) => unit.type === 'förvaltning' || unit.type === 'kommunalt bolag') ?? chain[1] ?? chain[0];
  const result = administration ? { id: administration.id, name: administration.name } : { id: unitId, name: unitId };
  known.set(unitId, result);
  return result;
}

const administrationGroups = new WeakMap<VisibleModel, Map<string, { id: string; name: string; systems: VisibleSystem[] }>>();

/**
 * Each förvaltning (or company) that owns systems, with its systems, by name;
 * grouped once per model, since feeds, calendars and pages all ask. O(systems).
 */
export function systemsByAdministration(model: VisibleModel): Map<string, { id: string; name: string; systems: VisibleSystem[] }> {
  let groups = administrationGroups.get(model);
  if (!groups) {
    const unsorted = new Map<string, { id: string; name: string; systems: VisibleSystem[] }>();
    for (const system of model.systems) {
      const unit = administrationOf(model, system.unit);
      const group = unsorted.get(unit.id) ?? { ...unit, systems: [] };
      group.systems.push(system);
      unsorted.set(unit.id, group);
    }
    groups = new Map([...unsorted.values()].sort(bySwedish((group) => group.name)).map((group) => [group.id, group]));
    administrationGroups.set(model, groups);
  }
  return groups;
}
