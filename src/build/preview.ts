// The live preview behind npm run dev: Astro's development server over the
// working register. Pages render on request from the register as it is on
// disk; a saved change reloads them (site/src/lib/preview/), and a register
// with errors shows its findings instead of the pages.
import { dev } from 'astro';
import { UserError } from '../core/errors.ts';
import type { Audience } from '../core/vocabulary.ts';
import { SITE_ROOT, VITE_OVERRIDES } from './site-build.ts';
import { siteLocation } from '../../site/src/lib/site-location.ts';

export interface PreviewOptions {
  registry: string;
  port: number;
  audience: Audience;
  base?: string | undefined;
}

export async function startPreview(options: PreviewOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  for (const key of VITE_OVERRIDES) delete process.env[key];
  // The site reads where the register is and for whom from the environment, as in a build.
  process.env.SYSTEMFORTECKNING_REGISTRY = options.registry;
  process.env.SYSTEMFORTECKNING_AUDIENCE = options.audience;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  if (options.base !== undefined) process.env.SYSTEMFORTECKNING_BASE = options.base;
  const server = await dev({ root: SITE_ROOT, server: { port: options.port, host: 'localhost' }, logLevel: 'warn' }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        throw new UserError(`Porten ${options.port} används redan. Avsluta det som använder den eller välj en annan port med --port.`);
      throw error;
    },
  );
  const { port } = server.address;
  return { url: `http://localhost:${port}${siteLocation().base}`, stop: () => server.stop() };
}
