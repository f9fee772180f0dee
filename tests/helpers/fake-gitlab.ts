// A fake of the parts of GitLab's REST API the reminders and apply-report use
// (issues, labels, users), on a local port, recording every request: the
// GitLab sync is tested as the GitHub one is, with the real HTTP client.
import { createServer, type Server } from 'node:http';

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
  const fake: Omit<FakeGitlab, 'url' | 'close'> = { issues: [], labels: new Set(), requests: [] };
  const prefix = '/api/v4/projects/42';
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      fake.requests.push(`${request.method} ${decodeURIComponent(url.pathname)}${url.search ? decodeURIComponent(url.search) : ''}`);
      const send = (status: number, data: unknown) =>
        response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(data));
      if (request.headers['private-token'] !== 'hemlig') return send(401, { message: '401 Unauthorized' });
      const path = decodeURIComponent(url.pathname);
      const asJson = ({ author, assignees, ...issue }: FakeGitlabIssue) => ({
        ...issue,
        author: { username: author },
        assignees: assignees.map((username) => ({ username })),
      });
      const idsToNames = (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => USERS[Number(id) - 1] ?? `okänd-${id}`) : []);
      if (request.method === 'GET' && path === '/api/v4/user') return send(200, { id: 99, username: PROJECT_BOT });
      if (request.method === 'GET' && path === '/api/v4/users') {
        const index = USERS.indexOf(url.searchParams.get('username') ?? '');
        return send(200, index < 0 ? [] : [{ id: index + 1, username: USERS[index] }]);
      }
      if (request.method === 'GET' && path === `${prefix}/labels`)
        return send(
          200,
          [...fake.labels].map((name) => ({ name })),
        );
      if (request.method === 'POST' && path === `${prefix}/labels`) {
        fake.labels.add(String(body.name));
        return send(201, { name: body.name });
      }
      if (request.method === 'GET' && path === `${prefix}/issues`) {
        const label = url.searchParams.get('labels');
        const page = Number(url.searchParams.get('page') ?? 1);
        const matching = fake.issues.filter(
          (issue) => issue.state === url.searchParams.get('state') && (!label || issue.labels.includes(label)),
        );
        return send(200, page === 1 ? matching.map(asJson) : []);
      }
      if (request.method === 'POST' && path === `${prefix}/issues`) {
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
      if (issue && request.method === 'GET') return send(200, asJson(issue));
      if (issue && request.method === 'PUT') {
        if (typeof body.title === 'string') issue.title = body.title;
        if (typeof body.description === 'string') issue.description = body.description;
        if (body.assignee_ids) issue.assignees = idsToNames(body.assignee_ids);
        if (body.state_event === 'close') issue.state = 'closed';
        return send(200, asJson(issue));
      }
      return send(404, { message: '404 Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    ...fake,
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v4`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
