// npm run reminders [-- --format text|markdown|json] [--today ÅÅÅÅ-MM-DD] [--sync github|gitlab] [--dry-run]
// What each system owner must act on. With --sync github (the scheduled
// workflow), keeps one open issue per owner: created, updated in place,
// closed when nothing is left.
import { applySync, planSync, REMINDER_LABEL, type SyncPlan } from '../core/forge/issues.ts';
import { githubIssues, githubTargetFromEnv } from '../core/forge/github.ts';
import { gitlabIssues, gitlabTargetFromEnv } from '../core/forge/gitlab.ts';
import { repositoryPathOf } from '../core/git/repository.ts';
import { openRegister } from '../core/model/open-register.ts';
import { visibleFindings, visibleModel } from '../core/model/visible.ts';
import { audienceOf, canSee, repositoryAudience } from '../core/domain/visibility.ts';
import { markdownText, terminalText } from '../core/text/output.ts';
import { buildReminders, reminderMarkdown, remindersText } from '../core/views/reminders.ts';
import { repositoryLinks } from '../core/forge/repository-links.ts';
import { defineCommand, EXIT_OK, runMain, UsageError } from './command.ts';

export const main = defineCommand({
  name: 'reminders',
  description: 'Vad varje systemägare behöver åtgärda: granskningar, avtal, personer som slutat, saknade GitHub-konton och fel i filerna.',
  options: {
    sync: {
      type: 'string',
      value: 'github|gitlab',
      help: 'håll ett öppet ärende per systemägare på GitHub eller GitLab (arbetsflödet respektive det schemalagda jobbet gör det varje vecka)',
    },
    'dry-run': {
      type: 'boolean',
      default: false,
      help: 'med --sync: visa vad som skulle skapas, uppdateras och stängas, utan att ändra något',
    },
  },
  registry: true,
  today: true,
  formats: ['text', 'markdown', 'json'],
  async run({ values, registry, today, format, io, print }) {
    const register = openRegister(registry, { today, cwd: io.cwd });
    const links = repositoryLinks(register.model.settings, repositoryPathOf(registry) ?? 'registry');
    // The reminders are issues in the register's repository: they hold only what its readers already see.
    const audience = repositoryAudience(register.model.settings);
    const overrides = register.model.settings.visibility ?? {};
    const findings = visibleFindings(register.findings, register.model, visibleModel(register.model, audience), audience);
    const reminders = buildReminders({
      model: register.model,
      findings,
      today,
      editUrl: links.edit,
      sees: (path) => canSee(audience, audienceOf('system', path, overrides)),
    });
    if (values.sync === undefined) {
      if (format === 'json') print(JSON.stringify(reminders, null, 2));
      else if (format === 'markdown')
        print(reminders.map((reminder) => `## ${markdownText(reminder.title)}\n\n${reminderMarkdown(reminder, today)}`).join('\n'));
      else io.stdout(remindersText(reminders, today));
      return EXIT_OK;
    }
    if (values.sync !== 'github' && values.sync !== 'gitlab') throw new UsageError(`--sync ska vara github eller gitlab, inte "${values.sync}".`);
    const api = values.sync === 'gitlab' ? gitlabIssues(gitlabTargetFromEnv(io.env)) : githubIssues(githubTargetFromEnv(io.env));
    const plan = planSync(reminders, await api.listOpen(REMINDER_LABEL), today, await api.author());
    print(describePlan(plan, Boolean(values['dry-run'])));
    if (!values['dry-run']) await applySync(plan, api);
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);

function describePlan(plan: SyncPlan, dryRun: boolean): string {
  const lines = [
    ...plan.create.map(
      ({ issue }) =>
        `${dryRun ? 'Skulle skapa' : 'Skapar'}: ${terminalText(issue.title)}${issue.assignees.length ? ` (@${issue.assignees.map(terminalText).join(', @')})` : ''}`,
    ),
    ...plan.update.map(({ number, issue }) => `${dryRun ? 'Skulle uppdatera' : 'Uppdaterar'} #${number}: ${terminalText(issue.title)}`),
    ...plan.close.map(({ number }) => `${dryRun ? 'Skulle stänga' : 'Stänger'} #${number}: allt är åtgärdat`),
  ];
  const unchanged = plan.unchanged.length > 0 ? [`${plan.unchanged.length} ärenden är redan aktuella.`] : [];
  return [...lines, ...unchanged].join('\n') || 'Inga påminnelser och inga öppna ärenden: inget att göra.';
}
