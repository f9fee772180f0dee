// Links into the Git repository that holds the register: the web editor for
// "Föreslå ändring", the file, its commits and the register folder. Built in
// this one place from the settings; no link at all when repositoryUrl is not
// a web address.
import type { Settings } from '../schema/types.ts';
import { webHref } from './links.ts';

export interface RepositoryLinks {
  /** The file in the repository's web editor. */
  edit: (source: string) => string | undefined;
  /** The file the page was made from, for reading (govuk-developer-docs' source_url). */
  view: (source: string) => string | undefined;
  commit: (hash: string) => string | undefined;
  /** The register folder. */
  register: string | undefined;
}

export function repositoryLinks(settings: Pick<Settings, 'repositoryUrl' | 'defaultBranch'>, registryPath: string): RepositoryLinks {
  const repository = webHref(settings.repositoryUrl)?.replace(/\/+$/, '');
  const branch = encodeURIComponent(settings.defaultBranch).replace(/%2F/g, '/');
  const path = (source: string) => [registryPath, source].filter(Boolean).map(encodePath).join('/');
  if (repository === undefined) return { edit: () => undefined, view: () => undefined, commit: () => undefined, register: undefined };
  return {
    edit: (source) => `${repository}/edit/${branch}/${path(source)}`,
    view: (source) => `${repository}/blob/${branch}/${path(source)}`,
    commit: (hash) => (/^[0-9a-f]{7,64}$/.test(hash) ? `${repository}/commit/${hash}` : undefined),
    register: `${repository}/tree/${branch}/${encodePath(registryPath)}`,
  };
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
