// The lifecycle's statuses on the site: their tones (for the register's
// filter script too) and the counts of systems per status, in lifecycle order.
import type { VisibleModel } from '#core/model/model.ts';
import { SYSTEM_STATUSES, type SystemStatus } from '#core/domain/lifecycle.ts';

export { statusTone, SYSTEM_STATUSES } from '#core/domain/lifecycle.ts';

export function statusCounts(model: VisibleModel): { status: SystemStatus; count: number }[] {
  const counts = new Map<string, number>();
  for (const system of model.systems) counts.set(system.status, (counts.get(system.status) ?? 0) + 1);
  return SYSTEM_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })).filter(({ count }) => count > 0);
}
