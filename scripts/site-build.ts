// The build pipeline, shared by npm run build, npm start and the benchmarks:
// validate → Astro → Pagefind, with a progress line per step.
import { performance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { todayIso } from '../src/core/dates.ts';
import { formatText, summarize } from '../src/core/findings.ts';
import { displayPathOf, readRegisterSources } from '../src/core/load.ts';
import { validateSources } from '../src/core/validate.ts';

export interface BuildOptions {
  registry: string;
  out: string;
  base?: string | undefined;
  /** Print progress (default true). */
  log?: (line: string) => void;
}

export interface BuildResult {
  ok: boolean;
  seconds: { validate: number; astro: number; pagefind: number };
  pages: number;
}

const SITE_ROOT = resolve(import.meta.dirname, '..', 'site');

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const seconds = { validate: 0, astro: 0, pagefind: 0 };
  let started = performance.now();
  const lap = () => {
    const now = performance.now();
    const elapsed = (now - started) / 1000;
    started = now;
    return elapsed;
  };

  log(`[1/3] Validerar registret i ${displayPathOf(options.registry)} …`);
  const { findings, parsed } = validateSources(readRegisterSources(options.registry), {
    today: todayIso(),
    root: displayPathOf(options.registry),
  });
  const { errors, warnings } = summarize(findings);
  seconds.validate = lap();
  if (errors > 0) {
    for (const finding of findings.filter((item) => item.severity === 'error')) log(formatText(finding));
    log(`Registret har ${errors} fel. Rätta dem och bygg igen; webbplatsen byggdes inte.`);
    return { ok: false, seconds, pages: 0 };
  }
  log(`      ${parsed.entries.length} filer, 0 fel, ${warnings} varningar (${seconds.validate.toFixed(1)} s).`);

  log('[2/3] Bygger webbplatsen med Astro …');
  process.env.SYSTEMFORTECKNING_REGISTRY = options.registry;
  process.env.SYSTEMFORTECKNING_OUT = options.out;
  if (options.base !== undefined) process.env.SYSTEMFORTECKNING_BASE = options.base;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  await build({ root: SITE_ROOT, logLevel: 'warn' });
  seconds.astro = lap();
  log(`      klart (${seconds.astro.toFixed(1)} s).`);

  log('[3/3] Bygger sökindex med Pagefind …');
  const pages = await indexSite(options.out);
  seconds.pagefind = lap();
  log(`      ${pages} sidor indexerade (${seconds.pagefind.toFixed(1)} s).`);
  log(`Webbplatsen finns i ${displayPathOf(options.out)}.`);
  return { ok: true, seconds, pages };
}

export async function indexSite(out: string): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind kunde inte starta: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: out });
  if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  return added.page_count;
}
