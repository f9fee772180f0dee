// A supplier's support on one line, as the incident list, the supplier pages,
// the crisis binder and the downloads write it.
import type { VisibleSystem } from '../model/model.ts';

/** Free text as written, or its ways of reaching it, in the order they are tried. */
export function supportText(support: NonNullable<VisibleSystem['supplier']>['support']): string | undefined {
  if (support === undefined) return undefined;
  if (typeof support === 'string') return support.replace(/\s+/g, ' ').trim();
  return [
    support.phone,
    support.email,
    support.portal,
    support.hours,
    support.customerNumber && `kundnummer ${support.customerNumber}`,
    support.note,
  ]
    .filter(Boolean)
    .join(', ');
}

