import { azureOperation } from '../../../kit';

/**
 * Every ARM read of the authorization collector: who holds which role where. No Microsoft Graph
 * call is made (principal names, guest userType and group members are not read: see the service's
 * note in index.ts).
 *
 * - RoleAssignments_ListForSubscription, api-version 2022-04-01 (azure-rest-api-specs
 *   authorization/…/stable/2022-04-01/authorization-RoleAssignmentsCalls.json): every assignment
 *   at, above (management groups, root) and below the subscription; properties.principalType,
 *   roleDefinitionId, scope. Paged by nextLink.
 * - RoleDefinitions_List at subscription scope, api-version 2022-04-01: built-in and custom roles
 *   with their permissions. Read without $filter (the kit sends no query parameters), so the answer
 *   holds every built-in role too; only type CustomRole is judged.
 * - ClassicAdministrators_List, api-version 2015-07-01: Service Administrator and Co-Administrators.
 *   Classic administrators were retired from August 2024; an error other than AccessDenied is read
 *   as "none listed" and named in the detail.
 * - ResourceGroups_List, api-version 2021-04-01: resource group tags, so an assignment on a resource
 *   group tagged as PHI is classified as PHI like the group.
 */
export const ops = {
  listRoleAssignments: azureOperation({
    id: 'RoleAssignments_ListForSubscription',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleAssignments',
    apiVersion: '2022-04-01',
    permission: 'Microsoft.Authorization/roleAssignments/read',
  }),
  listRoleDefinitions: azureOperation({
    id: 'RoleDefinitions_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions',
    apiVersion: '2022-04-01',
    permission: 'Microsoft.Authorization/roleDefinitions/read',
  }),
  listClassicAdministrators: azureOperation({
    id: 'ClassicAdministrators_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/classicAdministrators',
    apiVersion: '2015-07-01',
    permission: 'Microsoft.Authorization/classicAdministrators/read',
  }),
  listResourceGroups: azureOperation({
    id: 'ResourceGroups_List',
    path: '/subscriptions/{subscriptionId}/resourcegroups',
    apiVersion: '2021-04-01',
    permission: 'Microsoft.Resources/subscriptions/resourceGroups/read',
  }),
};
