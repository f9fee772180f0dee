// GitLab's REST API for the one thing the merge-request pipeline writes: the
// change summary as a note on the merge request, updated in place on every
// pipeline. CI_API_V4_URL, CI_PROJECT_ID and CI_MERGE_REQUEST_IID come from
// GitLab; GITLAB_TOKEN is a project access token that only this job sees.
import { UserError } from '../errors.ts';

export interface GitlabTarget {
  apiUrl: string;
  project: string;
  mergeRequest: string;
  token: string;
}

/** Marks the note this tool wrote, so the next pipeline replaces it instead of adding another. */
export const NOTE_MARKER = '<!-- systemforteckning:sammanfattning -->';

export function gitlabTargetFromEnv(env: NodeJS.ProcessEnv): GitlabTarget {
  const { CI_API_V4_URL: apiUrl, CI_PROJECT_ID: project, CI_MERGE_REQUEST_IID: mergeRequest, GITLAB_TOKEN: token } = env;
  if (!apiUrl || !URL.canParse(apiUrl) || !project || !/^\d+$/.test(project) || !mergeRequest || !/^\d+$/.test(mergeRequest) || !token) {
    throw new UserError(
      'CI_API_V4_URL, CI_PROJECT_ID och CI_MERGE_REQUEST_IID (sätts av GitLab i en pipeline för en sammanslagningsbegäran) och GITLAB_TOKEN (en projekttoken med behörigheten api, som CI/CD-variabel) behövs för att kommentera.',
    );
  }
  return { apiUrl: apiUrl.replace(/\/+$/, ''), project, mergeRequest, token };
}

/** Writes the summary as the merge request's note: the earlier one is updated, or a new one added. Returns what was done. */
export async function upsertMergeRequestNote(target: GitlabTarget, markdown: string, fetcher: typeof fetch = fetch): Promise<'skapad' | 'uppdaterad'> {
  const base = `${target.apiUrl}/projects/${target.project}/merge_requests/${target.mergeRequest}/notes`;
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetcher(url, {
      method,
      headers: { 'PRIVATE-TOKEN': target.token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const message = (data as { message?: unknown } | null)?.message;
      throw new UserError(`GitLab svarade ${response.status}${message ? `: ${JSON.stringify(message)}` : ''}. Kontrollera att GITLAB_TOKEN har behörigheten api.`);
    }
    return data;
  };
  const body = `${NOTE_MARKER}\n${markdown}`;
  for (let page = 1; page <= 20; page++) {
    const notes = (await call('GET', `${base}?per_page=100&page=${page}&sort=asc`)) as { id: number; body: string; system?: boolean }[];
    const earlier = notes.find((note) => !note.system && note.body.startsWith(NOTE_MARKER));
    if (earlier) {
      await call('PUT', `${base}/${earlier.id}`, { body });
      return 'uppdaterad';
    }
    if (notes.length < 100) break;
  }
  await call('POST', base, { body });
  return 'skapad';
}
