// npm run gitlab-note -- <sammanfattning.md>
// Posts the change summary (npm run diff -- --format markdown) as a note on
// the merge request the pipeline runs for, replacing the note an earlier
// pipeline wrote. Run by the one job in .gitlab-ci.yml that holds a token.
import { resolve } from 'node:path';
import { readNamedFile } from '../core/reading/load.ts';
import { gitlabTargetFromEnv, upsertMergeRequestNote } from '../core/forge/gitlab.ts';
import { defineCommand, EXIT_OK, runMain } from './command.ts';

/** GitLab's limit for a note is 1 000 000 characters; a summary is far smaller. */
const MAX_NOTE_CHARACTERS = 900_000;

export const main = defineCommand({
  name: 'gitlab-note',
  args: '<sammanfattning.md>',
  positionals: { min: 1, max: 1, missing: 'ange filen med sammanfattningen, till exempel sammanfattning.md' },
  description: 'Skriver sammanfattningen av ändringen som kommentar på sammanslagningsbegäran i GitLab och ersätter den förra.',
  options: {},
  async run({ positionals, io, print }) {
    const target = gitlabTargetFromEnv(io.env);
    let text = readNamedFile(resolve(io.cwd, positionals[0] as string), positionals[0] as string, MAX_NOTE_CHARACTERS * 4).toString('utf8');
    if (text.length > MAX_NOTE_CHARACTERS) text = `${text.slice(0, MAX_NOTE_CHARACTERS)}\n\n… (förkortad; hela sammanfattningen finns i jobbets logg)\n`;
    const done = await upsertMergeRequestNote(target, text);
    print(`Kommentaren på sammanslagningsbegäran !${target.mergeRequest} är ${done}.`);
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
