// Every invalid-register case in tests/fixtures/invalid/<field>_<reason>/ is a
// copy of the minimal register with one thing changed, and its expected.json
// lists the exact findings. A case without expectation, or an expectation
// without changed files, fails.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings/findings.ts';
import {
  copyRegister,
  editFile,
  FIXTURES,
  listFiles,
  materializeCase,
  MINIMAL,
  publicFindings,
  removeTemp,
  TODAY,
  validateFolder,
} from '../helpers/registers.ts';
import { REPO } from '../helpers/run.ts';

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
    expect(publicFindings(findings)).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
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

describe('files the validator cannot read', () => {
  it('reports a symbolic link at the file, without following it, and goes on', () => {
    const { cwd, root } = copyRegister(MINIMAL);
    temps.push(cwd);
    writeFileSync(join(cwd, 'hemlig.yaml'), 'id: hemlig\nname: Lösenord till servern\n');
    symlinkSync(join(cwd, 'hemlig.yaml'), join(root, 'systems', 'hemlig.yaml'));
    editFile(join(root, 'people', 'bo-berg.yaml'), (text) => text.replace('active: true', 'active: ja'));
    const { findings, parsed } = validateFolder(root, cwd);
    expect(findings.map(({ file, line, rule, message }) => ({ file, line, rule, message }))).toEqual([
      { file: 'registry/people/bo-berg.yaml', line: 8, rule: 'wrong-type', message: expect.any(String) },
      {
        file: 'registry/systems/hemlig.yaml',
        line: 1,
        rule: 'symlink',
        message: 'Filen är en symbolisk länk och läses inte. Ersätt länken med själva filen.',
      },
    ]);
    expect(JSON.stringify(parsed.entries)).not.toContain('Lösenord');
  });

  it('reports a file and a folder it has no permission to read, and goes on', () => {
    const { cwd, root } = copyRegister(MINIMAL);
    temps.push(cwd);
    writeFileSync(join(root, 'systems', 'lasskyddad.yaml'), 'id: lasskyddad\n');
    mkdirSync(join(root, 'guidelines', 'stangd'));
    // As root every file is readable, so the validator then runs as the unprivileged user nobody.
    chmodSync(cwd, 0o755);
    chmodSync(join(root, 'systems', 'lasskyddad.yaml'), 0o000);
    chmodSync(join(root, 'guidelines', 'stangd'), 0o000);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = spawnSync(process.execPath, [join(REPO, 'src', 'cli', 'validate.ts'), '--format', 'json', '--today', TODAY], {
      cwd,
      encoding: 'utf8',
      ...asUser,
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).map(({ file, rule, message }: Finding) => ({ file, rule, message }))).toEqual([
      {
        file: 'registry/guidelines/stangd',
        rule: 'file-unreadable',
        message: 'Mappen kan inte läsas (behörighet saknas), så filerna i den kontrolleras inte. Ge läsbehörighet till mappen.',
      },
      { file: 'registry/systems/lasskyddad.yaml', rule: 'file-unreadable', message: 'Filen kan inte läsas (behörighet saknas). Kontrollera filens behörigheter.' },
    ]);
    expect(result.status).toBe(1);
  });
});
