// npm run generate -- --systems 5000 --out <mapp> [--seed 1] [--errors unknown-person=3,yaml-syntax=2]
// Writes a synthetic register for benchmarks and scale tests.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCommandArgs, runCommand, UsageError } from '../../src/cli/args.ts';
import { ERROR_KINDS, generateRegister, type ErrorKind } from './synthetic-register.ts';

const USAGE = `Användning: npm run generate -- --systems <antal> --out <mapp> [--seed <tal>] [--errors typ=antal,…]
  Feltyper: ${ERROR_KINDS.join(', ')}`;

export function writeRegister(files: Map<string, string>, out: string): void {
  rmSync(out, { recursive: true, force: true });
  for (const [path, text] of files) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

if (import.meta.main) {
  runCommand(() => {
    const { values } = parseCommandArgs(
      process.argv.slice(2),
      {
        systems: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        errors: { type: 'string', default: '' },
      },
      USAGE,
    );
    const systems = Number(values.systems);
    if (!Number.isInteger(systems) || systems < 1 || !values.out) throw new UsageError(USAGE);
    const errors: Partial<Record<ErrorKind, number>> = {};
    for (const pair of (values.errors as string).split(',').filter(Boolean)) {
      const [kind, count] = pair.split('=');
      if (!ERROR_KINDS.includes(kind as ErrorKind) || !Number.isInteger(Number(count)))
        throw new UsageError(`okänt fel "${pair}".\n${USAGE}`);
      errors[kind as ErrorKind] = Number(count);
    }
    const register = generateRegister({ systems, seed: Number(values.seed), errors });
    writeRegister(register.files, values.out as string);
    console.log(
      `Skrev ${register.files.size} filer till ${values.out}: ${JSON.stringify(register.counts)}${Object.keys(register.sprinkled).length ? `, fel: ${JSON.stringify(register.sprinkled)}` : ''}`,
    );
    return 0;
  });
}
