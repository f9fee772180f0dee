// npm run new -- <system|person|unit|equipment> [--name …] [--registry <mapp>]
// Writes a new, valid register file with a Swedish comment above each field.
// Asks in Swedish for what is missing when run in a terminal; with input from
// a pipe or a script it never asks, and says which flags are missing.
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { formatText } from '../core/findings/findings.ts';
import { UserError } from '../core/errors.ts';
import { KINDS } from '../core/kinds.ts';
import { openRegister } from '../core/model/open-register.ts';
import { applyWrites, planWrites } from '../core/writing/write-files.ts';
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
import { defineCommand, EXIT_OK, runMain, UsageError, type Io, type OptionSpec } from './command.ts';

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

export const main = defineCommand({
  name: 'new',
  args: `<${SCAFFOLD_KINDS.join('|')}>`,
  description: 'Skapar en ny fil i registret. Frågar på svenska i en terminal; i ett skript anges fälten som flaggor (npm run new -- system --help).',
  options: Object.fromEntries(
    ALL_FLAGS.map((flag) => [flag, { type: 'string' as const, value: '<värde>', help: flagHelp(flag) }]),
  ) as Record<string, OptionSpec>,
  registry: true,
  writes: true,
  async run({ values, positionals, registry, today, io, print, shown }) {
    const kind = KIND_WORDS[positionals[0] ?? ''];
    if (!kind || positionals.length > 1) throw new UsageError(`ange vad som ska skapas: ${SCAFFOLD_KINDS.join(', ')}.\n${usage()}`);
    const fields = SCAFFOLD_FIELDS[kind];
    const allowed = new Set(fields.map((field) => field.flag));
    const given = values as Record<string, unknown>;
    const stray = ALL_FLAGS.filter((flag) => given[flag] !== undefined && !allowed.has(flag));
    if (stray.length > 0) throw new UsageError(`${stray.map((flag) => `--${flag}`).join(', ')} finns inte för ${kind}.\n${usage(kind)}`);

    const { model } = openRegister(registry, { today, cwd: io.cwd });
    const itDepartment = model.settings.itDepartment;
    const context: ScaffoldContext = {
      ids: model.claimedIds,
      itDepartment: model.unitById.has(itDepartment) ? itDepartment : undefined,
      today,
    };

    const answers: Answers = {};
    for (const field of fields) {
      const value = given[field.flag];
      if (typeof value === 'string') answers[field.flag] = value;
    }
    if (io.stdin.isTTY) await ask(kind, answers, context, io);
    else fillSuggestions(kind, answers, context);

    const problems = fields.flatMap((field) => {
      const value = answers[field.flag];
      if (value === undefined || value.trim() === '') return field.required ? [`--${field.flag} saknas (${field.question})`] : [];
      const problem = checkAnswer(field, value, context, kind);
      return problem ? [`--${field.flag}: ${problem}`] : [];
    });
    if (problems.length > 0) throw new UsageError(`filen skrevs inte.\n${problems.map((problem) => `  ${problem}`).join('\n')}`);

    const relPath = `${KINDS[kind].dir}/${answers.id as string}.yaml`;
    const path = join(registry, relPath);
    const plan = planWrites(registry, [{ relPath, text: entryYaml(kind, entryData(kind, answers, context)) }], { overwrite: false, cwd: io.cwd });
    if (plan.keep.length > 0) throw new UserError(`${shown(path)} finns redan och skrivs inte över. Välj ett annat id med --id.`);
    applyWrites(plan);
    print(`Skrev ${shown(path)}.`);
    const after = openRegister(registry, { today, cwd: io.cwd });
    for (const finding of after.findings.filter((finding) => finding.file === shown(path))) print(formatText(finding));
    print(
      'Nästa steg: granska filen och fyll gärna i fler uppgifter (håll muspekaren över ett fält i editorn för hjälp), kör npm run validate och skapa ett ändringsförslag (pull request).',
    );
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);

/** The question a flag answers, for --help: the first kind's wording. */
function flagHelp(flag: string): string {
  const field = Object.values(SCAFFOLD_FIELDS)
    .flat()
    .find((candidate) => candidate.flag === flag);
  return field?.question ?? flag;
}

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
function lineReader(io: Io) {
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      io.stdout(chunk.toString('utf8'));
      done();
    },
  });
  const readline = createInterface({ input: io.stdin, output, terminal: true });
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
      io.stdout(prompt);
      const line =
        lines.length > 0 ? lines.shift() : closed ? undefined : await new Promise<string | undefined>((resolve) => waiting.push(resolve));
      if (line === undefined) throw new UserError('Avbrutet. Ingen fil skrevs.');
      return line;
    },
    close: () => readline.close(),
  };
}

async function ask(kind: ScaffoldKind, answers: Answers, context: ScaffoldContext, io: Io): Promise<void> {
  const readline = lineReader(io);
  io.stdout(`Ny ${KINDS[kind].singular}. Tryck Enter för förslaget inom [ ]; lämna frivilliga fält tomma.\n`);
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
        io.stdout(`  ${problem}\n`);
      }
    }
  } finally {
    readline.close();
  }
}
