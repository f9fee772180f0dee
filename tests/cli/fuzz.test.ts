// Random damage to the example register, the way hurried edits and hostile
// pull requests damage files: every command still answers with exit 0, 1 or
// 2 and Swedish text, never an unexpected error or a stack trace. Seeded, so
// that a failure can be repeated.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as applyReport } from '../../src/cli/apply-report.ts';
import { main as codeowners } from '../../src/cli/codeowners.ts';
import { main as people } from '../../src/cli/people.ts';
import { main as diff } from '../../src/cli/diff.ts';
import { main as report } from '../../src/cli/report.ts';
import { main as validate } from '../../src/cli/validate.ts';
import { runMain } from '../helpers/command.ts';
import { git, repositoryWith } from '../helpers/git.ts';
import { EXAMPLE_REGISTER, FIXTURES, removeTemp, TODAY } from '../helpers/registers.ts';

const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 40);
let cwd: string;
let root: string;
let files: string[];
beforeAll(() => {
  ({ cwd, root } = repositoryWith(EXAMPLE_REGISTER));
  files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ya?ml|md)$/.test(file));
});
afterAll(() => removeTemp(cwd));

/** A small deterministic generator (mulberry32), so each round can be repeated. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = [
  '\t',
  ': ',
  '"',
  "'",
  '[',
  '{',
  '- ',
  '#',
  '&a ',
  '*a',
  '!!binary ',
  '---\n',
  '~',
  '.nan',
  '1e309',
  '"\\e[2J"',
  '"\\u202E"',
  '\u0000',
  '\uFEFF',
  '<script>',
  'javascript:alert(1)',
  '0x1F',
  '2026-02-30',
  '? [a, b]\n: c\n',
  'x'.repeat(300),
  // What a change report or a directory export can hold besides.
  '### Post i registret\n\nregistry/systems/lonesystem.yaml\n',
  '<details>\n\n',
  '<!--',
  '```',
  '> ',
  '## a' + ' '.repeat(5000) + 'b',
  ',',
  ';',
  '"",""',
  '\r',
];

/** A change report as GitHub's form writes it, and a directory export as Entra ID's download has it. */
const REPORTS = readdirSync(join(FIXTURES, 'reports')).map((file) => readFileSync(join(FIXTURES, 'reports', file), 'utf8'));
const EXPORT = [
  'userPrincipalName,displayName,mail,jobTitle,department,accountEnabled',
  'bo.berg@exempelkommun.se,Bo Berg,bo.berg@exempelkommun.se,IT-chef,IT-avdelningen,True',
  'camilla.ahlberg@exempelkommun.se,Camilla Åhlberg,camilla.ahlberg@exempelkommun.se,Systemförvaltare,HR-avdelningen,True',
  'daniel.engstrom@exempelkommun.se,Daniel Engström,daniel.engstrom@exempelkommun.se,Systemadministratör,IT-avdelningen,False',
].join('\r\n');

function mutate(text: string, next: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(next() * lines.length);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  switch (Math.floor(next() * 6)) {
    case 0:
      lines.splice(at, 1);
      break;
    case 1:
      lines.splice(at, 0, lines[at] ?? '');
      break;
    case 2: {
      const line = lines[at] ?? '';
      const column = Math.floor(next() * (line.length + 1));
      lines[at] = `${line.slice(0, column)}${pick(NASTY)}${line.slice(column)}`;
      break;
    }
    case 3:
      lines[at] = (lines[at] ?? '').replace(/^\s+/, pick(['', ' ', '      ', '\t']));
      break;
    case 4:
      lines[at] = (lines[at] ?? '').replace(/:\s.*$/, `: ${pick(NASTY)}`);
      break;
    default:
      return text.slice(0, Math.floor(next() * text.length));
  }
  return lines.join('\n');
}

describe('commands on a randomly damaged register', () => {
  it.each(Array.from({ length: ROUNDS }, (_, round) => round + 1))('round %i answers in Swedish with exit 0, 1 or 2', async (round) => {
    const next = random(round);
    const changed = new Set<string>();
    for (let edit = 0; edit < 3; edit++) {
      const file = files[Math.floor(next() * files.length)] as string;
      const path = join(root, file);
      writeFileSync(path, mutate(readFileSync(path, 'utf8'), next));
      changed.add(file);
    }
    try {
      for (const [main, args] of [
        [validate, ['--today', TODAY]],
        [validate, ['--format', 'github', '--today', TODAY]],
        [report, ['--today', TODAY]],
        [report, ['--format', 'markdown', '--today', TODAY]],
        [codeowners, ['--check']],
        [diff, ['HEAD', '--format', 'markdown']],
      ] as const) {
        const result = await runMain(main, [...args], { cwd });
        const where = `${args.join(' ')} efter ändringar i ${[...changed].join(', ')}`;
        expect([0, 1, 2], where).toContain(result.status);
        expect(result.stderr, where).not.toMatch(/Oväntat fel|\n\s+at |TypeError|RangeError/);
        expect(result.stdout, where).not.toMatch(/\u001b|\u202e/);
      }
      // A damaged change report and a damaged directory export, read against the damaged register.
      let changeReport = REPORTS[Math.floor(next() * REPORTS.length)] as string;
      let directory = EXPORT;
      for (let edit = 0; edit < 3; edit++) {
        changeReport = mutate(changeReport, next);
        directory = mutate(directory, next);
      }
      writeFileSync(join(cwd, 'anvandare.csv'), directory);
      for (const [command, args, input] of [
        [applyReport, ['-', '--dry-run', '--today', TODAY], changeReport],
        [people, ['sync', 'anvandare.csv', '--dry-run', '--today', TODAY], ''],
      ] as const) {
        const result = await runMain(command, [...args], { cwd, input });
        const where = `${args.join(' ')} i omgång ${round}`;
        expect([0, 1, 2], where).toContain(result.status);
        expect(result.stderr, where).not.toMatch(/Oväntat fel|\n\s+at |TypeError|RangeError/);
        expect(result.stdout, where).not.toMatch(/\u001b|\u202e/);
      }
    } finally {
      git(cwd, 'checkout', '-q', '--', '.');
    }
  });
});
