// Pictures of how systems depend on each other, laid out at build time by
// dagre (a maintained layered-graph layout) so the page needs no script: a
// system with what it uses and what uses it, two steps out, and a
// förvaltning's systems with their links to others. Large neighbourhoods are
// summarised ("+ 14 system") so that a picture stays readable, and small.
import { addTo } from '#core/collections.ts';
import { Graph, layout } from '@dagrejs/dagre';
import type { DependencyType } from '#core/domain/dependencies.ts';
import { statusTone } from '#core/domain/lifecycle.ts';
import { administrationOf, systemsByAdministration, type VisibleModel, type VisibleSystem } from '#core/model/model.ts';
import { CRITICALITY_LEVELS } from '#core/vocabulary.ts';
import { bySwedish } from '#core/text/text.ts';

export type MapNodeRole = 'center' | 'system' | 'external' | 'more';

export interface MapNode {
  key: string;
  role: MapNodeRole;
  /** The system a node stands for (not for a summary). */
  systemId?: string;
  /** Up to two lines of the name. */
  lines: string[];
  /** "i drift · kritisk", or the other förvaltning's name. */
  detail: string;
  /** The full text, for the node's tooltip and screen readers. */
  title: string;
  tone: ReturnType<typeof statusTone>;
  /** hög or kritisk: drawn heavier. */
  critical: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapEdge {
  from: string;
  to: string;
  type?: DependencyType;
  /** The line from the user to the system used, as laid out. */
  points: { x: number; y: number }[];
}

export interface DependencyMap {
  width: number;
  height: number;
  nodes: MapNode[];
  edges: MapEdge[];
}

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 64;
/** What fits on the detail line in the node's smaller type. */
const DETAIL_CHARACTERS = 25;
const CHARACTERS_PER_LINE = 22;

/** How many systems a picture shows per step and direction before it summarises the rest. */
export const SHOWN_PER_STEP = 5;

export interface Draft {
  nodes: Omit<MapNode, 'x' | 'y' | 'width' | 'height'>[];
  edges: Omit<MapEdge, 'points'>[];
}

const criticalityRank = (system: VisibleSystem) => (system.criticality ? CRITICALITY_LEVELS.indexOf(system.criticality) : -1);

/** Most critical first, then by name: the systems a summary would hide last. */
const byImportance = (a: VisibleSystem, b: VisibleSystem) =>
  criticalityRank(b) - criticalityRank(a) || bySwedish((s: VisibleSystem) => s.name)(a, b);

/** A name in at most two lines of about CHARACTERS_PER_LINE characters, broken between words. */
export function wrapName(name: string): string[] {
  const words = name.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && `${line} ${word}`.length > CHARACTERS_PER_LINE) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  const shown = lines.slice(0, 2).map((text) => (text.length > CHARACTERS_PER_LINE + 2 ? `${text.slice(0, CHARACTERS_PER_LINE)}…` : text));
  if (lines.length > 2) {
    const second = lines[1] ?? '';
    shown[1] = `${second.length <= CHARACTERS_PER_LINE ? second : second.slice(0, CHARACTERS_PER_LINE - 1)}…`;
  }
  return shown;
}

function systemNode(system: VisibleSystem, role: MapNodeRole, detail?: string): Draft['nodes'][number] {
  const critical = system.criticality === 'hög' || system.criticality === 'kritisk';
  const facts = detail ?? [system.status, system.criticality].filter(Boolean).join(' · ');
  return {
    key: system.id,
    role,
    systemId: system.id,
    lines: wrapName(system.name),
    detail: facts.length > DETAIL_CHARACTERS ? `${facts.slice(0, DETAIL_CHARACTERS - 1)}…` : facts,
    title: `${system.name} (${facts})`,
    tone: statusTone(system.status),
    critical,
  };
}

function moreNode(key: string, count: number, what: string): Draft['nodes'][number] {
  return {
    key,
    role: 'more',
    lines: [`+ ${count} system`],
    detail: what,
    title: `${count} system till ${what}`,
    tone: 'muted',
    critical: false,
  };
}

/** The systems a system uses, resolved by the model. */
function usesOf(model: VisibleModel, system: VisibleSystem): { system: VisibleSystem; type?: DependencyType }[] {
  return model.uses.get(system.id) ?? [];
}

/**
 * A system, what it uses and what uses it, two steps out each way, at most
 * SHOWN_PER_STEP systems per step and direction. O(systems within two steps).
 */
