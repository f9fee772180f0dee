// The people and units that spreadsheet cells name: found in the register
// (by e-mail, name, id or an abbreviation from the mapping file) or among
// those this import already plans, and created only when the cell reads like
// a name. Lookups go through maps built once.
import { MAX_ID_LENGTH } from '../vocabulary.ts';
import { closestMatch, toId } from '../text/text.ts';
import { nameFromEmail, readPeople, type PersonMention } from './people.ts';
import type { CellNote, ImportConfig, KnownRegister, PlannedFile } from './types.ts';
import { fold } from './values.ts';


export class RegisterLookup {
  private readonly plannedIds = new Set<string>();
  private readonly newPeople = new Map<string, PlannedFile>();
  private readonly newPeopleById = new Map<string, PlannedFile>();
  private readonly newUnits = new Map<string, PlannedFile>();
  readonly defaultOperations: string | undefined;
  private readonly rootUnit: string | undefined;
  private readonly peopleByName: Map<string, string>;
  private readonly peopleByEmail: Map<string, string>;
  private readonly unitsByName: Map<string, string>;
  private readonly unitIds: Set<string>;
  private readonly unitAliases: Map<string, string>;
  private readonly known: KnownRegister;
  private readonly note: (note: CellNote) => void;

  constructor(known: KnownRegister, config: ImportConfig, note: (note: CellNote) => void) {
    this.known = known;
    this.note = note;
    this.peopleByName = new Map(known.people.map((person) => [fold(person.name), person.id]));
    this.peopleByEmail = new Map(known.people.filter((person) => person.email).map((person) => [fold(person.email as string), person.id]));
    this.unitsByName = new Map(known.units.map((unit) => [fold(unit.name), unit.id]));
    this.unitIds = new Set(known.units.map((unit) => unit.id));
    this.unitAliases = new Map(Object.entries(config.units ?? {}).map(([name, id]) => [fold(name), id]));
    this.defaultOperations = config.defaults?.operations ?? known.itDepartment;
    this.rootUnit = known.units.find((unit) => !unit.parent)?.id;
  }

  /** Claims an id given in the sheet, if it is free. */
  claim(id: string): boolean {
    if (this.known.ids.has(id) || this.plannedIds.has(id)) return false;
    this.plannedIds.add(id);
    return true;
  }

  /** A new id made from the name, shortened, and numbered when taken. */
  freshId(name: string): string {
    const base = toId(name) || 'namnlos';
    let id = base;
    for (let n = 2; this.known.ids.has(id) || this.plannedIds.has(id); n++)
      id = `${base.slice(0, MAX_ID_LENGTH - String(n).length - 1)}-${n}`;
    this.plannedIds.add(id);
    return id;
  }

  existingUnit(value: string): string | undefined {
    if (this.unitIds.has(value)) return value;
    const folded = fold(value);
    return this.unitAliases.get(folded) ?? this.unitsByName.get(folded) ?? this.newUnits.get(folded)?.id;
  }

  /** The unit a cell names: one unit, "Gata/Park" included; created when it reads like a unit's name. */
  unit(value: string, row: number, column: string): string | undefined {
    const found = this.existingUnit(value);
    if (found) return found;
    const folds = this.known.units.map((unit) => fold(unit.name));
    const meant = closestMatch(fold(value), folds);
    if (meant !== undefined) {
      const unit = this.known.units[folds.indexOf(meant)] as { id: string; name: string };
      this.note({ row, column, value, reason: `finns inte; tolkades som ${unit.name} (${unit.id})` });
      return unit.id;
    }
    if (!/\p{Ll}/u.test(value) || value.length < 4) {
      this.note({
        row,
        column,
        value,
        reason: 'ser ut som en förkortning som inte finns i registret; ange enhetens id under units i mappningsfilen',
      });
      return undefined;
    }
    const id = this.freshId(value);
    const folded = fold(value);
    const type = /forvaltning(en)?$/.test(folded)
      ? 'förvaltning'
      : /\bab$/.test(folded)
        ? 'kommunalt bolag'
        : /namnd(en)?$/.test(folded)
          ? 'nämnd'
          : 'avdelning';
    const data: Record<string, unknown> = { id, name: value, type, ...(this.rootUnit ? { parent: this.rootUnit } : {}) };
    this.newUnits.set(folded, { kind: 'unit', id, data, row, missing: this.rootUnit ? [] : ['parent (Överordnad enhet)'] });
    return id;
  }

