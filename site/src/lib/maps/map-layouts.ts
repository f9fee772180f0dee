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
  /** By förvaltning id, with how many systems the map leaves out. Ready first: their pages come first. */
  units: Promise<Map<string, { map: DependencyMap; draft: Draft; hidden: number }>>;
  systems: Promise<Map<string, DependencyMap>>;
}

export type Job = { draft: Draft; direction: 'TB' | 'LR' };

/** A system's map by dagre, routed between its steps; a förvaltning's by ELK, routed orthogonally (elk-layout.ts). */
export function layoutJob({ draft, direction }: Job): Promise<DependencyMap> | DependencyMap {
  return direction === 'LR' ? layoutWithElk(draft) : layoutMap(draft, 'TB');
}

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
  return { units, systems };
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
