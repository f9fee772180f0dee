// Links into the Git repository that holds the register, for the forge it
// lives on: the web editor for "Föreslå ändring", the issue form for
// "Rapportera ändring i uppgifterna" (with e-mail for those without an
// account), the file, its commits and the register folder. Built in this one
// place from the settings; no repository link at all when repositoryUrl is
// not a web address.
import { REPORT_LABEL, REPORT_TEMPLATE_FILES, reportBody } from './change-report.ts';
import type { Settings } from '../schema/types.ts';
import { knownForge, type Forge } from '../domain/forges.ts';
import { mailtoHref, webHref } from '../views/links.ts';

export type { Forge };

type LinkSettings = Pick<Settings, 'repositoryUrl' | 'defaultBranch' | 'forge' | 'changeReports' | 'contactEmail'>;

/**
 * The forge named in the settings, or github.com's or gitlab.com's. Any other
 * host without `forge:` is an error the validator reports (forge-unknown);
 * until it is fixed, links are GitHub's.
 */
export function forgeOf(settings: Pick<Settings, 'repositoryUrl' | 'forge'>): Forge {
  return settings.forge ?? knownForge(settings.repositoryUrl) ?? 'github';
}

export interface ReportLinks {
  /** The issue form, pre-filled; undefined when reports go by e-mail only or there is no repository. */
  issue: string | undefined;
  /** An e-mail to the contact address with the same headings pre-filled. */
  email: string | undefined;
}

export interface RepositoryLinks {
  forge: Forge;
  /** The file in the repository's web editor. */
  edit: (source: string) => string | undefined;
  /** The file the page was made from, for reading (govuk-developer-docs' source_url). */
  view: (source: string) => string | undefined;
  commit: (hash: string) => string | undefined;
  /** The register folder. */
  register: string | undefined;
  /** "Rapportera ändring i uppgifterna" for an entry, by its source file and name. */
  report: (source: string, name: string) => ReportLinks;
}

export function repositoryLinks(settings: LinkSettings, registryPath: string): RepositoryLinks {
  const forge = forgeOf(settings);
  const repository = webHref(settings.repositoryUrl)?.replace(/\/+$/, '');
  const branch = encodeURIComponent(settings.defaultBranch).replace(/%2F/g, '/');
  const filePath = (source: string) => [registryPath, source].filter(Boolean).join('/');
  const path = (source: string) => encodePath(filePath(source));
  const address = mailtoHref(settings.contactEmail);
  // RFC 6068: line breaks in a mailto body are CRLF.
  const emailBody = encodedAround((post) =>
    `Fyll i svaren under rubrikerna och skicka meddelandet till IT-avdelningen.\n\n${reportBody({ post }, 'email')}`.replace(/\n/g, '\r\n'),
  );
  const email = (source: string, name: string) => {
    if (!address) return undefined;
    const subject = `Ändring i systemförteckningen: ${name}`;
    return `${address}?subject=${encodeURIComponent(subject)}&body=${emailBody(filePath(source))}`;
  };
  if (repository === undefined) {
    return {
      forge,
      edit: () => undefined,
      view: () => undefined,
      commit: () => undefined,
      register: undefined,
      report: (source, name) => ({ issue: undefined, email: email(source, name) }),
    };
  }
  const byIssue = settings.changeReports !== 'e-post';
  if (forge === 'gitlab') {
    const project = new URL(repository).pathname.replace(/^\/+/, '');
    const description = encodedAround((post) => `${reportBody({ post }, 'gitlab')}\n/label ~"${REPORT_LABEL}"\n`);
    return {
      forge,
      edit: (source) => `${new URL(repository).origin}/-/ide/project/${project}/edit/${branch}/-/${path(source)}`,
      view: (source) => `${repository}/-/blob/${branch}/${path(source)}`,
      commit: (hash) => (/^[0-9a-f]{7,64}$/.test(hash) ? `${repository}/-/commit/${hash}` : undefined),
      register: `${repository}/-/tree/${branch}/${encodePath(registryPath)}`,
      report: (source, name) => ({
        issue: byIssue
          ? `${repository}/-/issues/new?${query({ 'issue[title]': `Ändring: ${name}` })}&${encodeURIComponent('issue[description]')}=${description(filePath(source))}`
          : undefined,
        email: email(source, name),
      }),
    };
  }
  return {
    forge,
    edit: (source) => `${repository}/edit/${branch}/${path(source)}`,
    view: (source) => `${repository}/blob/${branch}/${path(source)}`,
    commit: (hash) => (/^[0-9a-f]{7,64}$/.test(hash) ? `${repository}/commit/${hash}` : undefined),
    register: `${repository}/tree/${branch}/${encodePath(registryPath)}`,
    report: (source, name) => ({
      issue: byIssue
        ? `${repository}/issues/new?${query({
            template: REPORT_TEMPLATE_FILES.github.split('/').pop() as string,
            title: `Ändring: ${name}`,
            post: filePath(source),
          })}`
        : undefined,
      email: email(source, name),
    }),
  };
}

/**
 * `text(post)` percent-encoded, with the form around the post encoded once:
 * every page carries the report links, and encoding the whole form (2 KB)
 * for each took 0.18 s of a 5 000-system build (CPU profile).
 */
function encodedAround(text: (post: string) => string): (post: string) => string {
  const mark = '\u0000';
  let around: string[] | undefined;
  return (post) => {
    around ??= encodeURIComponent(text(mark)).split(encodeURIComponent(mark));
    return around.join(encodeURIComponent(post));
  };
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A query string with every value percent-encoded (spaces as %20, which mail programs and forges all read). */
function query(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}
