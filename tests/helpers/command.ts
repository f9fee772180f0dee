// Runs a command's main(argv, io) in-process, as npm run would run it, with
// standard input, output and error captured. Tests that need a real process
// (a terminal, signals, another user) use helpers/run.ts instead.
import { Readable } from 'node:stream';
import type { Io, Main } from '../../src/cli/command.ts';
import { TODAY } from './registers.ts';
import { REPO, type RunResult } from './run.ts';

export async function runMain(
  main: Main,
  args: string[],
  options: { cwd?: string; input?: string; env?: Record<string, string>; now?: Date } = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: Readable.from([options.input ?? '']),
    isTTY: false,
    cwd: options.cwd ?? REPO,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    // The same fixed day the validation helpers use, so a command's "today"
    // and the checks against it agree whatever the calendar says.
    now: () => options.now ?? new Date(`${TODAY}T12:00:00Z`),
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}
