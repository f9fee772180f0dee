// Editing a register file as a person would: only the changed line differs.
import { describe, expect, it } from 'vitest';
import { setFields } from '../../src/core/writing/yaml-edit.ts';

const reviewed = (text: string) => setFields(text, [{ key: 'reviewed', value: '2026-11-28' }]);

describe('setFields', () => {
  it('replaces a value and keeps its comment, quoting elsewhere and line endings', () => {
    expect(reviewed("name: 'Lön' # visas\r\nreviewed: 2024-01-01 # senast\r\nnotes: x\r\n")).toBe(
      "name: 'Lön' # visas\r\nreviewed: 2026-11-28 # senast\r\nnotes: x\r\n",
    );
  });

  it('fills a field written without a value, and a block scalar keeps its line break', () => {
    expect(reviewed('reviewed:\nnotes: x\n')).toBe('reviewed: 2026-11-28\nnotes: x\n');
    expect(reviewed('reviewed: |\n  snart\nnotes: x\n')).toBe('reviewed: 2026-11-28\nnotes: x\n');
  });

  it('adds a missing field after the one named, or last', () => {
    const text = 'id: a\nemail: a@example.se # jobb\nphone: "1"\n';
    expect(setFields(text, [{ key: 'userName', value: 'a', after: 'email' }])).toBe('id: a\nemail: a@example.se # jobb\nuserName: a\nphone: "1"\n');
    expect(setFields('id: a', [{ key: 'active', value: false }])).toBe('id: a\nactive: false\n');
  });

  it('quotes a value only when YAML needs it', () => {
    expect(setFields('title: x\n', [{ key: 'title', value: 'Chef: IT' }])).toBe('title: "Chef: IT"\n');
    expect(setFields('title: x\n', [{ key: 'title', value: 'Handläggare' }])).toBe('title: Handläggare\n');
  });

  it.each([
    ['a tab as indentation', '\treviewed: x\n'],
    ['a duplicate key', 'reviewed: 1\nreviewed: 2\n'],
    ['an unclosed quote', 'reviewed: "x\n'],
    ['two documents', 'id: a\n---\nid: b\n'],
    ['a list instead of fields', '- a\n'],
  ])('refuses a file with %s instead of guessing', (_name, text) => {
    expect(() => reviewed(text)).toThrow(/går inte att läsa som YAML/);
  });

  it('changes and adds a field inside a section, at the section’s own indentation', () => {
    const text = 'id: a\nroles:\n    owner: bo # ägare\n    administrators:\n      - cia\nreviewed: 2026-01-01\n';
    expect(setFields(text, [{ key: ['roles', 'owner'], value: 'dan' }])).toBe(text.replace('owner: bo', 'owner: dan'));
    expect(setFields(text, [{ key: ['roles', 'manager'], value: 'eva' }])).toBe(
      'id: a\nroles:\n    owner: bo # ägare\n    administrators:\n      - cia\n    manager: eva\nreviewed: 2026-01-01\n',
    );
    expect(setFields(text, [{ key: ['roles', 'manager'], value: 'eva', after: 'owner' }])).toBe(
      'id: a\nroles:\n    owner: bo # ägare\n    manager: eva\n    administrators:\n      - cia\nreviewed: 2026-01-01\n',
    );
  });

  it('writes a missing section with its one field', () => {
    expect(setFields('id: a\nhosting: extern drift\nreviewed: x\n', [{ key: ['supplier', 'name'], value: 'Leverantören AB', after: 'hosting' }])).toBe(
      'id: a\nhosting: extern drift\nsupplier:\n  name: Leverantören AB\nreviewed: x\n',
    );
    expect(setFields('id: a\n', [{ key: ['supplier', 'name'], value: 'B' }])).toBe('id: a\nsupplier:\n  name: B\n');
  });

  it('refuses to overwrite a list or mapping with one value', () => {
    expect(() => setFields('roles:\n  - a\n', [{ key: ['roles', 'owner'], value: 'b' }])).toThrow(/inte ett avsnitt/);
    expect(() => setFields('title:\n  - a\n', [{ key: 'title', value: 'b' }])).toThrow(/inte ett enkelt värde/);
  });
});
