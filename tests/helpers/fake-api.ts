// The plumbing the fake forges share (fake-github.ts, fake-gitlab.ts): a JSON
// API on a local port that records every request as "METHOD /path?query".
import { createServer, type IncomingHttpHeaders } from 'node:http';

export interface ApiRequest {
  method: string;
  /** The path, decoded. */
  path: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export type Send = (status: number, data: unknown) => void;

export async function startFakeApi(
  handle: (request: ApiRequest, send: Send) => void,
): Promise<{ origin: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = decodeURIComponent(url.pathname);
      requests.push(`${request.method} ${path}${url.search ? decodeURIComponent(url.search) : ''}`);
      const send: Send = (status, data) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(data));
      handle(
        {
          method: request.method ?? 'GET',
          path,
          url,
          headers: request.headers,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        },
        send,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