export function systemNeighbourhood(model: VisibleModel, center: VisibleSystem): Draft {
  const draft: Draft = { nodes: [systemNode(center, 'center')], edges: [] };
  const shown = new Set<string>([center.id]);
  /** The step each shown system is at: what the centre uses below it (1, 2), what uses it above (-1, -2). */
  const steps = new Map<string, number>([[center.id, 0]]);
  for (const direction of ['uses', 'usedBy'] as const) {
    let frontier: VisibleSystem[] = [center];
    for (let step = 1; step <= 2; step++) {
      const candidates = new Map<string, VisibleSystem>();
      for (const from of frontier) {
        const next = direction === 'uses' ? usesOf(model, from).map((item) => item.system) : (model.usedBy.get(from.id) ?? []);
        for (const system of next) if (!shown.has(system.id)) candidates.set(system.id, system);
      }
      const ordered = [...candidates.values()].sort(byImportance);
      const kept = ordered.slice(0, SHOWN_PER_STEP);
      for (const system of kept) {
        shown.add(system.id);
        steps.set(system.id, direction === 'uses' ? step : -step);
        draft.nodes.push(systemNode(system, 'system'));
      }
      const hidden = ordered.length - kept.length;
      if (hidden > 0) {
        const key = `mer-${direction}-${step}`;
        const what =
          direction === 'uses'
            ? step === 1
              ? `som ${center.name} använder`
              : 'som de använder'
            : step === 1
              ? `som använder ${center.name}`
              : 'som använder dem';
        draft.nodes.push(moreNode(key, hidden, what));
        // Placed beside the step it summarises: linked to the system the step starts from.
        const anchor = step === 1 ? center.id : (frontier[0]?.id ?? center.id);
        draft.edges.push(direction === 'uses' ? { from: anchor, to: key } : { from: key, to: anchor });
      }
      frontier = kept;
    }
  }
  // Only between neighbouring steps: an edge that skips a step, or runs along one, says
  // little about the centre and costs the layout most (measured: a third of its time).
  addEdgesBetween(model, draft, shown, (from, to) => Math.abs((steps.get(to) ?? 0) - (steps.get(from) ?? 0)) === 1);
  return draft;
}

/** Every dependency between two systems in the picture (that `keep` accepts). */
function addEdgesBetween(
  model: VisibleModel,
  draft: Draft,
  shown: ReadonlySet<string>,
  keep: (from: string, to: string) => boolean = () => true,
): void {
  for (const id of shown) {
    const system = model.systemById.get(id);
    if (!system) continue;
    for (const { system: used, type } of usesOf(model, system)) {
      if (shown.has(used.id) && used.id !== id && keep(id, used.id)) draft.edges.push({ from: id, to: used.id, ...(type ? { type } : {}) });
    }
  }
}

/** The förvaltningar (and companies) that own systems with dependencies: one map page each, by name. */
export function mappedUnits(model: VisibleModel): { id: string; name: string; systems: number }[] {
  const connected = (system: VisibleSystem) => usesOf(model, system).length > 0 || model.usedBy.has(system.id);
  return [...systemsByAdministration(model).values()]
    .map(({ id, name, systems }) => ({ id, name, systems: systems.filter(connected).length }))
    .filter((unit) => unit.systems > 0);
}

/** How many systems a förvaltning's map shows, and how many of other förvaltningar's. */
export const UNIT_MAP_LIMITS = { own: 60, others: 30 };

/**
 * A förvaltning's systems (most connected first, at most UNIT_MAP_LIMITS.own)
 * and the systems of others they use or are used by. O(systems + dependencies).
 */
export function unitNeighbourhood(model: VisibleModel, unitId: string): Draft & { hidden: number } {
  const own = systemsByAdministration(model).get(unitId)?.systems ?? [];
  const degree = (system: VisibleSystem) => usesOf(model, system).length + (model.usedBy.get(system.id)?.length ?? 0);
  const connected = own.filter((system) => degree(system) > 0).sort((a, b) => degree(b) - degree(a) || byImportance(a, b));
  const kept = connected.slice(0, UNIT_MAP_LIMITS.own);
  const draft: Draft = { nodes: kept.map((system) => systemNode(system, 'system')), edges: [] };
  const shown = new Set(kept.map((system) => system.id));
  const others = new Map<string, VisibleSystem>();
  for (const system of kept) {
    for (const neighbour of [...usesOf(model, system).map((item) => item.system), ...(model.usedBy.get(system.id) ?? [])]) {
      if (!shown.has(neighbour.id)) others.set(neighbour.id, neighbour);
    }
  }
  const outside = [...others.values()].sort(byImportance);
  for (const system of outside.slice(0, UNIT_MAP_LIMITS.others)) {
    shown.add(system.id);
    draft.nodes.push(systemNode(system, 'external', administrationOf(model, system.unit).name));
  }
  addEdgesBetween(model, draft, shown);
  return { ...draft, hidden: connected.length - kept.length + Math.max(0, outside.length - UNIT_MAP_LIMITS.others) };
}

