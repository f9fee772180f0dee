// npm run attest -- <system-id…> [--by <person-id>] [--fakta granskning|aterlasning|behorigheter] [--today ÅÅÅÅ-MM-DD]
// The system owner confirms that a system's entry is correct: sets reviewed
// (and reviewedBy) in its file, changing only those lines. Merged as a pull
// request, the change is the owner's attestation (guideline §4). With
// --fakta, it records a restore test or an access review done today instead,
// in the protected registry when one holds those facts.
import { join } from 'node:path';
import { PERIODIC_CHECKS } from '../core/domain/continuity.ts';
import { audienceOf } from '../core/domain/visibility.ts';
import { formatText } from '../core/findings/findings.ts';
import { UserError } from '../core/errors.ts';
import { checkWith, openRegister, sourceText } from '../core/model/open-register.ts';
import { entryYaml } from '../core/scaffold/scaffold.ts';
import { formatSwedishDate } from '../core/text/dates.ts';
import { terminalText } from '../core/text/output.ts';
import { didYouMean } from '../core/text/text.ts';
import { applyPairedWrites, planPairedWrites, type PairedFile } from '../core/writing/paired-writes.ts';
import { setFields, type FieldChange } from '../core/writing/yaml-edit.ts';
import { defineCommand, EXIT_FINDINGS, EXIT_OK, runMain, UsageError } from './command.ts';

const FACTS = ['granskning', ...PERIODIC_CHECKS.map((check) => check.fact)] as const;

export const main = defineCommand({
  name: 'attest',
  args: '<system-id …>',
  positionals: { min: 1, max: 10_000, missing: 'ange id för ett eller flera system, till exempel lonesystem' },
  description:
    'Bekräftar att systemens uppgifter stämmer: sätter reviewed till dagens datum och reviewedBy till den som granskat (standard: systemägaren). Med --fakta aterlasning eller behorigheter sätts i stället dagen för ett test av återläsning eller en granskning av behörigheterna. Bara de raderna ändras.',
  options: {
    by: { type: 'string', value: '<person-id>', help: 'vem som granskat (standard: varje systems systemägare)' },
    fakta: {
      type: 'string',
      value: FACTS.join('|'),
      help: 'vad som bekräftas: granskning av uppgifterna (standard), aterlasning (continuity.restoreTested) eller behorigheter (security.accessReviewed)',
    },
  },
  registry: true,
  writes: true,
  today: true,
  run({ positionals, values, registry, today, io, print, shown }) {
    const fact = values.fakta ?? 'granskning';
    if (!(FACTS as readonly string[]).includes(fact)) throw new UsageError(`--fakta ska vara ${FACTS.join(', ')}, inte "${fact}".`);
    const check = PERIODIC_CHECKS.find((item) => item.fact === fact);
    const before = openRegister(registry, { today, cwd: io.cwd });
    const { model } = before;
    if (values.by !== undefined && !model.personById.has(values.by)) {
      throw new UserError(
        `Personen "${values.by}" finns inte i registret.${didYouMean(values.by, model.personById.keys())} Ange id för en person med --by.`,
      );
    }
    const protectedDir = before.protectedRegistry?.dir;
    const overrides = model.settings.visibility ?? {};
    const toProtected = check !== undefined && protectedDir !== undefined && audienceOf('system', check.path, overrides) === 'skyddad';
    type AttestFile = PairedFile & { name: string; file: string; by: string };
    const files = positionals.map((id): AttestFile => {
      const system = model.systemById.get(id);
      const entry = model.entries.find((item) => item.kind === 'system' && item.id === id);
      if (!system && entry) {
        // The owner confirms that the entry is right: one with errors is not, yet.
        const error = before.findings.find((finding) => finding.file === entry.file && finding.severity === 'error');
        throw new UserError(
          `${entry.file} har fel som behöver rättas innan uppgifterna kan bekräftas${error ? `: ${formatText(error)}` : '.'} Inget ändrades.`,
        );
      }
      if (!system || !entry)
        throw new UserError(`Systemet "${id}" finns inte i registret.${didYouMean(id, model.systemById.keys())} Inget ändrades.`);
      const by = values.by ?? system.roles.owner;
      const text = sourceText(before, system.source);
      const changes: FieldChange[] = check
        ? [{ key: check.path, value: today }]
        : [
            { key: 'reviewed', value: today },
            { key: 'reviewedBy', value: by, after: 'reviewed' },
          ];
      const base = { name: system.name, file: entry.file, by };
      if (!toProtected) return { ...base, relPath: system.source, text: setFields(text, changes), previousText: text };
      // The date is protected and lives in the protected registry: only that file changes.
      const previous = sourceText(before, system.source, 'protected');
      const protectedFile = {
        text: setFields(previous ?? entryYaml('system', { id }, 'protected'), changes),
        ...(previous !== undefined ? { previousText: previous } : {}),
      };
      return { ...base, relPath: system.source, text, previousText: text, protectedFile };
    });
    const nameOf = (personId: string) => model.personById.get(personId)?.name ?? personId;
    applyPairedWrites(planPairedWrites(registry, protectedDir, files, { overwrite: true, cwd: io.cwd }));
    const after = checkWith(before, registry, files, {
      today,
      cwd: io.cwd,
      protectedFiles: files.flatMap((file) => (file.protectedFile ? [{ relPath: file.relPath, text: file.protectedFile.text }] : [])),
    });
    let errors = 0;
    for (const file of files) {
      const done = check
        ? `${check.title} ${formatSwedishDate(today)}`
        : `granskad ${formatSwedishDate(today)} av ${terminalText(nameOf(file.by))}`;
      const where = file.protectedFile && protectedDir ? shown(join(protectedDir, file.relPath)) : file.file;
      print(`${terminalText(file.name)}: ${done} (${terminalText(where)}).`);
      for (const finding of after.findings.filter((item) => item.file === file.file && item.severity === 'error')) {
        errors++;
        print(`  ${formatText(finding)}`);
      }
    }
    const written = files.map((file) =>
      file.protectedFile && protectedDir ? shown(join(protectedDir, file.relPath)) : shown(join(registry, file.relPath)),
    );
    print(
      check
        ? `Nästa steg: skapa ett ändringsförslag med ${written.length === 1 ? 'filen' : 'filerna'} (${written.join(', ')}).`
        : `Nästa steg: skapa ett ändringsförslag med ${files.length === 1 ? 'filen' : 'filerna'} (${written.join(', ')}). När det godkänns räknas det som systemägarens bekräftelse av uppgifterna.`,
    );
    return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
