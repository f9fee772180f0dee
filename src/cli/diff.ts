// npm run diff -- <bas> [--head <ref>] [--registry <mapp>] [--format text|markdown]
// Describes in Swedish what a change does to the register, comparing the
// register at <bas> (a branch or commit) with the working tree or --head.
import { changesBetween } from '../core/git/compare.ts';
import { existsRef, sameCommit } from '../core/git/repository.ts';
import { formatChanges } from '../core/views/changes.ts';
import { defineCommand, EXIT_OK, runMain } from './command.ts';

export const main = defineCommand({
  name: 'diff',
  args: '<bas>',
  positionals: { min: 1, max: 1, missing: 'ange en bas att jämföra med, till exempel origin/main' },
  description: '  <bas>  grenen eller commiten att jämföra med, till exempel origin/main',
  options: {
    head: { type: 'string', value: '<ref>', help: 'jämför med en annan ref i stället för filerna som de ligger nu' },
  },
  registry: true,
  formats: ['text', 'markdown'],
  run({ positionals, values, registry, format, io, print }) {
    const base = positionals[0] as string;
    const head = values.head;
    const { sentences, defaultBranch } = changesBetween(registry, base, head, io.cwd);
    io.stdout(formatChanges(sentences, format as 'text' | 'markdown'));
    if (sentences.length === 0 && !head && sameCommit(registry, base, 'HEAD')) {
      // The usual slip: the change is already committed on a branch, so HEAD has it too.
      const mainRef = [`origin/${defaultBranch}`, defaultBranch].find((ref) => existsRef(registry, ref));
      if (mainRef && !sameCommit(registry, mainRef, 'HEAD')) {
        print(
          `\n${base} är samma version som du står på, så bara ändringar som inte är incheckade syns. Jämför med huvudgrenen för att se hela ändringen: npm run diff -- ${mainRef}`,
        );
      }
    }
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
