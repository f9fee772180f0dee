// Renders the site's Astro components in isolation (Astro's container API),
// with Astro's own Vite configuration, so templates can be tried with values
// that the validator would never let through to a real build.
import { join } from 'node:path';
import { getViteConfig } from 'astro/config';

const root = join(import.meta.dirname, '..', '..');

export default getViteConfig(
  { test: { name: 'components', root, include: ['tests/components/**/*.test.ts'] } },
  { root: join(root, 'site'), logLevel: 'error' },
);
