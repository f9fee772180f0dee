// How systems depend on each other, read from real register files: typed and
// plain dependencies alike, what stops working when one fails (with a
// cycle), the maps' neighbourhoods and their summaries, the charts, and the
// search page's "Menade du".
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dependenciesOf } from '../../src/core/domain/dependencies.ts';
import { impactOf, mostDependedOn } from '../../src/core/model/impact.ts';
import { openRegister } from '../../src/core/model/open-register.ts';
import { barChart, contractTimeline } from '../../site/src/lib/charts.ts';
import { canonicalShape, layoutMap, SHOWN_PER_STEP, systemNeighbourhood, unitNeighbourhood, wrapName } from '../../site/src/lib/maps/dependency-map.ts';
import { searchNames, suggest } from '../../site/src/lib/search-names.ts';
import { renderMapSvg } from '../../site/src/lib/maps/dependency-map-svg.ts';
import { writeRegister } from '../../scripts/bench/generate.ts';
import { generateRegister } from '../../scripts/bench/synthetic-register.ts';
import { FIXTURES, removeTemp } from '../helpers/registers.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { REPO } from '../helpers/run.ts';

const site = openRegister(join(FIXTURES, 'site'), { today: '2026-11-28', cwd: REPO }).model;
const example = openRegister(join(REPO, 'registry'), { today: '2026-11-28', cwd: REPO }).model;
const system = (model: typeof site, id: string) => model.systemById.get(id)!;

describe('dependencies', () => {
  it('read the same whether written as an id or with a type and a note', () => {
    expect(dependenciesOf(system(site, 'lonesystem'))).toEqual([{ id: 'budget', type: 'dataflöde', note: 'Lönekostnader till budgetuppföljningen' }]);
    expect(dependenciesOf(system(site, 'budget'))).toEqual([{ id: 'lonesystem' }]);
    expect(site.usedBy.get('budget')?.map((item) => item.id)).toEqual(['lonesystem']);
  });

  it('tell what stops working when a system fails, directly and through others, and show a cycle once', () => {
    const impact = impactOf(site, system(site, 'lonesystem'));
    expect(impact.affected.map(({ system: affected, distance, via }) => [affected.id, distance, via?.id])).toEqual([
      ['budget', 1, undefined],
      ['socialtjanst', 1, undefined],
    ]);
    expect(impact.cycles).toEqual([['Lönesystem', 'Budgetverktyg']]);
    const budget = impactOf(site, system(site, 'budget'));
    expect(budget.affected.map(({ system: affected, distance, via }) => [affected.id, distance, via?.id])).toEqual([
      ['lonesystem', 1, undefined],
      ['socialtjanst', 2, 'lonesystem'],
    ]);
  });

  it('rank the systems most others depend on', () => {
    const top = mostDependedOn(example, 3);
    expect(top[0]?.system.id).toBe('identitetshantering');
    expect(top[0]!.total).toBeGreaterThanOrEqual(top[1]!.total);
  });
});

