// The systems' told histories kept from one build to the next (npm run build's
// --cache): read back only for the same code, only when every value is a
// told change, under hashes of what was told, and never for the protected build.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { historyCacheFile, openHistoryCache } from '../../site/src/lib/history-cache.ts';
import { removeTemp } from '../helpers/registers.ts';

const temp = mkdtempSync(join(tmpdir(), 'systemforteckning-historikcache-'));
afterAll(() => removeTemp(temp));

const identity = JSON.stringify(['systems/lonesystem.yaml', 'a1', 'b2', 'intern']);
const told = {
  sentences: ['Lönesystem: status ändras från i drift till under avveckling.'],
  names: [
    ['bo-berg', 'Bo Berg'],
    ['__proto__', null],
  ] as [string, string | null][],
};

function saved(file: string): void {
  const cache = openHistoryCache(file, 'v1');
  cache.keep(identity, told);
  cache.save();
}

describe('the told histories kept between builds', () => {
  it('give the next build of the same code what this one told', () => {
    const file = join(temp, 'samma.json');
    saved(file);
    expect(openHistoryCache(file, 'v1').get(identity)).toEqual(told);
    expect(openHistoryCache(file, 'v2').get(identity)).toBeUndefined();
  });

  it('keep each told change under a hash, not under its file’s path', () => {
    const file = join(temp, 'nycklar.json');
    saved(file);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('lonesystem.yaml');
    expect(Object.keys(JSON.parse(text).entries)).toEqual([expect.stringMatching(/^[\w-]{32}$/)]);
  });

  it('are ignored when a value is no told change', () => {
    const file = join(temp, 'trasig.json');
    saved(file);
    const good = JSON.parse(readFileSync(file, 'utf8'));
    const [key] = Object.keys(good.entries);
    const damaged = [
      { sentences: [{ html: '<script>' }], names: [] },
      { sentences: ['x'.repeat(20_000)], names: [] },
      { sentences: ['Ändrad.'], names: [['bo-berg', 42]] },
      { sentences: ['Ändrad.'], names: { 'bo-berg': 'Bo Berg' } },
      { sentences: 'Ändrad.', names: [] },
    ];
    for (const entry of damaged) {
      writeFileSync(file, JSON.stringify({ ...good, entries: { [key as string]: entry } }));
      expect(openHistoryCache(file, 'v1').get(identity)).toBeUndefined();
    }
  });

  it('are kept per audience, and never for the protected build', () => {
    expect(historyCacheFile(temp, 'intern')).toBe(join(temp, 'historik-intern.json'));
    expect(historyCacheFile(temp, 'offentlig')).toBe(join(temp, 'historik-offentlig.json'));
    expect(historyCacheFile(temp, 'skyddad')).toBeUndefined();
  });
});
