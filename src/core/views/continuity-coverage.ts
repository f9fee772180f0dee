// "Do you know your assets?": for the critical systems in use, per
// förvaltning, how many have each continuity and security fact the
// cybersecurity law asks about. Each fact is read from a field and shown
// only to an audience that may see that field, so that a count never gives
// away what the audience may not see. The report, its JSON and the start
// page show it.
import type { DataPath } from '../data-path.ts';
import { hasSupplierSupport, isCheckCurrent, isCritical, isInUse } from '../domain/continuity.ts';
import { systemsByAdministration, type VisibleModel, type VisibleSystem } from '../model/model.ts';
import { bySwedish } from '../text/text.ts';

export interface CoverageFact {
  key: 'rto' | 'fallback' | 'support' | 'restoreTested' | 'accessReviewed' | 'mfa';
  /** "återställningstid", for "12 av 15 har återställningstid". */
  label: string;
  /** The field the fact is read from: its audience is the fact's. */
  field: DataPath;
  has: (system: VisibleSystem, context: { months: number; today: string }) => boolean;
}

export const COVERAGE_FACTS: readonly CoverageFact[] = [
  { key: 'rto', label: 'återställningstid', field: ['continuity', 'rto'], has: (system) => Boolean(system.continuity?.rto) },
  { key: 'fallback', label: 'reservrutin', field: ['continuity', 'fallback'], has: (system) => Boolean(system.continuity?.fallback) },
  {
    key: 'support',
    label: 'leverantörens support',
    field: ['supplier', 'support'],
    has: (system) => !system.supplier || hasSupplierSupport(system),
  },
  {
    key: 'restoreTested',
    label: 'testad återläsning i tid',
    field: ['continuity', 'restoreTested'],
    has: (system, { months, today }) => isCheckCurrent(system.continuity?.restoreTested, months, today),
  },
  {
    key: 'accessReviewed',
    label: 'granskade behörigheter i tid',
    field: ['security', 'accessReviewed'],
    has: (system, { months, today }) => isCheckCurrent(system.security?.accessReviewed, months, today),
  },
  { key: 'mfa', label: 'flerfaktorsinloggning', field: ['security', 'mfa'], has: (system) => system.security?.mfa === 'ja' },
];

export interface FactCounts {
  id: string;
  name: string;
  /** Critical systems in use. */
  critical: number;
  /** How many of them have each fact, by fact key. */
  has: Partial<Record<CoverageFact['key'], number>>;
}

export interface ContinuityCoverage {
  /** The facts the audience may see, in order. */
  facts: { key: CoverageFact['key']; label: string }[];
  total: FactCounts;
  /** Per förvaltning (or company), most critical systems first. */
  units: FactCounts[];
  /** "Av 15 kritiska system har 12 återställningstid, …". */
  text: string;
}

/** O(systems × facts). */
export function continuityCoverage(
  model: VisibleModel,
  options: { today: string; sees: (field: DataPath) => boolean },
): ContinuityCoverage {
  const facts = COVERAGE_FACTS.filter((fact) => options.sees(fact.field));
  const context = { months: model.settings.securityCheckIntervalMonths ?? 12, today: options.today };
  const total: FactCounts = { id: '', name: 'Alla', critical: 0, has: {} };
  const units: FactCounts[] = [];
  for (const unit of systemsByAdministration(model).values()) {
    const counts: FactCounts = { id: unit.id, name: unit.name, critical: 0, has: {} };
    for (const system of unit.systems) {
      if (!isCritical(system) || !isInUse(system)) continue;
      for (const target of [total, counts]) {
        target.critical++;
        for (const fact of facts) if (fact.has(system, context)) target.has[fact.key] = (target.has[fact.key] ?? 0) + 1;
      }
    }
    if (counts.critical > 0) units.push(counts);
  }
  const text =
    total.critical === 0
      ? 'Inga system i bruk är kritiska (kritikalitet hög eller kritisk, eller tillgänglighet 3 eller 4).'
      : `Av ${total.critical} kritiska system i bruk har ${facts.map((fact) => `${total.has[fact.key] ?? 0} ${fact.label}`).join(', ')}.`;
  return {
    facts: facts.map(({ key, label }) => ({ key, label })),
    total,
    units: units.sort((a, b) => b.critical - a.critical || bySwedish((item: FactCounts) => item.name)(a, b)),
    text,
  };
}
