// The build's first pass: the register validated before Astro starts, in a
// process of its own, so that the checked register (0.3 GiB at 5 000
// systems) is handed back to the system when it ends instead of being held
// by the build for as long as Astro and Pagefind run. (A worker thread's
// memory was given back only some 8 s after it ended.)
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { UserError } from '../core/errors.ts';
import type { Audience } from '../core/vocabulary.ts';

export interface FirstPassInput {
  registry: string;
  audience: Audience;
  today: string;
  cwd: string;
  /** Where to hand the checked register over to the site's loader (model/handed-over-register.ts), when it has no errors. */
  handOver?: string;
}

/** What the build prints and decides from: every error as a line, or the summary. */
export type FirstPass = { errors: string[] } | { summary: string };

/** The answer of first-pass-process.ts; a program error's stack is kept apart from its message, for DEBUG=1 only. */
export type FirstPassAnswer = { ok: FirstPass } | { userError: string } | { failed: { message: string; stack?: string | undefined } };

/** An error whose message is shown, and whose stack (the child's) only with DEBUG=1 (cli/command.ts). */
function programError(message: string, stack: string | undefined): Error {
  const error = new Error(message);
  if (stack) error.stack = stack;
  return error;
}

export function firstPass(input: FirstPassInput): Promise<FirstPass> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./first-pass-process.ts', import.meta.url)), [JSON.stringify(input)], {
      cwd: input.cwd,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    let answer: FirstPassAnswer | undefined;
    child.once('message', (message) => (answer = message as FirstPassAnswer));
    child.once('error', reject);
    child.once('close', (code) => {
      if (!answer)
        reject(
          programError(
            `Valideringen före bygget avslutades utan svar (kod ${code}). Kör npm run validate för att se vad som gick fel.`,
            stderr.trim(),
          ),
        );
      else if ('ok' in answer) resolve(answer.ok);
      else if ('userError' in answer) reject(new UserError(answer.userError));
      else reject(programError(answer.failed.message, answer.failed.stack));
    });
  });
}
