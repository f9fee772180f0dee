// GitHub's REST API for issues, with the workflow's own token: only what the
// reminders need (list, create, update and close issues; create a label).
// GITHUB_API_URL points it at GitHub Enterprise, or at the tests' fake server.
import { UserError } from '../errors.ts';
import type { Issue, IssueApi, NewIssue } from './issues.ts';

export interface GithubTarget {
  apiUrl: string;
  /** owner/name */
  repository: string;
  token: string;
}

export function githubTargetFromEnv(env: NodeJS.ProcessEnv): GithubTarget {
  const repository = env.GITHUB_REPOSITORY;
  const token = env.GITHUB_TOKEN;
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !token) {
    throw new UserError(
      'GITHUB_REPOSITORY (ägare/förråd) och GITHUB_TOKEN behövs för att läsa och skriva ärenden på GitHub. Ett arbetsflöde sätter dem; lokalt sätter du dem själv (en token med behörighet till ärenden).',
    );
  }
  return { apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''), repository, token };
}

/** The author of issues a workflow's GITHUB_TOKEN writes. */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

type ApiCall = (method: string, path: string, body?: unknown, fromRoot?: boolean) => Promise<{ status: number; data: unknown }>;

function githubCall(target: GithubTarget, fetcher: typeof fetch): ApiCall {
  return async (method, path, body, fromRoot = false) => {
    const response = await fetcher(`${target.apiUrl}${fromRoot ? '' : `/repos/${target.repository}`}${path}`, {
      method,
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${target.token}`,
        'X-GitHub-Api-Version': '2022-11-28',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    return { status: response.status, data };
  };
}

function checked(result: { status: number; data: unknown }, what: string, permission: string): unknown {
  if (result.status >= 200 && result.status < 300) return result.data;
  const message = (result.data as { message?: string } | null)?.message ?? '';
  throw new UserError(`GitHub svarade ${result.status} när ${what}${message ? `: ${message}` : ''}. Kontrollera att token har ${permission}.`);
}

export interface ReportIssue {
  title: string;
  body: string;
  open: boolean;
  labels: string[];
  /** GitHub's issues API also returns pull requests; their text is not a report. */
  pullRequest: boolean;
}

/** One issue as npm run apply-report needs it. */
export async function readGithubIssue(target: GithubTarget, number: number, fetcher: typeof fetch = fetch): Promise<ReportIssue> {
  const data = checked(await githubCall(target, fetcher)('GET', `/issues/${number}`), `ärende #${number} hämtades`, 'issues: read') as {
    title?: string;
    body?: string | null;
    state?: string;
    labels?: (string | { name?: string })[];
    pull_request?: unknown;
  };
  return {
    title: data.title ?? '',
    body: data.body ?? '',
    open: data.state === 'open',
    labels: (data.labels ?? []).map((label) => (typeof label === 'string' ? label : (label.name ?? ''))),
    pullRequest: data.pull_request !== undefined && data.pull_request !== null,
  };
}

export function githubIssues(target: GithubTarget, fetcher: typeof fetch = fetch): IssueApi {
  const call = githubCall(target, fetcher);
  const check = (result: { status: number; data: unknown }, what: string) => checked(result, what, 'issues: write');
  const asIssue = (item: { number: number; title: string; body?: string | null; assignees?: { login: string }[]; user?: { login?: string } | null }): Issue => ({
    number: item.number,
    title: item.title,
    body: item.body ?? '',
    assignees: (item.assignees ?? []).map((assignee) => assignee.login),
    author: item.user?.login ?? '',
  });
  return {
    async author() {
      // A personal token has a user; the workflow's installation token does not (403), and writes as github-actions[bot].
      const me = await call('GET', '/user', undefined, true);
      if (me.status === 200) return String((me.data as { login?: string } | null)?.login ?? '');
      if (me.status === 401) check(me, 'kontot för token hämtades');
      return GITHUB_ACTIONS_BOT;
    },
    async ensureLabel(label) {
      const found = await call('GET', `/labels/${encodeURIComponent(label)}`);
      if (found.status === 200) return;
      const created = await call('POST', '/labels', { name: label, color: 'fbca04', description: 'Påminnelser från systemförteckningen' });
      if (created.status !== 201 && created.status !== 422) check(created, `etiketten "${label}" skapades`);
    },
    async listOpen(label) {
      const issues: Issue[] = [];
      for (let page = 1; ; page++) {
        const items = check(
          await call('GET', `/issues?state=open&labels=${encodeURIComponent(label)}&per_page=100&page=${page}`),
          'ärendena hämtades',
        ) as { number: number; title: string; body?: string; pull_request?: unknown; assignees?: { login: string }[]; user?: { login?: string } }[];
        issues.push(...items.filter((item) => !item.pull_request).map(asIssue));
        if (items.length < 100) return issues;
      }
    },
    async create(issue) {
      return (check(await call('POST', '/issues', issue), `ärendet "${issue.title}" skapades`) as { number: number }).number;
    },
    async update(number, issue: NewIssue) {
      check(await call('PATCH', `/issues/${number}`, issue), `ärende #${number} uppdaterades`);
    },
    async close(number, body) {
      check(await call('PATCH', `/issues/${number}`, { body, state: 'closed', state_reason: 'completed' }), `ärende #${number} stängdes`);
    },
  };
}
