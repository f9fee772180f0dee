// What a directory export means for the register's people: names, titles,
// e-mail and units that changed, people who left (disabled in the directory,
// or missing from an export that covers them), and for each who left, the
// roles they leave empty and who must act. Pure; people are never deleted,
// only marked active: false, since the history matters.
import { addTo } from '../collections.ts';
import { needsNamedPeople } from '../domain/lifecycle.ts';
import { unitSubtree, type PersonRecord, type RegisterModel } from '../model/model.ts';
import { roleTitle } from '../domain/roles.ts';
import { foldText, joinSwedish } from '../text/text.ts';
import type { DirectoryPerson } from './directory.ts';

export interface PersonChange {
  key: 'name' | 'title' | 'email' | 'userName' | 'unit' | 'active';
  from: string | boolean | undefined;
  to: string | boolean;
}

export interface PersonUpdate {
  id: string;
  name: string;
  relPath: string;
  file: string;
  changes: PersonChange[];
  /** The export row the person was found on; undefined for people missing from it. */
  row?: number;
  /** Why the person is marked as having left. */
  left?: 'inaktiverad i katalogen' | 'finns inte i exporten';
  /** For someone who left: each role left empty and who must act. */
  vacated: string[];
}

export interface SyncPlan {
  updates: PersonUpdate[];
  /** Rows that could not be used, and why. */
  rowNotes: { row: number; reason: string }[];
  /** People whose files have errors: not compared with the export until they are fixed. */
  broken: { id: string; name: string; file: string }[];
  /** People whose e-mail or user name stands on several rows: not changed, and never taken to have left. */
  duplicates: { id: string; name: string; rows: number[] }[];
  /** People the sync would mark as left because the export lacks them, against all people it covers. */
  missing: { count: number; inScope: number };
  /** Departments that map to no unit, with how many people. */
  unmappedDepartments: { department: string; people: number }[];
  matched: number;
}

export interface SyncOptions {
  /** Department → unit id, from the mapping file. */
  departments?: Record<string, string>;
  /** The departments the export covers; people elsewhere are not touched. Undefined: the whole organisation. */
  scope?: string[];
}

/** O(export rows + people + role assignments). */
export function planPeopleSync(
  directory: readonly DirectoryPerson[],
  model: RegisterModel,
  options: SyncOptions = {},
): SyncPlan {
  const plan: SyncPlan = { updates: [], rowNotes: [], broken: [], duplicates: [], missing: { count: 0, inScope: 0 }, unmappedDepartments: [], matched: 0 };
  const unitOf = departmentMapper(model, options.departments ?? {});

  // Index the export; an e-mail address or user name on two rows identifies nobody.
  const byEmail = new Map<string, DirectoryPerson[]>();
  const byUser = new Map<string, DirectoryPerson[]>();
  for (const person of directory) {
    if (!person.email && !person.userName) {
      plan.rowNotes.push({ row: person.row, reason: 'saknar både e-postadress och användarnamn; raden användes inte' });
      continue;
    }
    if (person.email) addTo(byEmail, person.email, person);
    if (person.userName) addTo(byUser, person.userName, person);
  }
  const ambiguous = new Set<DirectoryPerson>();
  for (const [index, what] of [
    [byEmail, 'e-postadressen'],
    [byUser, 'användarnamnet'],
  ] as const) {
    for (const [key, rows] of index) {
      if (rows.length < 2) continue;
      for (const row of rows) ambiguous.add(row);
      plan.rowNotes.push({
        row: rows[0]?.row ?? 0,
        reason: `${what} ${key} står på flera rader (${rows.map((row) => row.row).join(', ')}); raderna användes inte`,
      });
    }
  }
  const unique = (rows: DirectoryPerson[] | undefined) =>
    rows && rows.length === 1 && !ambiguous.has(rows[0] as DirectoryPerson) ? rows[0] : undefined;
  /** The rows that name a person on more than one row: they are in the export, just not once. */
  const duplicateRows = (email: string | undefined, userName: string | undefined) =>
    [...(email ? (byEmail.get(email) ?? []) : []), ...(userName ? (byUser.get(userName) ?? []) : [])].filter((row) => ambiguous.has(row));

  const scopeUnits = scopeOf(model, options.scope, unitOf);
  const unmapped = new Map<string, number>();
  // In file order, so that the plan reads the same run after run.
  for (const entry of model.entries) {
    if (entry.kind !== 'person') continue;
    const data = model.personById.get(entry.id);
    if (!entry.valid || !data) {
      plan.broken.push({ id: entry.id, name: entry.name ?? entry.id, file: entry.file });
      continue;
    }
    const email = data.email.toLowerCase();
    const userName = data.userName?.toLowerCase();
    const record =
      (email ? unique(byEmail.get(email)) : undefined) ??
      (userName ? unique(byUser.get(userName)) : undefined) ??
      (email ? unique(byUser.get(email.split('@')[0] as string)) : undefined);
    const update: PersonUpdate = {
      id: entry.id,
      name: data.name,
      relPath: entry.relPath,
      file: entry.file,
      changes: [],
      vacated: [],
    };
    const change = (key: PersonChange['key'], to: string | boolean | undefined) => {
      const from = data[key as keyof PersonRecord] as string | boolean | undefined;
      if (to !== undefined && to !== from) update.changes.push({ key, from, to });
    };
    const inScope = !scopeUnits || scopeUnits.has(data.unit);
    if (inScope && data.active !== false) plan.missing.inScope++;
    const duplicates = record ? [] : duplicateRows(email, userName);
    if (duplicates.length > 0) {
      plan.duplicates.push({ id: entry.id, name: update.name, rows: [...new Set(duplicates.map((row) => row.row))].sort((a, b) => a - b) });
      continue;
    }
    if (record) {
      plan.matched++;
      update.row = record.row;
      change('name', record.name);
      change('title', record.title);
      change('email', record.email);
      if (!data.userName) change('userName', record.userName);
      if (record.department) {
        const unit = unitOf(record.department);
        if (unit) change('unit', unit);
        else unmapped.set(record.department, (unmapped.get(record.department) ?? 0) + 1);
      }
      if (record.enabled === false) {
        change('active', false);
        if (data.active !== false) update.left = 'inaktiverad i katalogen';
      } else if (record.enabled === true) change('active', true);
    } else if (data.active !== false && inScope) {
      change('active', false);
      update.left = 'finns inte i exporten';
      plan.missing.count++;
    }
    if (update.left) update.vacated = vacatedRoles(entry.id, model);
    if (update.changes.length > 0) plan.updates.push(update);
  }
  plan.unmappedDepartments = [...unmapped].map(([department, people]) => ({ department, people })).sort((a, b) => b.people - a.people || a.department.localeCompare(b.department, 'sv'));
  return plan;
}

