// GitLab's REST API for what the scheduled pipeline on the default branch
// does: the change summary as a note on each open merge request, updated in
// place; whether each has the approvals it needs, as a commit status; the
// reminders as issues; and reading a change report's issue. It runs there, and not in the merge request's own pipeline,
// because a merge-request pipeline runs the merge request's .gitlab-ci.yml:
// any job in it could print a token it is given. GITLAB_TOKEN is a protected
// variable, which GitLab gives only to pipelines on protected branches.
// CI_API_V4_URL and CI_PROJECT_ID come from GitLab.
import { UserError } from '../errors.ts';
import type { ReportIssue } from './github.ts';
import type { Issue, IssueApi, NewIssue } from './issues.ts';

export interface GitlabTarget {
  apiUrl: string;
  project: string;
  token: string;
}

/** Marks the note this tool wrote, so the next run replaces it instead of adding another. */
export const NOTE_MARKER = '<!-- systemforteckning:sammanfattning -->';

export function gitlabTargetFromEnv(env: NodeJS.ProcessEnv): GitlabTarget {
  const { CI_API_V4_URL: apiUrl, CI_PROJECT_ID: project, GITLAB_TOKEN: token } = env;
  if (!apiUrl || !URL.canParse(apiUrl) || !project || !/^\d+$/.test(project) || !token) {
    throw new UserError(
      'CI_API_V4_URL och CI_PROJECT_ID (sätts av GitLab i en pipeline) och GITLAB_TOKEN (en projekttoken med behörigheten api, som skyddad CI/CD-variabel) behövs för att läsa och skriva på GitLab.',
    );
  }
  return { apiUrl: apiUrl.replace(/\/+$/, ''), project, token };
}

export interface MergeRequest {
  iid: number;
  title: string;
  /** The head commit. */
  sha: string;
}

export interface Note {
  id: number;
  body: string;
  authorId: number;
  system: boolean;
}

type Call = (method: string, path: string, body?: unknown) => Promise<unknown>;

