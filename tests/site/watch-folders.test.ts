// The live preview's watcher, on real folders: every save is heard, however
// the editor saves, and in folders made after the watching began.
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { watchFolders } from '../../site/src/lib/preview/watch-register.ts';
import { removeTemp } from '../helpers/registers.ts';

const root = mkdtempSync(join(tmpdir(), 'systemforteckning-bevakning-'));
mkdirSync(join(root, 'systems'));
writeFileSync(join(root, 'systems', 'lonesystem.yaml'), 'name: Lönesystem\n');
let watcher: { close(): void } | undefined;
afterEach(() => watcher?.close());
afterAll(() => removeTemp(root));

/** Waits until `heard` has a path that `wanted` accepts, or a second has passed. */
async function until(heard: string[], wanted: (path: string) => boolean): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (heard.some(wanted)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe('watchFolders', () => {
  it('hears a file replaced by rename every time, not only the first', async () => {
    const heard: string[] = [];
    watcher = watchFolders(root, (path) => heard.push(path));
    for (const version of [1, 2, 3]) {
      heard.length = 0;
      writeFileSync(join(root, 'systems', `.spara-${version}`), `name: Lönesystem ${version}\n`);
      renameSync(join(root, 'systems', `.spara-${version}`), join(root, 'systems', 'lonesystem.yaml'));
      expect(await until(heard, (path) => path === join('systems', 'lonesystem.yaml')), `sparning ${version}`).toBe(true);
    }
  });

  it('hears saves in a folder made after the watching began', async () => {
    const heard: string[] = [];
    watcher = watchFolders(root, (path) => heard.push(path));
    mkdirSync(join(root, 'units'));
    expect(await until(heard, (path) => path === 'units')).toBe(true);
    writeFileSync(join(root, 'units', 'it-avdelningen.yaml'), 'name: IT-avdelningen\n');
    expect(await until(heard, (path) => path === join('units', 'it-avdelningen.yaml'))).toBe(true);
  });
});
