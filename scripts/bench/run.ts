// npm run bench [-- --sizes 500,5000,20000] [--runs 3] [--out bench/results/latest.json]
// Measures the project on generated registers of N systems: validation
// (against ajv-cli on the same files), the full site build with Astro and
// Pagefind separately, output and index sizes, the register page's weight,
// search latency in a browser, and the change summary and report. Each figure
// is the median of several runs; a table goes to stdout, the details to JSON.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineCommand, runMain, UsageError } from '../../src/cli/command.ts';
import { startStaticServer } from '../../src/build/static-server.ts';
import { AUDIENCES, type Audience } from '../../src/core/vocabulary.ts';
import { writeRegister } from './generate.ts';
import { measure, median, pageCache, type Measurement, type TimeAndPeak } from './measure.ts';
import { searchLatency } from './search-latency.ts';
import { generateRegister } from './synthetic-register.ts';
import { compareBuilds, parseAgainst, removeCheckouts, type Comparison } from './against.ts';
import { benchImport, benchIncident, benchPeopleSync, benchReminders, type TaskResult } from './tasks.ts';
import { benchPreview } from './preview.ts';
import { benchHistory, type HistoryResult } from './history.ts';
import { benchRebuild, type RebuildResult } from './rebuild.ts';
import { commitRegister, git } from './git.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
interface SizeResult {
  systems: number;
  files: number;
  validate: TimeAndPeak;
  ajvCli: { seconds: number; ratio: number };
  build: { seconds: number; peakMiB: number; astroSeconds: number; astroPeakMiB: number; pagefindSeconds: number; pagefindPeakMiB: number };
  output: {
    pages: number;
    totalMiB: number;
    pagefindMiB: number;
    largestPage: { path: string; KiB: number };
    /** The largest dependency map drawn on a system page: the most connected system's. */
    largestMap: { path: string; KiB: number };
    registerFirstPage: { KiB: number; gzipKiB: number };
  };
  searchMs: number | null;
  diffSeconds: number;
  reportSeconds: number;
}

const progress = (line: string) => process.stderr.write(`${line}\n`);

export const main = defineCommand({
  name: 'bench',
  description: 'Mäter prestanda på syntetiska register och skriver en tabell och bench/results/latest.json.',
  options: {
    sizes: { type: 'string', value: '500,5000,…', default: '500,5000,20000', help: 'registerstorlekar (antal system) för hela mätningen' },
    'validate-sizes': { type: 'string', value: '10000,…', default: '10000', help: 'storlekar där bara valideringen mäts' },
    runs: { type: 'string', value: '<antal>', default: '3', help: 'körningar per mätning; medianen redovisas' },
    out: { type: 'string', value: '<fil>', default: 'bench/results/latest.json', help: 'var detaljerna sparas' },
    'import-rows': {
      type: 'string',
      value: '<antal>',
      default: '5000',
      help: 'rader i kalkylarket som importeras (0 hoppar över import, påminnelser och synkning)',
    },
    against: {
      type: 'string',
      value: 'incheckning@antal,…',
      help: 'bygg samma register med en tidigare version, växelvis, och jämför (till exempel 66308e7@5000,3e73339@20000)',
    },
    'preview-size': {
      type: 'string',
      value: '<antal>',
      default: '5000',
      help: 'registerstorlek där förhandsvisningen (npm run dev) mäts efter en sparad ändring (0 hoppar över)',
    },
    'history-size': {
      type: 'string',
      value: '<antal>',
      default: '5000',
      help: 'registerstorlek där bygget med fem ändringar per fil i Git jämförs med en incheckning (0 hoppar över)',
    },
    'rebuild-size': {
      type: 'string',
      value: '<antal>',
      default: '5000',
      help: 'registerstorlek där ombyggnaden med byggcachen efter en liten ändring jämförs med ett bygge från början (0 hoppar över)',
    },
    'keep-page-cache': {
      type: 'boolean',
      help: 'töm inte sidcachen före varje bygge (görs annars där det går, som root på Linux: den växer med varje bygge och gör nästa långsammare)',
    },
    'audience-sizes': {
      type: 'string',
      value: '5000,…',
      default: '5000',
      help: 'storlekar där bygget för varje publik jämförs med intranätets (tom: hoppa över)',
    },
  },
  run: ({ values, io }) => bench(values, io.cwd),
});

