// Argument parsing shared by the commands: Swedish errors, exit code 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../core/errors.ts';

export { isCalendarDate as isDateArg } from '../core/text/dates.ts';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_CANNOT_RUN = 2;

export class UsageError extends UserError {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<T extends Options>(argv: string[], options: T, usage: string, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    const missingValue = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message)?.[1];
    const unexpected = /Unexpected argument '([^']+)'/.exec(message)?.[1];
    const ambiguous = /Option '([^']+?)(?: <value>)?' argument is ambiguous/.exec(message)?.[1];
    const reason = ambiguous
      ? `värdet till ${ambiguous} börjar med ett bindestreck. Skriv det med likhetstecken, till exempel ${ambiguous}="- värde"`
      : unknown
        ? `okänt val ${unknown}`
        : missingValue
          ? `${missingValue} behöver ett värde`
          : unexpected
            ? `oväntat argument "${unexpected}"`
            : message;
    throw new UsageError(`${reason}.\n${usage}`);
  }
}

/** Runs a command, turning expected failures into a Swedish line and exit code 2, never a stack trace. */
export async function runCommand(main: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`Fel: ${(error as Error).message}\n`);
    } else {
      process.stderr.write(
        `Oväntat fel: ${(error as Error)?.message ?? String(error)}\nDetta är troligen ett programfel. Rapportera det till IT-avdelningen tillsammans med kommandot du körde.\n`,
      );
      if (process.env.DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    }
    process.exitCode = EXIT_CANNOT_RUN;
  }
}
