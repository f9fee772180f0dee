// The maps' layouts kept from one build to the next (npm run build's --cache):
// a build with the previous build's layouts draws the same maps without laying
// any out again, a change of layout code lays them all out, and a cache file
// that is damaged, foreign or unwritable never fails a build or reaches a page.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openRegister } from '../../src/core/model/open-register.ts';
import { visibleModel } from '../../src/core/model/visible.ts';
import { mappedUnits } from '../../site/src/lib/maps/dependency-map.ts';
import { cacheCounts } from '../../site/src/lib/build-cache.ts';
import { openLayoutCache, type LayoutCache } from '../../site/src/lib/maps/layout-cache.ts';
import { layoutSiteMaps, type SiteMaps } from '../../site/src/lib/maps/map-layouts.ts';
import { EXAMPLE_REGISTER, removeTemp, TODAY } from '../helpers/registers.ts';
import { REPO } from '../helpers/run.ts';

const model = visibleModel(openRegister(EXAMPLE_REGISTER, { today: TODAY, cwd: REPO }).model, 'intern');
const unitIds = mappedUnits(model).map((unit) => unit.id);
const temp = mkdtempSync(join(tmpdir(), 'systemforteckning-kartcache-'));
afterAll(() => removeTemp(temp));

/** A cache that counts the layouts a build had to make. */
function counted(cache: LayoutCache): LayoutCache & { laidOut: number } {
  const counting = {
    laidOut: 0,
    get: (key: string) => cache.get(key),
    keep: (key: string, placement: Parameters<LayoutCache['keep']>[1]) => {
      counting.laidOut++;
      cache.keep(key, placement);
    },
    save: () => cache.save(),
  };
  return counting;
}

/** Every map of the example site, as the pages get them. */
async function everyMap(maps: SiteMaps) {
  const drawn = {
    units: await Promise.all(unitIds.map((id) => maps.unit(id))),
    systems: await Promise.all(model.systems.map((system) => maps.system(system.id))),
  };
  await maps.settled;
  return drawn;
}

describe('the maps’ layouts kept between builds', () => {
  it('give the next build the same maps without laying any out again', async () => {
    const file = join(temp, 'samma', 'kartor-intern.json');
    const first = counted(openLayoutCache(file, 'v1'));
    const fresh = await everyMap(layoutSiteMaps(model, unitIds, undefined, first));
    expect(first.laidOut).toBeGreaterThan(unitIds.length);

    const second = counted(openLayoutCache(file, 'v1'));
    const kept = await everyMap(layoutSiteMaps(model, unitIds, undefined, second));
    expect(second.laidOut).toBe(0);
    expect(kept).toEqual(fresh);
    expect(await everyMap(layoutSiteMaps(model, unitIds, undefined))).toEqual(fresh);
  });

  it('tell how many a build took from the cache and how many it laid out, not an earlier build’s', async () => {
    const file = join(temp, 'antal', 'kartor-intern.json');
    const before = Date.now() - 1000;
    const first = counted(openLayoutCache(file, 'v1'));
    await everyMap(layoutSiteMaps(model, unitIds, undefined, first));
    expect(cacheCounts(file, before)).toEqual({ reused: 0, made: first.laidOut });
    await everyMap(layoutSiteMaps(model, unitIds, undefined, openLayoutCache(file, 'v1')));
    expect(cacheCounts(file, before)).toEqual({ reused: first.laidOut, made: 0 });
    expect(cacheCounts(file, Date.now() + 60_000)).toBeUndefined();
  });

  it('are laid out again when the layout code changed', async () => {
    const file = join(temp, 'ny-version', 'kartor-intern.json');
    const first = counted(openLayoutCache(file, 'v1'));
    await everyMap(layoutSiteMaps(model, unitIds, undefined, first));
    const next = counted(openLayoutCache(file, 'v2'));
    await everyMap(layoutSiteMaps(model, unitIds, undefined, next));
    expect(next.laidOut).toBe(first.laidOut);
  });

  it('hold only numbers, under hashes, and only what the last build used', async () => {
    const file = join(temp, 'innehall', 'kartor-intern.json');
    const cache = openLayoutCache(file, 'v1');
    cache.keep('gammal-layout', { width: 1, height: 1, centres: [], points: [] });
    cache.save();
    await everyMap(layoutSiteMaps(model, unitIds, undefined, openLayoutCache(file, 'v1')));
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('gammal-layout');
    // Every value in the file is a number but the code's version: no text from the register.
    const texts: unknown[] = [];
    JSON.parse(text, (_, value) => (typeof value === 'string' && texts.push(value), value));
    expect(texts).toEqual(['v1']);
    expect(Object.keys(JSON.parse(text).entries).every((key: string) => /^[\w-]{32}$/.test(key))).toBe(true);
  });

  it('are ignored when the file is cut short, foreign or holds what is no layout', async () => {
    const file = join(temp, 'trasig', 'kartor-intern.json');
    await everyMap(layoutSiteMaps(model, unitIds, undefined, openLayoutCache(file, 'v1')));
    const good = JSON.parse(readFileSync(file, 'utf8'));
    const [key, placement] = Object.entries(good.entries)[0] as [string, { width: number }];
    const damaged = [
      readFileSync(file, 'utf8').slice(0, 100),
      JSON.stringify({ something: 'else' }),
      JSON.stringify({ ...good, entries: { ...good.entries, [key]: { ...placement, width: '<script>' } } }),
      JSON.stringify({ ...good, entries: { ...good.entries, [key]: { ...placement, width: 1e12 } } }),
    ];
    for (const text of damaged) {
      writeFileSync(file, text);
      const cache = counted(openLayoutCache(file, 'v1'));
      expect(cache.get(key)).toBeUndefined();
      await everyMap(layoutSiteMaps(model, unitIds, undefined, cache));
      expect(cache.laidOut).toBeGreaterThan(0);
    }
  });

  it('that cannot be saved leave the maps as they are and say so', async () => {
    const notAFolder = join(temp, 'en-fil');
    writeFileSync(notAFolder, 'inte en mapp');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const maps = await everyMap(layoutSiteMaps(model, unitIds, undefined, openLayoutCache(join(notAFolder, 'kartor-intern.json'), 'v1')));
    expect(maps).toEqual(await everyMap(layoutSiteMaps(model, unitIds, undefined)));
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/^Kartornas layouter kunde inte sparas i .*en-fil.*nästa bygge lägger ut kartorna på nytt\.$/),
    );
    warn.mockRestore();
    expect(readFileSync(notAFolder, 'utf8')).toBe('inte en mapp');
  });
});
