// Pictures of how systems depend on each other, laid out at build time by
// dagre (a maintained layered-graph layout) so the page needs no script: a
// system with what it uses and what uses it, two steps out, and a
// förvaltning's systems with their links to others. Large neighbourhoods are
// summarised ("+ 14 system") so that a picture stays readable, and small.
import { addTo } from '#core/collections.ts';
import { Graph, layout } from '@dagrejs/dagre';
import type { DependencyType } from '#core/domain/dependencies.ts';
import { statusTone } from '#core/domain/lifecycle.ts';
import { administrationOf, type VisibleModel, type VisibleSystem } from '#core/model/model.ts';
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

const NODE_WIDTH = 184;
const NODE_HEIGHT = 64;
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
const byImportance = (a: VisibleSystem, b: VisibleSystem) => criticalityRank(b) - criticalityRank(a) || bySwedish((s: VisibleSystem) => s.name)(a, b);

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
  return { key, role: 'more', lines: [`+ ${count} system`], detail: what, title: `${count} system till ${what}`, tone: 'muted', critical: false };
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
        const what = direction === 'uses' ? (step === 1 ? `som ${center.name} använder` : 'som de använder') : step === 1 ? `som använder ${center.name}` : 'som använder dem';
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
function addEdgesBetween(model: VisibleModel, draft: Draft, shown: ReadonlySet<string>, keep: (from: string, to: string) => boolean = () => true): void {
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
  const units = new Map<string, { id: string; name: string; systems: number }>();
  for (const system of model.systems) {
    if (usesOf(model, system).length === 0 && !model.usedBy.has(system.id)) continue;
    const unit = administrationOf(model, system.unit);
    const entry = units.get(unit.id) ?? { ...unit, systems: 0 };
    entry.systems++;
    units.set(unit.id, entry);
  }
  return [...units.values()].sort(bySwedish((unit) => unit.name));
}

const byAdministration = new WeakMap<VisibleModel, Map<string, VisibleSystem[]>>();

/** Each förvaltning's systems, grouped once per model. O(systems). */
function systemsByAdministration(model: VisibleModel): Map<string, VisibleSystem[]> {
  let grouped = byAdministration.get(model);
  if (!grouped) {
    grouped = new Map();
    for (const system of model.systems) {
      addTo(grouped, administrationOf(model, system.unit).id, system);
    }
    byAdministration.set(model, grouped);
  }
  return grouped;
}

/** How many systems a förvaltning's map shows, and how many of other förvaltningar's. */
export const UNIT_MAP_LIMITS = { own: 60, others: 30 };

/**
 * A förvaltning's systems (most connected first, at most UNIT_MAP_LIMITS.own)
 * and the systems of others they use or are used by. O(systems + dependencies).
 */
export function unitNeighbourhood(model: VisibleModel, unitId: string): Draft & { hidden: number } {
  const own = systemsByAdministration(model).get(unitId) ?? [];
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

interface Placement {
  width: number;
  height: number;
  centres: { x: number; y: number }[];
  points: { x: number; y: number }[][];
}

/**
 * Layouts by shape: dagre places nodes of equal size by the graph's structure
 * alone, and half the neighbourhoods in a register share their shape with
 * another (measured at 5 000 systems: 2 572 shapes), so each is laid out once.
 */
const placements = new Map<string, Placement>();
const MAX_PLACEMENTS = 20_000;

/**
 * Lays a picture out: a system's from top (what uses it) to bottom (what it
 * uses); a förvaltning's, with many systems per step, from left to right, so
 * that it grows down the page rather than off its side.
 */
export function layoutMap(draft: Draft, direction: 'TB' | 'LR' = 'TB'): DependencyMap {
  const index = new Map(draft.nodes.map((node, position) => [node.key, position]));
  const edges = draft.edges.filter((edge) => edge.from !== edge.to && index.has(edge.from) && index.has(edge.to));
  const shape = `${direction}|${draft.nodes.length}|${edges.map((edge) => `${index.get(edge.from)}>${index.get(edge.to)}`).join(',')}`;
  let placement = placements.get(shape);
  if (!placement) {
    placement = place(draft.nodes.length, edges.map((edge) => [index.get(edge.from) as number, index.get(edge.to) as number]), direction);
    if (placements.size < MAX_PLACEMENTS) placements.set(shape, placement);
  }
  const { width, height, centres, points } = placement;
  return {
    width,
    height,
    nodes: draft.nodes.map((node, position) => {
      const centre = centres[position] as { x: number; y: number };
      return { ...node, x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT };
    }),
    edges: edges.map((edge, position) => ({ ...edge, points: points[position] ?? [] })),
  };
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
    points: edges.map(([from, to]) => (graph.edge(String(from), String(to))?.points ?? []).map((point: { x: number; y: number }) => ({ x: round(point.x), y: round(point.y) }))),
  };
}
