// Which forge a repository lives on. Only the two public hosts are known by
// name: a municipality's own GitLab (git.kommun.se) says nothing by its name,
// so settings.yaml must say `forge:` for it (rule forge-unknown) rather than
// get links of the wrong kind.
import type { FORGES } from '../vocabulary.ts';

export type Forge = (typeof FORGES)[number];

const KNOWN_HOSTS: Record<string, Forge> = {
  'github.com': 'github',
  'www.github.com': 'github',
  'gitlab.com': 'gitlab',
  'www.gitlab.com': 'gitlab',
};

/** The forge of a repository address on github.com or gitlab.com; undefined for any other host. */
export function knownForge(repositoryUrl: string): Forge | undefined {
  if (!URL.canParse(repositoryUrl)) return undefined;
  return KNOWN_HOSTS[new URL(repositoryUrl).hostname.toLowerCase()];
}
