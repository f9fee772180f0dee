/// <reference types="astro/client" />

/** Where the dependency-map worker's source file is: set by astro.config.ts, absent outside the build (tests). */
declare const __MAP_WORKER_FILE__: string | undefined;
/** Which layout code kept map layouts came from (lib/maps/layout-version.ts): set by astro.config.ts. */
declare const __MAP_LAYOUT_VERSION__: string | undefined;
/** Which code told kept histories (lib/history-version.ts): set by astro.config.ts. */
declare const __HISTORY_VERSION__: string | undefined;

/** Where the handbook's pages are (docs/hjalp/): set by astro.config.ts, absent outside the build (tests). */
declare const __HELP_DIR__: string | undefined;
