// Documentation generated from code stays in step with it, and every rule
// the validator knows is exercised somewhere in the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOGUE } from '../../src/core/findings/rule-catalogue.ts';
import { withSection } from '../../src/core/findings/rule-docs.ts';
import { GENERATED_FILES, GENERATED_SECTIONS } from '../../scripts/docs.ts';
import { REPO } from '../helpers/run.ts';

describe('generated documentation', () => {
  it.each(GENERATED_SECTIONS.map((section) => [section.file, section.marker, section] as const))(
    '%s (%s) is what npm run docs writes',
    (file, marker, section) => {
      const text = readFileSync(join(REPO, file), 'utf8');
      expect(withSection(text, marker, section.content()), `kör npm run docs`).toBe(text);
    },
  );

  it.each(GENERATED_FILES.map((template) => [template.file, template] as const))('%s is what npm run docs writes', (file, template) => {
    expect(readFileSync(join(REPO, file), 'utf8'), 'kör npm run docs').toBe(template.content());
  });

  it('lists every rule of the catalogue in the data model guide', () => {
    const readme = readFileSync(join(REPO, 'docs', 'datamodell.md'), 'utf8');
    for (const rule of Object.keys(RULE_CATALOGUE)) expect(readme).toContain(`| \`${rule}\` |`);
  });
});

describe('the rule catalogue', () => {
  const tests = join(REPO, 'tests');
  const corpus = readdirSync(tests, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|json)$/.test(file) && !file.endsWith('docs.test.ts'))
    .map((file) => readFileSync(join(tests, file), 'utf8'))
    .join('\n');

  it.each(Object.keys(RULE_CATALOGUE))('%s is exercised by a fixture or a test', (rule) => {
    expect(corpus).toMatch(new RegExp(`["'\`(]${rule}["'\`)]`));
  });
});
