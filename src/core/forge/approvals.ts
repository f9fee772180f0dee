// Whether a merge request has the approvals the register asks for: a change
// to a system's file is approved by the system's owner or manager. GitLab
// Free has no Code Owners, so the scheduled job (npm run gitlab-note) checks
// this itself and sets a commit status that "Pipelines must succeed" honours.
// Who must approve is read from the target branch, never from the change:
// a merge request that names a new owner, or gives the owner a new account,
// does not thereby choose who approves it.
import type { Entry } from '../reading/parse.ts';

export interface ApprovalNeed {
  /** The system's id and name. */
  system: string;
  name: string;
  /** Accounts of whoever may approve: the owner's and the manager's on the target branch. */
  handles: string[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The systems whose files the change adds, changes or removes, each with who may approve it. O(entries). */
export function approvalsNeeded(before: readonly Entry[], after: readonly Entry[]): ApprovalNeed[] {
  const handleOf = new Map(before.filter((entry) => entry.kind === 'person').map((entry) => [entry.fileId, text(entry.data.gitHandle)]));
  const systems = (entries: readonly Entry[]) =>
    new Map(entries.filter((entry) => entry.kind === 'system').map((entry) => [entry.fileId, entry]));
  const old = systems(before);
  const now = systems(after);
  const needs: ApprovalNeed[] = [];
  for (const id of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const a = old.get(id);
    const b = now.get(id);
    if (a && b && JSON.stringify(a.data) === JSON.stringify(b.data) && a.body === b.body) continue;
    // The owner and manager the target branch knows; for a new system, those it names, with accounts the target branch knows.
    const roles = ((a ?? b)?.data.roles ?? {}) as Record<string, unknown>;
    const handles = [
      ...new Set(
        [text(roles.owner), text(roles.manager)]
          .flatMap((person) => (person ? [handleOf.get(person)] : []))
          .filter((handle): handle is string => Boolean(handle)),
      ),
    ];
    needs.push({ system: id, name: text((b ?? a)?.data.name) ?? id, handles });
  }
  return needs;
}

export interface ApprovalStatus {
  state: 'success' | 'failed';
  /** One line, for the commit status. */
  description: string;
  /** The systems still waiting, with whom they wait for. */
  waiting: ApprovalNeed[];
}

/** The status for the approvals given so far. A system whose owner and manager have no account is left to the IT department's review. */
export function approvalStatus(needs: readonly ApprovalNeed[], approvers: readonly string[]): ApprovalStatus {
  const given = new Set(approvers.map((name) => name.toLowerCase()));
  const waiting = needs.filter((need) => need.handles.length > 0 && !need.handles.some((handle) => given.has(handle.toLowerCase())));
  const named = needs.filter((need) => need.handles.length > 0);
  if (needs.length === 0) return { state: 'success', description: 'Ändringen rör inget systems fil.', waiting };
  if (named.length === 0)
    return {
      state: 'success',
      description: 'Ingen berörd systemägare eller systemförvaltare har användarnamn; IT-avdelningens granskning räcker.',
      waiting,
    };
  if (waiting.length === 0)
    return { state: 'success', description: `Godkänt av systemägare eller systemförvaltare för ${named.length} system.`, waiting };
  const first = waiting[0] as ApprovalNeed;
  const more = waiting.length > 1 ? ` och ${waiting.length - 1} system till` : '';
  return {
    state: 'failed',
    description: `Väntar på godkännande av ${first.handles.map((handle) => `@${handle}`).join(' eller ')} för ${first.name}${more}.`,
    waiting,
  };
}
