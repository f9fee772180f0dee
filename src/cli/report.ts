// npm run report [-- --registry <mapp>] [--format text|markdown|json] [--audience …] [--today ÅÅÅÅ-MM-DD]
// Follow-up for the IT department: roles, reviews, contracts, people who
// left, continuity facts and the suppliers that carry the most.
import { audienceOf, canSee, repositoryAudience } from '../core/domain/visibility.ts';
import { openRegister } from '../core/model/open-register.ts';
import { visibleFindings, visibleModel } from '../core/model/visible.ts';
import { buildReport } from '../core/views/report.ts';
import { formatReport } from '../core/views/report-text.ts';
import { audienceOption } from './build.ts';
import { defineCommand, EXIT_OK, runMain } from './command.ts';

export const main = defineCommand({
  name: 'report',
  description:
    'Uppföljning för IT-avdelningen: roller, granskningar, avtal, personer som slutat, kontinuitetsuppgifter och leverantörer som bär flest kritiska system, ur valideringens fynd.',
  options: {
    audience: {
      type: 'string',
      value: 'offentlig|intern|skyddad',
      help: 'vilka uppgifter rapporten får visa (standard: det förrådets läsare redan ser, intern när settings.yaml anger protectedRegistry, annars allt)',
    },
  },
  registry: true,
  formats: ['text', 'markdown', 'json'],
  today: true,
  run({ registry, today, format, io, values }) {
    const register = openRegister(registry, { today, cwd: io.cwd });
    const audience = values.audience === undefined ? repositoryAudience(register.model.settings) : audienceOption(values.audience);
    const overrides = register.model.settings.visibility ?? {};
    const model = visibleModel(register.model, audience);
    const findings = visibleFindings(register.findings, register.model, model, audience);
    const report = buildReport({ findings, model, today, sees: (path) => canSee(audience, audienceOf('system', path, overrides)) });
    io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, format as 'text' | 'markdown'));
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