  /**
   * The people a cell names, found or planned. Words that mean nobody, and
   * text that is not a name, are noted; `vacant` says the role has no holder.
   */
  people(value: string, row: number, column: string): { ids: string[]; vacant: boolean } {
    const cell = readPeople(value);
    if (cell.vacant) this.note({ row, column, value, reason: 'betyder att ingen har rollen; fyll i vem som har den' });
    for (const part of cell.notPeople) {
      this.note({
        row,
        column,
        value: part,
        reason: 'är inte ett namn (en befattning, en grupp eller bara ett förnamn?); ange personens för- och efternamn',
      });
    }
    const ids: string[] = [];
    for (const mention of cell.people) {
      if (mention.note) this.note({ row, column, value, reason: `innehåller anteckningen "(${mention.note})", som inte hör till namnet och inte sparades` });
      const id = this.person(mention, row, column, value);
      if (id && !ids.includes(id)) ids.push(id);
    }
    return { ids, vacant: cell.vacant || (ids.length === 0 && cell.notPeople.length > 0) };
  }

  private person(mention: PersonMention, row: number, column: string, value: string): string | undefined {
    const email = mention.email ? fold(mention.email) : undefined;
    const name = mention.name ?? (mention.email ? nameFromEmail(mention.email) : undefined);
    const existing = (email ? this.peopleByEmail.get(email) : undefined) ?? (name ? this.peopleByName.get(fold(name)) : undefined);
    if (existing) return existing;
    const planned = (email ? this.newPeople.get(email) : undefined) ?? (name ? this.newPeople.get(fold(name)) : undefined);
    if (planned) {
      if (email && !planned.data.email) planned.data.email = mention.email;
      return planned.id;
    }
    if (!name) {
      this.note({ row, column, value, reason: 'anger bara en e-postadress som inte finns i registret och inte visar namnet; ange namnet' });
      return undefined;
    }
    const id = this.freshId(name);
    const data: Record<string, unknown> = { id, name, ...(mention.email ? { email: mention.email } : {}), active: true };
    const file: PlannedFile = { kind: 'person', id, data, row, missing: [] };
    this.newPeople.set(fold(name), file);
    this.newPeopleById.set(id, file);
    if (email) this.newPeople.set(email, file);
    return id;
  }

  /** Gives a person this import creates an e-mail address from a column beside the name. */
  giveEmail(personId: string, email: string): void {
    const file = this.newPeopleById.get(personId);
    if (file && !file.data.email) file.data.email = email.trim().toLowerCase();
  }

  /** Operations: the IT department by its common names, a unit, or a person. */
  operations(value: string, row: number, column: string): string | undefined {
    const folded = fold(value);
    if (/^it(-?avdelningen|-?enheten|-?kontoret)?$/.test(folded) && this.known.itDepartment) return this.known.itDepartment;
    if (/^leverantor(en)?$/.test(folded)) {
      this.note({ row, column, value, reason: 'driftansvarig ska vara en enhet eller person i kommunen; standardvärdet användes' });
      return undefined;
    }
    const unit = this.existingUnit(value);
    if (unit) return unit;
    const people = readPeople(value);
    if (people.people.length > 0) return this.people(value, row, column).ids[0];
    return this.unit(value, row, column);
  }

  createdFiles(emailDomain: string | undefined): PlannedFile[] {
    const people = [...new Set(this.newPeople.values())].map((file) => {
      if (!file.data.email && emailDomain) file.data.email = `${toId(String(file.data.name)).replace(/-/g, '.')}@${emailDomain}`;
      return { ...file, missing: ['title (Befattning)', 'unit (Enhet)', ...(file.data.email ? [] : ['email (E-post)'])] };
    });
    return [...this.newUnits.values(), ...people];
  }
}
