// npm run report [-- --registry <mapp>] [--format text|markdown|json] [--today ÅÅÅÅ-MM-DD]
// Follow-up for the IT department: roles, reviews, contracts, people who left.
import { todayIso } from '../core/text/dates.ts';
import { readRegisterSources } from '../core/reading/load.ts';
import { parseRegister } from '../core/reading/parse.ts';
import { buildReport } from '../core/views/report.ts';
import { formatReport } from '../core/views/report-text.ts';
import { EXIT_OK, isDateArg, parseCommandArgs, runCommand, UsageError } from './args.ts';

const USAGE = `Användning: npm run report -- [--registry <mapp>] [--format text|markdown|json] [--today ÅÅÅÅ-MM-DD]`;

runCommand(() => {
  const { values } = parseCommandArgs(
    process.argv.slice(2),
    { registry: { type: 'string', default: 'registry' }, format: { type: 'string', default: 'text' }, today: { type: 'string' } },
    USAGE,
  );
  if (values.help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const format = values.format as string;
  if (!['text', 'markdown', 'json'].includes(format)) throw new UsageError(`okänt format "${format}". Välj text, markdown eller json.`);
  const today = values.today ?? todayIso();
  if (!isDateArg(today)) throw new UsageError(`--today ska vara ett datum ÅÅÅÅ-MM-DD, inte "${today}".`);
  const { entries } = parseRegister(readRegisterSources(values.registry as string));
  const report = buildReport(entries, today);
  process.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, format as 'text' | 'markdown'));
  return EXIT_OK;
});
