import { azureOperation } from '../../../kit';

const profile =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Cdn/profiles/{profileName}';

/**
 * Every ARM read the Front Door collector makes (management.azure.com only). api-version
 * 2024-02-01 (azure-rest-api-specs, Microsoft.Cdn/stable/2024-02-01/afdx.json and cdn.json):
 * routes carry patternsToMatch, supportedProtocols, httpsRedirect, forwardingProtocol,
 * linkToDefaultDomain, ruleSets and cacheConfiguration ("To disable caching, do not provide a
 * cacheConfiguration object"); rules carry conditions and the RouteConfigurationOverride action
 * with its own cacheConfiguration (absent = caching off for the matched requests); custom domains
 * carry tlsSettings.minimumTlsVersion (TLS10 | TLS12); security policies carry the WAF policy and
 * the domains it is associated with.
 *
 * Profiles_List answers every Microsoft.Cdn profile of the subscription, classic CDN ones too
 * (sku Standard_Microsoft, Standard_Verizon, …); only Front Door Standard/Premium profiles
 * (sku Standard_AzureFrontDoor / Premium_AzureFrontDoor) are read further. Secrets (certificates)
 * are never read.
 */
export const ops = {
  listProfiles: azureOperation({
    id: 'Profiles_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Cdn/profiles',
    apiVersion: '2024-02-01',
    permission: 'Microsoft.Cdn/profiles/read',
  }),
  listEndpoints: azureOperation({
    id: 'AFDEndpoints_ListByProfile',
    path: `${profile}/afdEndpoints`,
    apiVersion: '2024-02-01',
    permission: 'Microsoft.Cdn/profiles/afdendpoints/read',
  }),
  listRoutes: azureOperation({
    id: 'Routes_ListByEndpoint',
    path: `${profile}/afdEndpoints/{endpointName}/routes`,
    apiVersion: '2024-02-01',
    permission: 'Microsoft.Cdn/profiles/afdendpoints/routes/read',
  }),
  listRuleSets: azureOperation({
    id: 'RuleSets_ListByProfile',
    path: `${profile}/ruleSets`,
    apiVersion: '2024-02-01',
    permission: 'Microsoft.Cdn/profiles/rulesets/read',
  }),
  listRules: azureOperation({
    id: 'Rules_ListByRuleSet',
    path: `${profile}/ruleSets/{ruleSetName}/rules`,
    apiVersion: '2024-02-01',
    permission: 'Microsoft.Cdn/profiles/rulesets/rules/read',
  }),
  listCustomDomains: azureOperation({
    id: 'AFDCustomDomains_ListByProfile',
    path: `${profile}/customDomains`,
    apiVersion: '2024-02-01',
    permission: 'Microsoft.Cdn/profiles/customdomains/read',
  }),
  listSecurityPolicies: azureOperation({
    id: 'SecurityPolicies_ListByProfile',
    path: `${profile}/securityPolicies`,
    apiVersion: '2024-02-01',
    permission: 'Microsoft.Cdn/profiles/securitypolicies/read',
  }),
};