/** Where dagre put a shape's nodes (centres, by number) and its edges' lines (by numbered edge). */
export interface Placement {
  width: number;
  height: number;
  centres: { x: number; y: number }[];
  points: { x: number; y: number }[][];
}

/** A picture's shape: its nodes numbered by how they are linked (canonicalShape), and its edges that can be drawn. */
export interface MapShape {
  /** The same for every picture of this shape and direction: what a layout is kept by. */
  key: string;
  direction: 'TB' | 'LR';
  count: number;
  numbers: number[];
  /** The numbered edges, the input of a layout. */
  numbered: [number, number][];
  /** The draft's edges that join two of its nodes, and the numbered edge each is. */
  edges: Draft['edges'];
  edgeOf: number[];
}

/**
 * Layouts by shape: dagre places nodes of equal size by the graph's structure
 * alone, and most neighbourhoods in a register share their shape with another
 * once their nodes are numbered by how they are linked (canonicalShape), so
 * each shape is laid out once (measured at 5 000 systems: 5 000 maps, 1 314
 * shapes; 2 307 when numbered in the order the draft lists them).
 */
const placements = new Map<string, Placement>();
const MAX_PLACEMENTS = 20_000;

/** The edges a map draws: between two of the draft's nodes, not to itself. */
export function drawnEdges(draft: Draft): Draft['edges'] {
  const keys = new Set(draft.nodes.map((node) => node.key));
  return draft.edges.filter((edge) => edge.from !== edge.to && keys.has(edge.from) && keys.has(edge.to));
}

export function mapShape(draft: Draft, direction: 'TB' | 'LR' = 'TB'): MapShape {
  const index = new Map(draft.nodes.map((node, position) => [node.key, position]));
  const edges = drawnEdges(draft);
  const shape = canonicalShape(
    draft.nodes.length,
    edges.map((edge) => [index.get(edge.from) as number, index.get(edge.to) as number]),
  );
  return {
    key: `${direction}|${draft.nodes.length}|${shape.edges.join(',')}`,
    direction,
    count: draft.nodes.length,
    numbers: shape.numbers,
    numbered: shape.edges,
    edges,
    edgeOf: shape.edgeOf,
  };
}

/** A shape laid out by dagre, once per shape. */
export function placeShape(shape: Pick<MapShape, 'key' | 'count' | 'numbered' | 'direction'>): Placement {
  let placement = placements.get(shape.key);
  if (!placement) {
    placement = layOutShape(shape);
    if (placements.size < MAX_PLACEMENTS) placements.set(shape.key, placement);
  }
  return placement;
}

/** A shape laid out by dagre, without keeping it: for a worker, which is sent each shape once. */
export function layOutShape({ count, numbered, direction }: Pick<MapShape, 'count' | 'numbered' | 'direction'>): Placement {
  return place(count, numbered, direction);
}

/**
 * Lays a picture out: a system's from top (what uses it) to bottom (what it
 * uses); a förvaltning's, with many systems per step, from left to right, so
 * that it grows down the page rather than off its side.
 */
export function layoutMap(draft: Draft, direction: 'TB' | 'LR' = 'TB'): DependencyMap {
  const shape = mapShape(draft, direction);
  return drawMap(draft, shape, placeShape(shape));
}

/** The picture of a draft from its shape's layout: its own systems in the places, its lines routed. */
export function drawMap(draft: Draft, shape: MapShape, { width, height, centres, points }: Placement): DependencyMap {
  const laid = {
    width,
    height,
    nodes: draft.nodes.map((node, position) => {
      const centre = centres[shape.numbers[position] as number] as { x: number; y: number };
      return { ...node, x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT };
    }),
    edges: shape.edges.map((edge, position) => ({ ...edge, points: points[shape.edgeOf[position] as number] ?? [] })),
  };
  return fitToDrawing(shape.direction === 'TB' ? routeBetweenSteps(laid) : laid);
}

