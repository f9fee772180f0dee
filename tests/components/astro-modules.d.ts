// Astro 7 leaves .astro modules to its editor tooling; the component tests import them directly.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const component: AstroComponentFactory;
  export default component;
}
