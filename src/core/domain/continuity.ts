// What the cybersecurity law (cybersäkerhetslagen, SFS 2025:1506) asks the
// register to know about a system's continuity and security: which systems
// are critical, whether their facts are known, and whether the periodic checks
// (a restore test, an access review) are done within the interval. The rules,
// the reminders, the coverage figures, the crisis binder and the incident
// command all ask these predicates.
import { addMonths } from '../text/dates.ts';
import type { System } from '../schema/types.ts';
import { LIFECYCLE } from './lifecycle.ts';

/** The parts of a system these predicates read; a narrower audience's system may lack any of them. */
export type ContinuitySystem = Pick<System, 'status'> & Partial<Pick<System, 'criticality' | 'classification' | 'supplier' | 'continuity' | 'security'>>;

/**
 * Critical for continuity: criticality hög or kritisk, or information whose
 * availability is classed 3 (allvarlig) or 4 (synnerligen allvarlig skada).
 */
export function isCritical(system: ContinuitySystem): boolean {
  return system.criticality === 'hög' || system.criticality === 'kritisk' || (system.classification?.availability ?? 0) >= 3;
}

/** In use, or about to be: the systems whose continuity matters now. */
export function isInUse(system: ContinuitySystem): boolean {
  return LIFECYCLE[system.status].needsReview;
}

/** Whether the supplier's support can be reached: free text, or a phone, e-mail or portal. */
export function hasSupplierSupport(system: ContinuitySystem): boolean {
  const support = system.supplier?.support;
  if (support === undefined) return false;
  if (typeof support === 'string') return true;
  return Boolean(support.phone || support.email || support.portal);
}

/** A periodic check (restore test, access review) done within `months` of today. */
export function isCheckCurrent(date: string | undefined, months: number, today: string): boolean {
  return date !== undefined && addMonths(date, months) >= today;
}

/** The periodic checks, named once: the field, what it is called, and the attest option that sets it. */
export const PERIODIC_CHECKS = [
  {
    key: 'restoreTested',
    rule: 'restore-test-overdue',
    path: ['continuity', 'restoreTested'],
    title: 'test av återläsning',
    again: 'Testa en återläsning igen',
    fact: 'aterlasning',
    read: (system: ContinuitySystem) => system.continuity?.restoreTested,
  },
  {
    key: 'accessReviewed',
    rule: 'access-review-overdue',
    path: ['security', 'accessReviewed'],
    title: 'granskning av behörigheter',
    again: 'Granska behörigheterna igen',
    fact: 'behorigheter',
    read: (system: ContinuitySystem) => system.security?.accessReviewed,
  },
] as const;
