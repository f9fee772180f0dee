// A minimal Language Server Protocol client over stdio: enough to open a
// document in yaml-language-server and read its diagnostics, as an editor does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

type Message = { id?: number; method?: string; params?: any; result?: any };

export class LspClient {
  private readonly process: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (result: any) => void>();
  private readonly listeners: ((message: Message) => void)[] = [];

  private readonly settings: unknown;

  constructor(command: string, args: string[], settings: unknown) {
    this.settings = settings;
    this.process = spawn(command, args, { stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message: Message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    if (message.id !== undefined && message.method) {
      // A request from the server, typically workspace/configuration.
      const result = message.method === 'workspace/configuration' ? (message.params.items as unknown[]).map(() => this.settings) : null;
      this.send({ id: message.id, result });
      return;
    }
    if (message.id !== undefined) this.pending.get(message.id)?.(message.result);
    for (const listener of this.listeners) listener(message);
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** Resolves with the first notification that satisfies the predicate. */
  waitFor(method: string, predicate: (params: any) => boolean, timeoutMs = 20_000): Promise<any> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`inget ${method} inom ${timeoutMs} ms`)), timeoutMs);
      this.listeners.push((message) => {
        if (message.method === method && predicate(message.params)) {
          clearTimeout(timer);
          resolve(message.params);
        }
      });
    });
  }

  close(): void {
    this.process.kill();
  }
}
