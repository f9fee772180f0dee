// npm run serve (and npm start, which serves the same way): a real server
// process on the built fixture site. Malformed and hostile requests get an
// answer, never a crash, and nothing outside the site is served.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO } from '../helpers/run.ts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const fixture = inject('fixtureSite');
let server: ChildProcessWithoutNullStreams;
let origin: string;

beforeAll(async () => {
  server = spawn(process.execPath, [join(REPO, 'src', 'cli', 'serve.ts'), '--out', fixture.out, '--base', fixture.base, '--port', '0'], {
    cwd: REPO,
  });
  origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (url) resolve(url);
    });
    server.on('close', (code) => reject(new Error(`servern avslutades (${code}): ${output}`)));
  });
});
afterAll(() => server?.kill());

/** Sends a raw request line, as a broken client or an attacker can, and returns the status line. */
function raw(requestLine: string): Promise<string> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('the local server', () => {
  it.each([
    ['a broken percent escape', `GET ${fixture.base}%E0%A4%A HTTP/1.1`, 'HTTP/1.1 400 Bad Request'],
    ['an absolute URL that cannot be parsed', 'GET http://[/ HTTP/1.1', 'HTTP/1.1 400 Bad Request'],
    ['a path out of the site', `GET ${fixture.base}..%2f..%2f..%2fetc%2fpasswd HTTP/1.1`, 'HTTP/1.1 404 Not Found'],
    ['a dot file', `GET ${fixture.base}.systemforteckning-bygge HTTP/1.1`, 'HTTP/1.1 404 Not Found'],
    ['nonsense', 'HELLO', 'HTTP/1.1 400 Bad Request'],
  ])('answers %s without stopping', async (_name, requestLine, status) => {
    expect(await raw(requestLine)).toBe(status);
    const page = await fetch(`${origin}${fixture.base}system/`);
    expect(page.status).toBe(200);
    expect(server.exitCode).toBeNull();
  });

  it('lets browsers keep files whose names change with their content, and asks again for those that keep their names', async () => {
    const pagefind = join(fixture.out, 'pagefind');
    const fragment = readdirSync(join(pagefind, 'fragment'))[0];
    const css = readdirSync(join(fixture.out, '_astro')).find((name) => name.endsWith('.css'));
    const cacheOf = async (path: string) => (await fetch(`${origin}${fixture.base}${path}`)).headers.get('cache-control');
    for (const path of [`pagefind/fragment/${fragment}`, `_astro/${css}`])
      expect(await cacheOf(path)).toBe('public, max-age=31536000, immutable');
    for (const path of ['pagefind/pagefind.js', 'pagefind/delar.json', 'pagefind/pagefind-entry.json', 'system/lonesystem/'])
      expect(await cacheOf(path)).toBe('no-cache');
  });

  it('serves pages compressed, redirects folders to their trailing slash and shows the site’s 404 page', async () => {
    const page = await fetch(`${origin}${fixture.base}system/lonesystem/`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(await page.text()).toContain('<h1>Lönesystem</h1>');
    const folder = await fetch(`${origin}${fixture.base}system`, { redirect: 'manual' });
    expect([folder.status, folder.headers.get('location')]).toEqual([301, `${fixture.base}system/`]);
    const missing = await fetch(`${origin}${fixture.base}finns-inte/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Sidan finns inte');
  });
});