describe('a system’s dependency map', () => {
  it('shows the system, what it uses below and what uses it above, each a node with its status', () => {
    const map = layoutMap(systemNeighbourhood(site, system(site, 'lonesystem')));
    const byKey = new Map(map.nodes.map((node) => [node.key, node]));
    expect([...byKey.keys()].sort()).toEqual(['budget', 'lonesystem', 'socialtjanst']);
    expect(byKey.get('lonesystem')).toMatchObject({ role: 'center', detail: 'i drift · kritisk', critical: true });
    expect(map.edges.map((edge) => `${edge.from}→${edge.to}${edge.type ? ` ${edge.type}` : ''}`).sort()).toEqual([
      'budget→lonesystem',
      'lonesystem→budget dataflöde',
      'socialtjanst→lonesystem',
    ]);
    // Users sit above the system they use.
    expect(byKey.get('socialtjanst')!.y).toBeLessThan(byKey.get('lonesystem')!.y);
    for (const edge of map.edges) expect(edge.points.length).toBeGreaterThanOrEqual(2);
  });

  it('summarises a large neighbourhood instead of drawing it, and stays small', () => {
    const dir = mkdtempSync(join(tmpdir(), 'systemforteckning-karta-'));
    try {
      writeRegister(generateRegister({ systems: 2000, seed: 3 }).files, dir);
      const { model } = openRegister(dir, { today: '2026-11-28', cwd: REPO });
      const hub = [...model.usedBy.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
      expect(hub[1].length).toBeGreaterThan(50);
      const draft = systemNeighbourhood(model, model.systemById.get(hub[0])!);
      const more = draft.nodes.filter((node) => node.role === 'more');
      expect(more.length).toBeGreaterThan(0);
      expect(more[0]!.lines[0]).toMatch(/^\+ \d+ system$/);
      expect(draft.nodes.filter((node) => node.role === 'system').length).toBeLessThanOrEqual(4 * SHOWN_PER_STEP);
    } finally {
      removeTemp(dir);
    }
  });

  it('draws register text as text: a name with markup and quotes stays inert in the SVG', () => {
    const hostile = { ...system(site, 'budget'), name: '<script>alert(1)</script> "x" & \'y\'' };
    const swap = <T extends { id: string }>(item: T) => (item.id === 'budget' ? hostile : item);
    const model = {
      ...site,
      systemById: new Map([...site.systemById, ['budget', hostile]]),
      uses: new Map([...site.uses].map(([id, uses]) => [id, uses.map((use) => ({ ...use, system: swap(use.system) }))])),
      usedBy: new Map([...site.usedBy].map(([id, users]) => [id, users.map(swap)])),
    };
    const svg = renderMapSvg(layoutMap(systemNeighbourhood(model, system(site, 'lonesystem'))), {
      label: 'Karta "x"',
      href: (node) => `/system/${node.systemId}/`,
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('aria-label="Karta &quot;x&quot;"');
  });

  it('breaks long names between words into two lines at most', () => {
    expect(wrapName('Lönesystem')).toEqual(['Lönesystem']);
    expect(wrapName('Diarie- och ärendehanteringssystem för nämnderna och styrelserna')).toEqual(['Diarie- och', 'ärendehanteringssystem…']);
    expect(wrapName('Geografiskt informationssystem (GIS)')).toEqual(['Geografiskt', 'informationssystem…']);
  });

  it('draws a förvaltning’s systems and, apart, those of others they hang together with', () => {
    const draft = unitNeighbourhood(example, 'socialforvaltningen');
    const own = draft.nodes.filter((node) => node.role === 'system').map((node) => node.systemId);
    const others = draft.nodes.filter((node) => node.role === 'external');
    expect(own).toContain('socialtjanst');
    expect(others.map((node) => node.systemId)).toContain('identitetshantering');
    expect(others.find((node) => node.systemId === 'identitetshantering')?.title).toBe('Identitets- och behörighetshantering (Kommunledningsförvaltningen)');
  });

  it('places a neighbourhood’s systems the same whatever order its dependencies are listed in', () => {
    const draft = systemNeighbourhood(example, system(example, 'socialtjanst'));
    expect(draft.edges.length).toBeGreaterThan(2);
    const place = (map: ReturnType<typeof layoutMap>) => Object.fromEntries(map.nodes.map((node) => [node.key, [node.x, node.y]]));
    const first = layoutMap(draft);
    const second = layoutMap({ nodes: draft.nodes, edges: [...draft.edges].reverse() });
    expect(place(second)).toEqual(place(first));
    expect([second.width, second.height]).toEqual([first.width, first.height]);
  });

  it('numbers a graph’s nodes by how they are linked: the same graph in another order gets the same edges, another graph other edges', () => {
    // A centre used by two systems and using a third, listed in two orders.
    const one = canonicalShape(4, [[1, 0], [2, 0], [0, 3]]);
    const other = canonicalShape(4, [[0, 2], [3, 2], [2, 1]]);
    expect(other.edges).toEqual(one.edges);
    // Each edge given is the numbered edge between its ends' numbers; a repeated edge is numbered once.
    const given: [number, number][] = [[0, 1], [1, 2], [0, 1]];
    const repeated = canonicalShape(3, given);
    expect(repeated.edges).toHaveLength(2);
    given.forEach(([from, to], index) => expect(repeated.edges[repeated.edgeOf[index]!]).toEqual([repeated.numbers[from], repeated.numbers[to]]));
    // A chain is not a star.
    expect(canonicalShape(4, [[0, 1], [1, 2], [2, 3]]).edges).not.toEqual(canonicalShape(4, [[0, 1], [0, 2], [0, 3]]).edges);
  });
});

describe('charts', () => {
  it('scale bars to the largest value, or to a given maximum', () => {
    const chart = barChart([{ label: 'I drift', value: 30 }, { label: 'Planerad', value: 3 }]);
    expect(chart.bars.map((bar) => bar.percent)).toEqual([100, 10]);
    const shares = barChart([{ label: 'A', value: 50, text: '50 %' }], 100);
    expect(shares.bars[0]).toMatchObject({ text: '50 %', percent: 50 });
  });

  it('put the contracts ending within 24 months on a time axis, soonest first, with the days to act', () => {
    const timeline = contractTimeline(example, '2026-11-28');
    expect(timeline.end).toBe('2028-11-28');
    const ends = timeline.rows.map((row) => row.end);
    expect(ends).toEqual([...ends].sort());
    expect(ends.every((end) => end >= '2026-11-28' && end <= '2028-11-28')).toBe(true);
    for (const row of timeline.rows) {
      expect(row.actBy <= row.noticeBy && row.noticeBy <= row.end).toBe(true);
      expect(row.x.end).toBeLessThanOrEqual(100);
    }
    expect(timeline.months).toHaveLength(24);
    // Months that cannot be misread as a day: "jan. 2027", not "jan 27".
    expect(timeline.months.slice(0, 3).map((month) => month.label)).toEqual(['dec. 2026', 'jan. 2027', 'feb. 2027']);
  });
});

describe('Menade du', () => {
  const names = searchNames(example);
  const first = (query: string) => suggest(names, query)[0];

  it('finds a name with a typo, a word inside a compound and an abbreviation', () => {
    expect(first('lönesytem')).toMatchObject({ name: 'Lönesystem', why: 'typo' });
    expect(first('skjuts')).toMatchObject({ name: 'Skolskjutsplanering', why: 'inside' });
    expect(suggest(names, 'BUF', { aliases: true })[0]).toMatchObject({ name: 'Barn- och utbildningsförvaltningen', why: 'alias', matched: 'BUF' });
    expect(first('ahlbreg')).toMatchObject({ kind: 'p', name: 'Camilla Åhlberg', why: 'typo' });
  });

  it('suggests nothing for what Pagefind finds itself, what is too short, or too far from every name', () => {
    expect(suggest(names, 'Lönesystem')).toEqual([]);
    expect(suggest(names, 'lonesystem')).toEqual([]);
    expect(suggest(names, 'lönesys')).toEqual([]);
    expect(suggest(names, 'BUF')).toEqual([]);
    expect(suggest(names, 'lo')).toEqual([]);
    expect(suggest(names, 'xyzzyqq')).toEqual([]);
  });
});
