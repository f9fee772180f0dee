// The people and units that spreadsheet cells name: found in the register
// (by id, name, e-post or an abbreviation from the mapping file) or created
// when the cell reads like a name. Lookups go through maps built once.
import { MAX_ID_LENGTH } from '../schema/vocabulary.ts';
import { closestMatch, toId } from '../text/text.ts';
import type { ImportConfig, KnownRegister, PlannedFile } from './plan.ts';
import { fold, readPerson } from './values.ts';

export type ReportCell = (row: number, column: string, value: string, reason: string) => void;

export class RegisterLookup {
  private readonly plannedIds = new Set<string>();
  private readonly newPeople = new Map<string, PlannedFile>();
  private readonly newUnits = new Map<string, PlannedFile>();
  readonly defaultOperations: string | undefined;
  private readonly rootUnit: string | undefined;
  private readonly known: KnownRegister;
  private readonly config: ImportConfig;
  private readonly report: ReportCell;
  private readonly peopleByName: Map<string, string>;
  private readonly peopleByEmail: Map<string, string>;
  private readonly unitsByName: Map<string, string>;
  private readonly unitIds: Set<string>;
  private readonly unitAliases: Map<string, string>;

  constructor(known: KnownRegister, config: ImportConfig, report: ReportCell) {
    this.known = known;
    this.config = config;
    this.report = report;
    this.peopleByName = new Map(known.people.map((person) => [fold(person.name), person.id]));
    this.peopleByEmail = new Map(
      known.people.filter((person) => person.email).map((person) => [(person.email as string).toLowerCase(), person.id]),
    );
    this.unitsByName = new Map(known.units.map((unit) => [fold(unit.name), unit.id]));
    this.unitIds = new Set(known.units.map((unit) => unit.id));
    this.unitAliases = new Map(Object.entries(config.units ?? {}).map(([name, id]) => [fold(name), id]));
    this.defaultOperations = config.defaults?.operations ?? known.itDepartment;
    this.rootUnit = known.units.find((unit) => !unit.parent)?.id;
  }

  private issue(row: number, column: string, value: string, reason: string): void {
    this.report(row, column, value, reason);
  }

  /** Claims an id given in the sheet, if it is free. */
  claim(id: string): boolean {
    if (this.known.ids.has(id) || this.plannedIds.has(id)) return false;
    this.plannedIds.add(id);
    return true;
  }

  freshId(name: string): string {
    const base = toId(name) || 'namnlos';
    let id = base;
    for (let n = 2; this.known.ids.has(id) || this.plannedIds.has(id); n++) id = `${base.slice(0, MAX_ID_LENGTH - String(n).length - 1)}-${n}`;
    this.plannedIds.add(id);
    return id;
  }

  existingUnit(value: string): string | undefined {
    if (this.unitIds.has(value)) return value;
    const folded = fold(value);
    return this.unitAliases.get(folded) ?? this.unitsByName.get(folded) ?? this.newUnits.get(folded)?.id;
  }

  unit(value: string, row: number, column: string): string | undefined {
    const found = this.existingUnit(value);
    if (found) return found;
    const folds = this.known.units.map((unit) => fold(unit.name));
    const meant = closestMatch(fold(value), folds);
    if (meant !== undefined) {
      const unit = this.known.units[folds.indexOf(meant)] as { id: string; name: string };
      this.issue(row, column, value, `finns inte; tolkades som ${unit.name} (${unit.id})`);
      return unit.id;
    }
    if (!/[a-zåäö]/.test(value) || value.length < 4) {
      this.issue(row, column, value, 'ser ut som en förkortning som inte finns i registret; ange enhetens id under units i mappningsfilen');
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

  person(value: string, row: number, column: string): string | undefined {
    const mention = readPerson(value);
    if (!mention) {
      const reason =
        /^[a-zåäö]/.test(value) || !/\s/.test(value)
          ? 'ser ut som en befattning eller grupp, inte ett namn; ange personen'
          : 'kunde inte läsas som ett namn';
      this.issue(row, column, value, reason);
      return undefined;
    }
    const existing =
      (mention.email ? this.peopleByEmail.get(mention.email.toLowerCase()) : undefined) ??
      (mention.name ? this.peopleByName.get(fold(mention.name)) : undefined);
    if (existing) return existing;
    const key = mention.email?.toLowerCase() ?? fold(mention.name ?? '');
    const planned = this.newPeople.get(key) ?? (mention.name ? this.newPeople.get(fold(mention.name)) : undefined);
    if (planned) {
      if (mention.title && !planned.data.title) planned.data.title = mention.title;
      return planned.id;
    }
    if (!mention.name) {
      this.issue(row, column, value, 'anger bara en e-postadress som inte finns i registret; ange namnet');
      return undefined;
    }
    const id = this.freshId(mention.name);
    const email =
      mention.email ?? (this.config.emailDomain ? `${toId(mention.name).replace(/-/g, '.')}@${this.config.emailDomain}` : undefined);
    const data: Record<string, unknown> = {
      id,
      name: mention.name,
      ...(mention.title ? { title: mention.title } : {}),
      ...(email ? { email } : {}),
      active: true,
    };
    const file: PlannedFile = { kind: 'person', id, data, row, missing: [] };
    this.newPeople.set(key, file);
    if (mention.name) this.newPeople.set(fold(mention.name), file);
    return id;
  }

  operations(value: string, row: number, column: string): string | undefined {
    const folded = fold(value);
    if (/^it(-?avdelningen|-?enheten|-?kontoret|avdelningen)?$/.test(folded) && this.known.itDepartment) return this.known.itDepartment;
    if (/^leverantor(en)?$/.test(folded)) {
      this.issue(row, column, value, 'driftansvarig ska vara en enhet eller person i kommunen; standardvärdet användes');
      return undefined;
    }
    const unit = this.existingUnit(value);
    if (unit) return unit;
    if (readPerson(value)) return this.person(value, row, column);
    return this.unit(value, row, column);
  }

  createdFiles(): PlannedFile[] {
    const people = [...new Set(this.newPeople.values())].map((file) => ({
      ...file,
      missing: [...(file.data.title ? [] : ['title (Befattning)']), 'unit (Enhet)', ...(file.data.email ? [] : ['email (E-post)'])],
    }));
    return [...this.newUnits.values(), ...people];
  }
}
