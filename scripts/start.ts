// npm start: builds the site from the register and serves it locally. The
// main job of the README's quick start.
import { EXIT_FINDINGS, EXIT_OK, runCommand } from '../src/cli/args.ts';
import { parseServeArgs, serve } from './serve.ts';
import { buildSite } from './site-build.ts';

runCommand(async () => {
  const args = parseServeArgs(process.argv.slice(2));
  if (args.help) {
    console.log('Användning: npm start -- [--registry <mapp>] [--port <nummer>] [--base /sökväg/]');
    return EXIT_OK;
  }
  const result = await buildSite({ registry: args.registry, out: args.out, base: args.baseOption });
  if (!result.ok) return EXIT_FINDINGS;
  await serve(args.out, args.port, args.base);
  return EXIT_OK;
});
