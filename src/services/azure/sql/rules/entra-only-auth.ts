import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepServer, serverLabel, serverProperties, SQL_SERVER, terraformServer } from './common';

/** 164.312(d) and 164.312(a)(2)(i): every login is a named, centrally governed identity. */
export const sqlEntraOnlyAuth: Rule = {
  id: 'azure.sql.entra-only-auth',
  title: 'Azure SQL servers accept Microsoft Entra authentication only (no SQL logins)',
  severity: 'medium',
  exposure: 'internal',
  resourceType: SQL_SERVER,
  citations: ['164.312(d)', '164.312(a)(2)(i)', '164.308(a)(3)(ii)(C)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    "With Entra-only authentication off, the server accepts SQL authentication: the server admin login created with the server and any contained SQL users authenticate with a password the server itself checks. Those passwords are shared between people and scripts, are not subject to the tenant's multifactor authentication or Conditional Access, and survive the departure of whoever knew them. Person or entity authentication (164.312(d)) and unique user identification (164.312(a)(2)(i)) ask that each access to ePHI be tied to a verified individual, and the termination procedures of 164.308(a)(3)(ii)(C) need access that ends when the Entra account is disabled. Turning on Entra-only authentication disables every SQL login, the server admin included. Checked: ServerAzureADOnlyAuthentications_ListByServer, api-version 2023-08-01 (the Default entry's azureADOnlyAuthentication; a server without the entry never turned it on).",
  remediation: {
    text: 'Set a Microsoft Entra group as the server admin, move applications to managed identities and people to Entra accounts, then turn on Entra-only authentication. Every SQL login, the server admin included, stops working at once, so inventory the SQL logins first.',
    bicep: bicepServer(),
    terraform: terraformServer(),
    cli: `az sql server ad-admin create --server <server-name> --resource-group <resource-group> --display-name <entra-group-name> --object-id <entra-group-object-id>
az sql server ad-only-auth enable --name <server-name> --resource-group <resource-group>`,
  },
  evaluate(resource) {
    const { entraOnlyAuthentication } = serverProperties(resource);
    const subject = serverLabel(resource);
    if (entraOnlyAuthentication === undefined)
      return notAssessed('Entra-only authentication setting', subject);
    if (!entraOnlyAuthentication)
      return fail(
        `${subject} has Microsoft Entra-only authentication off: it accepts SQL logins with passwords.${phiNote(resource)}`,
      );
    return pass(`${subject} accepts Microsoft Entra authentication only.`);
  },
};
