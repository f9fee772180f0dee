// The checked register handed from the build's first pass to the site's
// loader: the model and findings of a register the first pass found without
// errors, so that Astro's process does not read, parse and check every file
// again: at 20 000 systems that second reading took about 3 s and 1.1 GiB
// of passing heap, where taking the register over takes 0.6 s.
// Written with V8's serializer, which keeps the model's shared objects and
// Maps as they are; both ends are the same Node of the same build.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Finding } from '../findings/findings.ts';
import type { RegisterModel } from './model.ts';

/** What the first pass checked: which register, as of which day, and what it found. */
export interface HandedOverRegister {
  registry: string;
  today: string;
  /** The folder file names in the findings are given from. */
  cwd: string;
  model: RegisterModel;
  findings: Finding[];
}

/** Written whole or not at all: the reader waits for the file's name, which appears last. */
export function handOverRegister(path: string, checked: HandedOverRegister): void {
  writeFileSync(`${path}.delvis`, serialize({ ...checked, registry: resolve(checked.registry) }));
  renameSync(`${path}.delvis`, path);
}

/**
 * The checked register the first pass writes to `path`, once it is there;
 * undefined when it was checked for another register, day or working folder
 * (the loader then reads the register itself). Waits without returning to the
 * event loop, since the site's loader is synchronous; the build stops the
 * waiting process when the first pass finds errors.
 */
export function takeOverRegister(
  path: string,
  expected: { registry: string; today: string; cwd: string },
  timeoutMs = 600_000,
): Pick<HandedOverRegister, 'model' | 'findings'> | undefined {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const until = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > until)
      throw new Error(
        `Valideringen före bygget lämnade inget kontrollerat register i ${path}. Bygg igen med npm run build; ser du samma fel, kör npm run validate för att se vad valideringen stannar på.`,
      );
    Atomics.wait(pause, 0, 0, 20);
  }
  const checked = deserialize(readFileSync(path)) as HandedOverRegister;
  if (checked.registry !== resolve(expected.registry) || checked.today !== expected.today || checked.cwd !== expected.cwd) return undefined;
  return { model: checked.model, findings: checked.findings };
}