async function bench(
  values: {
    sizes?: string;
    'validate-sizes'?: string;
    runs?: string;
    out?: string;
    'import-rows'?: string;
    'audience-sizes'?: string;
    'preview-size'?: string;
    against?: string;
    'keep-page-cache'?: boolean;
    'history-size'?: string;
    'rebuild-size'?: string;
  },
  cwd: string,
): Promise<number> {
  const importRows = Number(values['import-rows'] ?? 5000);
  const previewSize = Number(values['preview-size'] ?? 5000);
  const historySize = Number(values['history-size'] ?? 5000);
  const rebuildSize = Number(values['rebuild-size'] ?? 5000);
  const sizes = (values.sizes ?? '').split(',').filter(Boolean).map(Number);
  const validateSizes = (values['validate-sizes'] ?? '').split(',').filter(Boolean).map(Number);
  const audienceSizes = (values['audience-sizes'] ?? '').split(',').filter(Boolean).map(Number);
  const runs = Number(values.runs);
  if (
    [...sizes, ...validateSizes, ...audienceSizes].some((size) => !Number.isInteger(size) || size < 1) ||
    ![previewSize, historySize, rebuildSize].every((size) => Number.isInteger(size) && size >= 0) ||
    !Number.isInteger(runs) ||
    runs < 1
  )
    throw new UsageError(
      '--sizes, --validate-sizes, --audience-sizes och --runs ska vara positiva heltal, --preview-size, --history-size och --rebuild-size heltal (0 hoppar över).',
    );
  pageCache.empty = !values['keep-page-cache'];
  const work = mkdtempSync(join(tmpdir(), 'systemforteckning-bench-'));
  const results: SizeResult[] = [];
  const validations: ValidationResult[] = [];
  const tasks: TaskResult[] = [];
  const audiences: AudienceResult[] = [];
  const against = parseAgainst(values.against);
  const comparisons: Comparison[] = [];
  let history: HistoryResult | undefined;
  let rebuild: RebuildResult | undefined;
  try {
    for (const pair of against) comparisons.push(await compareBuilds(pair, runs, work, progress));
    if (importRows > 0) tasks.push(await benchImport(importRows, runs, work, progress));
    if (importRows > 0) tasks.push(await benchReminders(5000, runs, work, progress));
    if (importRows > 0) tasks.push(await benchPeopleSync(20000, 5000, runs, work, progress));
    if (importRows > 0) tasks.push(await benchIncident(20000, runs, work, progress));
    if (previewSize > 0) tasks.push(await benchPreview(previewSize, Math.max(runs, 5), work, progress));
    for (const systems of validateSizes) validations.push(await benchValidation(systems, runs, work));
    for (const systems of sizes) results.push(await benchSize(systems, runs, work));
    for (const systems of audienceSizes) audiences.push(await benchAudiences(systems, runs, work));
    if (historySize > 0) history = await benchHistory(historySize, runs, work, progress);
    if (rebuildSize > 0) rebuild = await benchRebuild(rebuildSize, runs, work, progress);
  } finally {
    removeCheckouts(
      work,
      against.map((pair) => pair.commit),
    );
    // Deleting tens of thousands of files only at the end keeps the
    // file system's inode allocation from slowing the measured builds.
    rmSync(work, { recursive: true, force: true });
    rmSync(join(ROOT, '.cache', 'site'), { recursive: true, force: true });
  }
  const report = {
    measuredAt: new Date().toISOString(),
    machine: machine(),
    runs,
    pageCacheEmptied: pageCacheState(),
    validations,
    tasks,
    results,
    audiences,
    comparisons,
    history,
    rebuild,
  };
  const outFile = resolve(cwd, values.out ?? 'bench/results/latest.json');
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  for (const validation of validations) {
    console.log(
      `Validera ${validation.systems} system (${validation.files} filer, med uppstart): ${fixed(validation.seconds, 2)} s, ${fixed(validation.peakMiB, 0)} MiB; ajv-cli ${fixed(validation.ajvSeconds, 2)} s (${fixed(validation.ajvSeconds / validation.seconds, 1)}× längre).`,
    );
  }
  for (const task of tasks) {
    console.log(
      `${task.seconds < task.targetSeconds ? '✓' : '✗'} ${task.name}: ${fixed(task.seconds, 2)} s (mål under ${fixed(task.targetSeconds, 0)} s), toppminne ${fixed(task.peakMiB, 0)} MiB.`,
    );
  }
  if (results.length > 0) {
    console.log(table(results));
    console.log(targets(results, validations));
  }
  for (const result of audiences) {
    const intern = result.seconds.intern;
    for (const audience of ['offentlig', 'skyddad'] as const) {
      const ratio = result.seconds[audience] / intern;
      console.log(
        `${ratio <= 1.1 ? '✓' : '✗'} Bygget för ${audience} med ${result.systems} system: ${fixed(result.seconds[audience], 1)} s mot ${fixed(intern, 1)} s för intern (${fixed((ratio - 1) * 100, 0)} %, mål högst +10 %).`,
      );
    }
  }
  if (history) {
    const { oneCommit, withHistory } = history;
    console.log(
      `Bygget med historik, ${history.systems} system och ${history.changesPerFile} ändringar per system- och personfil i Git: ${fixed(withHistory.seconds, 1)} s mot ${fixed(oneCommit.seconds, 1)} s med en incheckning (${fixed((withHistory.seconds / oneCommit.seconds - 1) * 100, 0)} %), toppminne ${fixed(withHistory.peakMiB, 0)} mot ${fixed(oneCommit.peakMiB, 0)} MiB.`,
    );
  }
  if (comparisons.length > 0 || validations.length > 0 || rebuild) console.log(speedTargets(comparisons, validations, rebuild));
  console.log(
    `\nMaskin: ${report.machine.cpu}, ${report.machine.cores} kärnor, ${report.machine.memoryGiB} GiB minne, Node ${report.machine.node}. Median av ${runs} körningar. ${PAGE_CACHE_NOTES[report.pageCacheEmptied]}`,
  );
  console.log(`Detaljer: ${relative(cwd, outFile)}`);
  return 0;
}

