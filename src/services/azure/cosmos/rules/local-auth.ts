import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { accountLabel, accountProperties, bicepAccount, COSMOS_ACCOUNT, terraformAccount } from './common';

/** 164.312(d) and 164.312(a)(2)(i): every data access is made by a named, centrally governed identity. */
export const cosmosLocalAuth: Rule = {
  id: 'azure.cosmos.local-auth',
  title: 'Cosmos DB accounts refuse account keys (local authentication disabled)',
  severity: 'medium',
  exposure: 'internal',
  resourceType: COSMOS_ACCOUNT,
  citations: ['164.312(d)', '164.312(a)(2)(i)', '164.312(b)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    'Unless disableLocalAuth is true, a Cosmos DB account accepts its primary and secondary keys (and resource tokens derived from them) for every data-plane request. An account key is a shared secret with full read and write on all data: whoever holds it is anonymous to the service, it is not subject to multifactor authentication or Conditional Access, it stays valid until someone regenerates it, and its use cannot be tied to a person in the logs. Person or entity authentication (164.312(d)) and unique user identification (164.312(a)(2)(i)) ask that each access to ePHI be tied to a verified identity, and audit controls (164.312(b)) need records that name who read it. With local authentication disabled, only Microsoft Entra identities with Cosmos DB data-plane roles get in. Checked: DatabaseAccounts_List (properties.disableLocalAuth), api-version 2024-05-15.',
  remediation: {
    text: 'Give each application a managed identity with a Cosmos DB built-in data role (Data Reader or Data Contributor) scoped to its database, switch the SDK clients to token credentials, then set disableLocalAuth to true and regenerate both keys.',
    bicep: bicepAccount(),
    terraform: terraformAccount(),
    cli: `az cosmosdb sql role assignment create --account-name <account-name> --resource-group <resource-group> --scope "/" --principal-id <app-identity-principal-id> --role-definition-id 00000000-0000-0000-0000-000000000002
az resource update --ids <account-resource-id> --set properties.disableLocalAuth=true`,
  },
  evaluate(resource) {
    const { disableLocalAuth } = accountProperties(resource);
    const subject = accountLabel(resource);
    if (disableLocalAuth === undefined) return notAssessed('local authentication setting', subject);
    if (!disableLocalAuth)
      return fail(
        `${subject} accepts its account keys (local authentication is not disabled).${phiNote(resource)}`,
      );
    return pass(`${subject} refuses account keys: only Microsoft Entra identities are accepted.`);
  },
};
