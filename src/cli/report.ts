// npm run report [-- --registry <mapp>] [--format text|markdown|json] [--today ÅÅÅÅ-MM-DD]
// Follow-up for the IT department: roles, reviews, contracts, people who left.
import { openRegister } from '../core/model/open-register.ts';
import { buildReport } from '../core/views/report.ts';
import { formatReport } from '../core/views/report-text.ts';
import { defineCommand, EXIT_OK, runMain } from './command.ts';

export const main = defineCommand({
  name: 'report',
  description: 'Uppföljning för IT-avdelningen: roller, granskningar, avtal och personer som slutat, ur valideringens fynd.',
  options: {},
  registry: true,
  formats: ['text', 'markdown', 'json'],
  today: true,
  run({ registry, today, format, io }) {
    const report = buildReport({ ...openRegister(registry, { today, cwd: io.cwd }), today });
    io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, format as 'text' | 'markdown'));
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
