// Serves a built site locally, for looking at it (npm start, npm run serve)
// and for the browser tests; in production the intranet's own web server
// serves dist/. Files are served by sirv and compressed by compression, both
// maintained libraries; this module adds the site's base path, the site's
// 404 page, long caching for hashed assets, and a 400 for requests that are
// not well-formed, so no request can stop the server.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';

export interface StaticServerOptions {
  root: string;
  base: string;
  port: number;
  host?: string;
}

/** The decoded path of a request, or undefined when the request line is not a valid URL. */
function requestPath(request: IncomingMessage): { path: string; search: string } | undefined {
  try {
    const url = new URL(request.url ?? '/', 'http://localhost');
    return { path: decodeURIComponent(url.pathname), search: url.search };
  } catch {
    return undefined;
  }
}

/**
 * Files with a content hash in their names, which never change: Astro's, and
 * the search index's chunks. Pagefind's own script, WebAssembly and list of
 * the index's parts keep their names from build to build and are revalidated.
 */
const HASHED = /^\/(_astro\/|pagefind(-\d+)?\/((fragment|index|filter)\/|[^/]*\.pf_meta$))/;

export function startStaticServer(options: StaticServerOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(options.root);
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const files = sirv(root, {
    etag: true,
    extensions: ['html'],
    setHeaders(response, pathname) {
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Cache-Control', HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const compress = compression();
  const notFound = (response: ServerResponse) => {
    let page: Buffer | string = 'Sidan finns inte.';
    try {
      page = readFileSync(`${root}/404.html`);
    } catch {
      // A site without its 404 page still answers.
    }
    response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end(page);
  };

  const server = createServer((request, response) => {
    const target = requestPath(request);
    if (!target) {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Felaktig förfrågan.');
      return;
    }
    const { path, search } = target;
    // Escaped slashes and dots that climb out of the site ("..%2f") name nothing in it.
    if (/(^|\/)\.\.(\/|$)|\0/.test(path)) {
      notFound(response);
      return;
    }
    if (!path.startsWith(base)) {
      if (path === '/' || `${path}/` === base) response.writeHead(302, { Location: base }).end();
      else notFound(response);
      return;
    }
    // A folder without its trailing slash: redirect, so that the page's relative references work.
    const last = path.slice(path.lastIndexOf('/') + 1);
    if (last !== '' && !last.includes('.')) {
      response.writeHead(301, { Location: `${encodeURI(path)}/${search}` }).end();
      return;
    }
    request.url = `/${encodeURI(path.slice(base.length))}${search}`;
    compress(request as never, response as never, () => files(request, response, () => notFound(response)));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
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
