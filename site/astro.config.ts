import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { siteLocation } from './src/lib/site-location.ts';
import { watchRegister } from './src/lib/preview/watch-register.ts';
import { layoutVersion } from './src/lib/maps/layout-version.ts';
import { historyVersion } from './src/lib/history-version.ts';

const { site, base, registryDir } = siteLocation();

export default defineConfig({
  site,
  base,
  outDir: process.env.SYSTEMFORTECKNING_OUT ?? '../dist',
  trailingSlash: 'always',
  compressHTML: true,
  // Pages render while earlier ones are written: at 1 the build waits on the
  // disk for half its time (measured at 5 000 systems: 11,3 s → 6,8 s at 8).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  devToolbar: { enabled: false },
  vite: {
    server: { fs: { allow: ['..'] } },
    // npm run dev: a saved change in the register reloads the pages that show it.
    plugins: [watchRegister(registryDir, base)],
    // The dependency maps are laid out in worker threads that Node starts from
    // this source file (lib/maps/map-layouts.ts); the bundled pages only know its path.
    define: {
      __MAP_WORKER_FILE__: JSON.stringify(fileURLToPath(new URL('./src/lib/maps/map-worker.ts', import.meta.url))),
      // Which layout code kept layouts came from (lib/maps/layout-cache.ts).
      __MAP_LAYOUT_VERSION__: JSON.stringify(layoutVersion()),
      // Which code told kept histories (lib/history-cache.ts).
      __HISTORY_VERSION__: JSON.stringify(historyVersion()),
      __HELP_DIR__: JSON.stringify(fileURLToPath(new URL('../docs/hjalp', import.meta.url))),
    },
  },
});
