// Builds the sites the site and browser tests look at, once per test run,
// with the real build command, and serves them over HTTP on free ports:
// - the site fixture register, in a Git repository with history, under a
//   sub-folder base path (/intra/sf/) as on an intranet server;
// - the example register in registry/, as npm start builds it;
// - the same site with its search index in parts, as a large site gets it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { indexSite } from '../../src/build/search-index.ts';
import { startStaticServer } from '../../src/build/static-server.ts';
import { git } from '../helpers/git.ts';
import { editFile, FIXTURES } from '../helpers/registers.ts';
import { REPO } from '../helpers/run.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: { out: string; url: string; registry: string; base: string };
    exampleSite: { out: string; url: string };
    /** The example site with its search index in parts of a few pages, as a large site's is. */
    partedSite: { out: string; url: string };
  }
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} misslyckades:\n${result.stdout}\n${result.stderr}`);
}

export default async function setup(project: TestProject) {
  const temp = mkdtempSync(join(tmpdir(), 'systemforteckning-site-'));
  const repository = join(temp, 'repo');
  const registry = join(repository, 'registry');
  cpSync(join(FIXTURES, 'site'), registry, { recursive: true });
  git(repository, 'init', '-q', '-b', 'main');
  git(repository, 'add', '.');
  git(repository, 'commit', '-q', '-m', 'Lägg till registret');
  const system = join(registry, 'systems', 'socialtjanst.yaml');
  editFile(system, (text) => text.replace('reviewed: 2026-05-01', 'reviewed: 2026-06-15'));
  git(repository, 'commit', '-q', '-am', 'Granska ärendesystemet för socialtjänsten');
  // A merged change as GitLab's merge commit template writes it: who approved it, and a protected note changed with it.
  editFile(system, (text) => `${text}product: Omsorgen Pro\nnotes: Hemlig anteckning om brandväggen\n`);
  git(repository, 'commit', '-q', '-am', 'Ny produkt\n\nApproved-by: Anna Andersson <anna.andersson@testkommun.se>');

  const base = '/intra/sf/';
  const fixtureOut = join(temp, 'fixture-site');
  // The build cache of this run only, so that no earlier run's layouts reach these sites.
  const cache = ['--cache', join(temp, 'byggcache')];
  run(
    process.execPath,
    [join(REPO, 'src', 'cli', 'build.ts'), '--registry', registry, '--out', fixtureOut, '--base', base, ...cache],
    REPO,
  );
  const exampleOut = join(temp, 'example-site');
  run(process.execPath, [join(REPO, 'src', 'cli', 'build.ts'), '--out', exampleOut, ...cache], REPO);

  const partedOut = join(temp, 'parted-site');
  cpSync(exampleOut, partedOut, { recursive: true, filter: (path) => !relative(exampleOut, path).startsWith('pagefind') });
  await indexSite(partedOut, 40);

  const fixtureServer = await startStaticServer({ root: fixtureOut, base, port: 0 });
  const exampleServer = await startStaticServer({ root: exampleOut, base: '/systemforteckning/', port: 0 });
  project.provide('fixtureSite', { out: fixtureOut, url: fixtureServer.url, registry, base });
  const partedServer = await startStaticServer({ root: partedOut, base: '/systemforteckning/', port: 0 });
  project.provide('exampleSite', { out: exampleOut, url: exampleServer.url });
  project.provide('partedSite', { out: partedOut, url: partedServer.url });

  return async () => {
    await new Promise((resolve) => fixtureServer.server.close(resolve));
    await new Promise((resolve) => exampleServer.server.close(resolve));
    await new Promise((resolve) => partedServer.server.close(resolve));
    rmSync(temp, { recursive: true, force: true });
  };
}
