import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass } from '../../../../kit';
import { wildcardActions } from '../normalize';
import { CUSTOM_ROLE, customRoleProperties } from './common';

/** 164.308(a)(4)(ii)(B), 164.312(a)(1): a custom role names what it allows. */
export const authorizationCustomRoleWildcard: Rule = {
  id: 'azure.authorization.custom-role-wildcard',
  title: "Custom roles do not grant every action ('*')",
  severity: 'high',
  exposure: 'internal',
  resourceType: CUSTOM_ROLE,
  citations: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    "A custom role whose actions include '*' (or '*/write', '*/delete', '*/action') grants every management operation of every resource provider, now and in the future: it is Owner or Contributor under another name, usually created to get around a review of who holds those roles, and it hides in reports that look for the built-in names. Access authorization (164.308(a)(4)(ii)(B)) and access control (164.312(a)(1)) require that access be granted deliberately and narrowly. This rule reads each CustomRole of RoleDefinitions_List and fails a role with such a wildcard action, whether or not it is assigned; '*/read' (read everything, as the built-in Reader) and provider-scoped wildcards ('Microsoft.Storage/*') do not fail it.",
  remediation: {
    text: "Replace the wildcard with the provider operations the role's holders actually use (Azure Monitor sign-in and activity logs show them), or assign the built-in role it imitates so reviews see it; then re-scope its assignableScopes to the resource groups it is for.",
    bicep: `targetScope = 'subscription'

resource opsOperator 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, 'nwv-ops-operator')
  properties: {
    roleName: 'NWV Ops Operator'
    description: 'Restart and read web apps and VMs; no data access, no role assignments'
    type: 'CustomRole'
    assignableScopes: [subscription().id]
    permissions: [
      {
        actions: [
          '*/read'
          'Microsoft.Web/sites/restart/action'
          'Microsoft.Compute/virtualMachines/restart/action'
        ]
        notActions: []
      }
    ]
  }
}`,
    terraform: `resource "azurerm_role_definition" "ops_operator" {
  name  = "NWV Ops Operator"
  scope = data.azurerm_subscription.current.id

  permissions {
    actions = [
      "*/read",
      "Microsoft.Web/sites/restart/action",
      "Microsoft.Compute/virtualMachines/restart/action",
    ]
    not_actions = []
  }

  assignable_scopes = [data.azurerm_subscription.current.id]
}`,
    cli: `az role definition list --custom-role-only true --query "[?contains(permissions[0].actions, '*')].{name:roleName, id:name}" --output table
az role definition update --role-definition ops-operator.json`,
  },
  evaluate(resource) {
    const { actions, assignmentCount } = customRoleProperties(resource);
    const subject = `Custom role ${resource.name}`;
    if (actions === undefined) return notAssessed('permissions', subject);
    const wildcards = wildcardActions(actions);
    const used =
      assignmentCount === undefined
        ? ''
        : ` It has ${assignmentCount} assignment${assignmentCount === 1 ? '' : 's'} in this subscription's view.`;
    if (wildcards.length > 0)
      return fail(
        `${subject} grants ${wildcards.map((each) => `'${each}'`).join(', ')}: every action of every resource provider.${used}`,
      );
    return pass(
      `${subject} grants ${actions.length} named action${actions.length === 1 ? '' : 's'} and no all-provider wildcard.`,
    );
  },
};
