// npm run codeowners [-- --check] [--registry <mapp>]
// Writes .github/CODEOWNERS from the register; --check only compares and
// exits 1 when the committed file is stale (used by CI).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { repositoryPathOf } from '../core/git/history.ts';
import { displayPathOf, readRegisterSources } from '../core/reading/load.ts';
import { resolveRegister } from '../core/model/model.ts';
import { parseRegister } from '../core/reading/parse.ts';
import { codeownersFile } from '../core/views/codeowners.ts';
import { EXIT_FINDINGS, EXIT_OK, parseCommandArgs, runCommand } from './args.ts';

const USAGE = 'Användning: npm run codeowners -- [--check] [--registry <mapp>]';

runCommand(() => {
  const { values } = parseCommandArgs(
    process.argv.slice(2),
    { check: { type: 'boolean', default: false }, registry: { type: 'string', default: 'registry' } },
    USAGE,
  );
  if (values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const registry = resolve(values.registry as string);
  const model = resolveRegister(parseRegister(readRegisterSources(registry)));
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: registry, encoding: 'utf8' });
  const root = top.status === 0 ? top.stdout.trim() : process.cwd();
  const { text, warnings } = codeownersFile(model, repositoryPathOf(registry) ?? 'registry');
  for (const warning of warnings) console.error(`varning: ${warning}`);
  const target = join(root, '.github', 'CODEOWNERS');
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (values.check) {
    if (current === text) {
      console.log(`${displayPathOf(target)} är aktuell.`);
      return EXIT_OK;
    }
    console.error(
      `fel: ${displayPathOf(target)} stämmer inte med registret. Kör npm run codeowners och checka in filen, eller ändra raderna så här i webbredigeraren:`,
    );
    // The lines to change, so that someone editing in the browser can fix it without npm.
    const currentLines = new Set((current ?? '').split('\n'));
    const wantedLines = new Set(text.split('\n'));
    for (const line of currentLines) if (line && !wantedLines.has(line)) console.error(`  ta bort: ${line}`);
    for (const line of wantedLines) if (line && !currentLines.has(line)) console.error(`  lägg till: ${line}`);
    return EXIT_FINDINGS;
  }
  if (current === text) {
    console.log(`${displayPathOf(target)} är redan aktuell.`);
    return EXIT_OK;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`Skrev ${displayPathOf(target)} (${model.systems.length} system).`);
  return EXIT_OK;
});