interface ValidationResult {
  systems: number;
  files: number;
  seconds: number;
  peakMiB: number;
  ajvSeconds: number;
}

/** Validation alone, for sizes where a full build is not needed (issue: 10 000 systems under 1,5 s). */
async function benchValidation(systems: number, runs: number, work: string): Promise<ValidationResult> {
  const label = `[validera ${systems} system]`;
  progress(`${label} genererar registret …`);
  const registry = join(work, `v${systems}`, 'registry');
  const register = generateRegister({ systems, seed: 1 });
  writeRegister(register.files, registry);
  const validate = await repeat(runs * 2, label, () =>
    measure(process.execPath, [join(ROOT, 'src/cli/validate.ts'), '--registry', registry]),
  );
  const ajv = await repeat(runs * 2, `${label} ajv-cli`, () => ajvCli(registry));
  return {
    systems,
    files: register.files.size,
    seconds: median(validate.map((item) => item.seconds)),
    peakMiB: median(validate.map((item) => item.peakMiB)),
    ajvSeconds: median(ajv.map((item) => item.seconds)),
  };
}

interface AudienceResult {
  systems: number;
  seconds: Record<Audience, number>;
  peakMiB: Record<Audience, number>;
}

/**
 * The build for each audience on the same register, run after run in turn
 * (intern, offentlig, skyddad, then again), so that a machine that slows down
 * slows all three alike.
 */
