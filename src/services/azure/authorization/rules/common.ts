import type { NormalizedResource, RuleContext } from '../../../../kit';
import { resourceGroupOf } from '../../../../kit';
import { authorizationScope, customRole, roleAssignment } from '../resource';

export const AUTHORIZATION_SCOPE = authorizationScope.type;
export const ROLE_ASSIGNMENT = roleAssignment.type;
export const CUSTOM_ROLE = customRole.type;

export const scopeProperties = authorizationScope.properties;
export const assignmentProperties = roleAssignment.properties;
export const customRoleProperties = customRole.properties;

/** "Role assignment Owner for user 5f3c…" */
export function assignmentLabel(resource: NormalizedResource): string {
  return `Role assignment ${resource.name}`;
}

/** Most access reviews stop at a handful of Owners: more is rarely needed and hard to justify. */
export const MAX_OWNERS = 3;

/**
 * The PHI resource that makes a scope a PHI scope: an Azure resource of the run classified as PHI
 * whose id is the scope, or whose resource group is the scope. Null when there is none.
 */
export function phiResourceAt(scope: string, context: RuleContext): NormalizedResource | null {
  const wanted = scope.toLowerCase().replace(/\/+$/, '');
  for (const resource of context.resources) {
    if (resource.provider !== 'azure' || !resource.phi) continue;
    const id = resource.nativeId.toLowerCase();
    if (id === wanted) return resource;
    const group = resourceGroupOf(resource.nativeId);
    if (!group) continue;
    const groupScope = `${id.slice(0, id.indexOf('/resourcegroups/'))}/resourcegroups/${group.toLowerCase()}`;
    if (groupScope === wanted) return resource;
  }
  return null;
}

/** A role assignment in Bicep, to a group at a resource group (the shape each remediation adjusts). */
export const bicepGroupAssignment = `// Deployed at the resource group that holds the PHI resources
param phiAdminsGroupObjectId string // an Entra group, reviewed with access reviews / PIM for Groups

resource phiAdmins 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, phiAdminsGroupObjectId, 'Contributor')
  properties: {
    principalId: phiAdminsGroupObjectId
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
    description: 'PHI administrators (quarterly access review)'
  }
}`;

export const terraformGroupAssignment = `resource "azurerm_role_assignment" "phi_admins" {
  scope                = azurerm_resource_group.phi.id
  role_definition_name = "Contributor"
  principal_id         = azuread_group.phi_admins.object_id
  principal_type       = "Group"
  description          = "PHI administrators (quarterly access review)"
}`;
