// Map layouts kept from one build to the next (../build-cache.ts). A layout is
// a pure function of its job (a förvaltning's systems and links, or a shape of
// systems' maps) and of the layout code, and laying them all out takes the
// build's second core for most of Astro's time: with every layout kept, Astro
// at 5 000 systems took 14.2 s instead of 17.6–18.6 s (docs/prestanda.md). The
// file holds numbers only, under a hash of each job, so it can neither carry
// text into a page nor tell what the register holds.
import { join } from 'node:path';
import * as z from 'zod';
import { openBuildCache, type BuildCache } from '../build-cache.ts';
import type { Placement } from './dependency-map.ts';

export { cacheKey as layoutKey } from '../build-cache.ts';

/** Larger than any map draws; a value outside it is not a layout. */
const coordinate = z.number().min(-1e6).max(1e6);
const point = z.object({ x: coordinate, y: coordinate });
const placement = z.object({ width: coordinate, height: coordinate, centres: z.array(point), points: z.array(z.array(point)) });

export type LayoutCache = BuildCache<Placement>;

/** The file in a build's cache folder that keeps an audience's layouts: the audiences' maps differ. */
export function layoutCacheFile(folder: string, audience: string): string {
  return join(folder, `kartor-${audience}.json`);
}

/** The layouts in `file` for this version of the layout code (layout-version.ts). */
export function openLayoutCache(file: string, version: string): LayoutCache {
  return openBuildCache(file, version, placement, {
    holds: 'Kartornas layouter',
    consequence: 'nästa bygge lägger ut kartorna på nytt',
  });
}
