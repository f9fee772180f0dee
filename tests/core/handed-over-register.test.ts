// The register the build's first pass checked, handed over to the site's
// loader through a file: the same model and findings as reading the register
// again, its shared objects still shared; not taken for another register, day
// or working folder; and a clear message when it never comes.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRegister } from '../../src/core/model/open-register.ts';
import { handOverRegister, takeOverRegister } from '../../src/core/model/handed-over-register.ts';
import { EXAMPLE_REGISTER, TODAY } from '../helpers/registers.ts';
import { REPO } from '../helpers/run.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function handedOver() {
  const folder = mkdtempSync(join(tmpdir(), 'systemforteckning-overlamnat-'));
  folders.push(folder);
  const path = join(folder, 'registret.v8');
  const opened = openRegister(EXAMPLE_REGISTER, { today: TODAY, cwd: REPO });
  handOverRegister(path, { registry: EXAMPLE_REGISTER, today: TODAY, cwd: REPO, model: opened.model, findings: opened.findings });
  return { folder, path, opened };
}

describe('the register handed over from the first pass', () => {
  it('is the model and findings of reading the register, with one object per system however it is reached', () => {
    const { folder, path, opened } = handedOver();
    expect(readdirSync(folder)).toEqual(['registret.v8']);
    const taken = takeOverRegister(path, { registry: EXAMPLE_REGISTER, today: TODAY, cwd: REPO });
    expect(taken?.model).toEqual(opened.model);
    expect(taken?.findings).toEqual(opened.findings);
    expect(taken?.findings.length).toBeGreaterThan(0);
    const first = taken!.model.systems[0]!;
    expect(taken!.model.systemById.get(first.id)).toBe(first);
  });

  it('is not taken for another register, another day or another working folder', () => {
    const { path } = handedOver();
    expect(takeOverRegister(path, { registry: join(EXAMPLE_REGISTER, '..', 'annat'), today: TODAY, cwd: REPO })).toBeUndefined();
    expect(takeOverRegister(path, { registry: EXAMPLE_REGISTER, today: '2026-11-29', cwd: REPO })).toBeUndefined();
    expect(takeOverRegister(path, { registry: EXAMPLE_REGISTER, today: TODAY, cwd: tmpdir() })).toBeUndefined();
  });

  it('says in Swedish where it waited, and what to do, when the first pass never wrote it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'systemforteckning-overlamnat-'));
    folders.push(folder);
    expect(() => takeOverRegister(join(folder, 'registret.v8'), { registry: EXAMPLE_REGISTER, today: TODAY, cwd: REPO }, 50)).toThrow(
      /^Valideringen före bygget lämnade inget kontrollerat register i .*registret\.v8\. Bygg igen med npm run build; ser du samma fel, kör npm run validate för att se vad valideringen stannar på\.$/,
    );
  });
});
