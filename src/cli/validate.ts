// npm run validate [-- --registry <mapp>] [--format text|json|github|gitlab] [--changed-from <gren>] [--summary <fil>] [--today ÅÅÅÅ-MM-DD]
import { appendFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  codeQualityReport,
  githubAnnotation,
  orderForChange,
  planAnnotations,
  stepSummary,
  type ChangeScope,
} from '../core/checking/ci-report.ts';
import { formatJson, formatText, summarize } from '../core/findings/findings.ts';
import { changedFilesSince } from '../core/git/changed-files.ts';
import { repositoryRoot } from '../core/git/repository.ts';
import { validateRegister, validationSummary } from '../core/model/open-register.ts';
import { defineCommand, EXIT_FINDINGS, EXIT_OK, runMain } from './command.ts';

export const main = defineCommand({
  name: 'validate',
  description: 'Kontrollerar hela registret och skriver varje fynd med fil, rad och kolumn. Ändrar aldrig i registret.',
  options: {
    'changed-from': {
      type: 'string',
      value: '<gren>',
      help: 'jämför med grenen ändringen ska in i (origin/main): fynd i de ändrade filerna först; med --format github får bara de annoteringar',
    },
    summary: {
      type: 'string',
      value: '<fil>',
      help: 'lägg till en sammanfattning i Markdown i filen (i GitHub Actions: "$GITHUB_STEP_SUMMARY")',
    },
  },
  registry: true,
  formats: ['text', 'json', 'github', 'gitlab'],
  today: true,
  run({ values, registry, today, format, io, print }) {
    const { findings, parsed } = validateRegister(registry, { today, cwd: io.cwd });
    const scope: ChangeScope = {};
    if (values['changed-from']) {
      const changed = changedFilesSince(values['changed-from'], registry);
      scope.isChanged = (file) => changed.has(resolve(io.cwd, file));
    }
    const headline = validationSummary(findings, parsed);
    if (format === 'json') print(formatJson(orderForChange(findings, scope)));
    else if (format === 'gitlab') {
      const top = repositoryRoot(registry) ?? io.cwd;
      print(codeQualityReport(findings, (file) => relative(top, resolve(io.cwd, file)).split('\\').join('/')));
    } else if (format === 'github') {
      const { annotated, summaryOnly } = planAnnotations(findings, scope);
      // Workflow commands on purpose, each built from escaped parts (ci-report.ts): written as they are.
      for (const finding of annotated) io.stdout(`${githubAnnotation(finding)}\n`);
      if (summaryOnly.length > 0) {
        print(
          `${summaryOnly.length} fynd till visas inte som anteckningar på raderna; de finns ${values.summary ? 'i jobbsammanfattningen' : 'i utskriften av npm run validate'}.`,
        );
      }
      print(headline);
    } else {
      for (const finding of orderForChange(findings, scope)) print(formatText(finding));
      print(headline);
    }
    if (values.summary) appendFileSync(resolve(io.cwd, values.summary), `${stepSummary(findings, scope, headline)}\n`);
    return summarize(findings).errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
