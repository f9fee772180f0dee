// npm run build [-- --registry <mapp>] [--out <mapp>] [--base /sökväg/]
// Validates the register, builds the site with Astro and indexes it with
// Pagefind. Stops with the validator's messages when the register has errors.
import { resolve } from 'node:path';
import { parseCommandArgs, runCommand, EXIT_FINDINGS, EXIT_OK } from '../src/cli/args.ts';
import { buildSite } from './site-build.ts';

const USAGE = `Användning: npm run build -- [--registry <mapp>] [--out <mapp>] [--base /sökväg/]
  --registry  registrets mapp (standard: registry)
  --out       var webbplatsen skrivs (standard: dist)
  --base      sökvägen webbplatsen publiceras under (standard: sökvägen i siteUrl i settings.yaml)`;

if (import.meta.main) {
  runCommand(async () => {
    const { values } = parseCommandArgs(
      process.argv.slice(2),
      { registry: { type: 'string', default: 'registry' }, out: { type: 'string', default: 'dist' }, base: { type: 'string' } },
      USAGE,
    );
    if (values.help) {
      console.log(USAGE);
      return EXIT_OK;
    }
    const result = await buildSite({
      registry: resolve(values.registry as string),
      out: resolve(values.out as string),
      base: values.base as string | undefined,
    });
    return result.ok ? EXIT_OK : EXIT_FINDINGS;
  });
}
