// What every command shares: Swedish usage and help from one description of
// its options, --registry, --format and --today checked the same way, exit
// codes 0/1/2, and Swedish errors without a stack trace. A command is a
// function main(argv, io) that never throws and never touches process.* except
// through io, so tests call it in-process; the file runs it only when executed
// directly (import.meta.main).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../core/errors.ts';
import { protectedRegistryFolder } from '../core/model/open-register.ts';
import { displayPathOf } from '../core/reading/load.ts';
import { isCalendarDate, todayIso } from '../core/text/dates.ts';
import { printableLines } from '../core/text/output.ts';
import { finishInterruptedWrite } from '../core/writing/write-files.ts';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
const EXIT_CANNOT_RUN = 2;

export class UsageError extends UserError {}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Is standard output a terminal (for progress lines)? */
  isTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The current time; tests fix it. */
  now: () => Date;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
  };
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Swedish help text for --help. */
  help: string;
  /** How the value is shown in the usage line: "<mapp>". */
  value?: string;
  default?: string | boolean;
  multiple?: boolean;
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean' ? boolean : O[K]['multiple'] extends true ? string[] : string | undefined;
};

export interface CommandContext<O extends Record<string, OptionSpec>> {
  values: Values<O>;
  positionals: string[];
  io: Io;
  /** --registry resolved against the working directory (when the command takes one). */
  registry: string;
  /** The register folder as shown in messages: "registry". */
  registryShown: string;
  /** --today, or today's date. */
  today: string;
  /** --format, checked against the command's formats. */
  format: string;
  /** Prints a line to standard output. */
  print: (line?: string) => void;
  /** Prints a line to standard error. */
  warn: (line: string) => void;
  /** A path relative to the working directory, as shown to people. */
  shown: (path: string) => string;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** As typed after npm run: "validate". */
  name: string;
  /** The arguments before the options, for the usage line: "<fil.csv|fil.xlsx>". */
  args?: string;
  positionals?: { min: number; max: number; missing: string };
  /** Lines after the usage line in --help. */
  description?: string;
  options: O;
  /** Adds --registry <mapp>. */
  registry?: boolean;
  /** Adds --today ÅÅÅÅ-MM-DD. */
  today?: boolean;
  /** Adds --format; the first is the default. */
  formats?: readonly string[];
  /**
   * The command writes into the register: before it reads anything, a write
   * that an earlier run left half done is finished (writing/write-files.ts).
   */
  writes?: boolean;
  run: (context: CommandContext<O>) => Promise<number> | number;
}

const COMMON: Record<'registry' | 'today' | 'format', OptionSpec> = {
  registry: { type: 'string', value: '<mapp>', default: 'registry', help: 'registrets mapp (standard: registry)' },
  today: { type: 'string', value: 'ÅÅÅÅ-MM-DD', help: 'datum som granskning och avtal räknas från (standard: dagens datum)' },
  format: { type: 'string', help: 'utdataformat' },
};

export type Main = (argv: string[], io?: Io) => Promise<number>;

