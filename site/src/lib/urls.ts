// Every link on the site goes through these helpers so that the configurable
// base path (an intranet sub-folder) is respected everywhere.
import type { Holder } from '#core/views/holders.ts';
import { fieldAnchor } from '#core/views/field-reference.ts';
import { headingId } from '#core/text/markdown.ts';
import { roleTitle, type RoleKey } from '#core/domain/roles.ts';

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export function url(path = ''): string {
  return `${BASE}${path.replace(/^\/+/, '')}`;
}

export const systemUrl = (id: string) => url(`system/${id}/`);
export const personUrl = (id: string) => url(`personer/${id}/`);
export const unitUrl = (id: string) => url(`organisation/${id}/`);
export const guidelineUrl = (id: string) => url(`riktlinjer/${id}/`);
export const mapUrl = (unitId: string) => url(`karta/${unitId}/`);
export const providerUrl = (id: string) => url(`leverantor/${id}/`);
export const helpUrl = (slug = '', anchor = '') => url(`hjalp/${slug ? `${slug}/` : ''}${anchor ? `#${anchor}` : ''}`);
/** A field's entry on its kind's reference page. */
export const fieldHelpUrl = (kind: string, path: readonly (string | number)[]) =>
  helpUrl(`falt/${kind}`, fieldAnchor(path.filter((key): key is string => typeof key === 'string')));
/** A role's entry in the role glossary (docs/hjalp/roller.md): its heading's anchor. */
export const roleHelpUrl = (role: RoleKey) => helpUrl('roller', headingId(roleTitle(role)));
/** A förvaltning's part of the crisis binder: its own page when the binder is split, else its place on the one page. */
export const binderPartUrl = (unitId: string, ownPage: boolean) => (ownPage ? url(`krisparm/${unitId}/`) : `#${unitId}`);
export const registerPageUrl = (page: number) => (page <= 1 ? url('system/') : url(`system/sida/${page}/`));

export function holderUrl(holder: Holder): string | undefined {
  if (holder.kind === 'person') return personUrl(holder.id);
  if (holder.kind === 'unit') return unitUrl(holder.id);
  return undefined;
}
