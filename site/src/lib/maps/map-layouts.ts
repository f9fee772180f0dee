// Every dependency map of the site, laid out in worker threads while the site
// renders its other pages: each förvaltning's map, and each shape the
// systems' maps have (a system's page draws its own from its shape's layout).
// Without a worker file to start (outside npm run build), they are laid out
// here, one by one, the same way.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VisibleModel } from '#core/model/model.ts';
import {
  drawMap,
  layoutMap,
  mapShape,
  layOutShape,
  systemNeighbourhood,
  unitNeighbourhood,
  type DependencyMap,
  type Draft,
  type MapShape,
  type Placement,
} from './dependency-map.ts';
import { layoutWithElk } from './elk-layout.ts';

/** Jobs per message: large enough that messaging costs little, small enough to share the work evenly. */
const CHUNK = 250;

/**
 * A worker holds one message's jobs at a time, and keeps nothing between
 * them, so its memory does not grow with the register: a small heap makes it
 * collect its garbage sooner. Measured at 20 000 systems, alternating with no
 * limit: Astro's process 1 787 -> 1 638 MiB at its peak, time within noise.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

export interface SiteMaps {
  /** A förvaltning's map, with its draft and how many systems it leaves out. */
  unit(id: string): Promise<UnitMap>;
  system(id: string): Promise<DependencyMap>;
}

export type UnitMap = { map: DependencyMap; draft: Draft; hidden: number };

/** A förvaltning's draft, laid out whole by ELK; or the shape of systems' maps, laid out once by dagre. */
export type Job = { draft: Draft } | { shape: Pick<MapShape, 'count' | 'numbered' | 'direction'> };

/** A förvaltning's map by ELK, routed orthogonally (elk-layout.ts); a shape's placement by dagre, which each system's page routes itself. */
export function layoutJob(job: Job): Promise<DependencyMap> | Placement {
  return 'draft' in job ? layoutWithElk(job.draft) : layOutShape(job.shape);
}

/**
 * Every map of the site, laid out ahead in worker threads while other pages
 * render: the förvaltningar's first, whose pages come first. A failure is
 * reported where a page asks for a map.
 */
export function layoutSiteMaps(model: VisibleModel, unitIds: readonly string[], workerFile: string | undefined): SiteMaps {
  const lay = <T>(jobs: Job[]) =>
    workerFile ? inWorkers<T>(jobs, workerFile) : Promise.all(jobs.map((job) => layoutJob(job) as T | Promise<T>));
  const unitDrafts = unitIds.map((id) => unitNeighbourhood(model, id));
  const units = lay<DependencyMap>(unitDrafts.map((draft) => ({ draft }))).then(
    (maps) =>
      new Map(
        unitIds.map((id, index) => [
          id,
          { map: maps[index] as DependencyMap, draft: unitDrafts[index] as Draft, hidden: unitDrafts[index]?.hidden ?? 0 },
        ]),
      ),
  );
  // Only each shape's layout is kept, not every system's map (256 MiB at 20 000
  // systems): a page draws its map from its draft and its shape's layout. The
  // drafts are made again then, which costs less than keeping them.
  const shapes = units.then(async () => {
    const unique = new Map<string, Job>();
    for (const system of model.systems) {
      const { key, count, numbered, direction } = mapShape(systemNeighbourhood(model, system));
      if (!unique.has(key)) unique.set(key, { shape: { count, numbered, direction } });
    }
    const laid = await lay<Placement>([...unique.values()]);
    return new Map([...unique.keys()].map((key, index) => [key, laid[index] as Placement]));
  });
  units.catch(() => {});
  shapes.catch(() => {});
  return {
    unit: async (id) => (await units).get(id) as UnitMap,
    system: async (id) => {
      const draft = systemNeighbourhood(model, model.systemById.get(id)!);
      const shape = mapShape(draft);
      return drawMap(draft, shape, (await shapes).get(shape.key) as Placement);
    },
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
      return { map: await layoutWithElk(draft), draft, hidden: draft.hidden };
    },
    system: async (id) => layoutMap(systemNeighbourhood(model, model.systemById.get(id)!)),
  };
}

async function inWorkers<T>(jobs: Job[], workerFile: string): Promise<T[]> {
  const chunks: Job[][] = [];
  for (let start = 0; start < jobs.length; start += CHUNK) chunks.push(jobs.slice(start, start + CHUNK));
  const results: T[][] = new Array(chunks.length);
  let next = 0;
  // One core stays with the page rendering, which the maps must not hold up.
  const threads = Math.max(1, Math.min(availableParallelism() - 1, chunks.length));
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(workerFile, { resourceLimits: WORKER_LIMITS });
      try {
        while (next < chunks.length) {
          const index = next++;
          results[index] = await new Promise<T[]>((resolve, reject) => {
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