export function defineCommand<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): Main {
  const options: Record<string, OptionSpec> = { ...spec.options };
  if (spec.registry) options.registry = COMMON.registry;
  if (spec.formats) {
    options.format = {
      ...COMMON.format,
      value: spec.formats.join('|'),
      default: spec.formats[0],
      help: `${spec.formats[0]} (standard)${spec.formats.length > 1 ? ` eller ${spec.formats.slice(1).join(', ')}` : ''}`,
    };
  }
  if (spec.today) options.today = COMMON.today;
  const usage = usageText(spec, options);

  return async (argv, io = processIo()) => {
    const print = (line = '') => io.stdout(`${printableLines(line)}\n`);
    const warn = (line: string) => io.stderr(`${printableLines(line)}\n`);
    try {
      const { values, positionals } = parse(argv, options, usage);
      if (values.help) {
        print(usage);
        return EXIT_OK;
      }
      if (spec.positionals) {
        const { min, max, missing } = spec.positionals;
        if (positionals.length < min) throw new UsageError(`${missing}.\n${usage}`);
        if (positionals.length > max) throw new UsageError(`oväntat argument "${positionals[max]}".\n${usage}`);
      }
      const format = String(values.format ?? '');
      if (spec.formats && !spec.formats.includes(format)) {
        throw new UsageError(`okänt format "${format}". Välj ${spec.formats.join(', ').replace(/, ([^,]*)$/, ' eller $1')}.\n${usage}`);
      }
      const today = typeof values.today === 'string' ? values.today : todayIso(io.now());
      if (!isCalendarDate(today)) throw new UsageError(`--today ska vara ett datum ÅÅÅÅ-MM-DD, inte "${today}".`);
      const registry = resolve(io.cwd, String(values.registry ?? 'registry'));
      const shown = (path: string) => displayPathOf(path, io.cwd);
      if (spec.writes) {
        const protectedRegistry = protectedRegistryFolder(registry, io.cwd);
        for (const folder of [...(protectedRegistry && existsSync(protectedRegistry) ? [protectedRegistry] : []), registry]) {
          const finished = finishInterruptedWrite(folder, { cwd: io.cwd });
          if (finished !== undefined)
            print(`Ett tidigare kommando avbröts medan det skrev i ${shown(folder)}; skrivningen är nu slutförd (${finished} ${finished === 1 ? 'fil' : 'filer'}).`);
        }
      }
      return await spec.run({
        values: values as Values<O>,
        positionals,
        io,
        registry,
        registryShown: shown(registry),
        today,
        format,
        print,
        warn,
        shown,
      });
    } catch (error) {
      if (error instanceof UserError) warn(`Fel: ${error.message}`);
      else {
        warn(
          `Oväntat fel: ${error instanceof Error ? error.message : String(error)}\nDetta är troligen ett programfel. Rapportera det till IT-avdelningen tillsammans med kommandot du körde.`,
        );
        if (io.env.DEBUG && error instanceof Error) warn(error.stack ?? '');
      }
      return EXIT_CANNOT_RUN;
    }
  };
}

/** Runs a command as the process: its exit code becomes the process's. */
export async function runMain(main: Main): Promise<void> {
  // `npm run validate | head` closes the pipe early: the command still
  // finishes its work (a sync still writes its files), it just stops printing.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    });
  }
  process.exitCode = await main(process.argv.slice(2));
}

function usageText(spec: Pick<CommandSpec<Record<string, OptionSpec>>, 'name' | 'args' | 'description'>, options: Record<string, OptionSpec>): string {
  const flag = (name: string, option: OptionSpec) => `--${name}${option.type === 'string' ? ` ${option.value ?? '<värde>'}` : ''}`;
  const line = [`Användning: npm run ${spec.name} --`, spec.args, ...Object.entries(options).map(([name, option]) => `[${flag(name, option)}]`)]
    .filter(Boolean)
    .join(' ');
  const width = Math.max(0, ...Object.entries(options).map(([name, option]) => flag(name, option).length));
  const help = Object.entries(options).map(([name, option]) => `  ${flag(name, option).padEnd(width)}  ${option.help}`);
  return [line, ...(spec.description ? [spec.description] : []), ...help].join('\n');
}

function parse(argv: string[], options: Record<string, OptionSpec>, usage: string) {
  const config = Object.fromEntries(
    Object.entries(options).map(([name, option]) => [
      name,
      { type: option.type, ...(option.default === undefined ? {} : { default: option.default }), ...(option.multiple ? { multiple: true } : {}) },
    ]),
  );
  try {
    return parseArgs({ args: argv, options: { ...config, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true }) as {
      values: Record<string, unknown>;
      positionals: string[];
    };
  } catch (error) {
    throw new UsageError(`${swedishParseError(error instanceof Error ? error.message : String(error))}.\n${usage}`);
  }
}

/** node:util's parseArgs errors, said in Swedish. */
function swedishParseError(message: string): string {
  const ambiguous = /Option '([^']+?)(?: <value>)?' argument is ambiguous/.exec(message)?.[1];
  if (ambiguous) return `värdet till ${ambiguous} börjar med ett bindestreck. Skriv det med likhetstecken, till exempel ${ambiguous}="- värde"`;
  const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
  if (unknown) return `okänt val ${unknown}`;
  const missingValue = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message)?.[1];
  if (missingValue) return `${missingValue} behöver ett värde`;
  const notBoolean = /Option '([^']+)' does not take an argument/.exec(message)?.[1];
  if (notBoolean) return `${notBoolean} tar inget värde`;
  return message;
}