async function benchAudiences(systems: number, runs: number, work: string): Promise<AudienceResult> {
  const label = `[publiker, ${systems} system]`;
  progress(`${label} genererar registret …`);
  const repository = join(work, `a${systems}`);
  const registry = join(repository, 'registry');
  writeRegister(generateRegister({ systems, seed: 1 }).files, registry);
  commitRegister(repository, 'Genererat register');
  const builds = new Map<Audience, Measurement[]>(AUDIENCES.map((audience) => [audience, []]));
  for (let run = 1; run <= runs; run++) {
    for (const audience of AUDIENCES) {
      progress(`${label} bygger för ${audience}, körning ${run} av ${runs} …`);
      const out = join(work, `publik-${systems}-${audience}`);
      const result = await measure(
        process.execPath,
        [join(ROOT, 'src/cli/build.ts'), '--registry', registry, '--out', out, '--audience', audience, '--no-cache'],
        { cwd: ROOT, writesSite: true },
      );
      if (result.exitCode !== 0) throw new Error(`Bygget för ${audience} misslyckades:\n${result.stdout}`);
      builds.get(audience)?.push(result);
    }
  }
  const of = (field: 'seconds' | 'peakMiB') =>
    Object.fromEntries(
      AUDIENCES.map((audience) => [audience, median((builds.get(audience) ?? []).map((build) => build[field]))]),
    ) as Record<Audience, number>;
  return { systems, seconds: of('seconds'), peakMiB: of('peakMiB') };
}

async function benchSize(systems: number, runs: number, work: string): Promise<SizeResult> {
  const label = `[${systems} system]`;
  progress(`${label} genererar registret …`);
  const repository = join(work, `n${systems}`);
  const registry = join(repository, 'registry');
  const register = generateRegister({ systems, seed: 1 });
  writeRegister(register.files, registry);
  commitRegister(repository, 'Genererat register');
  changeOnePercent(registry, register.files);
  git(repository, ['commit', '-q', '-am', 'Nya systemförvaltare']);

  const validate = await repeat(runs * 2, `${label} validerar`, () =>
    measure(process.execPath, [join(ROOT, 'src/cli/validate.ts'), '--registry', registry]),
  );
  const ajv = await repeat(runs * 2, `${label} ajv-cli`, () => ajvCli(registry));

  const builds: Measurement[] = [];
  let lastOut = '';
  for (let run = 1; run <= runs; run++) {
    progress(`${label} bygger webbplatsen, körning ${run} av ${runs} …`);
    lastOut = join(work, `site-${systems}-${run}`);
    const result = await measure(
      process.execPath,
      [join(ROOT, 'src/cli/build.ts'), '--registry', registry, '--out', lastOut, '--no-cache'],
      {
        cwd: ROOT,
        writesSite: true,
        phaseMarkers: /^\[(\d)\/3\]/,
      },
    );
    if (result.exitCode !== 0) throw new Error(`Bygget misslyckades:\n${result.stdout}`);
    builds.push(result);
  }
  const output = outputFigures(lastOut);
  progress(`${label} mäter sökningen i webbläsaren …`);
  const searchMs = await measureSearch(lastOut);
  const diff = await repeat(runs, `${label} ändringssammanfattning`, () =>
    measure(process.execPath, [join(ROOT, 'src/cli/diff.ts'), 'HEAD~1', '--head', 'HEAD', '--registry', registry]),
  );
  const report = await repeat(runs, `${label} rapport`, () =>
    measure(process.execPath, [join(ROOT, 'src/cli/report.ts'), '--registry', registry]),
  );

  const phase = (key: string, field: 'seconds' | 'peakMiB') => median(builds.map((build) => build.phases[key]?.[field] ?? 0));
  const validateSeconds = median(validate.map((item) => item.seconds));
  const ajvSeconds = median(ajv.map((item) => item.seconds));
  return {
    systems,
    files: register.files.size,
    validate: { seconds: validateSeconds, peakMiB: median(validate.map((item) => item.peakMiB)) },
    ajvCli: { seconds: ajvSeconds, ratio: ajvSeconds / validateSeconds },
    build: {
      seconds: median(builds.map((build) => build.seconds)),
      peakMiB: median(builds.map((build) => build.peakMiB)),
      astroSeconds: phase('2', 'seconds'),
      astroPeakMiB: phase('2', 'peakMiB'),
      pagefindSeconds: phase('3', 'seconds'),
      pagefindPeakMiB: phase('3', 'peakMiB'),
    },
    output,
    searchMs,
    diffSeconds: median(diff.map((item) => item.seconds)),
    reportSeconds: median(report.map((item) => item.seconds)),
  };
}

async function repeat(times: number, label: string, run: () => Promise<Measurement>): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (let index = 1; index <= times; index++) {
    progress(`${label} (${index}/${times}) …`);
    const result = await run();
    if (result.exitCode !== 0 && result.exitCode !== 1) throw new Error(`${label} misslyckades:\n${result.stdout}`);
    results.push(result);
  }
  return results;
}

