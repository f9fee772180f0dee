// The zod definitions are the single source of the JSON Schemas; the committed
// files must be exactly what they generate, and every field must carry the
// Swedish title and description that editors show as hover help.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAgainstSchema } from '../../src/core/checking/schema-check.ts';
import { generatedSchemaFiles } from '../../src/core/schema/json-schema.ts';
import type { JsonSchemaNode } from '../../src/core/schema/committed.ts';
import type { Kind } from '../../src/core/kinds.ts';

const SCHEMAS_DIR = join(import.meta.dirname, '..', '..', 'schemas');

describe('committed JSON Schemas', () => {
  it.each(generatedSchemaFiles())('schemas/$file equals what the zod source generates (run npm run schemas)', ({ file, text }) => {
    expect(readFileSync(join(SCHEMAS_DIR, file), 'utf8')).toBe(text);
  });

  it.each(generatedSchemaFiles())('schemas/$file documents every property in Swedish and forbids unknown keys', ({ text }) => {
    const undocumented: string[] = [];
    const open: string[] = [];
    const visit = (node: JsonSchemaNode, path: string) => {
      if (node.properties) {
        if (node.additionalProperties !== false) open.push(path || '(roten)');
        for (const [key, child] of Object.entries(node.properties)) {
          if (!child.title || !child.description) undocumented.push(`${path}${key}`);
          visit(child, `${path}${key}.`);
        }
      }
      if (node.items) visit(node.items, path);
      for (const branch of node.anyOf ?? []) visit(branch, path);
    };
    visit(JSON.parse(text), '');
    expect(undocumented).toEqual([]);
    expect(open).toEqual([]);
  });
});

const VALID: Record<Exclude<Kind, 'settings'>, Record<string, unknown>> = {
  system: {
    id: 'lonesystem',
    name: 'Lönesystem',
    description: 'Löner.',
    unit: 'hr',
    status: 'i drift',
    roles: { owner: 'anna', manager: 'bo', administrators: ['cecilia'], operations: 'it', users: ['hr', { name: 'Alla medarbetare' }] },
    contract: { start: '2024-01-01', end: '2027-12-31' },
    classification: { confidentiality: 2, integrity: 3, availability: 1 },
    reviewed: '2024-02-29',
  },
  person: {
    id: 'anna',
    name: 'Anna Andersson',
    title: 'Chef',
    unit: 'hr',
    email: 'anna@kommun.se',
    phone: '010-123 45 67',
    gitHandle: 'anna-a',
    active: true,
  },
  unit: { id: 'hr', name: 'HR', type: 'avdelning', parent: 'kommunen', orgNumber: '212000-1234' },
  equipment: {
    id: 'dator',
    name: 'Dator',
    category: 'dator',
    description: 'En dator.',
    frameworkAgreement: { name: 'Ramavtal' },
    ordering: 'Beställ.',
    price: { amount: 100 },
  },
  guideline: { title: 'Riktlinjer', adoptedBy: 'KS', adopted: '2019-05-14', reference: 'KS 2019/1' },
};

type Change = [kind: keyof typeof VALID, description: string, change: (data: any) => void, rule: string, path: (string | number)[]];

