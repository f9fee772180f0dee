// Each system's recent changes in Swedish for the site's pages and feeds:
// Git's log (data.ts) told from each file's versions as the audience may see
// them (views/file-history.ts), with what the previous build told kept in the
// build's cache (history-cache.ts).
import { readBlobs, type History } from '#core/git/history.ts';
import type { RegisterModel, VisibleModel, VisibleSystem } from '#core/model/model.ts';
import { cutterIdentity, entryCutter } from '#core/model/visible.ts';
import { describeFileHistories, type FileHistoryOptions, type HistoryItem } from '#core/views/file-history.ts';
import type { Audience } from '#core/vocabulary.ts';
import { cacheKey } from './build-cache.ts';
import { historyCacheFile, openHistoryCache, type HistoryCache } from './history-cache.ts';

/**
 * Where the told changes are kept between builds, in the build's cache
 * folder (npm run build -- --cache): a file per audience; none for the
 * protected build (history-cache.ts).
 */
export function historyCacheFor(audience: Audience, env: NodeJS.ProcessEnv = process.env): HistoryCache | undefined {
  const folder = env.SYSTEMFORTECKNING_CACHE;
  const file = folder && historyCacheFile(folder, audience);
  if (!file || typeof __HISTORY_VERSION__ !== 'string') return undefined;
  return openHistoryCache(file, __HISTORY_VERSION__);
}

/**
 * Systems whose versions are read from Git at a time: one `git cat-file` each,
 * and no more text held at once than this many systems' versions (all at
 * once, in one run at 5 000 systems with five changes each, the heap peaked
 * at 593 MiB against 518 MiB when each page read its own).
 */
const HISTORY_BATCH = 2000;

/**
 * Each system's recent changes in Swedish, told from its file's contents
 * before and after as the audience may see them. In a build the first page to
 * ask has every system's told, the versions read from Git for the telling are
 * let go, and what was told is saved for the next build; the live preview,
 * which renders a page or two per saved change, tells only the system asked
 * for.
 */
export function systemHistories(
  history: History,
  registryDir: string,
  register: RegisterModel,
  model: VisibleModel,
  audience: Audience,
  mode: { onDemand: true } | { onDemand: false; cache: HistoryCache | undefined },
): (system: VisibleSystem) => HistoryItem[] {
  const cache = mode.onDemand ? undefined : mode.cache;
  const options: FileHistoryOptions = {
    cut: entryCutter(register, audience),
    names: (id) => model.personById.get(id)?.name ?? model.unitById.get(id)?.name ?? model.systemById.get(id)?.name,
    people: audience !== 'offentlig',
    // Hashed once: the identity lists every entry the audience may not see, and each change's key holds it.
    ...(cache ? { memory: { told: cache, cutter: cacheKey(cutterIdentity(register, audience)) } } : {}),
  };
  const told = new Map<string, HistoryItem[]>();
  const tell = (systems: readonly VisibleSystem[]) => {
    for (let start = 0; start < systems.length; start += HISTORY_BATCH) {
      const batch = systems.slice(start, start + HISTORY_BATCH).map((system) => [system.source, history.get(system.source) ?? []] as const);
      for (const [relPath, items] of describeFileHistories(batch, (blobs) => readBlobs(registryDir, blobs), options))
        told.set(relPath, items);
    }
  };
  return (system) => {
    // A build tells them all at the first ask; a system asked for after that (or in the preview) is told alone.
    if (!told.has(system.source)) {
      const first = !mode.onDemand && told.size === 0;
      tell(first ? model.systems : [system]);
      if (first) cache?.save();
    }
    return told.get(system.source) ?? [];
  };
}
