// The register as each audience sees it, from real register files: fields
// above the audience are absent, an entry only the protected build may show
// is gone with every reference to it and everything derived from it, the
// settings' overrides move a field, and a protected registry beside the
// register is laid over it by id.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { impactOf } from '../../src/core/model/impact.ts';
import { openRegister } from '../../src/core/model/open-register.ts';
import { cutterIdentity, visibleFindings, visibleModel } from '../../src/core/model/visible.ts';
import { copyRegister, editFile, FIXTURES, removeTemp, TODAY } from '../helpers/registers.ts';

const temps: string[] = [];
afterEach(() => {
  for (const cwd of temps.splice(0)) removeTemp(cwd);
});

/** The site fixture register, copied so a test can change it. */
function register(change?: (root: string) => void) {
  const { cwd, root } = copyRegister(join(FIXTURES, 'site'));
  temps.push(cwd);
  change?.(root);
  return { cwd, root, opened: openRegister(root, { today: TODAY, cwd }) };
}

describe('the register as an audience sees it', () => {
  it('keeps which system uses which for staff, but not how: the type and note of a dependency are protected', () => {
    const { opened } = register();
    const intern = visibleModel(opened.model, 'intern');
    expect(intern.uses.get('lonesystem')).toEqual([{ system: intern.systemById.get('budget') }]);
    expect(intern.systemById.get('lonesystem')?.dependencies).toEqual([{ system: 'budget' }]);
    const skyddad = visibleModel(opened.model, 'skyddad');
    expect(skyddad.uses.get('lonesystem')?.[0]).toMatchObject({ type: 'dataflöde', note: 'Lönekostnader till budgetuppföljningen' });
  });

  it('shows the public no roles, people, criticality or dependencies, and keeps what is public', () => {
    const { opened } = register();
    const offentlig = visibleModel(opened.model, 'offentlig');
    const lonesystem = offentlig.systemById.get('lonesystem');
    expect(lonesystem).toMatchObject({
      id: 'lonesystem',
      name: 'Lönesystem',
      description: 'Löner för kommunens anställda.',
      unit: 'testkommun',
    });
    for (const field of ['roles', 'criticality', 'dependencies', 'reviewed']) expect(lonesystem, field).not.toHaveProperty(field);
    expect(offentlig.people).toEqual([]);
    expect(offentlig.assignmentsByHolder.size).toBe(0);
    expect(offentlig.settings).not.toHaveProperty('contactEmail', undefined);
  });

  it('removes a system whose existence is protected, with the dependencies on it, its impact and its counts', () => {
    const { opened } = register((root) => editFile(join(root, 'systems', 'budget.yaml'), (text) => `${text}visibility: skyddad\n`));
    expect(opened.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    const intern = visibleModel(opened.model, 'intern');
    expect(intern.systemById.has('budget')).toBe(false);
    expect(intern.systems.map((system) => system.id)).not.toContain('budget');
    expect(intern.uses.get('lonesystem')).toEqual([]);
    // Not even an empty list, which would say that something was taken away.
    expect(intern.systemById.get('lonesystem')).not.toHaveProperty('dependencies');
    expect(intern.usedBy.has('budget')).toBe(false);
    // What stops working when Lönesystem fails: not the protected Budgetverktyg, nor anything only through it.
    expect(impactOf(intern, intern.systemById.get('lonesystem')!).affected.map(({ system }) => system.id)).not.toContain('budget');
    expect(intern.systemsByUnit.get('testkommun')?.map((system) => system.id)).not.toContain('budget');
    expect(intern.entries.some((entry) => entry.id === 'budget')).toBe(false);
    expect(intern.claimedIds.get('system')?.has('budget')).toBe(false);
    expect(visibleModel(opened.model, 'skyddad').systemById.has('budget')).toBe(true);
  });

  it('moves a field to another audience when the settings say so', () => {
    const { opened } = register((root) =>
      editFile(join(root, 'settings.yaml'), (text) => `${text}visibility:\n  system.criticality: offentlig\n  system.aliases: intern\n`),
    );
    expect(opened.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    const lonesystem = visibleModel(opened.model, 'offentlig').systemById.get('lonesystem');
    expect(lonesystem).toHaveProperty('criticality', 'kritisk');
    expect(lonesystem).not.toHaveProperty('aliases');
  });

  it('names everything the cut depends on, so that what was told from a cut can be kept under it', () => {
    const plain = register().opened.model;
    const identity = cutterIdentity(plain, 'intern');
    expect(cutterIdentity(register().opened.model, 'intern')).toBe(identity);
    expect(cutterIdentity(plain, 'offentlig')).not.toBe(identity);
    // An entry hidden from staff: references to it are cut away from every other file's versions.
    const hidden = register((root) => editFile(join(root, 'systems', 'budget.yaml'), (text) => `${text}visibility: skyddad\n`));
    expect(cutterIdentity(hidden.opened.model, 'intern')).not.toBe(identity);
    const moved = register((root) => editFile(join(root, 'settings.yaml'), (text) => `${text}visibility:\n  system.aliases: skyddad\n`));
    expect(cutterIdentity(moved.opened.model, 'intern')).not.toBe(identity);
  });

  it('gives an audience only the findings about what it may see', () => {
    const { opened } = register((root) => {
      editFile(join(root, 'systems', 'budget.yaml'), (text) => `${text}visibility: skyddad\n`);
      editFile(join(root, 'systems', 'budget.yaml'), (text) => text.replace(/^reviewed: .*$/m, 'reviewed: 2020-01-01'));
      editFile(join(root, 'systems', 'lonesystem.yaml'), (text) => text.replace(/^reviewed: .*$/m, 'reviewed: 2020-01-01'));
    });
    const about = (audience: 'intern' | 'offentlig' | 'skyddad') =>
      new Set(visibleFindings(opened.findings, opened.model, visibleModel(opened.model, audience), audience).map((finding) => finding.entry?.id));
    expect(about('skyddad')).toEqual(new Set(['budget', 'lonesystem']));
    expect(about('intern')).toEqual(new Set(['lonesystem']));
    // The review date is for staff; a finding about it would quote it.
    expect(about('offentlig').has('lonesystem')).toBe(false);
  });
});

describe('the protected registry', () => {
  it('lays its partial files over the register by id, for the protected build only', () => {
    const { opened } = register((root) => {
      editFile(join(root, 'settings.yaml'), (text) => `${text}protectedRegistry: ../skyddat\n`);
      editFile(join(root, 'systems', 'lonesystem.yaml'), (text) => text.replace(/    type: dataflöde\n    note: .*\n/, ''));
      mkdirSync(join(root, '..', 'skyddat', 'systems'), { recursive: true });
      writeFileSync(
        join(root, '..', 'skyddat', 'systems', 'lonesystem.yaml'),
        'id: lonesystem\nloginMethod: SAML via kommunens IdP\ndependencies:\n  - system: budget\n    type: inloggning\n    note: Hämtar budgetramar\n',
      );
    });
    expect(opened.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    const skyddad = visibleModel(opened.model, 'skyddad').systemById.get('lonesystem');
    expect(skyddad).toMatchObject({
      loginMethod: 'SAML via kommunens IdP',
      dependencies: [{ system: 'budget', type: 'inloggning', note: 'Hämtar budgetramar' }],
    });
    const intern = visibleModel(opened.model, 'intern').systemById.get('lonesystem');
    expect(intern).not.toHaveProperty('loginMethod');
    expect(intern?.dependencies).toEqual([{ system: 'budget' }]);
  });
});
