// npm run serve [-- --port 4321] [--out dist] — serves the built site locally.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT_OK, parseCommandArgs, runCommand, UsageError } from '../src/cli/args.ts';
import { UserError } from '../src/core/errors.ts';
import { siteLocation } from '../src/core/reading/site-location.ts';
import { startStaticServer } from './static-server.ts';

const USAGE = `Användning: npm run serve -- [--port <nummer>] [--out <mapp>] [--base /sökväg/]`;

export async function serve(out: string, port: number, base: string): Promise<void> {
  if (!existsSync(join(out, 'index.html'))) throw new UserError(`Hittar ingen byggd webbplats i ${out}. Kör npm run build först.`);
  const { url } = await startStaticServer({ root: out, base, port }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE')
      throw new UserError(
        `Porten ${port} används redan, kanske av en tidigare npm start. Avsluta den eller välj en annan port med --port.`,
      );
    throw error;
  });
  console.log(`Webbplatsen visas på ${url}  (avsluta med Ctrl+C)`);
}

export function parseServeArgs(argv: string[]) {
  const { values } = parseCommandArgs(
    argv,
    {
      port: { type: 'string', default: process.env.PORT ?? '4321' },
      out: { type: 'string', default: 'dist' },
      base: { type: 'string' },
      registry: { type: 'string', default: 'registry' },
    },
    USAGE,
  );
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ska vara ett portnummer, inte "${values.port}".`);
  const location = siteLocation({
    ...process.env,
    SYSTEMFORTECKNING_REGISTRY: values.registry as string,
    ...(values.base ? { SYSTEMFORTECKNING_BASE: values.base as string } : {}),
  });
  return {
    help: values.help,
    port,
    out: resolve(values.out as string),
    base: location.base,
    registry: resolve(values.registry as string),
    baseOption: values.base as string | undefined,
  };
}

if (import.meta.main) {
  runCommand(async () => {
    const args = parseServeArgs(process.argv.slice(2));
    if (args.help) {
      console.log(USAGE);
      return EXIT_OK;
    }
    await serve(args.out, args.port, args.base);
    return EXIT_OK;
  });
}
