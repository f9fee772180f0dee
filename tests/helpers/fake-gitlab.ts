// A fake of the parts of GitLab's REST API the reminders and apply-report use
// (issues, labels, users), on a local port, recording every request: the
// GitLab sync is tested as the GitHub one is, with the real HTTP client.
import { startFakeApi } from './fake-api.ts';

export interface FakeGitlabIssue {
  iid: number;
  title: string;
  description: string;
  state: 'opened' | 'closed';
  labels: string[];
  assignees: string[];
  author: string;
}

export interface FakeGitlab {
  /** CI_API_V4_URL for the fake. */
  url: string;
  issues: FakeGitlabIssue[];
  labels: Set<string>;
  requests: string[];
  close: () => Promise<void>;
}

/** The project access token's bot, which the sync writes as. */
export const PROJECT_BOT = 'project_42_bot';
const USERS = ['annaandersson', 'boberg'];

export async function startFakeGitlab(): Promise<FakeGitlab> {
  const fake: Omit<FakeGitlab, 'url' | 'close' | 'requests'> = { issues: [], labels: new Set() };
  const prefix = '/api/v4/projects/42';
  const api = await startFakeApi(({ method, path, url, headers, body }, send) => {
    if (headers['private-token'] !== 'hemlig') return send(401, { message: '401 Unauthorized' });
    const asJson = ({ author, assignees, ...issue }: FakeGitlabIssue) => ({
      ...issue,
      author: { username: author },
      assignees: assignees.map((username) => ({ username })),
    });
    const idsToNames = (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => USERS[Number(id) - 1] ?? `okänd-${id}`) : []);
    if (method === 'GET' && path === '/api/v4/user') return send(200, { id: 99, username: PROJECT_BOT });
    if (method === 'GET' && path === '/api/v4/users') {
      const index = USERS.indexOf(url.searchParams.get('username') ?? '');
      return send(200, index < 0 ? [] : [{ id: index + 1, username: USERS[index] }]);
    }
    if (method === 'GET' && path === `${prefix}/labels`)
      return send(
        200,
        [...fake.labels].map((name) => ({ name })),
      );
    if (method === 'POST' && path === `${prefix}/labels`) {
      fake.labels.add(String(body.name));
      return send(201, { name: body.name });
    }
    if (method === 'GET' && path === `${prefix}/issues`) {
      const label = url.searchParams.get('labels');
      const page = Number(url.searchParams.get('page') ?? 1);
      const matching = fake.issues.filter(
        (issue) => issue.state === url.searchParams.get('state') && (!label || issue.labels.includes(label)),
      );
      return send(200, page === 1 ? matching.map(asJson) : []);
    }
    if (method === 'POST' && path === `${prefix}/issues`) {
      const issue: FakeGitlabIssue = {
        iid: fake.issues.length + 1,
        title: String(body.title),
        description: String(body.description),
        state: 'opened',
        labels: String(body.labels ?? '')
          .split(',')
          .filter(Boolean),
        assignees: idsToNames(body.assignee_ids),
        author: PROJECT_BOT,
      };
      fake.issues.push(issue);
      return send(201, asJson(issue));
    }
    const match = /^\/api\/v4\/projects\/42\/issues\/(\d+)$/.exec(path);
    const issue = match ? fake.issues.find((item) => item.iid === Number(match[1])) : undefined;
    if (issue && method === 'GET') return send(200, asJson(issue));
    if (issue && method === 'PUT') {
      if (typeof body.title === 'string') issue.title = body.title;
      if (typeof body.description === 'string') issue.description = body.description;
      if (body.assignee_ids) issue.assignees = idsToNames(body.assignee_ids);
      if (body.state_event === 'close') issue.state = 'closed';
      return send(200, asJson(issue));
    }
    return send(404, { message: '404 Not Found' });
  });
  return { ...fake, requests: api.requests, url: `${api.origin}/api/v4`, close: api.close };
}