/**
 * A graph's nodes numbered by how they are linked, not by the order they came
 * in: colour refinement gives every node the colour of its links' colours,
 * round by round, and the nodes are numbered by colour. Two graphs that
 * differ only in their nodes' order then mostly get the same numbered edges.
 * A tie is broken by the order they came in, which only costs a shared
 * layout, never a wrong one: the same numbered edges are the same graph.
 * Returns each node's number, the numbered edges (sorted, without repeats)
 * and, for each edge given, its place among them.
 */
export function canonicalShape(
  count: number,
  edges: readonly (readonly [number, number])[],
): { numbers: number[]; edges: [number, number][]; edgeOf: number[] } {
  const outs: number[][] = Array.from({ length: count }, () => []);
  const ins: number[][] = Array.from({ length: count }, () => []);
  for (const [from, to] of edges) {
    outs[from]?.push(to);
    ins[to]?.push(from);
  }
  let colours = new Array<number>(count).fill(0);
  const coloursOf = (nodes: readonly number[]) => nodes.map((node) => colours[node] as number).sort((a, b) => a - b);
  for (let classes = 1; ;) {
    const signature = (node: number) => `${colours[node]}|${coloursOf(outs[node] ?? [])}|${coloursOf(ins[node] ?? [])}`;
    const signatures = colours.map((_, node) => signature(node));
    const distinct = [...new Set(signatures)].sort();
    colours = signatures.map((text) => distinct.indexOf(text));
    if (distinct.length === classes) break;
    classes = distinct.length;
  }
  const order = colours.map((_, node) => node).sort((a, b) => (colours[a] as number) - (colours[b] as number) || a - b);
  const numbers = new Array<number>(count);
  order.forEach((node, number) => (numbers[node] = number));
  const pairKey = ([from, to]: readonly [number, number]) => (numbers[from] as number) * count + (numbers[to] as number);
  const keys = [...new Set(edges.map(pairKey))].sort((a, b) => a - b);
  const place = new Map(keys.map((key, position) => [key, position]));
  return {
    numbers,
    edges: keys.map((key) => [Math.floor(key / count), key % count]),
    edgeOf: edges.map((edge) => place.get(pairKey(edge)) as number),
  };
}

/**
 * Lines as a reader follows them: down out of the user's box, across in the
 * gap below its step, down through the free column dagre kept for the line
 * in each step it passes, and down into the used system's box. Dagre ends a
 * line on the side of its box, and a line that slants in from the side
 * crossed a neighbouring box (measured: one map in nine at 5 000 systems);
 * in a gap between steps, and in the line's own column, there is no box.
 * Lines into one box arrive side by side, and lines run across the same gap
 * at heights of their own.
 */
function routeBetweenSteps(map: DependencyMap): DependencyMap {
  const byKey = new Map(map.nodes.map((node) => [node.key, node]));
  const tops = [...new Set(map.nodes.map((node) => node.y))].sort((a, b) => a - b);
  const height = map.nodes[0]?.height ?? NODE_HEIGHT;
  const rankOf = (y: number) => tops.findIndex((top) => y >= top && y <= top + height);
  const gapBelow = (rank: number) =>
    ((tops[rank] as number) + height + (tops[rank + 1] ?? (tops[rank] as number) + height + 2 * height)) / 2;
  const incoming = new Map<string, number[]>();
  map.edges.forEach((edge, index) => addTo(incoming, edge.to, index));
  const arrivals = new Map<number, number>();
  for (const [to, list] of incoming) {
    const target = byKey.get(to);
    if (!target) continue;
    const sources = list.map((index) => ({ index, x: byKey.get(map.edges[index]?.from ?? '')?.x ?? 0 })).sort((a, b) => a.x - b.x);
    // Spread over the middle two thirds of the top side, in the order the sources stand.
    sources.forEach(({ index }, position) =>
      arrivals.set(index, target.x + target.width / 6 + ((position + 1) * ((target.width * 2) / 3)) / (sources.length + 1)),
    );
  }
  return {
    ...map,
    edges: map.edges.map((edge, index) => {
      const from = byKey.get(edge.from);
      const to = byKey.get(edge.to);
      const fromRank = from ? rankOf(from.y) : -1;
      const toRank = to ? rankOf(to.y) : -1;
      if (!from || !to || fromRank < 0 || toRank <= fromRank) return edge;
      // The columns dagre kept for the line in the steps between: its points that lie in a step.
      const columns = edge.points.slice(1, -1).filter((point) => {
        const rank = rankOf(point.y);
        return rank > fromRank && rank < toRank;
      });
      const spread = ((index % 5) - 2) * 3;
      const points = [{ x: Math.round(from.x + from.width / 2), y: from.y + from.height }];
      let rank = fromRank;
      let x = points[0]?.x as number;
      for (const waypoint of [...columns, { x: Math.round(arrivals.get(index) ?? to.x + to.width / 2), y: to.y }]) {
        const across = Math.round(gapBelow(rank) + spread);
        points.push({ x, y: across }, { x: Math.round(waypoint.x), y: across });
        x = Math.round(waypoint.x);
        rank = Math.max(rank + 1, rankOf(waypoint.y));
      }
      points.push({ x, y: to.y });
      return { ...edge, points };
    }),
  };
}

