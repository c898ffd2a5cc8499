/**
 * Built-in role definition ids (constant across tenants; Azure built-in roles reference). Matched on
 * the GUID at the end of roleDefinitionId, whatever scope prefix ARM gives it.
 */
export const BUILT_IN_ROLES = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
} as const;

export type BuiltInRoleName = keyof typeof BUILT_IN_ROLES;

/** Roles that control the whole scope: Owner, Contributor, User Access Administrator. */
export const PRIVILEGED_ROLE_IDS: ReadonlySet<string> = new Set([
  BUILT_IN_ROLES.Owner,
  BUILT_IN_ROLES.Contributor,
  BUILT_IN_ROLES['User Access Administrator'],
]);

/** '/subscriptions/…/roleDefinitions/8E3AF657-…' → '8e3af657-…' */
export function roleGuid(roleDefinitionId: string): string {
  return (roleDefinitionId.split('/').filter(Boolean).pop() ?? roleDefinitionId).toLowerCase();
}

export function builtInRoleName(roleDefinitionId: string): BuiltInRoleName | undefined {
  const guid = roleGuid(roleDefinitionId);
  return (Object.keys(BUILT_IN_ROLES) as BuiltInRoleName[]).find((name) => BUILT_IN_ROLES[name] === guid);
}
