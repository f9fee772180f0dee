// How the importer reads single cells: people, dates and supplier with hosting.
import { describe, expect, it } from 'vitest';
import { readDate } from '../../src/core/import/dates.ts';
import { readPeople } from '../../src/core/import/people.ts';
import { readSupplierAndHosting, readStatus } from '../../src/core/import/values.ts';

describe('people in a cell', () => {
  it.each([
    ['Anna Andersson', [{ name: 'Anna Andersson' }], false, []],
    ['Svensson, Karin', [{ name: 'Karin Svensson' }], false, []],
    ['Anna Andersson, Bo Berg', [{ name: 'Anna Andersson' }, { name: 'Bo Berg' }], false, []],
    ['Dag Ek och Eva Lind', [{ name: 'Dag Ek' }, { name: 'Eva Lind' }], false, []],
    ['Dag Ek / Eva Lind', [{ name: 'Dag Ek' }, { name: 'Eva Lind' }], false, []],
    ['Dag Ek\nEva Lind', [{ name: 'Dag Ek' }, { name: 'Eva Lind' }], false, []],
    ['Bo Berg (systemägare)', [{ name: 'Bo Berg', note: 'systemägare' }], false, []],
    ['anna.andersson@kommun.se', [{ email: 'anna.andersson@kommun.se' }], false, []],
    ['Anna Andersson <anna.a@kommun.se>', [{ name: 'Anna Andersson', email: 'anna.a@kommun.se' }], false, []],
    ['Karl-Erik af Klint', [{ name: 'Karl-Erik af Klint' }], false, []],
    ['Vakant', [], true, []],
    ['?', [], true, []],
    ['saknas', [], true, []],
    ['MAS', [], false, ['MAS']],
    ['ekonomichef', [], false, ['ekonomichef']],
    ['Anna', [], false, ['Anna']],
  ])('%j', (cell, people, vacant, notPeople) => {
    expect(readPeople(cell)).toEqual({ people, vacant, notPeople });
  });
});

describe('dates in a cell', () => {
  it.each([
    ['2028-12-31', '2028-12-31'],
    ['31/12/2028', '2028-12-31'],
    ['31.12.2028', '2028-12-31'],
    ['2027-06', '2027-06-30'],
    ['juni 2027', '2027-06-30'],
    ['feb. 2028', '2028-02-29'],
    ['15 mars 2027', '2027-03-15'],
    ['46568', '2027-06-30'],
    ['tillsvidare', undefined],
    ['2026-02-30', undefined],
    ['nästa år', undefined],
  ])('%j', (cell, iso) => {
    expect(readDate(cell)).toBe(iso);
  });
});

describe('supplier and hosting in one cell', () => {
  it.each([
    ['Lönepartner (SaaS)', { supplier: 'Lönepartner', hosting: 'molntjänst' }],
    ['Tieto, extern drift', { supplier: 'Tieto', hosting: 'extern drift' }],
    ['Egen drift', { hosting: 'egen drift' }],
    ['Kalkyl AB', { supplier: 'Kalkyl AB' }],
    ['Sambruk i molnet', { supplier: 'Sambruk', hosting: 'molntjänst' }],
  ])('%j', (cell, read) => {
    expect(readSupplierAndHosting(cell)).toEqual(read);
  });

  it('reads statuses people write, with typos', () => {
    expect([readStatus('I drfit'), readStatus('aktiv'), readStatus('Avvecklas'), readStatus('vilande'), readStatus('hmm')]).toEqual([
      'i drift',
      'i drift',
      'under avveckling',
      'avställd',
      undefined,
    ]);
  });
});
