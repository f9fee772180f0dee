// A fake of the parts of GitHub's REST API the reminders and apply-report use, on a local
// port, recording every request: the sync is tested against it without a
// network, with the real HTTP client.
import { startFakeApi } from './fake-api.ts';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  /** Who opened it; issues made through the API are the workflow's bot. */
  author?: string;
  /** GitHub's issues API lists pull requests too. */
  pullRequest?: boolean;
}

/** The login GitHub gives the workflow token's issues. */
export const WORKFLOW_BOT = 'github-actions[bot]';

export interface FakeGithub {
  url: string;
  issues: FakeIssue[];
  labels: Set<string>;
  requests: string[];
  close: () => Promise<void>;
}

export async function startFakeGithub(repository = 'testkommun/systemforteckning'): Promise<FakeGithub> {
  const fake: Omit<FakeGithub, 'url' | 'close' | 'requests'> = { issues: [], labels: new Set() };
  const prefix = `/repos/${repository}`;
  const api = await startFakeApi(({ method, path, url, headers, body }, send) => {
    if (headers.authorization !== 'Bearer hemlig-token') return send(401, { message: 'Bad credentials' });
    const asJson = ({ author, pullRequest, ...issue }: FakeIssue) => ({
      ...issue,
      user: { login: author ?? WORKFLOW_BOT },
      labels: issue.labels.map((name) => ({ name })),
      assignees: issue.assignees.map((login) => ({ login })),
      ...(pullRequest ? { pull_request: { url: `${prefix}/pulls/${issue.number}` } } : {}),
    });
    // As for a workflow's GITHUB_TOKEN: an installation token has no user.
    if (method === 'GET' && url.pathname === '/user') return send(403, { message: 'Resource not accessible by integration' });
    if (method === 'GET' && path.startsWith(`${prefix}/labels/`)) {
      return fake.labels.has(path.slice(`${prefix}/labels/`.length)) ? send(200, {}) : send(404, { message: 'Not Found' });
    }
    if (method === 'POST' && path === `${prefix}/labels`) {
      fake.labels.add(String(body.name));
      return send(201, {});
    }
    if (method === 'GET' && path === `${prefix}/issues`) {
      const label = url.searchParams.get('labels');
      const page = Number(url.searchParams.get('page') ?? 1);
      const open = fake.issues.filter((issue) => issue.state === 'open' && (!label || issue.labels.includes(label)));
      return send(200, open.slice((page - 1) * 100, page * 100).map(asJson));
    }
    if (method === 'POST' && path === `${prefix}/issues`) {
      const issue: FakeIssue = {
        number: fake.issues.length + 1,
        title: String(body.title),
        body: String(body.body),
        state: 'open',
        labels: (body.labels as string[]) ?? [],
        assignees: (body.assignees as string[]) ?? [],
      };
      fake.issues.push(issue);
      return send(201, asJson(issue));
    }
    const patch = /\/issues\/(\d+)$/.exec(path);
    if (method === 'GET' && patch) {
      const issue = fake.issues.find((item) => item.number === Number(patch[1]));
      return issue ? send(200, asJson(issue)) : send(404, { message: 'Not Found' });
    }
    if (method === 'PATCH' && patch) {
      const issue = fake.issues.find((item) => item.number === Number(patch[1]));
      if (!issue) return send(404, { message: 'Not Found' });
      Object.assign(issue, body);
      return send(200, asJson(issue));
    }
    return send(404, { message: 'Not Found' });
  });
  return { ...fake, requests: api.requests, url: api.origin, close: api.close };
}
