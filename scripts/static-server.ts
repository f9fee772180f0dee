// A small static file server for the built site: the base path, index.html
// for folders, the site's 404 page, gzip, and long caching for hashed assets.
// For looking at the site locally and for the browser tests; in production
// the intranet's own web server serves dist/.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.svg', '.txt', '.xml']);

export interface StaticServerOptions {
  root: string;
  base: string;
  port: number;
  host?: string;
}

export function startStaticServer(options: StaticServerOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(options.root);
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!path.startsWith(base)) {
      if (path === '/' || `${path}/` === base) {
        response.writeHead(302, { Location: base }).end();
      } else {
        sendFile(404, join(root, '404.html'));
      }
      return;
    }
    let file = normalize(join(root, path.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (existsSync(file) && statSync(file).isFile()) sendFile(200, file, /\/(_astro|pagefind)\//.test(path));
    else sendFile(404, join(root, '404.html'));

    function sendFile(status: number, target: string, immutable = false) {
      const type = TYPES[extname(target)] ?? 'application/octet-stream';
      const gzip = COMPRESSIBLE.has(extname(target)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      response.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      });
      if (request.method === 'HEAD' || !existsSync(target)) {
        response.end();
        return;
      }
      const stream = createReadStream(target);
      (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolvePromise({ server, url: `http://${options.host ?? '127.0.0.1'}:${port}${base}` });
    });
  });
}
