// The process in which the build runs Astro (site-build.ts), at the warning
// level. `astro build` logs a timestamped, coloured line per page, which
// nobody reads during our build: at 5 000 systems 12 900 lines and 0.6 s of
// the main thread (CPU profile); its command line has no level between
// everything and --silent, which would also hide warnings before a failure.
import { build } from 'astro';

const siteRoot = process.argv[2];
try {
  if (!siteRoot) throw new Error('Mappen med webbplatsen saknas.');
  await build({ root: siteRoot, logLevel: 'warn' });
} catch (error) {
  // The build process shows the last lines of this output when Astro fails.
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
}
