// npm run validate [-- --registry <mapp>] [--format text|json|github] [--today ÅÅÅÅ-MM-DD]
import { todayIso } from '../core/text/dates.ts';
import { formatGithub, formatJson, formatText, summarize } from '../core/checking/findings.ts';
import { displayPathOf, readRegisterSources } from '../core/reading/load.ts';
import { validateSources } from '../core/checking/validate.ts';
import { EXIT_FINDINGS, EXIT_OK, isDateArg, parseCommandArgs, runCommand, UsageError } from './args.ts';

const USAGE = `Användning: npm run validate -- [--registry <mapp>] [--format text|json|github] [--today ÅÅÅÅ-MM-DD]
  --registry  registrets mapp (standard: registry)
  --format    text (standard), json (en JSON-lista med fynd) eller github (annoteringar i GitHub Actions)
  --today     datum som granskning och avtal räknas från (standard: dagens datum)`;

runCommand(() => {
  const { values } = parseCommandArgs(
    process.argv.slice(2),
    {
      registry: { type: 'string', default: 'registry' },
      format: { type: 'string', default: 'text' },
      today: { type: 'string' },
    },
    USAGE,
  );
  if (values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const format = values.format as string;
  if (!['text', 'json', 'github'].includes(format))
    throw new UsageError(`okänt format "${format}". Välj text, json eller github.\n${USAGE}`);
  const today = values.today ?? todayIso();
  if (!isDateArg(today)) throw new UsageError(`--today ska vara ett datum ÅÅÅÅ-MM-DD, inte "${today}".`);
  const registry = values.registry as string;
  const sources = readRegisterSources(registry);
  const { findings, parsed } = validateSources(sources, { today, root: displayPathOf(registry) });
  const { errors, warnings } = summarize(findings);
  if (format === 'json') {
    process.stdout.write(`${formatJson(findings)}\n`);
  } else {
    const format_ = format === 'github' ? formatGithub : formatText;
    const lines = findings.map(format_);
    const counts = countEntries(parsed.entries);
    lines.push(`${errors === 0 ? '✓' : '✗'} ${counts}: ${errors} fel, ${warnings} ${warnings === 1 ? 'varning' : 'varningar'}.`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
});

function countEntries(entries: readonly { kind: string }[]): string {
  const count = (kind: string) => entries.filter((entry) => entry.kind === kind).length;
  return `${count('system')} system, ${count('person')} personer, ${count('unit')} enheter, ${count('equipment')} utrustningar, ${count('guideline')} riktlinjer`;
}
