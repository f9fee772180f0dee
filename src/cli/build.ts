// npm run build [-- --registry <mapp>] [--out <mapp>] [--base /sökväg/] [--audience offentlig|intern|skyddad]
//                 [--cache <mapp> | --no-cache]
// Validates the register, builds the site with Astro and indexes it with
// Pagefind. Stops with the validator's messages when the register has errors.
import { resolve } from 'node:path';
import { AUDIENCES, type Audience } from '../core/vocabulary.ts';
import { defineCommand, EXIT_FINDINGS, EXIT_OK, runMain, UsageError } from './command.ts';
import { buildSite, DEFAULT_BUILD_CACHE } from '../build/site-build.ts';

export const SITE_OPTIONS = {
  out: { type: 'string', value: '<mapp>', default: 'dist', help: 'var webbplatsen skrivs (standard: dist)' },
  base: { type: 'string', value: '/sökväg/', help: 'sökvägen webbplatsen publiceras under (standard: sökvägen i siteUrl i settings.yaml)' },
  audience: {
    type: 'string',
    value: 'offentlig|intern|skyddad',
    default: 'intern',
    help: 'vem webbplatsen byggs för: offentlig (alla), intern (personalen, standard) eller skyddad (säkerhetsfunktionen)',
  },
} as const;

/** Where a build keeps what the next build can reuse (the maps' layouts, the systems' told histories), unless --no-cache. */
export const CACHE_OPTIONS = {
  cache: {
    type: 'string',
    value: '<mapp>',
    help: 'mapp där bygget sparar kartornas layouter och systemens berättade historik till nästa bygge (standard: .cache/byggcache i projektets mapp); spara den mellan byggen i CI',
  },
  'no-cache': { type: 'boolean', default: false, help: 'bygg utan att läsa eller spara något i --cache-mappen' },
} as const;

/** The cache folder for a build: --cache from the working folder, the project's by default, none with --no-cache. */
export function cacheOption(values: { cache?: string | undefined; 'no-cache'?: boolean }, cwd: string): string | undefined {
  if (values['no-cache'] && values.cache !== undefined) throw new UsageError('Ange antingen --cache <mapp> eller --no-cache, inte båda.');
  if (values['no-cache']) return undefined;
  return values.cache === undefined ? DEFAULT_BUILD_CACHE : resolve(cwd, values.cache);
}

/** --audience, checked. */
export function audienceOption(value: string | undefined): Audience {
  const audience = value ?? 'intern';
  if (!AUDIENCES.includes(audience as Audience))
    throw new UsageError(`--audience ska vara ${AUDIENCES.join(', ').replace(/, ([^,]*)$/, ' eller $1')}, inte "${audience}".`);
  return audience as Audience;
}

export const main = defineCommand({
  name: 'build',
  description: 'Validerar registret och bygger den statiska webbplatsen med sökindex.',
  options: { ...SITE_OPTIONS, ...CACHE_OPTIONS },
  registry: true,
  async run({ values, registry, io, print }) {
    const result = await buildSite({
      registry,
      out: resolve(io.cwd, values.out ?? 'dist'),
      base: values.base,
      audience: audienceOption(values.audience),
      cache: cacheOption(values, io.cwd),
      log: print,
    });
    return result.ok ? EXIT_OK : EXIT_FINDINGS;
  },
});

if (import.meta.main) await runMain(main);
