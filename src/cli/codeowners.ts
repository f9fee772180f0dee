// npm run codeowners [-- --check] [--registry <mapp>]
// Writes .github/CODEOWNERS from the register; --check only compares and
// exits 1 when the committed file is stale (used by CI).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repositoryPathOf, repositoryRoot } from '../core/git/repository.ts';
import { openRegister } from '../core/open-register.ts';
import { codeownersFile } from '../core/views/codeowners.ts';
import { defineCommand, EXIT_FINDINGS, EXIT_OK, runMain } from './command.ts';

export const main = defineCommand({
  name: 'codeowners',
  description: 'Skriver .github/CODEOWNERS ur registret: varje systems fil granskas av dess systemägare och systemförvaltare.',
  options: { check: { type: 'boolean', default: false, help: 'kontrollera bara att filen är aktuell (slutkod 1 om inte)' } },
  registry: true,
  run({ values, registry, today, io, print, warn, shown }) {
    const { model } = openRegister(registry, { today, cwd: io.cwd });
    const { text, warnings } = codeownersFile(model, repositoryPathOf(registry) ?? 'registry');
    for (const warning of warnings) warn(`varning: ${warning}`);
    const target = join(repositoryRoot(registry) ?? io.cwd, '.github', 'CODEOWNERS');
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (values.check) {
      if (current === text) {
        print(`${shown(target)} är aktuell.`);
        return EXIT_OK;
      }
      warn(
        `fel: ${shown(target)} stämmer inte med registret. Kör npm run codeowners och checka in filen, eller ändra raderna så här i webbredigeraren:`,
      );
      // The lines to change, so that someone editing in the browser can fix it without npm.
      const currentLines = new Set((current ?? '').split('\n'));
      const wantedLines = new Set(text.split('\n'));
      for (const line of currentLines) if (line && !wantedLines.has(line)) warn(`  ta bort: ${line}`);
      for (const line of wantedLines) if (line && !currentLines.has(line)) warn(`  lägg till: ${line}`);
      return EXIT_FINDINGS;
    }
    if (current === text) {
      print(`${shown(target)} är redan aktuell.`);
      return EXIT_OK;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    print(`Skrev ${shown(target)} (${model.systems.length} system).`);
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
