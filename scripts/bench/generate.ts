// npm run generate -- --systems 5000 --out <mapp> [--seed 1] [--errors unknown-person=3,yaml-syntax=2] [--without-facts]
// Writes a synthetic register for benchmarks and scale tests.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defineCommand, runMain, UsageError } from '../../src/cli/command.ts';
import { ERROR_KINDS, generateRegister, type ErrorKind } from './synthetic-register.ts';

export function writeRegister(files: Map<string, string>, out: string): void {
  rmSync(out, { recursive: true, force: true });
  for (const [path, text] of files) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

export const main = defineCommand({
  name: 'generate',
  description: `Skriver ett syntetiskt register för mätningar och prov. Feltyper: ${ERROR_KINDS.join(', ')}.`,
  options: {
    systems: { type: 'string', value: '<antal>', help: 'antal system' },
    out: { type: 'string', value: '<mapp>', help: 'mappen registret skrivs till (ersätts)' },
    seed: { type: 'string', value: '<tal>', default: '1', help: 'frö för slumpen, så att samma register kan skapas igen' },
    errors: { type: 'string', value: 'typ=antal,…', default: '', help: 'kända fel att strö ut' },
    'without-facts': {
      type: 'boolean',
      default: false,
      help: 'utan kontinuitets- och säkerhetsuppgifter (continuity, security, hostedAt, support), för jämförelser med kod från före dem',
    },
  },
  run({ values, io, print }) {
    const systems = Number(values.systems);
    if (!Number.isInteger(systems) || systems < 1 || !values.out) throw new UsageError('ange --systems <antal> och --out <mapp>.');
    const errors: Partial<Record<ErrorKind, number>> = {};
    for (const pair of (values.errors ?? '').split(',').filter(Boolean)) {
      const [kind, count] = pair.split('=');
      if (!ERROR_KINDS.includes(kind as ErrorKind) || !Number.isInteger(Number(count)))
        throw new UsageError(`okänt fel "${pair}". Feltyper: ${ERROR_KINDS.join(', ')}.`);
      errors[kind as ErrorKind] = Number(count);
    }
    const register = generateRegister({ systems, seed: Number(values.seed), errors, facts: !values['without-facts'] });
    writeRegister(register.files, resolve(io.cwd, values.out));
    print(
      `Skrev ${register.files.size} filer till ${values.out}: ${JSON.stringify(register.counts)}${Object.keys(register.sprinkled).length ? `, fel: ${JSON.stringify(register.sprinkled)}` : ''}`,
    );
    return 0;
  },
});

if (import.meta.main) await runMain(main);
