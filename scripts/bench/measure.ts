// Runs a command as a child process and measures it: wall time, and peak
// memory as the largest sum of resident memory over the whole process tree
// (Node and, during a build, Pagefind's indexer), sampled from /proc. The
// phase markers a command prints ("[2/3] …") split time and memory by step.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Measurement extends TimeAndPeak {
  exitCode: number | null;
  stdout: string;
  /** Wall time and peak memory per phase, keyed by the marker that started it. */
  phases: Record<string, TimeAndPeak>;
}

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function rssKiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants, in KiB. */
export function treeRssKiB(root: number): number {
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    total += rssKiB(pid);
    stack.push(...children(pid));
  }
  return total;
}

/** Whether measure() empties the page cache before each build (settle below); --keep-page-cache turns it off. */
export const pageCache = { empty: true, emptied: 0, kept: 0 };

/**
 * Before each measured run, what earlier runs wrote goes to disk and, before
 * a build, where the bench may (root on Linux), the page cache is emptied. On the 2-core VM
 * the page cache grew by about 600 MiB with each build, and the system time
 * of the next build with it: six Astro builds of 5 000 systems in a row took
 * 17.3 to 26.1 s, their system time growing from 3.6 to 17.2 s; emptied
 * before each, six took 16.5 to 18.9 s at 5.0 to 5.7 s. Emptying only the kernel's
 * directory caches did not help. Both versions in a comparison get the same.
 * Commands that only read (validation, ajv-cli, reports) keep the cache: read
 * cold from disk, validating 20 000 systems took 5.0 s instead of 2.8 s, which
 * measures the disk, not the work, and nobody validates a register not just
 * checked out or edited.
 */
function settle(writesSite: boolean): void {
  spawnSync('sync');
  if (!writesSite || !pageCache.empty) return;
  try {
    writeFileSync('/proc/sys/vm/drop_caches', '1');
    pageCache.emptied += 1;
  } catch {
    pageCache.kept += 1;
  }
}

export function measure(
  command: string,
  args: string[],
  /** writesSite: a build, before which the page cache is emptied (settle). */
  options: { cwd?: string; env?: NodeJS.ProcessEnv; phaseMarkers?: RegExp; writesSite?: boolean } = {},
): Promise<Measurement> {
  settle(options.writesSite ?? false);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    const phases: Measurement['phases'] = {};
    let phase = 'start';
    let phaseStarted = started;
    let phasePeak = 0;
    const closePhase = (now: number) => {
      phases[phase] = { seconds: (now - phaseStarted) / 1000, peakMiB: phasePeak / 1024 };
    };
    const sample = () => {
      if (child.pid === undefined) return;
      const rss = treeRssKiB(child.pid);
      peak = Math.max(peak, rss);
      phasePeak = Math.max(phasePeak, rss);
    };
    const timer = setInterval(sample, 25);
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      stdout += text;
      for (const line of text.split('\n')) {
        const marker = options.phaseMarkers?.exec(line)?.[1];
        if (marker) {
          sample();
          const now = performance.now();
          closePhase(now);
          phase = marker;
          phaseStarted = now;
          phasePeak = 0;
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearInterval(timer);
      const now = performance.now();
      closePhase(now);
      if (exitCode !== 0) stdout += stderr;
      resolve({ seconds: (now - started) / 1000, peakMiB: peak / 1024, exitCode, stdout, phases });
    });
  });
}

/** How long something took and the most memory it held: one run's, or the median of several. */
export interface TimeAndPeak {
  seconds: number;
  peakMiB: number;
}

/** The median time and peak of several runs. */
export function medians(items: readonly Measurement[]): TimeAndPeak {
  return { seconds: median(items.map((item) => item.seconds)), peakMiB: median(items.map((item) => item.peakMiB)) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
