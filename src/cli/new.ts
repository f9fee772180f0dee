// npm run new -- <system|person|unit|equipment> [--name …] [--registry <mapp>]
// Writes a new, valid register file with a Swedish comment above each field.
// Asks in Swedish for what is missing when run in a terminal; with input from
// a pipe or a script it never asks, and says which flags are missing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { todayIso } from '../core/text/dates.ts';
import { UserError } from '../core/errors.ts';
import { formatText } from '../core/checking/findings.ts';
import { KINDS } from '../core/kinds.ts';
import { displayPathOf, readRegisterSources } from '../core/reading/load.ts';
import { parseRegister } from '../core/reading/parse.ts';
import {
  checkAnswer,
  entryData,
  entryYaml,
  SCAFFOLD_FIELDS,
  SCAFFOLD_KINDS,
  type Answers,
  type ScaffoldContext,
  type ScaffoldKind,
} from '../core/scaffold/scaffold.ts';
import { validateSources } from '../core/checking/validate.ts';
import { EXIT_OK, parseCommandArgs, runCommand, UsageError } from './args.ts';

const ALL_FLAGS = [...new Set(Object.values(SCAFFOLD_FIELDS).flatMap((fields) => fields.map((field) => field.flag)))];
const KIND_WORDS: Record<string, ScaffoldKind> = {
  system: 'system',
  person: 'person',
  unit: 'unit',
  enhet: 'unit',
  equipment: 'equipment',
  utrustning: 'equipment',
};

function usage(kind?: ScaffoldKind): string {
  const kinds = `Användning: npm run new -- <${SCAFFOLD_KINDS.join('|')}> [--registry <mapp>] [fält …]`;
  if (!kind) return `${kinds}\nKör till exempel npm run new -- system --help för fälten.`;
  const fields = SCAFFOLD_FIELDS[kind].map(
    (field) => `  --${field.flag.padEnd(20)} ${field.question}${field.required ? '' : ' (frivilligt)'}`,
  );
  return `${kinds}\nFält för ${kind}:\n${fields.join('\n')}`;
}

