// The example register is the demo and the template: it must validate, be as
// large as the issue asks, and every required role must really be enforced.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyRegister, EXAMPLE_REGISTER, editFile, removeTemp, validateFolder } from '../helpers/registers.ts';
import { readRegisterSources } from '../../src/core/reading/load.ts';
import { validateSources } from '../../src/core/checking/validate.ts';
import type { SourceFile } from '../../src/core/reading/parse.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));
const { cwd, root } = copyRegister(EXAMPLE_REGISTER);
temps.push(cwd);
const sources = readRegisterSources(root, cwd);
const validation = validateFolder(root, cwd);
const entries = validation.parsed.entries;
const ofKind = (kind: string) => entries.filter((entry) => entry.kind === kind);

describe('the example register', () => {
  it('has no errors', () => {
    expect(validation.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  // Only the shipped example has to be this large; a municipality's own register may be smaller.
  it.runIf(validation.parsed.entries.some((entry) => entry.kind === 'settings' && entry.data.municipality === 'Exempelkommun'))(
    'is as large as a real municipality needs to demo',
    () => {
      expect(ofKind('system').length).toBeGreaterThanOrEqual(30);
      expect(ofKind('person').length).toBeGreaterThanOrEqual(40);
      expect(ofKind('unit').length).toBeGreaterThanOrEqual(8);
      expect(ofKind('equipment').length).toBeGreaterThanOrEqual(20);
      expect(ofKind('guideline').length).toBeGreaterThanOrEqual(1);
      const types = ofKind('unit').map((unit) => unit.data.type);
      expect(types.filter((type) => type === 'kommunalt bolag').length).toBeGreaterThanOrEqual(2);
      expect(ofKind('unit').some((unit) => unit.fileId === 'it-avdelningen')).toBe(true);
    },
  );

  it('starts every YAML file with the schema comment editors use', () => {
    for (const entry of entries.filter((entry) => entry.kind !== 'guideline')) {
      expect(entry.text.split('\n')[0], entry.file).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schemas\/[a-z]+\.schema\.json$/);
    }
  });
});

/** Validates the example register with one file's text replaced. */
function validateWith(file: string, text: string) {
  const changed: SourceFile[] = sources.map((source) =>
    source.file === file ? { ...source, bytes: Buffer.from(text), size: text.length } : source,
  );
  return validateSources(changed, { today: '2026-11-28', root: 'registry' }).findings.filter((finding) => finding.severity === 'error');
}

const REQUIRED_ROLES = ['owner', 'manager', 'administrators', 'operations', 'users'];

describe('every required role of every example system is enforced', () => {
  const systems = ofKind('system');

  it.each(systems.map((system) => [system.fileId, system.file, system.text] as const))('%s', (_id, file, text) => {
    const lineCount = text.split('\n').length;
    for (const role of REQUIRED_ROLES) {
      const without = removeRole(text, role);
      expect(without, `${role} finns i ${file}`).not.toBe(text);
      const errors = validateWith(file, without);
      expect(errors.length, `utan ${role}`).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.file).toBe(file);
        expect(error.line).toBeGreaterThanOrEqual(1);
        expect(error.line).toBeLessThanOrEqual(lineCount);
      }
    }
    for (const role of ['owner', 'manager']) {
      const errors = validateWith(file, text.replace(new RegExp(`^(  ${role}: ).*$`, 'm'), '$1ingen-sadan-person'));
      expect(errors.map((error) => [error.file, error.rule])).toEqual([[file, 'unknown-person']]);
      expect(text.split('\n')[errors[0]!.line - 1]).toContain(`${role}:`);
    }
    const errors = validateWith(file, text.replace(/^( {2}administrators:\n {4}- ).*$/m, '$1ingen-sadan-person'));
    expect(errors.map((error) => error.rule)).toEqual(['unknown-person']);
  });
});

/** Removes `  role: …` and any list items under it. */
function removeRole(text: string, role: string): string {
  return text.replace(new RegExp(`^  ${role}:.*\\n(?:    .*\\n)*`, 'm'), '');
}

describe('a template a municipality can adopt', () => {
  it('validates a register folder that lives elsewhere, with its own settings', () => {
    const other = copyRegister(EXAMPLE_REGISTER);
    temps.push(other.cwd);
    const settings = join(other.root, 'settings.yaml');
    editFile(settings, (text) => text.replace('Exempelkommun', 'Annanstad'));
    expect(validateFolder(other.root, other.cwd).findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
