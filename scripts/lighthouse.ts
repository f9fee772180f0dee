// npm run lighthouse [-- --out dist]: Lighthouse 13 (fetched with npx, Debian's
// Chromium) on the register page and the first system page of a built site.
// Not part of npm test: it needs the npm registry the first time.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineCommand, EXIT_FINDINGS, EXIT_OK, runMain } from '../src/cli/command.ts';
import { SITE_OPTIONS } from '../src/cli/build.ts';
import { UserError } from '../src/core/errors.ts';
import { siteLocation } from '../site/src/lib/site-location.ts';
import { CHROMIUM_FLAGS } from './chromium.ts';
import { startStaticServer } from '../src/build/static-server.ts';

export const main = defineCommand({
  name: 'lighthouse',
  description: 'Kör Lighthouse 13 på förteckningen och en systemsida i en byggd webbplats.',
  options: { out: SITE_OPTIONS.out },
  registry: true,
  run: ({ values, registry, io, print }) => lighthouse(resolve(io.cwd, values.out ?? 'dist'), registry, print),
});

if (import.meta.main) await runMain(main);

async function lighthouse(out: string, registry: string, print: (line: string) => void): Promise<number> {
  if (!existsSync(join(out, 'system', 'index.html')))
    throw new UserError(`Hittar ingen byggd webbplats i ${out}. Kör npm run build först.`);
  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium))
    throw new UserError(`Hittar ingen Chromium i ${chromium}. Installera med sudo apt-get install -y chromium eller ange CHROME_PATH.`);
  const { base } = siteLocation({ ...process.env, SYSTEMFORTECKNING_REGISTRY: registry });
  // The system page with the largest dependency map: the heaviest system page there is.
  const mapSize = (name: string) => {
    const html = readFileSync(join(out, 'system', name, 'index.html'), 'utf8');
    const start = html.indexOf('<svg viewBox');
    return start < 0 ? 0 : html.indexOf('</svg>', start) - start;
  };
  const firstSystem = readdirSync(join(out, 'system'))
    .filter((name) => name !== 'sida' && existsSync(join(out, 'system', name, 'index.html')))
    .sort()
    .reduce((best, name) => (mapSize(name) > mapSize(best) ? name : best));
  const firstMap = existsSync(join(out, 'karta'))
    ? readdirSync(join(out, 'karta')).filter((name) => existsSync(join(out, 'karta', name, 'index.html'))).sort()[0]
    : undefined;
  const { server, url } = await startStaticServer({ root: out, base, port: 0 });
  const reports = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  let allPass = true;
  try {
    for (const [name, path] of [
      ['Systemförteckningen', 'system/'],
      ['Ett system med beroendekarta', `system/${firstSystem}/`],
      ...(firstMap ? ([['En förvaltnings karta', `karta/${firstMap}/`]] as const) : []),
    ] as const) {
      const report = join(reports, `${path.replace(/\//g, '_')}.json`);
      // Asynchronously: the site is served from this very process.
      const result = await run(
        'npx',
        [
          '--yes',
          'lighthouse@13',
          `${url}${path}`,
          '--quiet',
          `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
          '--output=json',
          `--output-path=${report}`,
          '--only-categories=performance,accessibility,best-practices,seo',
        ],
        { ...process.env, CHROME_PATH: chromium },
      );
      if (result.code !== 0) throw new UserError(`Lighthouse kunde inte köras: ${result.stderr.trim().split('\n').slice(-5).join('\n')}`);
      const categories = Object.values(JSON.parse(readFileSync(report, 'utf8')).categories) as { title: string; score: number }[];
      const scores = categories.map((category) => `${category.title} ${Math.round(category.score * 100)}`);
      allPass &&= categories.every((category) => category.score >= 0.95);
      print(`${name} (${path}): ${scores.join(', ')}`);
    }
  } finally {
    await new Promise((resolveClose) => server.close(resolveClose));
  }
  return allPass ? EXIT_OK : EXIT_FINDINGS;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stderr }));
  });
}
