// Which code told a kept history (history-cache.ts): telling a change parses
// the file, cuts it to the audience and words the change, which reaches most
// of the core, so the version is every file in src/core and the locked
// libraries. Read once when Astro loads its configuration, which gives it to
// the pages as __HISTORY_VERSION__.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeVersion } from './build-cache.ts';

const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));

export function historyVersion(): string {
  const core = join(PROJECT, 'src', 'core');
  const files = readdirSync(core, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const lock = join(PROJECT, 'package-lock.json');
  return codeVersion(existsSync(lock) ? [...files, lock] : files);
}
