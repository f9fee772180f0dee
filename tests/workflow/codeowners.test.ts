// CODEOWNERS is generated from the register and checked for staleness: on
// GitHub .github/CODEOWNERS, on GitLab .gitlab/CODEOWNERS with a section per förvaltning.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main as codeowners } from '../../src/cli/codeowners.ts';
import { runMain } from '../helpers/command.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { git, repositoryWith } from '../helpers/git.ts';
import { editFile, FIXTURES, MINIMAL, removeTemp } from '../helpers/registers.ts';
import { REPO } from '../helpers/run.ts';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

describe('npm run codeowners', () => {
  it('gives each system file to its owner, its manager and the IT team, and everything to the IT team', async () => {
    const { cwd } = repositoryWith(MINIMAL);
    temps.push(cwd);
    const result = await runMain(codeowners, [], { cwd });
    expect(result.status).toBe(0);
    const text = readFileSync(join(cwd, '.github', 'CODEOWNERS'), 'utf8');
    expect(text).toContain('\n* @testkommun/it\n');
    expect(text).toContain('\n/registry/systems/lonesystem.yaml @annaandersson @boberg @testkommun/it\n');
    expect(text.indexOf('* @testkommun/it')).toBeLessThan(text.indexOf('/registry/systems/'));
  });

  it('on GitLab (from the settings), writes .gitlab/CODEOWNERS with a section per förvaltning, and checks it', async () => {
    const { cwd } = repositoryWith(join(FIXTURES, 'site'));
    temps.push(cwd);
    const result = await runMain(codeowners, [], { cwd });
    expect(result.stdout).toMatch(/^Skrev \.gitlab\/CODEOWNERS/);
    const text = readFileSync(join(cwd, '.gitlab', 'CODEOWNERS'), 'utf8');
    expect(text).toContain('\n* @testkommun/it\n');
    const social = text.slice(text.indexOf('\n[Socialförvaltningen]\n'));
    expect(social).toMatch(/^\n\[Socialförvaltningen\]\n\/registry\/systems\/socialtjanst\.yaml @testkommun\/it\n/);
    expect(text).toContain('\n[Testkommun]\n/registry/systems/arkiv.yaml @annaandersson @testkommun/it\n');
    expect((await runMain(codeowners, ['--check'], { cwd })).status).toBe(0);
    expect((await runMain(codeowners, ['--check', '--forge', 'github'], { cwd })).status).toBe(1);
    const wrong = await runMain(codeowners, ['--forge', 'bitbucket'], { cwd });
    expect(wrong).toMatchObject({ status: 2, stderr: 'Fel: --forge ska vara github eller gitlab, inte "bitbucket".\n' });
  });

  it('warns about people without a handle, naming them and their systems', async () => {
    const { cwd, root } = repositoryWith(MINIMAL);
    temps.push(cwd);
    const person = join(root, 'people', 'bo-berg.yaml');
    editFile(person, (text) => text.replace('gitHandle: boberg\n', ''));
    const result = await runMain(codeowners, [], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(
      'varning: Bo Berg (registry/people/bo-berg.yaml) saknar gitHandle och kan inte bli ombedd att granska ändringar i Lönesystem.',
    );
    expect(readFileSync(join(cwd, '.github', 'CODEOWNERS'), 'utf8')).toContain(
      '/registry/systems/lonesystem.yaml @annaandersson @testkommun/it\n',
    );
  });

  it('--check passes when current and fails when a role changed', async () => {
    const { cwd, root } = repositoryWith(MINIMAL);
    temps.push(cwd);
    await runMain(codeowners, [], { cwd });
    expect((await runMain(codeowners, ['--check'], { cwd })).status).toBe(0);
    const system = join(root, 'systems', 'lonesystem.yaml');
    editFile(system, (text) => text.replace('  manager: bo-berg', '  manager: cecilia-ceder'));
    const stale = await runMain(codeowners, ['--check'], { cwd });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('stämmer inte med registret. Kör npm run codeowners och checka in filen');
    expect(stale.stderr).toContain('  ta bort: /registry/systems/lonesystem.yaml @annaandersson @boberg @testkommun/it\n');
    expect(stale.stderr).toContain('  lägg till: /registry/systems/lonesystem.yaml @annaandersson @testkommun/it\n');
    git(cwd, 'status');
  });

  it('the committed file in this repository is current', async () => {
    const result = await runMain(codeowners, ['--check'], { cwd: REPO });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('writes the file when .github does not exist yet', async () => {
    const { cwd } = repositoryWith(MINIMAL);
    temps.push(cwd);
    mkdirSync(join(cwd, 'annat'), { recursive: true });
    expect((await runMain(codeowners, [], { cwd })).stdout).toContain('Skrev .github/CODEOWNERS (1 system).');
  });
});
