import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass } from '../../../../kit';
import { HIPAA_INITIATIVE } from '../normalize';
import { policyScope } from '../resource';

const properties = policyScope.properties;

const where = (scope: string): string => {
  if (/^\/subscriptions\/[^/]+$/i.test(scope)) return 'the subscription';
  const last = scope.split('/').filter(Boolean).pop() ?? scope;
  if (/managementGroups/i.test(scope)) return `management group ${last}`;
  if (scope === '/') return 'the tenant root';
  return /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(scope)
    ? `resource group ${last}`
    : `resource ${last}`;
};

/** 164.308(a)(1)(ii)(D), 164.308(a)(8): a standing, reviewable measure of the HIPAA safeguards. */
export const policyHipaaInitiative: Rule = {
  id: 'azure.policy.hipaa-initiative-assigned',
  title:
    'The HITRUST/HIPAA Azure Policy initiative is assigned (its compliance is the weekly review evidence)',
  severity: 'medium',
  exposure: 'internal',
  resourceType: policyScope.type,
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(8)'],
  failurePattern: failurePatterns.missingDetection,
  rationale: `Information system activity review (164.308(a)(1)(ii)(D)) and periodic technical evaluation (164.308(a)(8)) need a standing measure of the safeguards, not a once-a-year audit. The built-in HITRUST/HIPAA initiative (policy set ${HIPAA_INITIATIVE}) maps Azure Policy definitions to HIPAA/HITRUST controls and evaluates every resource continuously; its compliance view in Azure Policy or Defender for Cloud's regulatory compliance dashboard is the evidence a weekly compliance review can work from. This rule reads PolicyAssignments_List: the subscription passes when the initiative is assigned to it, a management group above it or the tenant root, and a resource group or resource with an assignment of its own passes for itself. The latest non-compliant counts from PolicyStates summarize are quoted in the passing detail as information, not judged; when the summary cannot be read the scope is not assessed, since the review evidence is then unseen.`,
  remediation: {
    text: 'Assign the HITRUST/HIPAA initiative at the subscription (or the management group that holds the PHI subscriptions), review its compliance weekly, and record the review. Its policies audit; add remediation tasks or deny policies only after the findings are triaged.',
    bicep: `targetScope = 'subscription'

resource hipaa 'Microsoft.Authorization/policyAssignments@2023-04-01' = {
  name: 'hitrust-hipaa'
  location: deployment().location
  identity: {
    type: 'SystemAssigned' // some policies of the initiative deploy diagnostic settings
  }
  properties: {
    displayName: 'HITRUST/HIPAA'
    policyDefinitionId: tenantResourceId('Microsoft.Authorization/policySetDefinitions', '${HIPAA_INITIATIVE}')
    enforcementMode: 'Default'
  }
}`,
    terraform: `resource "azurerm_subscription_policy_assignment" "hipaa" {
  name                 = "hitrust-hipaa"
  display_name         = "HITRUST/HIPAA"
  subscription_id      = data.azurerm_subscription.current.id
  policy_definition_id = "/providers/Microsoft.Authorization/policySetDefinitions/${HIPAA_INITIATIVE}"
  location             = "eastus"

  identity {
    type = "SystemAssigned"
  }
}`,
    cli: `az policy assignment create --name hitrust-hipaa --display-name "HITRUST/HIPAA" \\
  --policy-set-definition ${HIPAA_INITIATIVE} --scope /subscriptions/<subscription-id> \\
  --mi-system-assigned --location <region>
az policy state summarize --subscription <subscription-id> --filter "policySetDefinitionName eq '${HIPAA_INITIATIVE}'"`,
  },
  evaluate(resource) {
    const { hipaaAssignments, narrowerHipaaScopes, assignmentCount, complianceRead, scope } =
      properties(resource);
    const subject = `The ${resource.name}`;
    if (hipaaAssignments === undefined || scope === undefined)
      return notAssessed('policy assignments', `the ${resource.name}`);
    if (hipaaAssignments.length === 0) {
      const elsewhere =
        narrowerHipaaScopes && narrowerHipaaScopes.length > 0
          ? ` It is assigned only on ${narrowerHipaaScopes.map(where).join(', ')}.`
          : '';
      return fail(
        `${subject} has no HITRUST/HIPAA initiative assignment at it or above (${assignmentCount ?? 0} other policy assignment${assignmentCount === 1 ? '' : 's'} in view).${elsewhere}`,
      );
    }
    const described = hipaaAssignments
      .map((each) => {
        const name = each.displayName ?? each.name;
        const excluded =
          each.notScopes.length > 0 ? `, excluding ${each.notScopes.map(where).join(', ')}` : '';
        const mode = each.enforcementMode === 'DoNotEnforce' ? ', enforcement off' : '';
        const state =
          each.compliance === undefined
            ? ''
            : each.compliance === null
              ? '; not in the compliance summary'
              : `; latest compliance: ${each.compliance.nonCompliantResources} non-compliant resource${each.compliance.nonCompliantResources === 1 ? '' : 's'} across ${each.compliance.nonCompliantPolicies} polic${each.compliance.nonCompliantPolicies === 1 ? 'y' : 'ies'}`;
        return `'${name}' on ${where(each.scope)}${excluded}${mode}${state}`;
      })
      .join('; ');
    // The assignment is seen, but its review evidence is not: never a pass on half the facts.
    if (complianceRead !== true)
      return notAssessed(
        'HITRUST/HIPAA compliance summary (PolicyStates_SummarizeForSubscription)',
        `the ${resource.name}`,
      );
    return pass(`${subject} is covered by the HITRUST/HIPAA initiative: ${described}.`);
  },
};
