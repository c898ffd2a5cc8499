import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass } from '../../../../kit';
import { describeScope } from '../normalize';
import { AUTHORIZATION_SCOPE, MAX_OWNERS, scopeProperties } from './common';

const kinds = (owners: readonly { principalType: string }[]): string => {
  const count = (type: string) => owners.filter((each) => each.principalType === type).length;
  const parts = [
    [count('User'), 'user'],
    [count('Group'), 'group'],
    [count('ServicePrincipal'), 'service principal'],
    [owners.length - count('User') - count('Group') - count('ServicePrincipal'), 'other principal'],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`)
    .join(', ');
};

/** 164.308(a)(4)(ii)(B), 164.312(a)(1): few principals can change everything, including who has access. */
export const authorizationOwnerCount: Rule = {
  id: 'azure.authorization.owner-count',
  title: `At most ${MAX_OWNERS} Owners per scope, and no classic subscription administrators`,
  severity: 'medium',
  exposure: 'internal',
  resourceType: AUTHORIZATION_SCOPE,
  citations: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale: `Owner can read and change every resource in its scope and grant any role to anyone, so every Owner can reach all ePHI in it and remove the audit trail. Access authorization (164.308(a)(4)(ii)(B)) and access control (164.312(a)(1)) call for granting such access to as few people as the work needs: more than ${MAX_OWNERS} Owners at one scope (Microsoft's own recommendation for subscriptions) usually means standing admin rights that should be eligible-only (PIM) or narrower roles. The subscription is counted with the Owners inherited from management groups and the tenant root, plus the classic Service Administrator and Co-Administrators, which hold Owner-equivalent access and were retired from August 2024: any classic administrator still listed fails the rule by itself. Each resource group or resource with Owner assignments of its own is judged on those. Principals are counted by object id from RoleAssignments_ListForSubscription; a group counts once whatever its size (members are not read: that needs Microsoft Graph).`,
  remediation: {
    text: `Keep at most ${MAX_OWNERS} Owners per scope, preferably as eligible (PIM) assignments to a reviewed group; move day-to-day administrators to Contributor or narrower roles. Remove classic Co-Administrators and move the Service Administrator to an Owner role assignment.`,
    bicep: `targetScope = 'subscription'

// Owner only through one reviewed group; remove the individual Owner assignments after deploying.
param ownersGroupObjectId string

resource owners 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, ownersGroupObjectId, 'Owner')
  properties: {
    principalId: ownersGroupObjectId
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')
    description: 'Subscription owners (PIM-eligible members, quarterly review)'
  }
}`,
    terraform: `resource "azurerm_role_assignment" "owners" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Owner"
  principal_id         = azuread_group.subscription_owners.object_id
  principal_type       = "Group"
}`,
    cli: `# List Owners at the subscription (including inherited ones), then remove the extra ones:
az role assignment list --role Owner --scope /subscriptions/<subscription-id> --include-inherited --output table
az role assignment delete --assignee <object-id> --role Owner --scope /subscriptions/<subscription-id>
# Classic administrators: list them and remove Co-Administrators in the portal (Access control (IAM) > Classic administrators)
az role assignment list --include-classic-administrators --query "[?contains(roleDefinitionName, 'Administrator')]" --output table`,
  },
  evaluate(resource) {
    const { owners, scopeKind, scope, classicAdministrators, classicAdministratorsNote } =
      scopeProperties(resource);
    const subject = `The ${resource.name}`;
    if (owners === undefined || scope === undefined)
      return notAssessed('Owner role assignments', `the ${resource.name}`);
    const principals = [...new Map(owners.map((each) => [each.principalId.toLowerCase(), each])).values()];
    const inherited = principals.filter((each) => each.inheritedFrom).length;
    const described = `${principals.length} Owner${principals.length === 1 ? '' : 's'}${principals.length > 0 ? ` (${kinds(principals)}${inherited > 0 ? `; ${inherited} inherited from above` : ''})` : ''}`;
    const where = describeScope(scope);
    if (scopeKind !== 'subscription') {
      if (principals.length > MAX_OWNERS)
        return fail(`${subject} has ${described} assigned at ${where}, more than ${MAX_OWNERS}.`);
      return pass(`${subject} has ${described} assigned at ${where}.`);
    }
    if (classicAdministrators === undefined) {
      if (principals.length > MAX_OWNERS)
        return fail(
          `${subject} has ${described} at ${where}, more than ${MAX_OWNERS} (classic administrators could not be read).`,
        );
      return notAssessed('classic administrators (ClassicAdministrators_List)', `the ${resource.name}`);
    }
    const classic = classicAdministrators.map((each) => `${each.emailAddress} (${each.role})`).join(', ');
    const total = principals.length + classicAdministrators.length;
    if (total > MAX_OWNERS || classicAdministrators.length > 0) {
      const classicPart =
        classicAdministrators.length > 0
          ? ` and ${classicAdministrators.length} classic administrator${classicAdministrators.length === 1 ? '' : 's'} with Owner-equivalent access (${classic}), a role Azure retired in 2024`
          : '';
      const over = total > MAX_OWNERS ? `: ${total} principals control it, more than ${MAX_OWNERS}` : '';
      return fail(`${subject} has ${described} at ${where}${classicPart}${over}.`);
    }
    const note = classicAdministratorsNote ? ` (${classicAdministratorsNote})` : '';
    return pass(`${subject} has ${described} at ${where} and no classic administrators${note}.`);
  },
};
