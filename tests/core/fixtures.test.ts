// Every invalid-register case in tests/fixtures/invalid/<field>_<reason>/ is a
// copy of the minimal register with one thing changed, and its expected.json
// lists the exact findings. A case without expectation, or an expectation
// without changed files, fails.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyRegister, editFile, FIXTURES, listFiles, materializeCase, MINIMAL, removeTemp, validateFolder } from '../helpers/registers.ts';

const CASES = join(FIXTURES, 'invalid');
const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

describe('fixture cases', () => {
  const names = readdirSync(CASES).sort();

  it('has the minimal register valid, with no finding at all', () => {
    const { cwd, root } = copyRegister(MINIMAL);
    temps.push(cwd);
    expect(validateFolder(root, cwd).findings).toEqual([]);
  });

  it.each(names)('%s', (name) => {
    const dir = join(CASES, name);
    const expectedFile = join(dir, 'expected.json');
    expect(existsSync(expectedFile), `${name} saknar expected.json`).toBe(true);
    const changes = listFiles(dir).filter((file) => file !== 'expected.json');
    expect(changes.length, `${name} ändrar ingen fil`).toBeGreaterThan(0);
    const { cwd, root } = materializeCase(dir);
    temps.push(cwd);
    const { findings } = validateFolder(root, cwd);
    expect(findings).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });

  it('names every case <field>_<reason>', () => {
    for (const name of names) expect(name).toMatch(/^[a-z-]+_[a-z0-9-]+$/);
  });
});

describe('an absurdly large file', () => {
  it('is reported, not read, and does not hide findings in other files', () => {
    const { cwd, root } = copyRegister(MINIMAL);
    temps.push(cwd);
    writeFileSync(join(root, 'systems', 'stor.yaml'), `id: stor\nnotes: "${'x'.repeat(3 * 1024 * 1024)}"\n`);
    const person = join(root, 'people', 'bo-berg.yaml');
    editFile(person, (text) => text.replace('active: true', 'active: ja'));
    const { findings } = validateFolder(root, cwd);
    expect(findings.map(({ file, line, rule }) => ({ file, line, rule }))).toEqual([
      { file: 'registry/people/bo-berg.yaml', line: 8, rule: 'wrong-type' },
      { file: 'registry/systems/stor.yaml', line: 1, rule: 'file-too-large' },
    ]);
    expect(findings[1]?.message).toContain('3,0 MiB');
  });
});

describe('several broken files at once', () => {
  it('reports every file in one run', () => {
    const { cwd, root } = copyRegister(MINIMAL);
    temps.push(cwd);
    writeFileSync(join(root, 'systems', 'tom.yaml'), '');
    writeFileSync(join(root, 'systems', 'tabb.yaml'), 'id: tabb\n\tname: x\n');
    writeFileSync(join(root, 'units', 'trasig.yaml'), 'id: [trasig\n');
    const rules = validateFolder(root, cwd).findings.map((finding) => `${finding.file} ${finding.rule}`);
    expect(rules).toEqual([
      'registry/systems/tabb.yaml yaml-tab',
      'registry/systems/tom.yaml empty-file',
      'registry/units/trasig.yaml yaml-syntax',
    ]);
  });
});
