// Every dependency map of the site, laid out in worker threads while the site
// renders its other pages: each förvaltning's map, and each shape the
// systems' maps have (a system's page draws its own from its shape's layout).
// Without a worker file to start (outside npm run build), they are laid out
// here, one by one, the same way. A layout the previous build kept
// (layout-cache.ts, npm run build's --cache) is not laid out again; the workers
// send back numbers only, and the pages draw their maps from them.
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
import { drawElkMap, layoutWithElk, placeWithElk } from './elk-layout.ts';
import { layoutKey, type LayoutCache } from './layout-cache.ts';

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
  /** Every map laid out and, with a cache, the layouts saved for the next build; never rejects. */
  settled: Promise<void>;
}

export type UnitMap = { map: DependencyMap; draft: Draft; hidden: number };

/** A förvaltning's draft, laid out whole by ELK; or the shape of systems' maps, laid out once by dagre. */
export type Job = { draft: Draft } | { shape: Pick<MapShape, 'key' | 'count' | 'numbered' | 'direction'> };

/** A förvaltning's placement by ELK, routed orthogonally (elk-layout.ts); a shape's by dagre, which each system's page routes itself. */
export function layoutJob(job: Job): Promise<Placement> | Placement {
  return 'draft' in job ? placeWithElk(job.draft) : layOutShape(job.shape);
}

/** What a job's layout depends on, besides the layout code: the cache's key (layout-cache.ts). */
function jobKey(job: Job): string {
  // A shape's key (mapShape) already names its direction, size and numbered edges.
  if ('shape' in job) return layoutKey(`dagre|${job.shape.key}`);
  const { nodes, edges } = job.draft;
  return layoutKey(JSON.stringify(['elk', nodes.map((node) => node.key), edges.map((edge) => [edge.from, edge.to])]));
}

/**
 * Every map of the site, laid out ahead in worker threads while other pages
 * render: the förvaltningar's first, whose pages come first. A layout the
 * cache keeps from the previous build is not laid out again, and the cache is
 * saved once every map is laid out. A failure is reported where a page asks
 * for a map.
 */
export function layoutSiteMaps(
  model: VisibleModel,
  unitIds: readonly string[],
  workerFile: string | undefined,
  cache?: LayoutCache,
): SiteMaps {
  const layOut = (jobs: Job[]) => (workerFile ? inWorkers(jobs, workerFile) : Promise.all(jobs.map((job) => layoutJob(job))));
  const lay = async (jobs: Job[]): Promise<Placement[]> => {
    if (!cache) return layOut(jobs);
    const keys = jobs.map(jobKey);
    const placed = keys.map((key) => cache.get(key));
    const missing = jobs.flatMap((_, index) => (placed[index] ? [] : [index]));
    const laid = await layOut(missing.map((index) => jobs[index] as Job));
    missing.forEach((index, position) => {
      placed[index] = laid[position] as Placement;
      cache.keep(keys[index] as string, laid[position] as Placement);
    });
    return placed as Placement[];
  };
  const unitDrafts = unitIds.map((id) => unitNeighbourhood(model, id));
  const units = lay(unitDrafts.map((draft) => ({ draft }))).then(
    (placements) =>
      new Map(
        unitIds.map((id, index) => {
          const draft = unitDrafts[index] as Draft & { hidden: number };
          return [id, { map: drawElkMap(draft, placements[index] as Placement), draft, hidden: draft.hidden }];
        }),
      ),
  );
  // Only each shape's layout is kept, not every system's map (256 MiB at 20 000
  // systems): a page draws its map from its draft and its shape's layout. The
  // drafts are made again then, which costs less than keeping them.
  const shapes = units.then(async () => {
    const unique = new Map<string, Job>();
    for (const system of model.systems) {
      const { key, count, numbered, direction } = mapShape(systemNeighbourhood(model, system));
      if (!unique.has(key)) unique.set(key, { shape: { key, count, numbered, direction } });
    }
    const laid = await lay([...unique.values()]);
    return new Map([...unique.keys()].map((key, index) => [key, laid[index] as Placement]));
  });
  const settled = Promise.all([units, shapes]).then(
    () => cache?.save(),
    () => {},
  );
  return {
    settled,
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
    settled: Promise.resolve(),
    unit: async (id) => {
      const draft = unitNeighbourhood(model, id);
      return { map: await layoutWithElk(draft), draft, hidden: draft.hidden };
    },
    system: async (id) => layoutMap(systemNeighbourhood(model, model.systemById.get(id)!)),
  };
}

async function inWorkers(jobs: Job[], workerFile: string): Promise<Placement[]> {
  if (jobs.length === 0) return [];
  const chunks: Job[][] = [];
  for (let start = 0; start < jobs.length; start += CHUNK) chunks.push(jobs.slice(start, start + CHUNK));
  const results: Placement[][] = new Array(chunks.length);
  let next = 0;
  // One core stays with the page rendering, which the maps must not hold up.
  const threads = Math.max(1, Math.min(availableParallelism() - 1, chunks.length));
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(workerFile, { resourceLimits: WORKER_LIMITS });
      try {
        while (next < chunks.length) {
          const index = next++;
          results[index] = await new Promise<Placement[]>((resolve, reject) => {
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
