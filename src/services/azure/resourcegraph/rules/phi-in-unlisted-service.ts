import {
  azureHipaaScopeUrl,
  azureServicesByNamespace,
  azureServicesSource,
} from '../../../../catalog/azure-services';
import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, notApplicable, pass } from '../../../../kit';
import { graphResource } from '../resource';

/**
 * 164.308(b)(1) business associate contracts, 164.314(a)(1) their content: Microsoft's HIPAA BAA
 * covers the Azure services in its audit scope, and no machine-readable per-service list exists,
 * so the product can only say whether it knows a namespace, never that it is in scope.
 */
export const resourceGraphPhiInUnlistedService: Rule = {
  id: 'azure.resourcegraph.phi-in-unlisted-service',
  title: 'PHI-classified Azure resources run on services this product knows',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: graphResource.type,
  citations: ['164.308(b)(1)', '164.314(a)(1)'],
  failurePattern: failurePatterns.phiOutsideBaa,
  rationale:
    "Under 164.308(b)(1) ePHI may be created, received, maintained or transmitted by a business associate only under a business associate contract, whose content 164.314(a)(1) prescribes. Microsoft's HIPAA BAA (through the Product Terms and the DPA) covers the Azure services in its HIPAA audit scope, but Microsoft publishes no machine-readable per-service list, so this product cannot confirm any service is covered: it knows a short catalog of services by ARM provider namespace, whose per-service scope is itself not verified. The inventory reads every resource of the subscription through Azure Resource Graph; a PHI-classified resource in a namespace outside that catalog is reported so that someone confirms, against Microsoft's audit-scope documentation, that the service is covered before PHI stays there. It is rated below the AWS eligibility rule because it flags an unconfirmed service, not one known to be outside the BAA.",
  remediation: {
    text: "Check the service against Microsoft's HIPAA audit-scope documentation. If it is in scope, record the confirmation (and ask for the service to be added to the product's catalog); if it is not, move the PHI to a covered service and remove it here. Deny resource types that are not confirmed in scope, in subscriptions that hold PHI, with an Azure Policy 'Allowed resource types' assignment.",
    terraform: `# Allow only resource types confirmed in Microsoft's HIPAA BAA scope in the PHI subscription.
resource "azurerm_subscription_policy_assignment" "phi_allowed_types" {
  name                 = "phi-allowed-resource-types"
  subscription_id      = "/subscriptions/<subscription-id>"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/a08ec900-254a-4555-9bf5-e42af04b5c5c"
  parameters = jsonencode({
    listOfResourceTypesAllowed = {
      value = ["Microsoft.ServiceBus/namespaces", "Microsoft.DocumentDB/databaseAccounts", "Microsoft.Web/sites"]
    }
  })
}`,
    bicep: `targetScope = 'subscription'

resource phiAllowedTypes 'Microsoft.Authorization/policyAssignments@2024-04-01' = {
  name: 'phi-allowed-resource-types'
  properties: {
    policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/a08ec900-254a-4555-9bf5-e42af04b5c5c'
    parameters: {
      listOfResourceTypesAllowed: {
        value: [
          'Microsoft.ServiceBus/namespaces'
          'Microsoft.DocumentDB/databaseAccounts'
          'Microsoft.Web/sites'
        ]
      }
    }
  }
}`,
    cli: `# PHI-tagged resources of a subscription and their types, to check against Microsoft's audit scope:
az graph query -q "Resources | where tags['phi'] =~ 'true' or tags['data-classification'] =~ 'phi' | project id, type" \\
  --subscriptions <subscription-id>
# After moving the PHI, delete the resource:
az resource delete --ids <resource-id>`,
  },
  evaluate(resource) {
    const { namespace, type } = graphResource.properties(resource);
    const subject = `${type ?? 'Azure resource'} ${resource.name} in ${resource.region}`;
    if (namespace === undefined) return notAssessed('resource provider namespace (from the id)', subject);
    const known = azureServicesByNamespace(namespace);
    if (known.length > 0)
      return pass(
        `${subject} runs on ${namespace} (${known.map((service) => service.name).join(', ')}), among the Azure services this product knows; per-service HIPAA BAA scope is not verified (${azureServicesSource.compiledOn}): confirm it at ${azureHipaaScopeUrl}.`,
      );
    if (!resource.phi)
      return notApplicable(
        `${subject}: ${namespace} is not among the Azure services this product knows; confirm no PHI is stored here.`,
      );
    return fail(
      `${subject} is classified as PHI (${resource.phiReason ?? 'engagement classification'}), but ${namespace} is not among the Azure services this product knows; confirm it is in Microsoft's HIPAA BAA scope: ${azureHipaaScopeUrl}`,
    );
  },
};
