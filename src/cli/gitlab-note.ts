// npm run gitlab-note [-- --merge-request <nummer>] [--dry-run]
// Writes the change summary of every open merge request to the default
// branch as a note on it, replacing the note an earlier run wrote, and sets
// the commit status "systemägarens godkännande": failed until the owner or
// manager of every system the change touches has approved it (GitLab Free
// has no Code Owners; with "Pipelines must succeed" the status blocks the
// merge). Run by
// the scheduled job "sammanfattningar" in .gitlab-ci.yml, on the default
// branch: the tool is the default branch's, and each merge request's
// register is fetched from Git and read as data, so the token (a protected
// variable) never meets the merge request's code.
import { NOTE_MARKER, gitlabProject, gitlabTargetFromEnv } from '../core/forge/gitlab.ts';
import { changesBetween } from '../core/git/compare.ts';
import { fetchMergeRequestHead, mergeBase } from '../core/git/repository.ts';
import { formatChanges } from '../core/views/changes.ts';
import { approvalsNeeded, approvalStatus } from '../core/forge/approvals.ts';
import { defineCommand, EXIT_OK, runMain, UsageError } from './command.ts';

/** The commit status's name, as the merge request's pipeline shows it. */
export const APPROVAL_STATUS = 'systemägarens godkännande';

/** GitLab's limit for a note is 1 000 000 characters; a summary is far smaller. */
const MAX_NOTE_CHARACTERS = 900_000;

export const main = defineCommand({
  name: 'gitlab-note',
  description:
    'Skriver sammanfattningen av varje öppen sammanslagningsbegärans ändring i registret som kommentar på den och ersätter den förra. Körs schemalagt från huvudgrenen (jobbet sammanfattningar i .gitlab-ci.yml), med GITLAB_TOKEN som skyddad variabel.',
  options: {
    'merge-request': { type: 'string', value: '<nummer>', help: 'bara denna sammanslagningsbegäran' },
    'dry-run': { type: 'boolean', default: false, help: 'skriv sammanfattningarna här i stället för som kommentarer' },
  },
  registry: true,
  async run({ values, registry, io, print }) {
    const only = values['merge-request'];
    if (only !== undefined && !/^[1-9]\d{0,9}$/.test(only)) throw new UsageError(`--merge-request ska vara ett nummer, inte "${only}".`);
    const gitlab = gitlabProject(gitlabTargetFromEnv(io.env));
    const target = io.env.CI_DEFAULT_BRANCH || 'main';
    const author = await gitlab.me();
    const open = (await gitlab.openMergeRequests(target)).filter((request) => only === undefined || request.iid === Number(only));
    if (open.length === 0) print(`Inga öppna sammanslagningsbegäranden till ${target}${only ? ` med nummer !${only}` : ''}.`);
    for (const request of open) {
      const head = fetchMergeRequestHead(registry, request.iid);
      const base = mergeBase(registry, 'HEAD', head);
      if (!base) {
        print(`!${request.iid}: ingen gemensam historik med ${target}; ingen sammanfattning.`);
        continue;
      }
      const changes = changesBetween(registry, base, head, io.cwd);
      let markdown = formatChanges(changes.sentences, 'markdown');
      if (markdown.length > MAX_NOTE_CHARACTERS) markdown = `${markdown.slice(0, MAX_NOTE_CHARACTERS)}\n\n… (förkortad)\n`;
      const approval = approvalStatus(approvalsNeeded(changes.entries.before, changes.entries.after), await gitlab.approvers(request.iid));
      if (values['dry-run']) {
        print(`!${request.iid}:\n${NOTE_MARKER}\n${markdown}`);
        print(`!${request.iid}: ${APPROVAL_STATUS} ${approval.state === 'success' ? 'godkänd' : 'inte godkänd'}: ${approval.description}`);
        continue;
      }
      print(`!${request.iid}: kommentaren är ${await gitlab.upsertNote(request.iid, markdown, author)}.`);
      const pipeline = await gitlab.headPipeline(request.iid);
      await gitlab.setStatus(request.sha, { name: APPROVAL_STATUS, state: approval.state, description: approval.description, ...(pipeline ? { pipeline } : {}) });
      print(`!${request.iid}: ${APPROVAL_STATUS}: ${approval.description}`);
    }
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
