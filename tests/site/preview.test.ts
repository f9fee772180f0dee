// npm run dev: the live preview, a real Astro development server over a copy
// of the example register. A saved change shows on the next request without
// a build; a saved mistake shows the validator's findings, located and in
// Swedish, on every page instead of stopping the server; the fix clears them.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRegister, editFile, EXAMPLE_REGISTER, removeTemp } from '../helpers/registers.ts';
import { REPO, runCli } from '../helpers/run.ts';
import { visibleText } from '../helpers/html.ts';

const RUNNER_VARIABLES = /^(VITEST.*|TEST|NODE_ENV|SITE|BASE_URL|MODE|DEV|PROD|SSR)$/;
let preview: ChildProcessWithoutNullStreams;
let site: string;
let output = '';
const register = copyRegister(EXAMPLE_REGISTER);
const systemFile = join(register.root, 'systems', 'lonesystem.yaml');

beforeAll(async () => {
  preview = spawn(process.execPath, [join(REPO, 'src', 'cli', 'dev.ts'), '--registry', register.root, '--port', '0'], {
    cwd: register.cwd,
    // The environment of a user's shell: the test runner's own variables (VITEST, NODE_ENV=test …) change how Astro's server behaves.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !RUNNER_VARIABLES.test(key))), NO_COLOR: '1' },
  });
  site = await new Promise<string>((resolve, reject) => {
    preview.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /http:\/\/localhost:\d+\/\S*/.exec(output)?.[0];
      if (url) resolve(url);
    });
    preview.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    preview.on('close', (code) => reject(new Error(`förhandsvisningen avslutades (${code}): ${output}`)));
  });
});
afterAll(() => {
  preview?.kill();
  removeTemp(register.cwd);
});

async function get(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(new URL(path, site));
  return { status: response.status, text: visibleText(await response.text()) };
}

/** The watcher notices a save within moments; the next request after it shows the change. */
async function afterSave(path: string, expected: (page: { status: number; text: string }) => boolean) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const page = await get(path);
    if (expected(page)) return page;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return get(path);
}

describe('the live preview', () => {
  it('serves the register as it is on disk', async () => {
    const page = await get('system/lonesystem/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Lönesystem');
  });

  it('shows a saved change without a build', async () => {
    editFile(systemFile, (text) => text.replace('name: Lönesystem', 'name: Lönesystem Nova'));
    const page = await afterSave('system/lonesystem/', (page) => page.text.includes('Lönesystem Nova'));
    expect(page.text).toContain('Lönesystem Nova');
    // Pages that list the system follow too.
    expect((await get('')).text).toContain('Lönesystem Nova');
  });

  it('shows a saved mistake as located Swedish findings on any page, and the server keeps running', async () => {
    editFile(systemFile, (text) => text.replace(/^status: .*$/m, 'status: pausad'));
    const page = await afterSave('system/lonesystem/', (page) => page.status === 500);
    expect(page.status).toBe(500);
    expect(page.text).toContain('Registret har ett fel');
    expect(page.text).toMatch(/systems\/lonesystem\.yaml:\d+/);
    expect(page.text).toContain('status');
    expect(page.text).not.toMatch(/\bat .*\.ts:\d+/);
    expect((await get('personer/')).status).toBe(500);
  });

  it('clears the findings when the file is fixed', async () => {
    editFile(systemFile, (text) => text.replace('status: pausad', 'status: i drift'));
    const page = await afterSave('system/lonesystem/', (page) => page.status === 200);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Lönesystem Nova');
  });

  it('sees every save made by renaming a new file over the old one, as vim, sed -i and many editors save', async () => {
    for (const version of ['Lönesystem Ett', 'Lönesystem Två', 'Lönesystem Tre']) {
      const text = readFileSync(systemFile, 'utf8').replace(/^name: .*$/m, `name: ${version}`);
      writeFileSync(`${systemFile}.tmp`, text);
      renameSync(`${systemFile}.tmp`, systemFile);
      const page = await afterSave('system/lonesystem/', (page) => page.text.includes(version));
      expect(page.text, version).toContain(version);
    }
  });

  it('says at once, in Swedish, when the register folder is not there, and starts no server', () => {
    const result = runCli('src/cli/dev.ts', ['--registry', join(register.cwd, 'finns-inte'), '--port', '0'], { timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Hittar inte registret');
    expect(result.stdout).not.toContain('Förhandsvisningen visas');
  });
});
