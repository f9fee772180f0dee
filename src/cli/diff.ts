// npm run diff -- <bas> [--head <ref>] [--registry <mapp>] [--format text|markdown]
// Describes in Swedish what a change does to the register, comparing the
// register at <bas> (a branch or commit) with the working tree or --head.
import { readRegisterSourcesAtRef } from '../core/git/register-at-ref.ts';
import { readRegisterSources } from '../core/reading/load.ts';
import { parseRegister } from '../core/reading/parse.ts';
import { sameCommit, existsRef } from '../core/git/repository.ts';
import type { Entry } from '../core/reading/parse.ts';
import { describeChanges, formatChanges, unreadableFiles } from '../core/views/changes.ts';
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
    const before = parseRegister(readRegisterSourcesAtRef(registry, base, io.cwd)).entries;
    const head = values.head;
    const after = parseRegister(head ? readRegisterSourcesAtRef(registry, head, io.cwd) : readRegisterSources(registry, io.cwd));
    const sentences = describeChanges(before, after.entries, unreadableFiles(after));
    io.stdout(formatChanges(sentences, format as 'text' | 'markdown'));
    if (sentences.length === 0 && !head && sameCommit(registry, base, 'HEAD')) {
      // The usual slip: the change is already committed on a branch, so HEAD has it too.
      const branch = defaultBranchOf(after.entries);
      const mainRef = [`origin/${branch}`, branch].find((ref) => existsRef(registry, ref));
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

function defaultBranchOf(entries: readonly Entry[]): string {
  const branch = entries.find((entry) => entry.kind === 'settings')?.data.defaultBranch;
  return typeof branch === 'string' && /^[\w./-]+$/.test(branch) ? branch : 'main';
}
