// A förvaltning's map laid out by ELK's layered algorithm with orthogonal
// edge routing: the lines run in the corridors between the boxes, never
// through one. Measured against dagre on the same maps (README, Prestanda):
// dagre drew lines through other boxes where a map has many systems per
// step; ELK draws none, at a cost the förvaltningar's few maps can carry. A
// system's own map keeps dagre: its lines only join neighbouring steps, where
// there is no box to cross, and there are thousands of them.
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi, ELKConstructorArguments, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { DependencyMap, Draft, Placement } from './dependency-map.ts';
import { NODE_HEIGHT, NODE_WIDTH, drawnEdges, fitToDrawing } from './dependency-map.ts';

// A CommonJS module: its constructor is the module itself, which TypeScript sees as the default's default.
type ElkConstructor = new (args?: ELKConstructorArguments) => ElkApi;
const loaded = ElkModule as unknown as ElkConstructor & { default?: ElkConstructor };
const elk = new (loaded.default ?? loaded)();

type ElkDirection = 'RIGHT' | 'DOWN';

/**
 * ELK's layout of a draft as numbers only: each node's centre (by position in
 * the draft) and each drawn edge's route. What a layout cache keeps, and what a
 * worker sends back.
 */
export async function placeWithElk(draft: Draft, direction: ElkDirection = 'RIGHT'): Promise<Placement> {
  const edges = drawnEdges(draft);
  const input: ElkNode = {
    id: 'karta',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '18',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.edgeNode': '12',
      'elk.spacing.edgeEdge': '6',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.padding': '[top=8,left=8,bottom=8,right=8]',
    },
    children: draft.nodes.map((node) => ({ id: node.key, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: edges.map((edge, index) => ({ id: `e${index}`, sources: [edge.from], targets: [edge.to] })),
  };
  const graph: ElkNode = await elk.layout(input);
  const placed = new Map<string, ElkNode>((graph.children ?? []).map((child: ElkNode) => [child.id, child]));
  const routes = new Map(((graph.edges ?? []) as ElkExtendedEdge[]).map((edge) => [edge.id, edge.sections?.[0]]));
  return {
    width: Math.round(graph.width ?? NODE_WIDTH),
    height: Math.round(graph.height ?? NODE_HEIGHT),
    centres: draft.nodes.map((node) => {
      const box = placed.get(node.key);
      return { x: Math.round(box?.x ?? 0) + NODE_WIDTH / 2, y: Math.round(box?.y ?? 0) + NODE_HEIGHT / 2 };
    }),
    points: edges.map((_, index) => {
      const section = routes.get(`e${index}`);
      const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
      return points.map((point) => ({ x: Math.round(point.x), y: Math.round(point.y) }));
    }),
  };
}

/** A förvaltning's map from ELK's placement of its draft: its systems in the boxes, the routes as ELK drew them. */
export function drawElkMap(draft: Draft, { width, height, centres, points }: Placement): DependencyMap {
  return fitToDrawing({
    width,
    height,
    nodes: draft.nodes.map((node, position) => {
      const centre = centres[position] ?? { x: NODE_WIDTH / 2, y: NODE_HEIGHT / 2 };
      return { ...node, x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT };
    }),
    edges: drawnEdges(draft).map((edge, index) => ({ ...edge, points: points[index] ?? [] })),
  });
}

export async function layoutWithElk(draft: Draft, direction: ElkDirection = 'RIGHT'): Promise<DependencyMap> {
  return drawElkMap(draft, await placeWithElk(draft, direction));
}