const CHANGES: Change[] = [
  ['system', 'without name', (d) => delete d.name, 'missing-field', ['name']],
  ['system', 'without roles.manager', (d) => delete d.roles.manager, 'missing-field', ['roles', 'manager']],
  ['system', 'without roles.users', (d) => delete d.roles.users, 'missing-field', ['roles', 'users']],
  ['system', 'with a misspelt key', (d) => (d.descripton = 'x'), 'unknown-field', ['descripton']],
  ['system', 'with an unknown status', (d) => (d.status = 'aktiv'), 'not-allowed-value', ['status']],
  ['system', 'with an unknown hosting', (d) => (d.hosting = 'moln'), 'not-allowed-value', ['hosting']],
  ['system', 'with an id in capitals', (d) => (d.id = 'Lonesystem'), 'invalid-format', ['id']],
  ['system', 'with an owner that is a list', (d) => (d.roles.owner = ['anna']), 'wrong-type', ['roles', 'owner']],
  ['system', 'with no administrators', (d) => (d.roles.administrators = []), 'too-few', ['roles', 'administrators']],
  [
    'system',
    'with a user group without name',
    (d) => (d.roles.users[1] = { description: 'x' }),
    'missing-field',
    ['roles', 'users', 1, 'name'],
  ],
  ['system', 'with a user group with an unknown key', (d) => (d.roles.users[1].namn = 'x'), 'unknown-field', ['roles', 'users', 1, 'namn']],
  ['system', 'with 30 February', (d) => (d.reviewed = '2025-02-30'), 'invalid-format', ['reviewed']],
  ['system', 'with 29 February in a common year', (d) => (d.reviewed = '2025-02-29'), 'invalid-format', ['reviewed']],
  ['system', 'with a KLASSA level of 5', (d) => (d.classification.integrity = 5), 'out-of-range', ['classification', 'integrity']],
  ['system', 'with a fractional KLASSA level', (d) => (d.classification.integrity = 1.5), 'wrong-type', ['classification', 'integrity']],
  [
    'system',
    'with an org number without hyphen',
    (d) => (d.supplier = { name: 'AB', orgNumber: '5561234567' }),
    'invalid-format',
    ['supplier', 'orgNumber'],
  ],
  ['system', 'with a link that is not a web address', (d) => (d.links = { login: 'intranätet' }), 'invalid-format', ['links', 'login']],
  ['system', 'with an empty description', (d) => (d.description = '   '), 'empty-value', ['description']],
  ['system', 'with an empty owner', (d) => (d.roles.owner = null), 'empty-value', ['roles', 'owner']],
  ['person', 'without email', (d) => delete d.email, 'missing-field', ['email']],
  ['person', 'with a bad email', (d) => (d.email = 'anna.kommun.se'), 'invalid-format', ['email']],
  ['person', 'with a phone number as a number', (d) => (d.phone = 101234567), 'wrong-type', ['phone']],
  ['person', 'with active as text', (d) => (d.active = 'ja'), 'wrong-type', ['active']],
  ['person', 'with a handle starting with @', (d) => (d.gitHandle = '@anna'), 'invalid-format', ['gitHandle']],
  ['unit', 'with an unknown type', (d) => (d.type = 'sektion'), 'not-allowed-value', ['type']],
  ['unit', 'without name', (d) => delete d.name, 'missing-field', ['name']],
  ['equipment', 'with an unknown category', (d) => (d.category = 'datorer'), 'not-allowed-value', ['category']],
  ['equipment', 'without framework agreement', (d) => delete d.frameworkAgreement, 'missing-field', ['frameworkAgreement']],
  ['equipment', 'with a negative price', (d) => (d.price.amount = -1), 'out-of-range', ['price', 'amount']],
  ['guideline', 'without reference and version', (d) => delete d.reference, 'missing-field', []],
  ['guideline', 'with an adoption date that does not exist', (d) => (d.adopted = '2019-13-01'), 'invalid-format', ['adopted']],
];

describe('change one field', () => {
  it.each(Object.keys(VALID) as (keyof typeof VALID)[])('the valid %s passes its schema', (kind) => {
    expect(checkAgainstSchema(kind, 'fil.yaml', VALID[kind])).toEqual([]);
  });

  it.each(CHANGES)('%s %s: %s at the changed field', (kind, _description, change, rule, path) => {
    const data = structuredClone(VALID[kind]);
    change(data);
    const issues = checkAgainstSchema(kind, 'fil.yaml', data);
    expect(issues.map((issue) => ({ rule: issue.rule, path: issue.path, severity: issue.severity }))).toEqual([
      { rule, path, severity: 'error' },
    ]);
    expect(issues[0]?.message).toMatch(/[åäöÅÄÖ]|ska|saknas|får|Okänt/);
  });
});
