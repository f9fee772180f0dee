// Continuity from real register files (tests/fixtures/continuity): who the
// suppliers and hosting providers are, what stops when one of them does
// (transitively, with a cycle, in the order it hurts), how the critical
// systems' facts are covered per förvaltning (counted by hand below), and
// the concentration the report shows.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationMinutes, durationText } from '../../src/core/domain/durations.ts';
import { openRegister } from '../../src/core/model/open-register.ts';
import { visibleModel } from '../../src/core/model/visible.ts';
import { continuityCoverage } from '../../src/core/views/continuity-coverage.ts';
import { concentration, failureOf, findProvider, providersOf, providerSystems } from '../../src/core/views/suppliers.ts';
import { buildReport } from '../../src/core/views/report.ts';
import { FIXTURES, TODAY } from '../helpers/registers.ts';
import { REPO } from '../helpers/run.ts';

const opened = openRegister(join(FIXTURES, 'continuity'), { today: TODAY, cwd: REPO });
const model = visibleModel(opened.model, 'skyddad');

describe('durations', () => {
  it('read as people write them in continuity plans, and compare in minutes', () => {
    expect(['30min', '4h', '2d', '1w'].map(durationMinutes)).toEqual([30, 240, 2880, 10080]);
    expect(['1h', '4h', '1d', '2w'].map(durationText)).toEqual(['1 timme', '4 timmar', '1 dag', '2 veckor']);
    expect(durationMinutes('fyra timmar')).toBeUndefined();
  });
});

describe('suppliers and hosting providers', () => {
  it('are one each, keyed by organisation number, also where a file leaves the number out', () => {
    const providers = providersOf(model).map((provider) => [
      provider.id,
      provider.name,
      provider.supplies.map((s) => s.id),
      provider.hosts.map((s) => s.id),
    ]);
    expect(providers).toEqual([
      ['556123-4567', 'Lönepartner AB', ['hr', 'lon'], []],
      ['556710-2233', 'Norrdata Drift AB', [], ['lon', 'socialtjanst']],
      ['valfard-ab', 'Välfärd AB', ['socialtjanst'], []],
    ]);
    expect(findProvider(model, '5561234567')?.name).toBe('Lönepartner AB');
    expect(findProvider(model, 'norrdata')?.name).toBe('Norrdata Drift AB');
    expect(findProvider(model, 'Valfard AB')?.id).toBe('valfard-ab');
  });

  it('take down what they supply and everything that depends on it, once each through a cycle, shortest recovery time first', () => {
    const lonepartner = findProvider(model, 'Lönepartner AB')!;
    const failure = failureOf(model, providerSystems(lonepartner)).map(({ system, distance, via }) => [system.id, distance, via?.id]);
    // hr uses lon, bokforing uses hr, lon uses bokforing: a cycle, followed once.
    expect(failure).toEqual([
      ['hr', 0, undefined],
      ['lon', 0, undefined],
      ['bokforing', 1, 'hr'],
    ]);
    const norrdata = findProvider(model, '556710-2233')!;
    expect(failureOf(model, providerSystems(norrdata)).map(({ system }) => system.id)).toEqual(['socialtjanst', 'hr', 'lon', 'bokforing']);
  });

  it('are ranked by the critical systems they carry, data centres too', () => {
    const { providers, locations } = concentration(model);
    expect(providers.map((item) => [item.name, item.critical, item.total])).toEqual([
      ['Norrdata Drift AB', 3, 4],
      ['Lönepartner AB', 2, 3],
      ['Välfärd AB', 1, 1],
    ]);
    expect(locations.map((item) => [item.name, item.critical])).toEqual([['Norrdata Drift AB, Sundsvall', 3]]);
  });
});

describe('coverage of the critical systems’ facts', () => {
  it('counts per förvaltning what was counted by hand, leaving out systems not in use', () => {
    const coverage = continuityCoverage(model, { today: TODAY, sees: () => true });
    // Ekonomi: lon and hr critical (bokforing is medel). Social: socialtjanst, and journal by its availability; gammalt is avvecklad.
    expect(coverage.units).toEqual([
      { id: 'ekonomi', name: 'Ekonomiförvaltningen', critical: 2, has: { rto: 2, fallback: 1, support: 1, restoreTested: 1, mfa: 1 } },
      {
        id: 'social',
        name: 'Socialförvaltningen',
        critical: 2,
        has: { rto: 1, fallback: 1, support: 2, restoreTested: 1, accessReviewed: 1, mfa: 1 },
      },
    ]);
    expect(coverage.text).toBe(
      'Av 4 kritiska system i bruk har 3 återställningstid, 2 reservrutin, 3 leverantörens support, 2 testad återläsning i tid, 1 granskade behörigheter i tid, 2 flerfaktorsinloggning.',
    );
  });

  it('shows staff only the facts staff may see, and the same in the report’s JSON', () => {
    const intern = visibleModel(opened.model, 'intern');
    const report = buildReport({ findings: [], model: intern, today: TODAY, sees: (path) => path[0] === 'supplier' });
    expect(report.continuity.facts.map((fact) => fact.key)).toEqual(['support']);
    // The journal is critical by its availability class, which is protected: staff count three critical systems.
    expect(JSON.parse(JSON.stringify(report)).continuity.total).toMatchObject({ critical: 3, has: { support: 2 } });
  });
});