runCommand(async () => {
  const options = Object.fromEntries(ALL_FLAGS.map((flag) => [flag, { type: 'string' as const }]));
  const { values, positionals } = parseCommandArgs(
    process.argv.slice(2),
    { ...options, registry: { type: 'string', default: 'registry' } },
    usage(),
    true,
  );
  const kind = KIND_WORDS[positionals[0] ?? ''];
  if (values.help) {
    console.log(usage(kind));
    return EXIT_OK;
  }
  if (!kind || positionals.length > 1) throw new UsageError(`ange vad som ska skapas: ${SCAFFOLD_KINDS.join(', ')}.\n${usage()}`);
  const fields = SCAFFOLD_FIELDS[kind];
  const allowed = new Set(fields.map((field) => field.flag));
  const stray = Object.keys(values).filter((key) => key !== 'registry' && key !== 'help' && !allowed.has(key));
  if (stray.length > 0) throw new UsageError(`${stray.map((flag) => `--${flag}`).join(', ')} finns inte för ${kind}.\n${usage(kind)}`);

  const registry = values.registry as string;
  const sources = readRegisterSources(registry);
  const parsed = parseRegister(sources);
  const settings = parsed.entries.find((entry) => entry.kind === 'settings')?.data;
  const context: ScaffoldContext = {
    ids: parsed.fileIds as ReadonlyMap<string, ReadonlySet<string>>,
    itDepartment: typeof settings?.itDepartment === 'string' ? settings.itDepartment : undefined,
    today: todayIso(),
  };

  const answers: Answers = {};
  for (const field of fields) {
    const given = (values as Record<string, unknown>)[field.flag];
    if (typeof given === 'string') answers[field.flag] = given;
  }
  const interactive = Boolean(process.stdin.isTTY);
  if (interactive) await ask(kind, answers, context);
  else fillSuggestions(kind, answers, context);

  const problems = fields.flatMap((field) => {
    const value = answers[field.flag];
    if (value === undefined || value.trim() === '') return field.required ? [`--${field.flag} saknas (${field.question})`] : [];
    const problem = checkAnswer(field, value, context, kind);
    return problem ? [`--${field.flag}: ${problem}`] : [];
  });
  if (problems.length > 0) throw new UsageError(`filen skrevs inte.\n${problems.map((problem) => `  ${problem}`).join('\n')}`);

  const id = answers.id as string;
  const relPath = `${KINDS[kind].dir}/${id}.yaml`;
  const path = join(registry, relPath);
  const text = entryYaml(kind, entryData(kind, answers, context));
  try {
    // 'wx' fails if the file exists: an existing file is never overwritten.
    writeFileSync(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UserError(`${displayPathOf(path)} finns redan och skrivs inte över. Välj ett annat id med --id.`);
    throw error;
  }
  console.log(`Skrev ${displayPathOf(path)}.`);
  const after = validateSources(readRegisterSources(registry), { today: context.today, root: displayPathOf(registry) });
  const own = after.findings.filter((finding) => finding.file === displayPathOf(path));
  for (const finding of own) console.log(formatText(finding));
  console.log(
    `Nästa steg: granska filen och fyll gärna i fler uppgifter (håll muspekaren över ett fält i editorn för hjälp), kör npm run validate och skapa ett ändringsförslag (pull request).`,
  );
  return EXIT_OK;
});

function fillSuggestions(kind: ScaffoldKind, answers: Answers, context: ScaffoldContext): void {
  for (const field of SCAFFOLD_FIELDS[kind]) {
    if (answers[field.flag] === undefined) {
      const suggestion = field.suggest?.(answers, context);
      if (suggestion !== undefined) answers[field.flag] = suggestion;
    }
  }
}

/**
 * Reads answers line by line from a queue, so that several lines pasted (or
 * typed ahead) at once are all used, each for the next question.
 */
function lineReader() {
  const readline = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let closed = false;
  readline.on('line', (line) => (waiting.length > 0 ? waiting.shift()?.(line) : lines.push(line)));
  readline.on('close', () => {
    closed = true;
    for (const resolve of waiting.splice(0)) resolve(undefined);
  });
  return {
    async question(prompt: string): Promise<string> {
      process.stdout.write(prompt);
      const line =
        lines.length > 0 ? lines.shift() : closed ? undefined : await new Promise<string | undefined>((resolve) => waiting.push(resolve));
      if (line === undefined) throw new UserError('Avbrutet. Ingen fil skrevs.');
      return line;
    },
    close: () => readline.close(),
  };
}

async function ask(kind: ScaffoldKind, answers: Answers, context: ScaffoldContext): Promise<void> {
  const readline = lineReader();
  console.log(`Ny ${KINDS[kind].singular}. Tryck Enter för förslaget inom [ ]; lämna frivilliga fält tomma.`);
  try {
    for (const field of SCAFFOLD_FIELDS[kind]) {
      if (answers[field.flag] !== undefined) continue;
      for (;;) {
        const suggestion = field.suggest?.(answers, context);
        const choices = field.fieldType.type === 'enum' ? ` (${field.fieldType.values.join(', ')})` : '';
        const optional = field.required ? '' : ' (frivilligt)';
        const reply = (await readline.question(`${field.question}${choices}${optional}${suggestion ? ` [${suggestion}]` : ''}: `)).trim();
        const value = reply || suggestion || '';
        if (!value && !field.required) break;
        const problem = value ? checkAnswer(field, value, context, kind) : 'Fältet måste fyllas i.';
        if (!problem) {
          answers[field.flag] = value;
          break;
        }
        console.log(`  ${problem}`);
      }
    }
  } finally {
    readline.close();
  }
}
