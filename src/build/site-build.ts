// The build pipeline, shared by npm run build, npm start and the benchmarks:
// validate → Astro → Pagefind, with a progress line per step.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../core/errors.ts';
import { firstPass } from './first-pass.ts';
import { indexSite } from './search-index.ts';
import { displayPathOf } from '../core/reading/load.ts';
import { cacheCounts } from '../../site/src/lib/build-cache.ts';
import { historyCacheFile } from '../../site/src/lib/history-cache.ts';
import { layoutCacheFile } from '../../site/src/lib/maps/layout-cache.ts';
import { buildMoment, todayIso } from '../core/text/dates.ts';
import type { Audience } from '../core/vocabulary.ts';

export interface BuildOptions {
  registry: string;
  out: string;
  base?: string | undefined;
  /** Who the site is for; intern (the intranet) when not given. */
  audience?: Audience;
  /**
   * A folder kept between builds, where the dependency maps' layouts and the
   * systems' told histories are reused from the previous build
   * (site/src/lib/build-cache.ts); none when not given, so that all is made anew.
   */
  cache?: string | undefined;
  /** Print progress (default true). */
  log?: (line: string) => void;
}

export interface BuildResult {
  ok: boolean;
  seconds: { validate: number; astro: number; pagefind: number };
  pages: number;
}

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const SITE_ROOT = join(PROJECT_ROOT, 'site');
const ASTRO_PROCESS = join(import.meta.dirname, 'astro-process.ts');
/** Where a build keeps what the next can reuse, unless told otherwise: in the project, where CI's cache finds it. */
export const DEFAULT_BUILD_CACHE = join(PROJECT_ROOT, '.cache', 'byggcache');
/** Marks a folder as a site this command built: only such a folder is ever replaced. */
const BUILD_MARKER = '.systemforteckning-bygge';

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The build replaces the output folder as a whole. Only an empty folder or a
 * site this command built (it carries the marker) may be replaced: an
 * intranet web root or another site that merely looks like one is refused,
 * so nothing anyone put there is lost.
 */
function checkOutput(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new UserError(`${displayPathOf(out)} är en fil, inte en mapp. Ange en mapp med --out.`);
  const entries = readdirSync(out);
  if (entries.length === 0 || entries.includes(BUILD_MARKER)) return;
  throw new UserError(
    `${displayPathOf(out)} innehåller annat än en webbplats som npm run build har byggt (filen ${BUILD_MARKER} saknas) och skrivs inte över. Ange en tom eller ny mapp med --out.`,
  );
}

/**
 * Where the new site is written before it replaces the old one. Astro needs
 * the project's node_modules above its output folder, so a site for a folder
 * outside the project is built in the project's .cache and moved when complete.
 */
function stagingFolder(out: string): string {
  const name = `bygge-${process.pid}-${Date.now()}`;
  return isInside(out, PROJECT_ROOT) && out !== PROJECT_ROOT ? `${out}.${name}` : join(PROJECT_ROOT, '.cache', name);
}

/**
 * Puts the finished site in place with renames on one disk, so the old site
 * is served until the moment the new one is complete.
 */
function publish(staging: string, out: string): void {
  mkdirSync(dirname(out), { recursive: true });
  let ready = staging;
  if (statSync(staging).dev !== statSync(dirname(out)).dev) {
    ready = `${out}.ny-${process.pid}`;
    cpSync(staging, ready, { recursive: true });
    rmSync(staging, { recursive: true, force: true });
  }
  const previous = existsSync(out) ? `${out}.gammal-${process.pid}` : undefined;
  if (previous) renameSync(out, previous);
  try {
    renameSync(ready, out);
  } catch (error) {
    if (previous) renameSync(previous, out);
    rmSync(ready, { recursive: true, force: true });
    throw error;
  }
  if (previous) rmSync(previous, { recursive: true, force: true });
}

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

  checkOutput(options.out);
  log(`[1/3] Validerar registret i ${displayPathOf(options.registry)} …`);
  // This first pass gives the findings as the validator prints them. Astro
  // starts at the same time, since bundling the site needs no register, and is
  // stopped when the register has errors. A register without errors the first
  // pass hands over to the site's loader, which otherwise reads and checks the
  // register itself (site/src/lib/data.ts), so that `astro build` alone can
  // never publish an invalid register (model/handed-over-register.ts).
  const audience = options.audience ?? 'intern';
  const handOverFolder = mkdtempSync(join(tmpdir(), 'systemforteckning-bygge-'));
  const handOver = join(handOverFolder, 'registret.v8');
  const checking = firstPass({ registry: options.registry, audience, today: todayIso(buildMoment()), cwd: process.cwd(), handOver });
  const staging = stagingFolder(options.out);
  // A failed or interrupted build removes its half-written folder; the previous site stays.
  const cleanUp = () => {
    rmSync(staging, { recursive: true, force: true });
    rmSync(handOverFolder, { recursive: true, force: true });
  };
  const stop = new AbortController();
  const interrupted = () => {
    stop.abort();
    // Astro is stopped first, so that nothing writes into the folder once it is removed.
    setTimeout(() => {
      cleanUp();
      process.exit(130);
    }, 200);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let validated = false;
  const astroStarted = Date.now();
  const astro = runAstro(staging, handOver, options, log, stop.signal, () => validated).then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  const stopAstro = async () => {
    stop.abort();
    await astro;
  };
  try {
    const checked = await checking.catch(async (error: unknown) => {
      await stopAstro();
      throw error;
    });
    seconds.validate = lap();
    if ('errors' in checked) {
      await stopAstro();
      for (const line of checked.errors) log(line);
      log(`Registret har ${checked.errors.length} fel. Rätta dem och bygg igen; webbplatsen byggdes inte.`);
      return { ok: false, seconds, pages: 0 };
    }
    log(`      ${checked.summary.replace(/^✓ /, '')} (${seconds.validate.toFixed(1)} s)`);
    validated = true;

    log(`[2/3] Bygger webbplatsen för publiken ${audience} med Astro …`);
    const failed = await astro;
    if (failed) throw failed.error;
    writeFileSync(join(staging, BUILD_MARKER), 'Byggd av npm run build. Mappen ersätts vid nästa bygge.\n');
    seconds.astro = lap();
    log(`      klart (${seconds.astro.toFixed(1)} s).${options.cache ? cacheLine(options.cache, audience, astroStarted) : ''}`);

    log('[3/3] Bygger sökindex med Pagefind …');
    const pages = await indexSite(staging);
    seconds.pagefind = lap();
    log(`      ${pages} sidor indexerade (${seconds.pagefind.toFixed(1)} s).`);
    publish(staging, options.out);
    log(`Webbplatsen finns i ${displayPathOf(options.out)}.`);
    return { ok: true, seconds, pages };
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    cleanUp();
  }
}

