// npm run diff -- <bas> [--head <ref>] [--registry <mapp>] [--format text|markdown]
// Describes in Swedish what a change does to the register, comparing the
// register at <bas> (a branch or commit) with the working tree or --head.
import { readRegisterSourcesAtRef } from '../core/git/register-at-ref.ts';
import { readRegisterSources } from '../core/reading/load.ts';
import { parseRegister } from '../core/reading/parse.ts';
import { describeChanges, formatChanges } from '../core/views/changes.ts';
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
  run({ positionals, values, registry, format, io }) {
    const before = parseRegister(readRegisterSourcesAtRef(registry, positionals[0] as string, io.cwd)).entries;
    const head = values.head;
    const after = parseRegister(head ? readRegisterSourcesAtRef(registry, head, io.cwd) : readRegisterSources(registry, io.cwd)).entries;
    io.stdout(formatChanges(describeChanges(before, after), format as 'text' | 'markdown'));
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
