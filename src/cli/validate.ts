// npm run validate [-- --registry <mapp>] [--format text|json|github] [--today ÅÅÅÅ-MM-DD]
import { formatGithub, formatJson, formatText, summarize } from '../core/checking/findings.ts';
import { openRegister, validationSummary } from '../core/open-register.ts';
import { defineCommand, EXIT_FINDINGS, EXIT_OK, runMain } from './command.ts';

export const main = defineCommand({
  name: 'validate',
  description: 'Kontrollerar hela registret och skriver varje fynd med fil, rad och kolumn. Ändrar aldrig i registret.',
  options: {},
  registry: true,
  formats: ['text', 'json', 'github'],
  today: true,
  run({ registry, today, format, io, print }) {
    const { findings, parsed } = openRegister(registry, { today, cwd: io.cwd });
    if (format === 'json') print(formatJson(findings));
    else {
      for (const finding of findings) print(format === 'github' ? formatGithub(finding) : formatText(finding));
      print(validationSummary(findings, parsed));
    }
    return summarize(findings).errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
