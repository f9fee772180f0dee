import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Site builds and browsers are heavy; two workers match the 2-core CI machine.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'core', include: ['tests/{core,cli,editor,ci,workflow,import}/**/*.test.ts'] } },
      // The site tests share one build of each site, made once by the global setup.
      { extends: true, test: { name: 'site', include: ['tests/{site,browser}/**/*.test.ts'], globalSetup: ['tests/site/global-setup.ts'] } },
      // Astro components rendered alone, with Astro's Vite configuration.
      'tests/components/vitest.config.ts',
    ],
  },
});
