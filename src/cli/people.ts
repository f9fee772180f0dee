// npm run people -- sync <export.csv|export.xlsx> [--scope <avdelning,…>] [--mapping <fil.yaml>] [--dry-run]
// Updates registry/people/ from the directory the municipality already has
// (Entra ID or Active Directory): names, titles, e-mail and units that
// changed, and people who left, marked active: false, never deleted.
import { resolve } from 'node:path';
import { readSpreadsheet } from '../core/import/table.ts';
import { openRegister, sourceText } from '../core/model/open-register.ts';
import { readDirectoryExport } from '../core/people-sync/directory.ts';
import { readDepartmentMapping } from '../core/people-sync/mapping.ts';
import { allowedLeavers, describeSync, planPeopleSync, type PersonChange } from '../core/people-sync/plan.ts';
import { terminalText } from '../core/text/output.ts';
import { MAX_FILE_BYTES } from '../core/import/limits.ts';
import { MAX_FILE_BYTES as MAX_REGISTER_FILE_BYTES } from '../core/reading/decode.ts';
import { readNamedFile } from '../core/reading/load.ts';
import { setFields } from '../core/writing/yaml-edit.ts';
import { audienceOf } from '../core/domain/visibility.ts';
import { entryYaml } from '../core/scaffold/scaffold.ts';
import { applyPairedWrites, planPairedWrites } from '../core/writing/paired-writes.ts';
import { defineCommand, EXIT_FINDINGS, EXIT_OK, runMain, UsageError } from './command.ts';

export const main = defineCommand({
  name: 'people',
  args: 'sync <export>',
  positionals: { min: 2, max: 2, missing: 'ange sync och exportfilen, till exempel npm run people -- sync anvandare.csv' },
  description:
    'Uppdaterar personerna i registret från en export av användare ur Entra ID eller Active Directory (CSV i UTF-8 eller UTF-16, eller .xlsx). Personer som slutat markeras active: false; ingen fil tas bort.',
  options: {
    scope: { type: 'string', value: '<avdelning,…>', help: 'exporten gäller bara dessa avdelningar; andra personer lämnas orörda' },
    mapping: { type: 'string', value: '<fil.yaml>', help: 'departments: avdelning i katalogen → enhetens id' },
    'dry-run': { type: 'boolean', default: false, help: 'visa ändringarna utan att skriva något' },
    'allow-many-leavers': {
      type: 'boolean',
      default: false,
      help: 'markera personer som slutade även när fler än maxLeaversPercent (settings.yaml) saknas i exporten',
    },
  },
  registry: true,
  writes: true,
  run({ positionals, values, registry, today, io, print }) {
    const [verb, file] = positionals as [string, string];
    if (verb !== 'sync') throw new UsageError(`okänd åtgärd "${verb}". Använd npm run people -- sync <export>.`);
    const directory = readDirectoryExport(readSpreadsheet(readNamedFile(resolve(io.cwd, file), file, MAX_FILE_BYTES)).sheets);
    const departments = values.mapping
      ? readDepartmentMapping(readNamedFile(resolve(io.cwd, values.mapping), values.mapping, MAX_REGISTER_FILE_BYTES).toString('utf8'), values.mapping)
      : {};
    const register = openRegister(registry, { today, cwd: io.cwd });
    const scope = values.scope
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const plan = planPeopleSync(directory.people, register.model, { departments, ...(scope ? { scope } : {}) });

    print(
      `${file}: ${directory.people.length} personer från ${directory.source} (rubriker på rad ${directory.headerRow}), ${plan.matched} av registrets personer hittades${scope ? `; exporten gäller ${scope.join(', ')}` : ''}.`,
    );
    const { count, inScope } = plan.missing;
    const percent = register.model.settings.maxLeaversPercent;
    const tooMany = count > allowedLeavers(inScope, percent) && !values['allow-many-leavers'];
    const lines = describeSync(plan, register.model);
    print(
      lines.length === 0
        ? 'Inget att ändra.'
        : `${values['dry-run'] || tooMany ? 'Skulle ändra' : 'Ändrar'}:\n${lines.map((line) => `  ${terminalText(line)}`).join('\n')}`,
    );
    for (const note of [...directory.notes, ...plan.rowNotes].sort((a, b) => a.row - b.row)) print(terminalText(`Rad ${note.row}: ${note.reason}.`));
    if (plan.unmappedDepartments.length > 0) {
      print(
        '\nAvdelningar i katalogen som inte motsvarar någon enhet (personernas enhet ändrades inte). Ange dem i en mappningsfil, --mapping:',
      );
      print('departments:');
      for (const { department, people } of plan.unmappedDepartments)
        print(`  ${JSON.stringify(department)}: enhetens-id   # ${people} ${people === 1 ? 'person' : 'personer'}`);
    }
    if (tooMany) {
      print(
        `\n${values['dry-run'] ? 'Skulle vägra att skriva' : 'Inget skrevs'}: ${count} av ${inScope} personer (${Math.round((count * 100) / inScope)} %) saknas i exporten och skulle markeras som slutade, fler än gränsen ${percent} % (maxLeaversPercent i settings.yaml). Så ser det ut när exporten bara gäller en del av organisationen: ange vilka avdelningar den gäller med --scope. Om så många verkligen har slutat, kör igen med --allow-many-leavers.`,
      );
      return values['dry-run'] ? EXIT_OK : EXIT_FINDINGS;
    }
    if (values['dry-run'] || plan.updates.length === 0) return EXIT_OK;

    // With a protected registry, a field the settings make protected (a phone number, say) is changed there.
    const protectedDir = register.protectedRegistry?.dir;
    const overrides = register.model.settings.visibility ?? {};
    const isProtected = (change: PersonChange) => protectedDir !== undefined && audienceOf('person', [change.key], overrides) === 'skyddad';
    const edits = (changes: PersonChange[]) =>
      changes.map((change) => ({ key: change.key, value: change.to, after: change.key === 'userName' ? 'email' : 'title' }));
    const files = plan.updates.map((update) => {
      const previousText = sourceText(register, update.relPath);
      const hidden = update.changes.filter(isProtected);
      const file = { relPath: update.relPath, text: setFields(previousText, edits(update.changes.filter((change) => !isProtected(change)))), previousText };
      if (hidden.length === 0) return file;
      const before = sourceText(register, update.relPath, 'protected');
      const text = setFields(before ?? entryYaml('person', { id: update.id }, 'protected'), edits(hidden));
      return { ...file, protectedFile: { text, ...(before !== undefined ? { previousText: before } : {}) } };
    });
    applyPairedWrites(planPairedWrites(registry, protectedDir, files, { overwrite: true, cwd: io.cwd }));
    // The plan already knows every role the sync leaves vacant; validating the
    // whole register again would only repeat it, at a third of the run time.
    const vacated = plan.updates.reduce((sum, update) => sum + update.vacated.length, 0);
    print(
      `\nSkrev ${files.length} ${files.length === 1 ? 'fil' : 'filer'}.${vacated > 0 ? ` ${vacated} ${vacated === 1 ? 'roll blir vakant' : 'roller blir vakanta'}; kör npm run validate och npm run report för att se vem som behöver utse nya.` : ''}`,
    );
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
