// The impact of a system failing: every system that depends on it, directly
// or through others, found once each, with the cycles shown rather than
// followed forever.
import type { VisibleModel, VisibleSystem } from './model.ts';

export interface Affected {
  system: VisibleSystem;
  /** 1 for a system that uses it directly, 2 for one that uses one of those, … */
  distance: number;
  /** Through which system the failure reaches it (undefined when direct). */
  via?: VisibleSystem;
}

export interface Impact {
  /** Ordered by distance, then by name. */
  affected: Affected[];
  /** Dependencies that close a loop back to a system the failure came through: [user, used] by name. */
  cycles: [string, string][];
}

/** What stops working when `origin` fails. Breadth first: O(systems + dependencies) reached. */
export function impactOf(model: VisibleModel, origin: VisibleSystem): Impact {
  const affected: Affected[] = [];
  /** Through which system each affected one was reached: the path back to the origin. */
  const reachedFrom = new Map<string, string>();
  const seen = new Set<string>([origin.id]);
  const cycles: [string, string][] = [];
  // A dependency closes a cycle when it leads back to a system on the path the failure took.
  const onPathTo = (id: string, target: string) => {
    for (let step: string | undefined = target; step !== undefined; step = reachedFrom.get(step)) if (step === id) return true;
    return false;
  };
  let frontier: VisibleSystem[] = [origin];
  for (let distance = 1; frontier.length > 0; distance++) {
    const next: VisibleSystem[] = [];
    for (const failing of frontier) {
      for (const user of model.usedBy.get(failing.id) ?? []) {
        if (seen.has(user.id)) {
          if (onPathTo(user.id, failing.id)) cycles.push([user.name, failing.name]);
          continue;
        }
        seen.add(user.id);
        reachedFrom.set(user.id, failing.id);
        affected.push({ system: user, distance, ...(failing === origin ? {} : { via: failing }) });
        next.push(user);
      }
    }
    frontier = next;
  }
  return { affected, cycles };
}

export interface DependedOn {
  system: VisibleSystem;
  direct: number;
  total: number;
  /** Affected systems of high or critical criticality. */
  critical: number;
}

/**
 * The systems whose failure affects the most others. The transitive count is
 * computed for the 3 × `count` systems most used directly, not for all, so
 * that a large register stays O(count × reach) rather than O(systems × reach).
 */
export function mostDependedOn(model: VisibleModel, count: number): DependedOn[] {
  const candidates = [...model.usedBy.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, count * 3)
    .flatMap(([id]) => {
      const system = model.systemById.get(id);
      return system ? [system] : [];
    });
  return candidates
    .map((system) => {
      const { affected } = impactOf(model, system);
      return {
        system,
        direct: affected.filter((item) => item.distance === 1).length,
        total: affected.length,
        critical: affected.filter((item) => item.system.criticality === 'hög' || item.system.criticality === 'kritisk').length,
      };
    })
    .sort((a, b) => b.total - a.total || b.direct - a.direct || a.system.name.localeCompare(b.system.name, 'sv'))
    .slice(0, count);
}

/**
 * What stops working when all of `origins` fail at once (a supplier's or a
 * data centre's systems): the origins themselves at distance 0, then every
 * system that uses one of them, directly or through others, once each at its
 * shortest distance. Breadth first: O(systems + dependencies) reached.
 */
export function impactOfMany(model: VisibleModel, origins: readonly VisibleSystem[]): Affected[] {
  const seen = new Set(origins.map((system) => system.id));
  const affected: Affected[] = origins.map((system) => ({ system, distance: 0 }));
  let frontier = [...origins];
  for (let distance = 1; frontier.length > 0; distance++) {
    const next: VisibleSystem[] = [];
    for (const failing of frontier) {
      for (const user of model.usedBy.get(failing.id) ?? []) {
        if (seen.has(user.id)) continue;
        seen.add(user.id);
        affected.push({ system: user, distance, via: failing });
        next.push(user);
      }
    }
    frontier = next;
  }
  return affected;
}
