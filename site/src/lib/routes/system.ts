// Everything a system's page shows, built once per system: its people, what
// it uses and what uses it, its map, what stops when it fails, its history.
import { impactOf } from '#core/model/impact.ts';
import type { VisibleSystem } from '#core/model/model.ts';
import { siteData } from '../data.ts';
import { lastChange } from '../recent.ts';

/** Rows of the impact table; the rest are counted. */
export const IMPACT_ROWS = 50;

export function systemPaths() {
  return siteData().model.systems.map((system) => ({ params: { id: system.id }, props: { system } }));
}

export async function systemPage(system: VisibleSystem) {
  const { model, history, systemHistory, repository, sees } = siteData();
  const map = await siteData().siteMaps.system(system.id);
  const impact = impactOf(model, system);
  return {
    system,
    model,
    repository,
    sees,
    manager: system.roles ? model.personById.get(system.roles.manager) : undefined,
    reviewer: system.reviewedBy ? model.personById.get(system.reviewedBy) : undefined,
    uses: model.uses.get(system.id) ?? [],
    usedBy: model.usedBy.get(system.id) ?? [],
    map,
    impact: {
      total: impact.affected.length,
      direct: impact.affected.filter((item) => item.distance === 1).length,
      rows: impact.affected.slice(0, IMPACT_ROWS).map(({ system: affected, via }) => ({
        system: affected,
        via,
        owner: affected.roles ? model.personById.get(affected.roles.owner) : undefined,
      })),
      more: Math.max(0, impact.affected.length - IMPACT_ROWS),
      cycles: impact.cycles,
    },
    changes: systemHistory(system),
    changed: lastChange(system, history),
  };
}

export type SystemPage = Awaited<ReturnType<typeof systemPage>>;
