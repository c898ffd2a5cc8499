import { defineService } from '../../../kit';
import { collectAuthorization } from './collect';
import { ops } from './operations';
import { authorizationScope, customRole, roleAssignment } from './resource';
import { authorizationCustomRoleWildcard } from './rules/custom-role-wildcard';
import { authorizationOwnerCount } from './rules/owner-count';
import { authorizationPhiScopeUser } from './rules/phi-scope-user';
import { authorizationServicePrincipalBroadRole } from './rules/service-principal-broad-role';
import { authorizationSim } from './sim';

/**
 * Azure role-based access control: role assignments, role definitions and classic administrators
 * of a subscription, through ARM. Guests (Microsoft Graph userType), principal names and group
 * members are not read: the kit has no Microsoft Graph client yet.
 */
export const authorization = defineService({
  id: 'azure.authorization',
  provider: 'azure',
  service: 'authorization',
  title: 'Azure role-based access control',
  hipaaListName: 'Azure role-based access control',
  namespace: 'Microsoft.Authorization',
  scope: 'global',
  operations: Object.values(ops),
  resources: [authorizationScope, roleAssignment, customRole],
  rules: [
    authorizationOwnerCount,
    authorizationServicePrincipalBroadRole,
    authorizationPhiScopeUser,
    authorizationCustomRoleWildcard,
  ],
  collect: collectAuthorization,
  sim: authorizationSim,
});
