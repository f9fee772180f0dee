// The systems' changes as told in the previous build (../build-cache.ts):
// telling a change reads both versions of its file from Git, parses them, cuts
// them to the audience and compares them, about 1.6 s at 5 000 systems with
// five changes each (docs/prestanda.md). A told change depends on the file's
// versions, the cut and the names it mentions (views/file-history.ts), so it
// is kept under a hash of the first two and used again only while the names
// are the same. Unlike the maps' layouts the file holds text: the sentences
// and names as the audience's own site shows them, so there is one file per
// audience and none for the protected build, whose pages are not to leave its
// machine in a cache.
import { join } from 'node:path';
import * as z from 'zod';
import type { ToldChange, ToldMemory } from '#core/views/file-history.ts';
import type { Audience } from '#core/vocabulary.ts';
import { cacheKey, openBuildCache } from './build-cache.ts';

/** Longer than any sentence or name the telling makes; anything beyond is not a told change. */
const told = z.object({
  sentences: z.array(z.string().max(10_000)).max(1_000),
  names: z.array(z.tuple([z.string().max(1_000), z.string().max(1_000).nullable()])).max(1_000),
});

export type HistoryCache = ToldMemory & { save(): void };

/** The file in a build's cache folder that keeps an audience's told changes; none for the protected build. */
export function historyCacheFile(folder: string, audience: Audience): string | undefined {
  return audience === 'skyddad' ? undefined : join(folder, `historik-${audience}.json`);
}

/** The told changes in `file` for this version of the code that tells them (history-version.ts). */
export function openHistoryCache(file: string, version: string): HistoryCache {
  const cache = openBuildCache<ToldChange>(file, version, told, {
    holds: 'Systemens historik',
    consequence: 'nästa bygge berättar den på nytt',
  });
  return {
    get: (identity) => cache.get(cacheKey(identity)),
    keep: (identity, change) => cache.keep(cacheKey(identity), change),
    save: () => cache.save(),
  };
}
