// The roles of a system's management organisation, in the order the
// guidelines list them, and who holds which. Labels come from the schema.
import { fieldTitle } from '../schema/labels.ts';
import { referencesOf } from './references.ts';
import type { System } from '../schema/types.ts';

export const ROLE_KEYS = [
  'owner',
  'manager',
  'administrators',
  'operations',
  'users',
  'informationOwner',
  'legalOwner',
  'technicalManager',
  'superUsers',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];
export const REQUIRED_ROLES: readonly RoleKey[] = ['owner', 'manager', 'administrators', 'operations', 'users'];

/** "Systemägare"; for list roles the singular, e.g. "Systemadministratör". */
export function roleTitle(role: RoleKey, form: 'singular' | 'plural' = 'singular'): string {
  const listRole = role === 'administrators' || role === 'superUsers' || role === 'users';
  return fieldTitle('system', listRole && form === 'singular' && role !== 'users' ? ['roles', role, 0] : ['roles', role]);
}

export interface RoleHolder {
  role: RoleKey;
  /** Id of a person or unit, as written in the file. */
  id: string;
}

/** Every id named under roles, in file order; none where the roles are not to be seen. O(roles). */
export function roleHolders(system: Omit<System, 'roles'> & { roles?: Partial<System['roles']> }): RoleHolder[] {
  return referencesOf('system', system as unknown as Record<string, unknown>)
    .filter(({ path }) => path[0] === 'roles')
    .map(({ path, id }) => ({ role: path[1] as RoleKey, id }));
}
