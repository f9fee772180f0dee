// A förvaltning's map page: its laid-out map and the links it draws, as lists.
import { siteData } from '../data.ts';

export function mapPaths() {
  return siteData().maps.map((unit) => ({ params: { id: unit.id }, props: { unitId: unit.id, name: unit.name } }));
}

export async function mapPage(unitId: string) {
  const { model } = siteData();
  const { map, draft, hidden } = await siteData().siteMaps.unit(unitId);
  return {
    map,
    hidden,
    own: draft.nodes.filter((node) => node.role === 'system'),
    links: draft.edges.map((edge) => ({ from: model.systemById.get(edge.from), to: model.systemById.get(edge.to), type: edge.type })),
  };
}
