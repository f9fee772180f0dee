/// <reference types="astro/client" />

/** Where the dependency-map worker's source file is: set by astro.config.ts, absent outside the build (tests). */
declare const __MAP_WORKER_FILE__: string | undefined;

/** Where the handbook's pages are (docs/hjalp/): set by astro.config.ts, absent outside the build (tests). */
declare const __HELP_DIR__: string | undefined;
