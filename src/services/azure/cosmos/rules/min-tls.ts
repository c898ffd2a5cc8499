import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { accountLabel, accountProperties, bicepAccount, COSMOS_ACCOUNT, terraformAccount } from './common';

const NAMES: Readonly<Record<string, string>> = { Tls: 'TLS 1.0', Tls11: 'TLS 1.1', Tls12: 'TLS 1.2' };

/** 164.312(e)(1) and 164.312(e)(2)(ii): ePHI in transit to the account uses TLS 1.2 or later. */
export const cosmosMinTls: Rule = {
  id: 'azure.cosmos.min-tls',
  title: 'Cosmos DB accounts refuse TLS below 1.2',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: COSMOS_ACCOUNT,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "Every Cosmos DB request — the SDKs' data-plane calls as much as the portal's — travels over HTTPS or the service's TLS-wrapped protocols, and the account's minimalTlsVersion ('Tls' for TLS 1.0, 'Tls11', 'Tls12') is the oldest protocol it negotiates. Accounts created before Tls12 became the default may still report Tls or Tls11, letting a client — or an attacker downgrading the handshake — use TLS 1.0 or 1.1, deprecated by RFC 8996 and below the TLS 1.2 NIST SP 800-52 Rev. 2 requires. Transmission security (164.312(e)(1)) and its encryption specification (164.312(e)(2)(ii)) are met only with current protocols. Checked: DatabaseAccounts_List (properties.minimalTlsVersion), api-version 2024-05-15.",
  remediation: {
    text: "Set the account's minimal TLS version to Tls12 after confirming every client (SDK version, connection mode) negotiates TLS 1.2. The Cassandra and MongoDB APIs already require TLS 1.2.",
    bicep: bicepAccount(),
    terraform: terraformAccount(),
    cli: 'az cosmosdb update --name <account-name> --resource-group <resource-group> --minimal-tls-version Tls12',
  },
  evaluate(resource) {
    const { minimalTlsVersion: version } = accountProperties(resource);
    const subject = accountLabel(resource);
    if (version === undefined) return notAssessed('minimal TLS version', subject);
    if (version === null)
      return notApplicable(
        `${subject} reports no minimal TLS version, so its protocol floor was not judged.`,
      );
    if (version !== 'Tls12')
      return fail(
        `${subject} has minimal TLS version ${version} (${NAMES[version] ?? 'unknown'}): it accepts TLS below 1.2.${phiNote(resource)}`,
      );
    return pass(`${subject} requires TLS 1.2 or later (minimalTlsVersion Tls12).`);
  },
};
