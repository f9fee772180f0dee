// Where the site is published: read from the register's settings so that a
// municipality changes one file. SYSTEMFORTECKNING_BASE overrides the path,
// for serving the same build from another folder of the intranet server.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SETTINGS_FILE } from '../kinds.ts';
import { parseYaml } from './yaml.ts';

export interface SiteLocation {
  registryDir: string;
  site: string;
  base: string;
}

export function registryDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SYSTEMFORTECKNING_REGISTRY ?? 'registry');
}

export function siteLocation(env: NodeJS.ProcessEnv = process.env): SiteLocation {
  const registryDir = registryDirFromEnv(env);
  let siteUrl = 'http://localhost/';
  try {
    const parsed = parseYaml(readFileSync(join(registryDir, SETTINGS_FILE), 'utf8'));
    const value = parsed.ok ? (parsed.value as { siteUrl?: unknown }).siteUrl : undefined;
    if (typeof value === 'string' && URL.canParse(value)) siteUrl = value;
  } catch {
    // A missing settings file is reported by the validator; build with defaults.
  }
  const url = new URL(siteUrl);
  const base = normalizeBase(env.SYSTEMFORTECKNING_BASE ?? url.pathname);
  return { registryDir, site: url.origin, base };
}

/** "/a/b" → "/a/b/"; "" → "/". */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