/** ajv-cli over the same files, one invocation per schema, timed together. */
async function ajvCli(registry: string): Promise<Measurement> {
  const cli = join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  const kinds = [
    ['system', 'systems'],
    ['person', 'people'],
    ['unit', 'units'],
    ['equipment', 'equipment'],
  ];
  let seconds = 0;
  let peakMiB = 0;
  for (const [schema, dir] of kinds) {
    const result = await measure(
      process.execPath,
      [
        cli,
        'validate',
        '--spec=draft2020',
        '-c',
        'ajv-formats',
        '--strict=false',
        '--all-errors',
        '-s',
        join(ROOT, 'schemas', `${schema}.schema.json`),
        '-d',
        `${registry}/${dir}/*.yaml`,
      ],
      { cwd: ROOT },
    );
    if (result.exitCode !== 0) throw new Error(`ajv-cli misslyckades:\n${result.stdout.slice(0, 2000)}`);
    seconds += result.seconds;
    peakMiB = Math.max(peakMiB, result.peakMiB);
  }
  return { seconds, peakMiB, exitCode: 0, stdout: '', phases: {} };
}

/** Gives every hundredth system another manager: a realistic pull request for the change summary. */
function changeOnePercent(registry: string, files: ReadonlyMap<string, string>): void {
  const systems = [...files.keys()].filter((path) => path.startsWith('systems/')).filter((_, index) => index % 100 === 0);
  const people = [...files.keys()].filter((path) => path.startsWith('people/')).map((path) => path.slice(7, -5));
  systems.forEach((path, index) => {
    const file = join(registry, path);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^( {2}manager: ).*$/m, `$1${people[(index * 7) % people.length]}`));
  });
}

function outputFigures(out: string): SizeResult['output'] {
  let totalBytes = 0;
  let pagefindBytes = 0;
  let pages = 0;
  let largest = { path: '', bytes: 0 };
  let largestMap = { path: '', bytes: 0 };
  for (const name of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    const path = join(out, name);
    const stat = statSync(path);
    if (!stat.isFile()) continue;
    totalBytes += stat.size;
    // The index in parts: pagefind/, pagefind-2/, … (src/build/search-index.ts).
    if (/^pagefind(-\d+)?\//.test(name)) pagefindBytes += stat.size;
    if (name.endsWith('.html')) {
      pages++;
      if (stat.size > largest.bytes) largest = { path: name, bytes: stat.size };
      if (name.startsWith('system/')) {
        const html = readFileSync(path, 'utf8');
        const start = html.indexOf('<svg viewBox');
        const bytes = start < 0 ? 0 : Buffer.byteLength(html.slice(start, html.indexOf('</svg>', start) + 6));
        if (bytes > largestMap.bytes) largestMap = { path: name, bytes };
      }
    }
  }
  const first = readFileSync(join(out, 'system', 'index.html'));
  return {
    pages,
    totalMiB: totalBytes / 1024 / 1024,
    pagefindMiB: pagefindBytes / 1024 / 1024,
    largestPage: { path: largest.path, KiB: largest.bytes / 1024 },
    largestMap: { path: largestMap.path, KiB: largestMap.bytes / 1024 },
    registerFirstPage: { KiB: first.length / 1024, gzipKiB: gzipSync(first).length / 1024 },
  };
}

async function measureSearch(out: string): Promise<number | null> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    progress(`  (hoppar över sökmätningen: ingen Chromium i ${chromium})`);
    return null;
  }
  const base = '/systemforteckning/';
  const { server, url } = await startStaticServer({ root: out, base, port: 0 });
  try {
    return await searchLatency(`${url}sok/`, chromium, ['Lön', 'Anna', 'ekonomi', 'Ström', 'portal']);
  } finally {
    await new Promise((resolveClose) => server.close(resolveClose));
  }
}

/** Whether the page cache was emptied before each build: 'ja', 'nej' or 'ibland'. */
function pageCacheState(): 'ja' | 'nej' | 'ibland' {
  if (pageCache.kept === 0 && pageCache.emptied > 0) return 'ja';
  return pageCache.emptied === 0 ? 'nej' : 'ibland';
}

