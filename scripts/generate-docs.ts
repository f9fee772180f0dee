// npm run docs: writes the generated sections of README.md and CONTRIBUTING.md
// (the rule tables), the architecture page's picture and table, and the
// change-report templates for GitHub and GitLab from the code. Run after
// changing the rule catalogue, the layers or the report form.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineCommand, EXIT_OK, runMain } from '../src/cli/command.ts';
import { UserError } from '../src/core/errors.ts';
import { withSection } from '../src/core/findings/rule-docs.ts';
import { GENERATED_FILES, GENERATED_SECTIONS } from './docs.ts';

const ROOT = join(import.meta.dirname, '..');

export const main = defineCommand({
  name: 'docs',
  description:
    'Skriver regeltabellerna i docs/datamodell.md och CONTRIBUTING.md ur regelkatalogen, bilden och tabellen i docs/arkitektur.md ur lagren i architecture.ts, tabellerna i docs/synlighet.md ur schemats synlighet, och mallarna för ändringsrapporter på GitHub och GitLab.',
  options: {},
  run({ print }) {
    for (const { file, marker, content } of GENERATED_SECTIONS) {
      const path = join(ROOT, file);
      const updated = withSection(readFileSync(path, 'utf8'), marker, content());
      if (updated === undefined) throw new UserError(`${file} saknar markeringarna för ${marker}.`);
      writeFileSync(path, updated);
      print(`Skrev ${file} (${marker}).`);
    }
    for (const { file, content } of GENERATED_FILES) {
      mkdirSync(dirname(join(ROOT, file)), { recursive: true });
      writeFileSync(join(ROOT, file), content());
      print(`Skrev ${file}.`);
    }
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
