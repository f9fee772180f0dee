// npm run docs: writes the generated sections of README.md and CONTRIBUTING.md
// (the rule tables) from the code. Run after changing the rule catalogue.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand, EXIT_OK, runMain } from '../src/cli/command.ts';
import { UserError } from '../src/core/errors.ts';
import { GENERATED_SECTIONS, withSection } from '../src/core/checking/rule-docs.ts';

const ROOT = join(import.meta.dirname, '..');

export const main = defineCommand({
  name: 'docs',
  description: 'Skriver regeltabellerna i README.md och CONTRIBUTING.md ur regelkatalogen.',
  options: {},
  run({ print }) {
    for (const { file, marker, content } of GENERATED_SECTIONS) {
      const path = join(ROOT, file);
      const updated = withSection(readFileSync(path, 'utf8'), marker, content());
      if (updated === undefined) throw new UserError(`${file} saknar markeringarna för ${marker}.`);
      writeFileSync(path, updated);
      print(`Skrev ${file} (${marker}).`);
    }
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
