// npm start: builds the site from the register and serves it locally. The
// main job of the README's quick start.
import { defineCommand, EXIT_FINDINGS, EXIT_OK, runMain } from './command.ts';
import { serve, SERVE_OPTIONS, serveTarget } from './serve.ts';
import { buildSite } from '../build/site-build.ts';
import { audienceOption, CACHE_OPTIONS, cacheOption } from './build.ts';

export const main = defineCommand({
  name: 'start',
  description: 'Validerar registret, bygger webbplatsen och visar den lokalt.',
  options: { ...SERVE_OPTIONS, ...CACHE_OPTIONS },
  registry: true,
  async run(context) {
    const target = serveTarget(context);
    const result = await buildSite({
      registry: context.registry,
      out: target.out,
      base: context.values.base,
      audience: audienceOption(context.values.audience),
      cache: cacheOption(context.values, context.io.cwd),
      log: context.print,
    });
    if (!result.ok) return EXIT_FINDINGS;
    await serve(target, context.print);
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