const PAGE_CACHE_NOTES = {
  ja: 'Sidcachen tömdes före varje bygge.',
  nej: 'Sidcachen tömdes inte (kräver root på Linux, eller --keep-page-cache): tiderna växer med varje bygge.',
  ibland: 'Sidcachen tömdes bara före en del av byggena.',
} as const;

function machine() {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'okänd',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    freeMemoryGiB: Math.round(freemem() / 1024 ** 3),
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
  };
}

const fixed = (value: number, digits = 1) => value.toFixed(digits).replace('.', ',');

function table(results: readonly SizeResult[]): string {
  const rows: [string, (result: SizeResult) => string][] = [
    ['Filer i registret', (r) => String(r.files)],
    ['Validera, tid (s)', (r) => fixed(r.validate.seconds, 2)],
    ['Validera, minne (MiB)', (r) => fixed(r.validate.peakMiB, 0)],
    ['ajv-cli på samma filer (s)', (r) => fixed(r.ajvCli.seconds, 2)],
    ['  ajv-cli / validera', (r) => `${fixed(r.ajvCli.ratio, 1)}×`],
    ['Bygge totalt (s)', (r) => fixed(r.build.seconds)],
    ['  varav Astro (s)', (r) => fixed(r.build.astroSeconds)],
    ['  varav Pagefind (s)', (r) => fixed(r.build.pagefindSeconds)],
    ['Bygge, toppminne (MiB)', (r) => fixed(r.build.peakMiB, 0)],
    ['  under Astro (MiB)', (r) => fixed(r.build.astroPeakMiB, 0)],
    ['  under Pagefind (MiB)', (r) => fixed(r.build.pagefindPeakMiB, 0)],
    ['Sidor', (r) => String(r.output.pages)],
    ['Webbplatsens storlek (MiB)', (r) => fixed(r.output.totalMiB)],
    ['  varav sökindex (MiB)', (r) => fixed(r.output.pagefindMiB)],
    ['Största sidan (KiB)', (r) => `${fixed(r.output.largestPage.KiB)} (${r.output.largestPage.path})`],
    ['Största beroendekartan (KiB)', (r) => `${fixed(r.output.largestMap.KiB)} (${r.output.largestMap.path})`],
    [
      'Förteckningens första sida (KiB, gzip)',
      (r) => `${fixed(r.output.registerFirstPage.KiB)} (${fixed(r.output.registerFirstPage.gzipKiB)})`,
    ],
    ['Sökträffar på skärmen (ms)', (r) => (r.searchMs === null ? '–' : fixed(r.searchMs, 0))],
    ['Ändringssammanfattning (s)', (r) => fixed(r.diffSeconds, 2)],
    ['Rapport (s)', (r) => fixed(r.reportSeconds, 2)],
  ];
  const header = ['', ...results.map((result) => `${result.systems} system`)];
  const lines = [header, ...rows.map(([label, value]) => [label, ...results.map(value)])];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  const render = (line: string[]) =>
    `| ${line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number))).join(' | ')} |`;
  return [render(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...lines.slice(1).map(render)].join('\n');
}

/** The targets, checked against the figures just measured. */
function targets(results: readonly SizeResult[], validations: readonly ValidationResult[]): string {
  const at = (systems: number) => results.find((result) => result.systems === systems);
  const checks: string[] = [];
  const check = (ok: boolean, text: string) => checks.push(`${ok ? '✓' : '✗'} ${text}`);
  for (const validation of validations.filter((item) => item.systems === 10000)) {
    check(validation.seconds < 1.5, `10 000 system: validering under 1,5 s med uppstart (${fixed(validation.seconds, 2)} s)`);
  }
  const n500 = at(500);
  const n5000 = at(5000);
  const n20000 = at(20000);
  for (const result of results)
    check(result.ajvCli.ratio > 1, `${result.systems} system: validering snabbare än ajv-cli (${fixed(result.ajvCli.ratio, 1)}×)`);
  if (n500) check(n500.build.seconds < 10, `500 system: bygge under 10 s (${fixed(n500.build.seconds)} s)`);
  if (n5000) {
    // Issue 13: with a dependency map on every system page, still under 20 s.
    check(n5000.build.seconds < 20, `5 000 system: bygge med beroendekartor under 20 s (${fixed(n5000.build.seconds)} s)`);
    check(
      n5000.output.largestMap.KiB < 100,
      `5 000 system: största beroendekartan under 100 KB (${fixed(n5000.output.largestMap.KiB)} KiB)`,
    );
    check(n5000.build.peakMiB < 1024, `5 000 system: toppminne under 1 GiB (${fixed(n5000.build.peakMiB, 0)} MiB)`);
    check(
      n5000.output.registerFirstPage.gzipKiB < 150,
      `5 000 system: förteckningens första sida under 150 KB komprimerad (${fixed(n5000.output.registerFirstPage.gzipKiB)} KiB)`,
    );
  }
  if (n5000 && n20000)
    check(
      n20000.build.seconds < 4.5 * n5000.build.seconds,
      `20 000 system: bygge inom 4,5 × tiden för 5 000 (${fixed(n20000.build.seconds / n5000.build.seconds, 2)} ×)`,
    );
  for (const result of results)
    if (result.searchMs !== null)
      check(result.searchMs < 300, `${result.systems} system: sökträffar inom 300 ms (${fixed(result.searchMs, 0)} ms)`);
  return `\n${checks.join('\n')}`;
}

/**
 * The speed issue's targets, as ratios measured in one run: the build against
 * earlier versions on the same register, validation against ajv-cli.
 */
function speedTargets(
  comparisons: readonly Comparison[],
  validations: readonly ValidationResult[],
  rebuild: RebuildResult | undefined,
): string {
  const lines: string[] = ['', 'Mål för hastighet (kvoter uppmätta i samma körning):'];
  const check = (ok: boolean, text: string) => lines.push(`${ok ? '✓' : '✗'} ${text}`);
  for (const { commit, systems, ours, theirs } of comparisons) {
    const ratio = ours.seconds / theirs.seconds;
    if (systems <= 5000) {
      check(
        ratio <= 1,
        `${systems} system: bygget högst lika långsamt som ${commit} (${fixed(ours.seconds)} s mot ${fixed(theirs.seconds)} s, kvot ${fixed(ratio, 2)}, mål ≤ 1,0)`,
      );
      check(
        ours.peakMiB <= theirs.peakMiB,
        `${systems} system: toppminne högst som ${commit} (${fixed(ours.peakMiB, 0)} MiB mot ${fixed(theirs.peakMiB, 0)} MiB)`,
      );
    } else {
      check(
        ratio <= 0.5,
        `${systems} system: bygget på högst halva tiden mot ${commit} (${fixed(ours.seconds)} s mot ${fixed(theirs.seconds)} s, kvot ${fixed(ratio, 2)}, mål ≤ 0,5)`,
      );
      check(ours.peakMiB < 1536, `${systems} system: hela processträdet under 1,5 GiB (${fixed(ours.peakMiB, 0)} MiB)`);
    }
  }
  for (const validation of validations) {
    const ratio = validation.ajvSeconds / validation.seconds;
    const goal = validation.systems >= 20000 ? 2 : 1;
    check(
      ratio >= goal,
      `${validation.systems} system: validering ${fixed(ratio, 2)}× så snabb som ajv-cli (mål ≥ ${goal}×, med uppstart)`,
    );
  }
  if (rebuild) {
    for (const [pair, what] of [
      [rebuild, 'en incheckning'],
      [rebuild.withHistory, `${rebuild.withHistory.changesPerFile} ändringar per fil i Git`],
    ] as const) {
      const share = pair.rebuild.seconds / pair.full.seconds;
      check(
        share <= 0.25,
        `${rebuild.systems} system, ${what}: ombyggnad med byggcachen efter en liten ändring ${fixed(pair.rebuild.seconds)} s mot ${fixed(pair.full.seconds)} s från början (${fixed(100 * share, 0)} %, mål högst 25 %; Pagefind indexerar om allt, se docs/prestanda.md)`,
      );
    }
  }
  return lines.join('\n');
}

// Last, so that every constant above is initialised before the command runs.
if (import.meta.main) await runMain(main);
