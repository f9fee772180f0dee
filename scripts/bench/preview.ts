// npm run dev, measured as the person editing meets it: the preview server
// runs over a generated register, a system's file is saved with a new name,
// and the clock runs until the system's page, asked for again and again,
// shows it (the target: within a second at 5 000 systems).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { VITE_OVERRIDES } from '../../src/build/site-build.ts';
import { writeRegister } from './generate.ts';
import { median, treeRssKiB } from './measure.ts';
import { generateRegister } from './synthetic-register.ts';
import type { TaskResult } from './tasks.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Between two requests for the page while waiting for the change. */
const POLL_MS = 25;
/** A change not shown by then is a failure, not a slow result. */
const PATIENCE_MS = 60_000;

export async function benchPreview(systems: number, runs: number, work: string, progress: (line: string) => void): Promise<TaskResult> {
  const label = `[förhandsvisning, ${systems} system]`;
  progress(`${label} genererar registret …`);
  const registry = join(work, `preview-${systems}`, 'registry');
  const register = generateRegister({ systems, seed: 1 });
  writeRegister(register.files, registry);
  const relPath = [...register.files.keys()].find((path) => path.startsWith('systems/'));
  if (!relPath) throw new Error('Registret saknar system.');
  const file = join(registry, relPath);
  const id = relPath.replace(/^systems\/|\.yaml$/g, '');

  progress(`${label} startar servern …`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITE_OVERRIDES.includes(key)));
  const server = spawn(process.execPath, [join(ROOT, 'src/cli/dev.ts'), '--registry', registry, '--port', '0'], {
    cwd: ROOT,
    env: { ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const site = await serverUrl(server);
    const page = new URL(`system/${id}/`, site);
    // The first request compiles the pages and reads the register: not what a save costs.
    await textOf(page);
    const seconds: number[] = [];
    for (let run = 1; run <= runs; run++) {
      progress(`${label} sparar en ändring, ${run} av ${runs} …`);
      const name = `Förhandsvisat system ${run}`;
      const text = readFileSync(file, 'utf8').replace(/^name: .*$/m, `name: ${name}`);
      const saved = performance.now();
      writeFileSync(file, text);
      while (!(await textOf(page)).includes(name)) {
        if (performance.now() - saved > PATIENCE_MS) throw new Error(`${label} visade inte ändringen inom ${PATIENCE_MS / 1000} s.`);
        await new Promise((done) => setTimeout(done, POLL_MS));
      }
      seconds.push((performance.now() - saved) / 1000);
    }
    return {
      name: `Förhandsvisning (npm run dev), ${systems.toLocaleString('sv')} system: sidan efter en sparad ändring`,
      seconds: median(seconds),
      peakMiB: server.pid === undefined ? 0 : treeRssKiB(server.pid) / 1024,
      targetSeconds: 1,
    };
  } finally {
    server.kill();
  }
}

function serverUrl(server: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /http:\/\/localhost:\d+\/\S*/.exec(output)?.[0];
      if (url) resolveUrl(url);
    });
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    server.on('close', (code) => reject(new Error(`Förhandsvisningen avslutades (${code}):\n${output}`)));
  });
}

async function textOf(url: URL): Promise<string> {
  const response = await fetch(url);
  return response.text();
}