/** How much the build took from the cache: in a CI log, whether the cache was restored. */
function cacheLine(folder: string, audience: Audience, since: number): string {
  const kept = [
    { what: 'Kartlayouter', file: layoutCacheFile(folder, audience), unit: '' },
    { what: 'Berättad historik', file: historyCacheFile(folder, audience), unit: ' ändringar' },
  ];
  return kept
    .map(({ what, file, unit }) => {
      const counts = file && cacheCounts(file, since);
      if (!counts || counts.reused + counts.made === 0) return '';
      return ` ${what} från förra bygget: ${counts.reused} av ${counts.reused + counts.made}${unit}.`;
    })
    .join('');
}

/**
 * Vite lets BASE_URL, MODE, DEV, PROD and SSR in the environment override the
 * site's own values; a stray BASE_URL (a CI server, a test runner) would
 * silently break every link, so they are never passed on to Astro.
 */
export const VITE_OVERRIDES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

/**
 * Astro runs in its own process: its memory is returned before Pagefind
 * starts, which halves the build's peak. Progress is the number of pages
 * written so far, since Astro runs at the warning level (astro-process.ts).
 */
async function runAstro(
  staging: string,
  handOver: string,
  options: BuildOptions,
  log: (line: string) => void,
  signal: AbortSignal,
  showProgress: () => boolean,
): Promise<void> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !VITE_OVERRIDES.includes(key) && key !== 'SYSTEMFORTECKNING_CACHE'),
  );
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    SYSTEMFORTECKNING_REGISTRY: options.registry,
    SYSTEMFORTECKNING_OUT: staging,
    SYSTEMFORTECKNING_AUDIENCE: options.audience ?? 'intern',
    SYSTEMFORTECKNING_CHECKED: handOver,
    ASTRO_TELEMETRY_DISABLED: '1',
    // Vite takes its mode from NODE_ENV: a shell's or test runner's
    // "development" or "test" made import.meta.env.DEV true, and the build took
    // the live preview's paths (no hand-over, maps one at a time, no cache).
    NODE_ENV: 'production',
    ...(options.base !== undefined ? { SYSTEMFORTECKNING_BASE: options.base } : {}),
    ...(options.cache !== undefined ? { SYSTEMFORTECKNING_CACHE: options.cache } : {}),
  };
  const child = spawn(process.execPath, [ASTRO_PROCESS, SITE_ROOT], {
    env,
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    signal,
  });
  child.on('error', () => {});
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const progress = setInterval(() => showProgress() && log(`      ${countPages(staging)} sidor skrivna …`), 5000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(progress);
  if (signal.aborted) throw new UserError('Bygget avbröts. Den tidigare webbplatsen finns kvar oförändrad.');
  if (code !== 0) throw new UserError(`Astro kunde inte bygga webbplatsen:\n${output.trim().split('\n').slice(-30).join('\n')}`);
}

/**
 * About how many pages are written so far, for the progress line: the
 * folders two levels down (system/lonesystem/), one per page, without
 * opening them. Listing every file every five seconds grew the build
 * process by 170–220 MiB at 20 000 systems, kept while Pagefind ran.
 */
function countPages(dir: string): number {
  const names = (folder: string): string[] => {
    try {
      return readdirSync(folder);
    } catch {
      return [];
    }
  };
  let count = 0;
  for (const section of names(dir)) count += section.endsWith('.html') ? 1 : names(join(dir, section)).length;
  return count;
}