/** Department names → unit ids: the mapping file first, then units with the same name. */
function departmentMapper(model: RegisterModel, mapping: Record<string, string>): (department: string) => string | undefined {
  const byName = new Map<string, string>([
    ...model.units.map((unit) => [foldText(unit.name), unit.id] as const),
    ...Object.entries(mapping).map(([department, unit]) => [foldText(department), unit] as const),
  ]);
  return (department) => byName.get(foldText(department));
}

/** The units an export limited to some departments covers, with the units below them. */
function scopeOf(
  model: RegisterModel,
  scope: string[] | undefined,
  unitOf: (department: string) => string | undefined,
): Set<string> | undefined {
  if (!scope) return undefined;
  const units = new Set<string>();
  for (const department of scope) {
    const unit = unitOf(department) ?? (model.unitById.has(department) ? department : undefined);
    if (unit) for (const id of unitSubtree(model, unit)) units.add(id);
  }
  return units;
}

/** "systemförvaltare för Lönesystem: systemägaren Anna Andersson utser en ny". */
function vacatedRoles(personId: string, model: RegisterModel): string[] {
  const itDepartment = model.unitById.get(model.settings.itDepartment)?.name ?? 'IT-avdelningen';
  return (model.assignmentsByHolder.get(personId) ?? [])
    .filter(({ system, role }) => role !== 'users' && needsNamedPeople(system.status))
    .map(({ system, role }) => {
      const owner = model.personById.get(system.roles.owner);
      const actor =
        role === 'owner' || !owner || owner.id === personId || !owner.active
          ? `${itDepartment} behöver se till att systemet får en ny systemägare`
          : `systemägaren ${owner.name} behöver utse en ny`;
      return `${roleTitle(role).toLocaleLowerCase('sv')} för ${system.name}: ${actor}`;
    });
}

const FIELD_WORDS: Record<PersonChange['key'], string> = {
  name: 'namn',
  title: 'befattning',
  email: 'e-post',
  userName: 'användarnamn',
  unit: 'enhet',
  active: 'i tjänst',
};

/** The plan as Swedish lines for the terminal. */
export function describeSync(plan: SyncPlan, model: RegisterModel): string[] {
  const lines: string[] = [];
  const show = (key: PersonChange['key'], value: string | boolean | undefined) =>
    value === undefined
      ? 'inget'
      : key === 'unit'
        ? (model.unitById.get(String(value))?.name ?? String(value))
        : typeof value === 'boolean'
          ? value
            ? 'ja'
            : 'nej'
          : value;
  for (const update of plan.updates) {
    if (update.left) {
      lines.push(`${update.name} har slutat (${update.left}) och markeras active: false (${update.file}).`);
      if (update.vacated.length > 0) lines.push(`  Roller som blir vakanta: ${joinSwedish(update.vacated)}.`);
      continue;
    }
    const changes = update.changes.map(
      (change) => `${FIELD_WORDS[change.key]} ${show(change.key, change.from)} → ${show(change.key, change.to)}`,
    );
    lines.push(`${update.name}: ${changes.join(', ')} (${update.file}).`);
  }
  for (const person of plan.broken) lines.push(`${person.name} jämfördes inte: ${person.file} har fel som behöver rättas först (npm run validate).`);
  for (const duplicate of plan.duplicates)
    lines.push(`${duplicate.name} står på flera rader i exporten (${duplicate.rows.join(', ')}) och ändras inte; rätta dubbletten i katalogen.`);
  return lines;
}

/**
 * How many people missing from an export the sync may mark as left: a share
 * of the people it covers, and always at least one. A partial export (one
 * department, a filtered list) would otherwise mark everyone else as left.
 */
export function allowedLeavers(inScope: number, percent: number): number {
  return Math.max(1, Math.floor((inScope * percent) / 100));
}