/** One GitLab project's API; errors are said in Swedish with what the token needs. */
export function gitlabProject(target: GitlabTarget, fetcher: typeof fetch = fetch) {
  /** A call from the API's root (/user), not the project's. */
  const fromRoot: Call = async (method, path, body) => {
    const response = await fetcher(`${target.apiUrl}${path}`, {
      method,
      headers: { 'PRIVATE-TOKEN': target.token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const message = (data as { message?: unknown } | null)?.message;
      throw new UserError(
        `GitLab svarade ${response.status}${message ? `: ${JSON.stringify(message)}` : ''}. Kontrollera att GITLAB_TOKEN har behörigheten api.`,
      );
    }
    return data;
  };
  /** A call on the project: /merge_requests/7/notes. */
  const call: Call = (method, path, body) => fromRoot(method, `/projects/${target.project}${path}`, body);
  /** Every page of a list, 100 at a time, up to 2 000 items. */
  const list = async <T>(path: string): Promise<T[]> => {
    const items: T[] = [];
    for (let page = 1; page <= 20; page++) {
      const batch = (await call('GET', `${path}${path.includes('?') ? '&' : '?'}per_page=100&page=${page}`)) as T[];
      items.push(...batch);
      if (batch.length < 100) break;
    }
    return items;
  };
  return {
    call,
    root: fromRoot,
    list,
    /** The account the token writes as: a project access token's bot user. */
    async me(): Promise<number> {
      return Number(((await fromRoot('GET', '/user')) as { id?: number } | null)?.id ?? -1);
    },
    /** Who has approved a merge request, by user name. */
    async approvers(mergeRequest: number): Promise<string[]> {
      const data = (await call('GET', `/merge_requests/${mergeRequest}/approvals`)) as {
        approved_by?: { user?: { username?: string } }[];
      } | null;
      return (data?.approved_by ?? []).flatMap((item) => (item.user?.username ? [item.user.username] : []));
    },
    /** The merge request's latest pipeline, which a commit status joins. */
    async headPipeline(mergeRequest: number): Promise<number | undefined> {
      const data = (await call('GET', `/merge_requests/${mergeRequest}`)) as { head_pipeline?: { id?: number } | null } | null;
      return data?.head_pipeline?.id ?? undefined;
    },
    /**
     * Sets a status on the merge request's head commit, in its latest pipeline:
     * with "Pipelines must succeed", a failed one keeps it from being merged.
     */
    async setStatus(
      sha: string,
      status: { name: string; state: 'success' | 'failed' | 'pending'; description: string; pipeline?: number },
    ): Promise<void> {
      await call('POST', `/statuses/${sha}`, {
        name: status.name,
        state: status.state,
        description: status.description.slice(0, 255),
        ...(status.pipeline ? { pipeline_id: status.pipeline } : {}),
      });
    },
    async openMergeRequests(targetBranch: string): Promise<MergeRequest[]> {
      const items = await list<{ iid: number; title: string; sha: string }>(
        `/merge_requests?state=opened&target_branch=${encodeURIComponent(targetBranch)}`,
      );
      return items.map(({ iid, title, sha }) => ({ iid, title, sha }));
    },
    async notes(mergeRequest: number): Promise<Note[]> {
      const items = await list<{ id: number; body: string; system?: boolean; author?: { id?: number } }>(
        `/merge_requests/${mergeRequest}/notes?sort=asc`,
      );
      return items.map((note) => ({ id: note.id, body: note.body, authorId: note.author?.id ?? -1, system: Boolean(note.system) }));
    },
    /**
     * Writes the summary as the merge request's note: the note this account
     * wrote earlier is updated (or left when it says the same), else one is
     * added. A note someone else wrote with the marker is never taken for it.
     */
    async upsertNote(mergeRequest: number, markdown: string, author: number): Promise<'skapad' | 'uppdaterad' | 'oförändrad'> {
      const body = `${NOTE_MARKER}\n${markdown}`;
      const earlier = (await this.notes(mergeRequest)).find(
        (note) => !note.system && note.authorId === author && note.body.startsWith(NOTE_MARKER),
      );
      if (earlier?.body === body) return 'oförändrad';
      if (earlier) {
        await call('PUT', `/merge_requests/${mergeRequest}/notes/${earlier.id}`, { body });
        return 'uppdaterad';
      }
      await call('POST', `/merge_requests/${mergeRequest}/notes`, { body });
      return 'skapad';
    },
  };
}

/** The GitLab issues API behind the reminders' sync (the same plan as GitHub's, issues.ts). */
export function gitlabIssues(target: GitlabTarget, fetcher: typeof fetch = fetch): IssueApi {
  const project = gitlabProject(target, fetcher);
  const userIds = new Map<string, number | undefined>();
  /** GitLab assigns by user id: each handle is looked up once; an unknown one is left unassigned. */
  const assigneeIds = async (handles: readonly string[]) => {
    const ids: number[] = [];
    for (const handle of handles) {
      if (!userIds.has(handle)) {
        const users = (await project.root('GET', `/users?username=${encodeURIComponent(handle)}`)) as { id: number }[];
        userIds.set(handle, users[0]?.id);
      }
      const id = userIds.get(handle);
      if (id !== undefined) ids.push(id);
    }
    return ids;
  };
  const write = async (issue: NewIssue) => ({
    title: issue.title,
    description: issue.body,
    assignee_ids: await assigneeIds(issue.assignees),
  });
  return {
    async author() {
      return String(((await project.root('GET', '/user')) as { username?: string } | null)?.username ?? '');
    },
    async ensureLabel(label) {
      const found = (await project.call('GET', `/labels?search=${encodeURIComponent(label)}`)) as { name: string }[];
      if (found.some((item) => item.name === label)) return;
      await project.call('POST', '/labels', { name: label, color: '#fbca04', description: 'Påminnelser från systemförteckningen' });
    },
    async listOpen(label) {
      const items = await project.list<{
        iid: number;
        title: string;
        description?: string | null;
        assignees?: { username: string }[];
        author?: { username?: string };
      }>(`/issues?state=opened&labels=${encodeURIComponent(label)}`);
      return items.map((item): Issue => ({
        number: item.iid,
        title: item.title,
        body: item.description ?? '',
        assignees: (item.assignees ?? []).map((assignee) => assignee.username),
        author: item.author?.username ?? '',
      }));
    },
    async create(issue) {
      const created = (await project.call('POST', '/issues', { ...(await write(issue)), labels: issue.labels.join(',') })) as {
        iid: number;
      };
      return created.iid;
    },
    async update(number, issue) {
      await project.call('PUT', `/issues/${number}`, await write(issue));
    },
    async close(number, body) {
      await project.call('PUT', `/issues/${number}`, { description: body, state_event: 'close' });
    },
  };
}

/** One issue as npm run apply-report needs it; on GitLab an issue is never a merge request. */
export async function readGitlabIssue(target: GitlabTarget, number: number, fetcher: typeof fetch = fetch): Promise<ReportIssue> {
  const data = (await gitlabProject(target, fetcher).call('GET', `/issues/${number}`)) as {
    title?: string;
    description?: string | null;
    state?: string;
    labels?: string[];
  };
  return {
    title: data.title ?? '',
    body: data.description ?? '',
    open: data.state === 'opened',
    labels: data.labels ?? [],
    pullRequest: false,
  };
}
