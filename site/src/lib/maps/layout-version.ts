// Which layout code a kept layout came from (layout-cache.ts): the map code and
// the versions of the two layout libraries. Read once when Astro loads its
// configuration, which gives it to the pages as __MAP_LAYOUT_VERSION__; a
// change to any of them lays every map out again.
import { codeVersion } from '../build-cache.ts';

const LAYOUT_FILES = ['dependency-map.ts', 'elk-layout.ts', 'map-layouts.ts'];
const LAYOUT_LIBRARIES = ['elkjs', '@dagrejs/dagre'];

export function layoutVersion(): string {
  return codeVersion(
    LAYOUT_FILES.map((file) => new URL(`./${file}`, import.meta.url)),
    LAYOUT_LIBRARIES,
    import.meta.url,
  );
}
