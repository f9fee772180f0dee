// npm run serve [-- --port 4321] [--out dist] — serves the built site locally.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCommand, EXIT_OK, runMain, UsageError, type CommandContext } from './command.ts';
import { UserError } from '../core/errors.ts';
import { siteLocation } from '../../site/src/lib/site-location.ts';
import { SITE_OPTIONS } from './build.ts';
import { startStaticServer } from '../build/static-server.ts';

export const SERVE_OPTIONS = {
  ...SITE_OPTIONS,
  port: { type: 'string', value: '<nummer>', help: 'porten webbplatsen visas på (standard: 4321 eller PORT)' },
} as const;

/** --port, or PORT, or 4321; checked. */
export function portOption(value: string | undefined, env: NodeJS.ProcessEnv): number {
  const port = Number(value ?? env.PORT ?? '4321');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ska vara ett portnummer, inte "${value}".`);
  return port;
}

/** Where and how to serve, from the command's options and the register's settings. */
export function serveTarget({ values, registry, io }: CommandContext<typeof SERVE_OPTIONS>) {
  const port = portOption(values.port, io.env);
  const { base } = siteLocation({
    ...io.env,
    SYSTEMFORTECKNING_REGISTRY: registry,
    ...(values.audience ? { SYSTEMFORTECKNING_AUDIENCE: values.audience } : {}),
    ...(values.base ? { SYSTEMFORTECKNING_BASE: values.base } : {}),
  });
  return { port, out: resolve(io.cwd, values.out ?? 'dist'), base };
}

export async function serve(target: { out: string; port: number; base: string }, print: (line: string) => void): Promise<void> {
  if (!existsSync(join(target.out, 'index.html')))
    throw new UserError(`Hittar ingen byggd webbplats i ${target.out}. Kör npm run build först.`);
  const { url } = await startStaticServer({ root: target.out, base: target.base, port: target.port }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        throw new UserError(
          `Porten ${target.port} används redan, kanske av en tidigare npm start. Avsluta den eller välj en annan port med --port.`,
        );
      throw error;
    },
  );
  print(`Webbplatsen visas på ${url}  (avsluta med Ctrl+C)`);
}

export const main = defineCommand({
  name: 'serve',
  description: 'Visar en byggd webbplats lokalt.',
  options: SERVE_OPTIONS,
  registry: true,
  async run(context) {
    await serve(serveTarget(context), context.print);
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
