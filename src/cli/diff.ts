// npm run diff -- <bas> [--head <ref>] [--registry <mapp>] [--format text|markdown]
// Describes in Swedish what a change does to the register, comparing the
// register at <bas> (a branch or commit) with the working tree or --head.
import { resolve } from 'node:path';
import { readRegisterSourcesAtRef } from '../core/git/register-at-ref.ts';
import { readRegisterSources } from '../core/reading/load.ts';
import { parseRegister } from '../core/reading/parse.ts';
import { describeChanges, formatChanges } from '../core/views/changes.ts';
import { EXIT_OK, parseCommandArgs, runCommand, UsageError } from './args.ts';

const USAGE = `Användning: npm run diff -- <bas> [--head <ref>] [--registry <mapp>] [--format text|markdown]
  <bas>     grenen eller commiten att jämföra med, till exempel origin/main
  --head    jämför med en annan ref i stället för filerna som de ligger nu`;

runCommand(() => {
  const { values, positionals } = parseCommandArgs(
    process.argv.slice(2),
    { head: { type: 'string' }, registry: { type: 'string', default: 'registry' }, format: { type: 'string', default: 'text' } },
    USAGE,
    true,
  );
  if (values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const [base, ...rest] = positionals;
  if (!base || rest.length > 0) throw new UsageError(`ange en bas att jämföra med.\n${USAGE}`);
  const format = values.format as string;
  if (format !== 'text' && format !== 'markdown') throw new UsageError(`okänt format "${format}". Välj text eller markdown.`);
  const registry = resolve(values.registry as string);
  const before = parseRegister(readRegisterSourcesAtRef(registry, base)).entries;
  const after = parseRegister(
    values.head ? readRegisterSourcesAtRef(registry, values.head as string) : readRegisterSources(registry),
  ).entries;
  process.stdout.write(formatChanges(describeChanges(before, after), format));
  return EXIT_OK;
});
