// Every dependency map of the site (each system's, each förvaltning's), laid
// out in worker threads while the site renders its other pages. Without a
// worker file to start (outside npm run build), they are laid out here, one
// by one, the same way.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VisibleModel } from '#core/model/model.ts';
import { layoutMap, systemNeighbourhood, unitNeighbourhood, type DependencyMap, type Draft } from './dependency-map.ts';
import { layoutWithElk } from './elk-layout.ts';

/** Systems per message: large enough that messaging costs little, small enough to share the work evenly. */
const CHUNK = 250;

export interface SiteMaps {
  /** A förvaltning's map, with its draft and how many systems it leaves out. */
  unit(id: string): Promise<UnitMap>;
  system(id: string): Promise<DependencyMap>;
}

export type UnitMap = { map: DependencyMap; draft: Draft; hidden: number };

export type Job = { draft: Draft; direction: 'TB' | 'LR' };

/** A system's map by dagre, routed between its steps; a förvaltning's by ELK, routed orthogonally (elk-layout.ts). */
export function layoutJob({ draft, direction }: Job): Promise<DependencyMap> | DependencyMap {
  return direction === 'LR' ? layoutWithElk(draft) : layoutMap(draft, 'TB');
}

/**
 * Every map of the site, laid out ahead in worker threads while other pages
 * render: the förvaltningar's first, whose pages come first. A failure is
 * reported where a page asks for a map.
 */
export function layoutSiteMaps(model: VisibleModel, unitIds: readonly string[], workerFile: string | undefined): SiteMaps {
  const lay = (jobs: Job[]) => (workerFile ? inWorkers(jobs, workerFile) : Promise.all(jobs.map(layoutJob)));
  const unitDrafts = unitIds.map((id) => unitNeighbourhood(model, id));
  const units = lay(unitDrafts.map((draft) => ({ draft, direction: 'LR' }))).then(
    (maps) =>
      new Map(
        unitIds.map((id, index) => [
          id,
          { map: maps[index] as DependencyMap, draft: unitDrafts[index] as Draft, hidden: unitDrafts[index]?.hidden ?? 0 },
        ]),
      ),
  );
  const systems = units
    .then(() => lay(model.systems.map((system) => ({ draft: systemNeighbourhood(model, system), direction: 'TB' }))))
    .then((maps) => new Map(model.systems.map((system, index) => [system.id, maps[index] as DependencyMap])));
  units.catch(() => {});
  systems.catch(() => {});
  return {
    unit: async (id) => (await units).get(id) as UnitMap,
    system: async (id) => (await systems).get(id) as DependencyMap,
  };
}

/**
 * The maps one at a time, when a page asks: for the live preview, which
 * renders a page or two after each saved change, not all of them.
 */
export function layoutMapsOnDemand(model: VisibleModel): SiteMaps {
  return {
    unit: async (id) => {
      const draft = unitNeighbourhood(model, id);
      return { map: await layoutJob({ draft, direction: 'LR' }), draft, hidden: draft.hidden };
    },
    system: async (id) => layoutJob({ draft: systemNeighbourhood(model, model.systemById.get(id)!), direction: 'TB' }),
  };
}

async function inWorkers(jobs: Job[], workerFile: string): Promise<DependencyMap[]> {
  const chunks: Job[][] = [];
  for (let start = 0; start < jobs.length; start += CHUNK) chunks.push(jobs.slice(start, start + CHUNK));
  const results: DependencyMap[][] = new Array(chunks.length);
  let next = 0;
  // One core stays with the page rendering, which the maps must not hold up.
  const threads = Math.max(1, Math.min(availableParallelism() - 1, chunks.length));
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(workerFile);
      try {
        while (next < chunks.length) {
          const index = next++;
          results[index] = await new Promise<DependencyMap[]>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage(chunks[index]);
          });
          worker.removeAllListeners('error');
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results.flat();
}
