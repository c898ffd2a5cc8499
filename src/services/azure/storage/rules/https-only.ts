import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notAssessed, pass, phiNote } from '../../../../kit';
import { accountLabel, bicepAccount, STORAGE_ACCOUNT, storageProperties, terraformAccount } from './common';

/** 164.312(e)(1) transmission security: the account refuses plain-HTTP requests. */
export const storageHttpsOnly: Rule = {
  id: 'azure.storage.https-only',
  title: 'Storage accounts accept secure transfer (HTTPS) only',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: STORAGE_ACCOUNT,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    '164.312(e)(1) requires technical measures against unauthorized access to ePHI transmitted over a network, and 164.312(e)(2)(ii) calls for encrypting it in transit where reasonable and appropriate. With "secure transfer required" off, the Blob, File, Queue and Table endpoints also accept plain HTTP (and SMB without encryption), so a client misconfiguration sends PHI and shared access signatures in clear text. Turning it on makes the service reject every unencrypted request.',
  remediation: {
    text: 'Turn on "Secure transfer required" (supportsHttpsTrafficOnly). Check first that no client uses http:// endpoints or unencrypted SMB; they will be refused.',
    bicep: bicepAccount(`    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'`),
    terraform:
      terraformAccount(`  https_traffic_only_enabled = true # enable_https_traffic_only in azurerm 3.x
  min_tls_version            = "TLS1_2"`),
    cli: `az storage account update --name <account-name> --resource-group <resource-group> --https-only true`,
  },
  evaluate(resource) {
    const { httpsOnly } = storageProperties(resource);
    const subject = accountLabel(resource);
    if (httpsOnly === undefined) return notAssessed('secure transfer (HTTPS-only) setting', subject);
    if (!httpsOnly)
      return fail(`${subject} accepts plain HTTP: secure transfer required is off.${phiNote(resource)}`);
    return pass(`${subject} requires secure transfer (HTTPS only).`);
  },
};
