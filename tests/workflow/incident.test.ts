// npm run incident on a real register (tests/fixtures/continuity): the
// systems that stop when a supplier, a hosting provider or a system fails,
// in the order to act, with whom to call and what to do, in text, Markdown
// and JSON; the CSIRT deadlines from --since in Swedish time; what a
// narrower audience is not shown; and Swedish answers to wrong input.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as incident } from '../../src/cli/incident.ts';
import { runMain } from '../helpers/command.ts';
import { FIXTURES } from '../helpers/registers.ts';
import { REPO } from '../helpers/run.ts';

const REGISTRY = join(FIXTURES, 'continuity');
const run = (...args: string[]) => runMain(incident, ['--registry', REGISTRY, ...args], { cwd: REPO });

describe('npm run incident', () => {
  it('lists what stops when a supplier fails, in the order to act, with contacts, recovery time and fallback', async () => {
    const result = await run('--supplier', '556123-4567', '--audience', 'skyddad');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'Om Lönepartner AB (556123-4567) slutar fungera\n\n3 system påverkas: 2 direkt och 1 genom andra system; 1 stöder samhällsviktig verksamhet.',
    );
    const order = [...result.stdout.matchAll(/^\d+\. (.+) \(/gm)].map((match) => match[1]);
    expect(order).toEqual(['HR-självservice', 'Lönesystem', 'Ekonomisystem']);
    expect(result.stdout).toContain(
      [
        '2. Lönesystem (i drift)',
        '   Påverkan: direkt',
        '   Kritikalitet: kritisk',
        '   Återställningstid: 1 dag',
        '   Reservrutin: Förskott på föregående månads lön.',
        '   Systemägare: Anna Ägare, 010-111 11 11, anna-agare@kontinuitet.se',
        '   Systemförvaltare: Bo Förvaltare, 010-222 22 22, bo-forvaltare@kontinuitet.se',
        '   Incidentkontakt: Bo Förvaltare, 010-222 22 22, bo-forvaltare@kontinuitet.se',
        '   Leverantör: Lönepartner AB: 010-550 12 00, vardagar 7–17',
        '   Samhällsviktig verksamhet: ja: Löner till vård och omsorg.',
      ].join('\n'),
    );
    expect(result.stdout).toContain('3. Ekonomisystem (i drift)\n   Påverkan: genom HR-självservice');
    expect(result.stdout).not.toContain('ser inte');
  });

  it('finds a hosting provider by a part of its name, and a system by its id', async () => {
    const hosting = await run('--hosting', 'norrdata', '--audience', 'skyddad');
    expect(hosting.stdout).toContain(
      'Om Norrdata Drift AB (556710-2233) slutar fungera\n\n4 system påverkas: 2 direkt och 2 genom andra system; 1 stöder samhällsviktig verksamhet.',
    );
    const system = await run('--system', 'lon', '--format', 'json');
    expect(JSON.parse(system.stdout).rows.map((row: { id: string; how: string }) => [row.id, row.how])).toEqual([
      ['lon', 'direkt'],
      ['hr', 'genom Lönesystem'],
      ['bokforing', 'genom HR-självservice'],
    ]);
  });

  it('prints the CSIRT deadlines from when the incident was discovered, in Swedish time, across a change to summer time', async () => {
    const result = await run('--system', 'lon', '--since', '2026-03-28 10:00', '--format', 'markdown');
    expect(result.stdout).toContain('### Rapportering enligt cybersäkerhetslagen');
    expect(result.stdout).toContain(
      '| Tidig varning till CSIRT | 29 mars 2026 kl. 11.00 | inom 24 timmar från att incidenten upptäcktes |',
    );
    expect(result.stdout).toContain('| Incidentanmälan | 31 mars 2026 kl. 11.00 | inom 72 timmar från att incidenten upptäcktes |');
    expect(result.stdout).toContain('| Slutrapport | 30 april 2026 kl. 11.00 |');
    const json = JSON.parse((await run('--system', 'lon', '--since', '2026-11-29 08:15', '--format', 'json')).stdout);
    expect(json.deadlines.map((deadline: { by: string }) => deadline.by)).toEqual([
      '30 november 2026 kl. 08.15',
      '2 december 2026 kl. 08.15',
      '2 januari 2027 kl. 08.15',
    ]);
  });

  it('shows staff no protected fact, and says what it left out instead of leaving blanks', async () => {
    const result = await run('--supplier', 'Lönepartner AB');
    expect(result.stdout).not.toMatch(/Återställningstid|Reservrutin|Incidentkontakt|Samhällsviktig/);
    expect(result.stdout).toContain(
      'Publiken intern ser inte: återställningstid, reservrutin, samhällsviktig verksamhet, incidentkontakt. Kör med --audience skyddad för hela bilden, om du får se den.',
    );
    const json = JSON.parse((await run('--supplier', 'Lönepartner AB', '--format', 'json')).stdout);
    expect(json.rows.every((row: Record<string, unknown>) => row.rto === undefined && row.fallback === undefined)).toBe(true);
  });

  it('answers wrong input in Swedish, with what was probably meant', async () => {
    expect(await run('--supplier', 'Lönepartnr AB')).toMatchObject({
      status: 2,
      stderr:
        'Fel: Ingen leverantör i registret heter "Lönepartnr AB" eller har det organisationsnumret. Menade du Lönepartner AB? Ange namnet eller organisationsnumret (NNNNNN-NNNN).\n',
    });
    expect((await run('--system', 'lonn')).stderr).toContain('Systemet "lonn" finns inte i registret. Menade du lon?');
    expect((await run('--system', 'lon', '--supplier', 'x')).stderr).toContain('ange precis en av --supplier, --hosting och --system.');
    expect((await run('--system', 'lon', '--since', '2026-02-30 10:00')).stderr).toContain('--since ska vara en tidpunkt i svensk tid');
    // Where systems run is protected: staff are told so, not that the provider does not exist.
    expect((await run('--hosting', 'norrdata')).stderr).toBe(
      'Fel: Var systemen drivs (hostedAt) är skyddade uppgifter som publiken intern inte ser. Kör med --audience skyddad, om du får se dem.\n',
    );
  });
});
