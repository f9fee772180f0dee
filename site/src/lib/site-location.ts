// Where the site is published: read from the register's settings so that a
// municipality changes one file. SYSTEMFORTECKNING_BASE overrides the path,
// for serving the same build from another folder of the intranet server.
import { resolve } from 'node:path';
import { SETTINGS_FILE } from '#core/kinds.ts';
import type { Settings } from '#core/schema/settings.ts';
import { settingsWithDefaults } from '#core/schema/settings-read.ts';
import { readOneSource } from '#core/reading/load.ts';
import { parseRegister } from '#core/reading/parse.ts';
import { checkFiles } from '#core/checking/check-files.ts';

export interface SiteLocation {
  registryDir: string;
  site: string;
  base: string;
}

export function registryDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SYSTEMFORTECKNING_REGISTRY ?? 'registry');
}

/**
 * The register's settings, read and schema-checked like every other file;
 * undefined when the file is missing or does not validate (the validator says why).
 */
export function readSettings(registryDir: string): Settings | undefined {
  const source = readOneSource(registryDir, SETTINGS_FILE);
  const entry = source ? checkFiles(parseRegister([source])).entries[0] : undefined;
  return entry?.schemaValid ? settingsWithDefaults(entry.data as Settings) : undefined;
}

export function siteLocation(env: NodeJS.ProcessEnv = process.env): SiteLocation {
  const registryDir = registryDirFromEnv(env);
  const settings = readSettings(registryDir);
  // The public site is published at its own address, when the settings give one.
  const address = env.SYSTEMFORTECKNING_AUDIENCE === 'offentlig' ? (settings?.publicSiteUrl ?? settings?.siteUrl) : settings?.siteUrl;
  const url = new URL(address ?? 'http://localhost/');
  const base = normalizeBase(env.SYSTEMFORTECKNING_BASE ?? url.pathname);
  return { registryDir, site: url.origin, base };
}

/** "/a/b" → "/a/b/"; "" → "/". */
function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