/**
 * The drawing grown, and moved, to hold every box and every line with a
 * margin: a layout may bend a line outside its own box of nodes, and a line
 * outside the drawing is cut off.
 */
export function fitToDrawing(map: DependencyMap, margin = 8): DependencyMap {
  let left = 0;
  let top = 0;
  let right = map.width;
  let bottom = map.height;
  for (const node of map.nodes) {
    left = Math.min(left, node.x);
    top = Math.min(top, node.y);
    right = Math.max(right, node.x + node.width);
    bottom = Math.max(bottom, node.y + node.height);
  }
  for (const edge of map.edges)
    for (const point of edge.points) {
      left = Math.min(left, point.x);
      top = Math.min(top, point.y);
      right = Math.max(right, point.x);
      bottom = Math.max(bottom, point.y);
    }
  const dx = margin - left;
  const dy = margin - top;
  return {
    width: Math.ceil(right - left + 2 * margin),
    height: Math.ceil(bottom - top + 2 * margin),
    nodes: map.nodes.map((node) => ({ ...node, x: node.x + dx, y: node.y + dy })),
    edges: map.edges.map((edge) => ({ ...edge, points: edge.points.map((point) => ({ x: point.x + dx, y: point.y + dy })) })),
  };
}

/**
 * How many lines pass through a box they do not join: what makes a map hard
 * to read. Each segment is tested against each other box, shrunk by a pixel
 * so that touching is not crossing. O(edges × segments × nodes).
 */
export function edgesThroughNodes(map: DependencyMap): number {
  let crossings = 0;
  for (const edge of map.edges) {
    const crosses = map.nodes.some((node) => {
      if (node.key === edge.from || node.key === edge.to) return false;
      const box = { left: node.x + 1, top: node.y + 1, right: node.x + node.width - 1, bottom: node.y + node.height - 1 };
      return edge.points.slice(1).some((point, index) => segmentMeetsBox(edge.points[index] as { x: number; y: number }, point, box));
    });
    if (crosses) crossings++;
  }
  return crossings;
}

/** Liang–Barsky clipping: whether the segment from a to b has any point inside the box. */
function segmentMeetsBox(
  a: { x: number; y: number },
  b: { x: number; y: number },
  box: { left: number; top: number; right: number; bottom: number },
): boolean {
  let start = 0;
  let end = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const sides: [number, number][] = [
    [-dx, a.x - box.left],
    [dx, box.right - a.x],
    [-dy, a.y - box.top],
    [dy, box.bottom - a.y],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) start = Math.max(start, t);
    else end = Math.min(end, t);
    if (start > end) return false;
  }
  return true;
}

function place(nodes: number, edges: [number, number][], direction: 'TB' | 'LR'): Placement {
  const graph = new Graph({ multigraph: false });
  graph.setGraph({ rankdir: direction, nodesep: 18, ranksep: direction === 'TB' ? 44 : 64, marginx: 4, marginy: 4 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (let node = 0; node < nodes; node++) graph.setNode(String(node), { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const [from, to] of edges) graph.setEdge(String(from), String(to));
  layout(graph);
  const size = graph.graph();
  const round = (value: number) => Math.round(value);
  return {
    width: round(size.width ?? NODE_WIDTH),
    height: round(size.height ?? NODE_HEIGHT),
    centres: Array.from({ length: nodes }, (_, node) => {
      const placed = graph.node(String(node));
      return { x: round(placed.x), y: round(placed.y) };
    }),
    points: edges.map(([from, to]) =>
      (graph.edge(String(from), String(to))?.points ?? []).map((point: { x: number; y: number }) => ({
        x: round(point.x),
        y: round(point.y),
      })),
    ),
  };
}
