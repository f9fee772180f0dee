// npm run validate as a user runs it, over real register folders: its main()
// in-process, and once as a real process, as npm runs it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, listFiles, materializeCase, removeTemp, TODAY } from '../helpers/registers.ts';
import { main as validate } from '../../src/cli/validate.ts';
import { runMain } from '../helpers/command.ts';
import { REPO, runCli } from '../helpers/run.ts';

const VALIDATE = 'src/cli/validate.ts';
const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

function brokenRegister(caseName: string) {
  const target = materializeCase(join(FIXTURES, 'invalid', caseName));
  temps.push(target.cwd);
  return target;
}

describe('npm run validate', () => {
  it('accepts the example register as a real process: exit 0 and a summary without errors', () => {
    const result = runCli(VALIDATE, ['--today', TODAY]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/✓ \d+ system, \d+ personer, \d+ enheter, \d+ utrustningar, \d+ riktlinjer?: 0 fel/);
    expect(result.stderr).toBe('');
  });

  it('stops printing quietly when the reader closes the pipe early (validate | head)', async () => {
    const child = spawn(process.execPath, [join(REPO, VALIDATE), '--today', '2040-01-01'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(status).toBe(runCli(VALIDATE, ['--today', '2040-01-01']).status);
  });

  it('prints one Swedish line per finding, path:line:column, and exits 1 on errors', async () => {
    const { cwd } = brokenRegister('roles-owner_unknown-person');
    const result = await runMain(validate, ['--today', TODAY], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      'registry/systems/lonesystem.yaml:7:10: fel: "roles.owner" (Systemägare) pekar på "anna-anderson", men det finns ingen sådan post (personen i registry/people/). Menade du "anna-andersson"? Rätta id:t eller lägg till posten (npm run new). (unknown-person)',
    );
    expect(result.stdout).toContain('1 fel, 0 varningar');
  });

  it('exits 0 when there are only warnings', async () => {
    const { cwd } = brokenRegister('reviewed_overdue');
    const result = await runMain(validate, ['--today', TODAY], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(': varning: ');
  });

  it('--format json prints only a JSON array of records with exactly the six keys', async () => {
    const { cwd } = brokenRegister('roles_unknown-key');
    const result = await runMain(validate, ['--format', 'json', '--today', TODAY], { cwd });
    expect(result.status).toBe(1);
    const records = JSON.parse(result.stdout);
    expect(Array.isArray(records)).toBe(true);
    expect(records).toHaveLength(1);
    for (const record of records) expect(Object.keys(record)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
    expect(records[0]).toMatchObject({
      file: 'registry/systems/lonesystem.yaml',
      line: 7,
      column: 3,
      severity: 'error',
      rule: 'unknown-field',
    });
  });

  it('--format github prints workflow annotations', async () => {
    const { cwd } = brokenRegister('status_not-allowed');
    const result = await runMain(validate, ['--format', 'github', '--today', TODAY], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(
      /^::error file=registry\/systems\/lonesystem\.yaml,line=5,col=9,title=Otillåtet värde::"status" \(Status\) har värdet "i drfit"/,
    );
  });

  it('--registry points it at another folder', async () => {
    const { cwd, root } = brokenRegister('file_empty');
    const result = await runMain(validate, ['--registry', root, '--today', TODAY]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${root}/systems/lonesystem.yaml:1:1: fel: Filen är tom`);
    expect(cwd).toBeTruthy();
  });

  it('exits 2 with a Swedish message and no stack trace when the folder does not exist', async () => {
    const result = await runMain(validate, ['--registry', 'finns-inte']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('Fel: Hittar inte registret "finns-inte". Ange mappen med --registry <mapp>.\n');
    expect(result.stdout).toBe('');
  });

  it.each([
    [['--formt', 'json'], 'okänt val --formt'],
    [['--format', 'xml'], 'okänt format "xml"'],
    [['--today', '2026-02-30'], '--today ska vara ett datum'],
    [['--registry'], '--registry behöver ett värde'],
  ])('exits 2 on bad arguments %j', async (args, message) => {
    const result = await runMain(validate, args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('never writes to the register', async () => {
    const { cwd, root } = brokenRegister('yaml_duplicate-key');
    const snapshot = () =>
      listFiles(root).map((file) => {
        const path = join(root, file);
        return `${file} ${createHash('sha256').update(readFileSync(path)).digest('hex')} ${statSync(path).mtimeMs}`;
      });
    const before = snapshot();
    await runMain(validate, ['--today', TODAY], { cwd });
    await runMain(validate, ['--format', 'json', '--today', TODAY], { cwd });
    expect(snapshot()).toEqual(before);
  });
});
