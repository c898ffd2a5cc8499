import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import { describeScope } from '../normalize';
import { assignmentLabel, assignmentProperties, ROLE_ASSIGNMENT } from './common';

const BROAD = new Set(['root', 'managementGroup', 'subscription']);

/** 164.308(a)(4)(ii)(B), 164.312(a)(1): automation gets the narrowest scope its job needs. */
export const authorizationServicePrincipalBroadRole: Rule = {
  id: 'azure.authorization.service-principal-broad-role',
  title:
    'Service principals do not hold Owner, Contributor or User Access Administrator on the whole subscription',
  severity: 'medium',
  exposure: 'internal',
  resourceType: ROLE_ASSIGNMENT,
  citations: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    "A service principal (an app registration, a managed identity, a CI/CD pipeline's identity) with Owner, Contributor or User Access Administrator on the subscription, a management group or the tenant root can read and change every resource below it, including the stores that hold ePHI; its credential (a client secret in a pipeline variable, a federated token) is then as powerful as a global administrator and is not protected by MFA. Access authorization (164.308(a)(4)(ii)(B)) and access control (164.312(a)(1)) call for least privilege: automation should hold the narrowest role on the resource groups it deploys. This rule reads principalType, roleDefinitionId and scope of each assignment from RoleAssignments_ListForSubscription: a service principal with one of these roles at subscription scope or above fails; the same roles on a resource group or resource pass.",
  remediation: {
    text: 'Scope each pipeline or application identity to the resource groups it deploys or manages, with Contributor or a narrower built-in role; keep Owner and User Access Administrator off service principals (use Role Based Access Control Administrator with a condition when automation must assign roles). Prefer workload identity federation to client secrets.',
    bicep: `// Deployed at the resource group the pipeline manages, instead of a subscription-wide assignment
param pipelinePrincipalId string

resource pipelineDeploy 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, pipelinePrincipalId, 'Contributor')
  properties: {
    principalId: pipelinePrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
    description: 'Deploys the storefront resource group only'
  }
}`,
    terraform: `resource "azurerm_role_assignment" "pipeline" {
  scope                = azurerm_resource_group.storefront.id
  role_definition_name = "Contributor"
  principal_id         = azuread_service_principal.pipeline.object_id
  principal_type       = "ServicePrincipal"
}`,
    cli: `az role assignment create --assignee-object-id <sp-object-id> --assignee-principal-type ServicePrincipal --role Contributor --scope /subscriptions/<subscription-id>/resourceGroups/<resource-group>
az role assignment delete --assignee <sp-object-id> --role Contributor --scope /subscriptions/<subscription-id>`,
  },
  evaluate(resource) {
    const { principalType, scope, scopeKind, roleName, description } = assignmentProperties(resource);
    const subject = assignmentLabel(resource);
    if (principalType === undefined || scope === undefined || scopeKind === undefined)
      return notAssessed('principal type and scope', subject);
    if (principalType !== 'ServicePrincipal')
      return notApplicable(`${subject} is not held by a service principal.`);
    const about = description ? ` ("${description}")` : '';
    if (BROAD.has(scopeKind))
      return fail(
        `${subject}${about} gives a service principal ${roleName ?? 'a privileged role'} at ${describeScope(scope)}: its credential controls every resource below it.`,
      );
    return pass(`${subject}${about} is limited to ${describeScope(scope)}.`);
  },
};
