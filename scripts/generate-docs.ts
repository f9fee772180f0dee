// npm run docs: writes the generated sections of README.md and CONTRIBUTING.md
// (the rule tables) and the change-report templates for GitHub and GitLab
// from the code. Run after changing the rule catalogue or the report form.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineCommand, EXIT_OK, runMain } from '../src/cli/command.ts';
import { UserError } from '../src/core/errors.ts';
import { GENERATED_SECTIONS, withSection } from '../src/core/findings/rule-docs.ts';
import { REPORT_TEMPLATES } from '../src/core/forge/change-report.ts';

const ROOT = join(import.meta.dirname, '..');

export const main = defineCommand({
  name: 'docs',
  description: 'Skriver regeltabellerna i README.md och CONTRIBUTING.md ur regelkatalogen, och mallarna för ändringsrapporter på GitHub och GitLab.',
  options: {},
  run({ print }) {
    for (const { file, marker, content } of GENERATED_SECTIONS) {
      const path = join(ROOT, file);
      const updated = withSection(readFileSync(path, 'utf8'), marker, content());
      if (updated === undefined) throw new UserError(`${file} saknar markeringarna för ${marker}.`);
      writeFileSync(path, updated);
      print(`Skrev ${file} (${marker}).`);
    }
    for (const { file, content } of REPORT_TEMPLATES) {
      mkdirSync(dirname(join(ROOT, file)), { recursive: true });
      writeFileSync(join(ROOT, file), content());
      print(`Skrev ${file}.`);
    }
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
