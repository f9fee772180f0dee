// npm run attest -- <system-id…> [--by <person-id>] [--today ÅÅÅÅ-MM-DD]
// The system owner confirms that a system's entry is correct: sets reviewed
// (and reviewedBy) in its file, changing only those lines. Merged as a pull
// request, the change is the owner's attestation (guideline §4).
import { join } from 'node:path';
import { formatText } from '../core/findings/findings.ts';
import { UserError } from '../core/errors.ts';
import { checkWith, openRegister, sourceText } from '../core/model/open-register.ts';
import { formatSwedishDate } from '../core/text/dates.ts';
import { terminalText } from '../core/text/output.ts';
import { didYouMean } from '../core/text/text.ts';
import { setFields } from '../core/writing/yaml-edit.ts';
import { applyWrites, planWrites } from '../core/writing/write-files.ts';
import { defineCommand, EXIT_FINDINGS, EXIT_OK, runMain } from './command.ts';

export const main = defineCommand({
  name: 'attest',
  args: '<system-id …>',
  positionals: { min: 1, max: 10_000, missing: 'ange id för ett eller flera system, till exempel lonesystem' },
  description:
    'Bekräftar att systemens uppgifter stämmer: sätter reviewed till dagens datum och reviewedBy till den som granskat (standard: systemägaren). Bara de raderna ändras.',
  options: { by: { type: 'string', value: '<person-id>', help: 'vem som granskat (standard: varje systems systemägare)' } },
  registry: true,
  writes: true,
  today: true,
  run({ positionals, values, registry, today, io, print, shown }) {
    const before = openRegister(registry, { today, cwd: io.cwd });
    const { model } = before;
    if (values.by !== undefined && !model.personById.has(values.by)) {
      throw new UserError(`Personen "${values.by}" finns inte i registret.${didYouMean(values.by, model.personById.keys())} Ange id för en person med --by.`);
    }
    const files = positionals.map((id) => {
      const system = model.systemById.get(id);
      const entry = model.entries.find((item) => item.kind === 'system' && item.id === id);
      if (!system && entry) {
        // The owner confirms that the entry is right: one with errors is not, yet.
        const error = before.findings.find((finding) => finding.file === entry.file && finding.severity === 'error');
        throw new UserError(`${entry.file} har fel som behöver rättas innan uppgifterna kan bekräftas${error ? `: ${formatText(error)}` : '.'} Inget ändrades.`);
      }
      if (!system || !entry) throw new UserError(`Systemet "${id}" finns inte i registret.${didYouMean(id, model.systemById.keys())} Inget ändrades.`);
      const by = values.by ?? system.roles.owner;
      const text = sourceText(before, system.source);
      const changed = setFields(text, [
        { key: 'reviewed', value: today },
        { key: 'reviewedBy', value: by, after: 'reviewed' },
      ]);
      return { relPath: system.source, text: changed, previousText: text, name: system.name, file: entry.file, by };
    });
    const nameOf = (id: string) => model.personById.get(id)?.name ?? id;
    applyWrites(planWrites(registry, files, { overwrite: true, cwd: io.cwd }));
    const after = checkWith(before, registry, files, { today, cwd: io.cwd });
    let errors = 0;
    for (const file of files) {
      print(`${terminalText(file.name)}: granskad ${formatSwedishDate(today)} av ${terminalText(nameOf(file.by))} (${terminalText(file.file)}).`);
      for (const finding of after.findings.filter((item) => item.file === file.file && item.severity === 'error')) {
        errors++;
        print(`  ${formatText(finding)}`);
      }
    }
    print(
      `Nästa steg: skapa ett ändringsförslag med ${files.length === 1 ? 'filen' : 'filerna'} (${files.map((file) => shown(join(registry, file.relPath))).join(', ')}). När det godkänns räknas det som systemägarens bekräftelse av uppgifterna.`,
    );
    return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
