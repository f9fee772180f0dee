// The architecture, declared once: the layers of the code, bottom up, and
// which may import which. dependency-cruiser checks every import against it
// (.dependency-cruiser.mjs hands it this configuration) in npm test
// (tests/core/architecture.test.ts), and docs/arkitektur.md draws its
// picture from the same list (npm run docs), so neither can drift from the
// code.
//
// A module may import modules of its own layer and of layers below it; within
// a layer of several parts ("peers") a part imports only itself. Nothing
// imports upward, and nothing goes round in a circle.

import type { IConfiguration, IForbiddenRuleType } from 'dependency-cruiser';

export interface Part {
  name: string;
  /** The folder, as the picture shows it. */
  title: string;
  /** A regular expression for the paths of the part's modules. */
  path: string;
  /** What is there, in a few Swedish words. */
  says: string;
}

export interface Layer {
  parts: Part[];
}

/** The core (src/core), bottom up: the pipeline files → read → checked → model → views. */
export const CORE_LAYERS: Layer[] = [
  { parts: [{ name: 'grund', title: 'src/core/*.ts', path: '^src/core/[^/]+\\.ts$', says: 'sorterna av poster, vokabulären, fel, datavägar' }] },
  { parts: [{ name: 'text', title: 'text/', path: '^src/core/text/', says: 'svensk text, datum, säker utdata, Markdown' }] },
  { parts: [{ name: 'schema', title: 'schema/', path: '^src/core/schema/', says: 'zod-scheman: den enda definitionen av varje filtyp' }] },
  { parts: [{ name: 'domain', title: 'domain/', path: '^src/core/domain/', says: 'vad begreppen betyder: livscykel, roller, datum, hänvisningar' }] },
  { parts: [{ name: 'findings', title: 'findings/', path: '^src/core/findings/', says: 'fyndet och regelkatalogen' }] },
  { parts: [{ name: 'reading', title: 'reading/', path: '^src/core/reading/', says: 'läsa filer och YAML, hitta rader' }] },
  { parts: [{ name: 'checking', title: 'checking/', path: '^src/core/checking/', says: 'schema, dolda tecken, Markdown, regler mellan filer' }] },
  { parts: [{ name: 'model', title: 'model/', path: '^src/core/model/', says: 'den upplösta modellen, påverkan' }] },
  { parts: [{ name: 'views', title: 'views/', path: '^src/core/views/', says: 'härledda vyer: förteckningen, rapporten, påminnelser, ändringar' }] },
  {
    parts: [
      { name: 'git', title: 'git/', path: '^src/core/git/', says: 'registret vid en version, historik' },
      { name: 'writing', title: 'writing/', path: '^src/core/writing/', says: 'skriva i registret' },
      { name: 'scaffold', title: 'scaffold/', path: '^src/core/scaffold/', says: 'nya poster' },
    ],
  },
  {
    parts: [
      { name: 'forge', title: 'forge/', path: '^src/core/forge/', says: 'GitHub och GitLab' },
      { name: 'import', title: 'import/', path: '^src/core/import/', says: 'kalkylark in' },
    ],
  },
  { parts: [{ name: 'people-sync', title: 'people-sync/', path: '^src/core/people-sync/', says: 'personer från katalogen' }] },
];

/** What stands on the core, bottom up. */
export const OUTER_LAYERS: Layer[] = [
  { parts: [{ name: 'site-lib', title: 'site/src/lib/', path: '^site/src/lib/', says: 'webbplatsens enda dörr till kärnan: data och sidornas data' }] },
  {
    parts: [
      { name: 'site', title: 'site/src/', path: '^site/(src/(pages|components|layouts|scripts|styles)/|astro\\.config)', says: 'sidor, komponenter, klientskript' },
      { name: 'build', title: 'src/build/', path: '^src/build/', says: 'bygget: Astro, Pagefind, lokal server' },
    ],
  },
  { parts: [{ name: 'cli', title: 'src/cli/', path: '^src/cli/', says: 'kommandona (npm run …)' }] },
  { parts: [{ name: 'scripts', title: 'scripts/', path: '^scripts/', says: 'utvecklarverktyg: scheman, dokumentation, mätningar' }] },
];

export const LAYERS: Layer[] = [...CORE_LAYERS, ...OUTER_LAYERS];

/** Forbidden imports, generated from the layers: every part may not reach a part above it, nor a peer. */
function layerRules(): IForbiddenRuleType[] {
  const rules: IForbiddenRuleType[] = [];
  LAYERS.forEach((layer, index) => {
    const above = LAYERS.slice(index + 1).flatMap((upper) => upper.parts.map((part) => part.path));
    for (const part of layer.parts) {
      const peers = layer.parts.filter((other) => other !== part).map((other) => other.path);
      const forbidden = [...above, ...peers];
      if (forbidden.length === 0) continue;
      rules.push({
        name: `${part.name}-uppåt`,
        comment: `${part.title} importerar bara sitt eget lager och lagren under (dependency-cruiser.config.mjs).`,
        severity: 'error',
        from: { path: part.path },
        to: { path: forbidden },
      });
    }
  });
  return rules;
}

export const DEPENDENCY_RULES: IConfiguration = {
  forbidden: [
    {
      name: 'ingen-cirkel',
      comment: 'Moduler som importerar varandra, direkt eller genom andra, går inte att förstå eller flytta var för sig.',
      severity: 'error',
      from: { path: '^(src|site|scripts)/' },
      to: { circular: true },
    },
    {
      name: 'webbplatsens-dörr',
      comment: 'Sidor, komponenter, layouter och klientskript når kärnan bara genom site/src/lib/, där publiken tillämpas.',
      severity: 'error',
      from: { path: '^site/src/(pages|components|layouts|scripts)' },
      to: { path: '^src/' },
    },
    ...layerRules(),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|tests|bench|dist|\\.cache)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'], extensions: ['.ts', '.mjs', '.js', '.json'] },
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with; swc does it.
    parser: 'swc',
  },
};
