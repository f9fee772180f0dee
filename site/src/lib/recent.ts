// Systems ordered by their latest change in Git, newest first; without Git
// history (a generated register), by the date they were last reviewed.
import type { History } from '#core/git/history.ts';
import type { VisibleModel, VisibleSystem } from '#core/model/model.ts';

export function lastChange(system: VisibleSystem, history: History): { date: string; fromGit: boolean } | undefined {
  const change = history.get(system.source)?.[0];
  if (change) return { date: change.date, fromGit: true };
  return system.reviewed ? { date: system.reviewed, fromGit: false } : undefined;
}

/** O(systems log systems). */
export function recentlyChanged(model: VisibleModel, history: History, limit: number): { system: VisibleSystem; date: string }[] {
  return model.systems
    .flatMap((system) => {
      const change = lastChange(system, history);
      return change ? [{ system, date: change.date }] : [];
    })
    .map((item) => ({ ...item, time: Date.parse(item.date) }))
    .sort((a, b) => b.time - a.time)
    .map(({ system, date }) => ({ system, date }))
    .slice(0, limit);
}
