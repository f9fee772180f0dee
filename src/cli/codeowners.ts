// npm run codeowners [-- --check] [--forge github|gitlab] [--registry <mapp>]
// Writes .github/CODEOWNERS (or GitLab's .gitlab/CODEOWNERS) from the
// register; --check only compares and exits 1 when the committed file is
// stale (used by CI).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repositoryPathOf, repositoryRoot } from '../core/git/repository.ts';
import { openRegister } from '../core/model/open-register.ts';
import { FORGES } from '../core/vocabulary.ts';
import { CODEOWNERS_PATH, codeownersFile } from '../core/forge/codeowners.ts';
import { forgeOf, type Forge } from '../core/forge/repository-links.ts';
import { defineCommand, EXIT_FINDINGS, EXIT_OK, runMain, UsageError } from './command.ts';

export const main = defineCommand({
  name: 'codeowners',
  description:
    'Skriver CODEOWNERS ur registret: varje systems fil granskas av dess systemägare och systemförvaltare. På GitHub .github/CODEOWNERS, på GitLab .gitlab/CODEOWNERS med ett avsnitt per förvaltning.',
  options: {
    check: { type: 'boolean', default: false, help: 'kontrollera bara att filen är aktuell (slutkod 1 om inte)' },
    forge: { type: 'string', value: 'github|gitlab', help: 'plattformen förrådet ligger på (standard: forge i settings.yaml)' },
  },
  registry: true,
  run({ values, registry, today, io, print, warn, shown }) {
    const { model } = openRegister(registry, { today, cwd: io.cwd });
    if (values.forge !== undefined && !(FORGES as readonly string[]).includes(values.forge)) {
      throw new UsageError(`--forge ska vara github eller gitlab, inte "${values.forge}".`);
    }
    const forge = (values.forge as Forge | undefined) ?? forgeOf(model.settings);
    const { text, warnings } = codeownersFile(model, repositoryPathOf(registry) ?? 'registry', forge);
    for (const warning of warnings) warn(`varning: ${warning}`);
    const target = join(repositoryRoot(registry) ?? io.cwd, CODEOWNERS_PATH[forge]);
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
