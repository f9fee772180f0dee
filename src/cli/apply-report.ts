// npm run apply-report -- <rapport.md | -> [--github-issue <nummer> | --gitlab-issue <nummer>] [--dry-run]
// Turns a "Rapportera ändring i uppgifterna" report (the issue's text, an
// e-mail with the same headings, or the issue itself on GitHub) into the edit
// it asks for, when it is one of the common cases, and says what it could not do.
import { join, resolve } from 'node:path';
import { formatText, type Finding } from '../core/findings/findings.ts';
import { UserError } from '../core/errors.ts';
import { planReportEdit } from '../core/forge/apply-report.ts';
import { parseReport, REPORT_LABEL } from '../core/forge/change-report.ts';
import { githubTargetFromEnv, readGithubIssue } from '../core/forge/github.ts';
import { gitlabTargetFromEnv, readGitlabIssue } from '../core/forge/gitlab.ts';
import { checkWith, openRegister, sourceText } from '../core/model/open-register.ts';
import { readNamedFile } from '../core/reading/load.ts';
import { terminalText } from '../core/text/output.ts';
import { setFields } from '../core/writing/yaml-edit.ts';
import { applyWrites, planWrites } from '../core/writing/write-files.ts';
import { defineCommand, EXIT_FINDINGS, EXIT_OK, runMain, UsageError } from './command.ts';

/** Larger than any report a person writes; a guard against being handed the wrong file. */
const MAX_REPORT_BYTES = 256 * 1024;

export const main = defineCommand({
  name: 'apply-report',
  args: '[<rapport.md> | -]',
  positionals: { min: 0, max: 1, missing: '' },
  description:
    'Gör ändringen som en ändringsrapport ber om, för de vanliga fallen: en ny person i en roll, en ny status eller leverantör. Läser ärendets text ur en fil, från standard in (-) eller direkt från GitHub (--github-issue) eller GitLab (--gitlab-issue). Säger vad som måste göras för hand.',
  options: {
    'github-issue': { type: 'string', value: '<nummer>', help: 'hämta ärendet från GitHub (GITHUB_REPOSITORY och GITHUB_TOKEN)' },
    'gitlab-issue': { type: 'string', value: '<nummer>', help: 'hämta ärendet från GitLab (CI_API_V4_URL, CI_PROJECT_ID och GITLAB_TOKEN)' },
    'dry-run': { type: 'boolean', default: false, help: 'visa ändringen utan att skriva något' },
  },
  registry: true,
  writes: true,
  today: true,
  async run({ positionals, values, registry, today, io, print, shown }) {
    const issue = values['github-issue'] !== undefined ? { forge: 'github' as const, number: values['github-issue'] } : values['gitlab-issue'] !== undefined ? { forge: 'gitlab' as const, number: values['gitlab-issue'] } : undefined;
    if (values['github-issue'] !== undefined && values['gitlab-issue'] !== undefined) throw new UsageError('ange --github-issue eller --gitlab-issue, inte båda.');
    const text = await reportText(positionals[0], issue, io);
    const answers = parseReport(text);
    const register = openRegister(registry, { today, cwd: io.cwd });
    const edit = planReportEdit(answers, register.model);
    for (const sentence of edit.done) print(terminalText(`${values['dry-run'] ? 'Skulle ändra' : 'Ändrar'}: ${sentence}`));
    for (const sentence of edit.notDone) print(terminalText(`Inte gjort: ${sentence}`));
    if (!edit.system || edit.changes.length === 0) return EXIT_FINDINGS;
    if (values['dry-run']) return EXIT_OK;

    const relPath = edit.system.source;
    const previousText = sourceText(register, relPath);
    const file = { relPath, text: setFields(previousText, edit.changes), previousText };
    // Checked before it is written: an edit that would add an error to the file is not made.
    const errorsIn = (findings: readonly Finding[]) =>
      findings.filter((finding) => finding.severity === 'error' && finding.file.endsWith(relPath)).map(formatText);
    const before = new Set(errorsIn(register.findings));
    const added = errorsIn(checkWith(register, registry, [file], { today, cwd: io.cwd }).findings).filter((line) => !before.has(line));
    if (added.length > 0) {
      print(`Inte gjort: ändringen skulle ge ${added.length === 1 ? 'ett fel' : `${added.length} fel`} i ${shown(join(registry, relPath))}, så inget skrevs:`);
      for (const line of added) print(`  ${line}`);
      return EXIT_FINDINGS;
    }
    applyWrites(planWrites(registry, [file], { overwrite: true, cwd: io.cwd }));
    print(
      `Skrev ${shown(join(registry, relPath))}. Skapa ett ändringsförslag med filen${issue ? ` och skriv "Closes #${issue.number}" i beskrivningen, så stängs rapporten när ändringen godkänns` : ''}.`,
    );
    return EXIT_OK;
  },
});

async function reportText(
  file: string | undefined,
  issue: { forge: 'github' | 'gitlab'; number: string } | undefined,
  io: { cwd: string; env: NodeJS.ProcessEnv; stdin: NodeJS.ReadableStream },
): Promise<string> {
  if (issue !== undefined) {
    const option = `--${issue.forge}-issue`;
    if (file !== undefined) throw new UsageError(`ange antingen en fil eller ${option}, inte båda.`);
    if (!/^[1-9]\d{0,9}$/.test(issue.number)) throw new UsageError(`${option} ska vara ärendets nummer, inte "${issue.number}".`);
    const number = Number(issue.number);
    const found = issue.forge === 'gitlab' ? await readGitlabIssue(gitlabTargetFromEnv(io.env), number) : await readGithubIssue(githubTargetFromEnv(io.env), number);
    // Anyone can open an issue or a pull request; only an open report, labelled by the form, is read as one.
    if (found.pullRequest) throw new UserError(`#${number} är ett ändringsförslag (pull request), inte en ändringsrapport. Ange numret på rapportens ärende.`);
    if (!found.open) throw new UserError(`Ärende #${number} är stängt. Bara öppna ändringsrapporter görs; öppna ärendet igen om ändringen ska göras.`);
    if (!found.labels.includes(REPORT_LABEL))
      throw new UserError(
        `Ärende #${number} har inte etiketten "${REPORT_LABEL}", som formuläret Rapportera ändring i uppgifterna sätter. Kontrollera att det är en ändringsrapport och sätt etiketten, så görs den.`,
      );
    return found.body;
  }
  if (file === undefined) throw new UsageError('ange filen med rapportens text, - för standard in, eller --github-issue/--gitlab-issue <nummer>.');
  const bytes = file === '-' ? await readAll(io.stdin) : readNamedFile(resolve(io.cwd, file), file, MAX_REPORT_BYTES);
  if (bytes.length > MAX_REPORT_BYTES) throw new UserError(`${file} är större än en ändringsrapport kan vara (över 256 KiB). Ange rätt fil.`);
  return bytes.toString('utf8');
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    chunks.push(buffer);
    if (size > MAX_REPORT_BYTES) break;
  }
  return Buffer.concat(chunks);
}

if (import.meta.main) await runMain(main);
