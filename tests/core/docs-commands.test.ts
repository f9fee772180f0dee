// The handbook names commands, options and files; each must exist. Every
// `npm run <command>` in README.md, CONTRIBUTING.md and docs/ is a script in
// package.json, every option written with it is one its --help mentions, and
// every link to a file in the repository leads to one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/run.ts';

const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(REPO, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
];
const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The commands the docs name, with the options written on the same line (a table row, a list item, a command). */
function namedCommands(): Map<string, { options: Set<string>; where: Set<string> }> {
  const named = new Map<string, { options: Set<string>; where: Set<string> }>();
  for (const file of DOCS) {
    readFileSync(join(REPO, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const commands = [...line.matchAll(/npm (?:run ([a-z][a-z-]*)|(start)\b)/g)].map((match) => (match[1] ?? match[2]) as string);
        for (const command of commands) {
          const entry = named.get(command) ?? { options: new Set(), where: new Set() };
          entry.where.add(`${file}:${index + 1}`);
          named.set(command, entry);
        }
        // Options belong to the line's command when it names one only.
        if (new Set(commands).size !== 1) return;
        const entry = named.get(commands[0] as string)!;
        for (const option of line.matchAll(/(?<![\w-])(--[a-z][a-z-]+)/g)) entry.options.add(option[1] as string);
      });
  }
  return named;
}

const named = namedCommands();

describe('the commands the docs name', () => {
  it.each([...named.keys()])('npm run %s is a script in package.json', (command) => {
    expect(Object.keys(scripts), [...(named.get(command)?.where ?? [])].join(', ')).toContain(command);
  });

  it.each([...named].filter(([command, { options }]) => options.size > 0 && scripts[command]?.startsWith('node ')))(
    'npm run %s -- --help mentions every option the docs give it',
    (command, { options, where }) => {
      const file = (scripts[command] as string).split(' ')[1] as string;
      const help = runCli(file, ['--help']).stdout;
      for (const option of options) expect(help, `${option} (${[...where].join(', ')})`).toContain(option);
    },
  );
});

describe('the files the docs link to', () => {
  // The help pages link within the built site; tests/site/help.test.ts follows those links.
  it.each(DOCS.filter((file) => !file.startsWith('docs/hjalp/')))('%s links only to files that exist', (file) => {
    const text = readFileSync(join(REPO, file), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => (match[1] as string).split('#')[0] as string)
      .filter((target) => target !== '' && !/^[a-z]+:/i.test(target));
    for (const target of targets) expect(existsSync(join(REPO, dirname(file), decodeURI(target))), `${file} → ${target}`).toBe(true);
  });
});
