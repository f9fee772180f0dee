// Which layout code a kept layout came from (layout-cache.ts): the map code and
// the versions of the two layout libraries. Read once when Astro loads its
// configuration, which gives it to the pages as __MAP_LAYOUT_VERSION__; a
// change to any of them lays every map out again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const LAYOUT_FILES = ['dependency-map.ts', 'elk-layout.ts', 'map-layouts.ts'];
const LAYOUT_LIBRARIES = ['elkjs', '@dagrejs/dagre'];

export function layoutVersion(): string {
  const hash = createHash('sha256');
  for (const file of LAYOUT_FILES) hash.update(readFileSync(new URL(`./${file}`, import.meta.url)));
  const require = createRequire(import.meta.url);
  for (const library of LAYOUT_LIBRARIES) {
    const { version } = JSON.parse(readFileSync(require.resolve(`${library}/package.json`), 'utf8')) as { version: string };
    hash.update(`${library}@${version}`);
  }
  return hash.digest('base64url').slice(0, 16);
}
