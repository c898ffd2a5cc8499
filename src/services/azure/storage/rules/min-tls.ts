import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notAssessed, pass, phiNote } from '../../../../kit';
import { accountLabel, bicepAccount, STORAGE_ACCOUNT, storageProperties, terraformAccount } from './common';

/** 'TLS1_2' → [1, 2]; null when the value is not a TLS version Azure reports. */
export function parseTlsVersion(value: string): [number, number] | null {
  const match = /^TLS(\d+)_(\d+)$/i.exec(value.trim());
  return match ? [Number(match[1]), Number(match[2])] : null;
}

function atLeastTls12(version: [number, number]): boolean {
  return version[0] > 1 || (version[0] === 1 && version[1] >= 2);
}

/** 164.312(e)(1), (e)(2)(ii): connections negotiate TLS 1.2 or newer. */
export const storageMinTls: Rule = {
  id: 'azure.storage.min-tls-1-2',
  title: 'Storage accounts require TLS 1.2 or newer',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: STORAGE_ACCOUNT,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "164.312(e)(1) and its encryption specification 164.312(e)(2)(ii) require ePHI in transit to be protected with encryption that is reasonable and appropriate today. TLS 1.0 and 1.1 are deprecated (RFC 8996), and NIST SP 800-52 Rev. 2, the guideline HHS's guidance on securing PHI in motion points to (74 FR 19006), requires TLS 1.2 or newer for government systems. An account whose minimum is below TLS 1.2 still lets clients carry PHI over those protocols.",
  remediation: {
    text: "Set the minimum TLS version to TLS1_2. Before changing it, check the account's logs for clients still connecting with TLS 1.0 or 1.1 (Azure Monitor, TlsVersion field) and upgrade them.",
    bicep: bicepAccount(`    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true`),
    terraform: terraformAccount(`  min_tls_version            = "TLS1_2"
  https_traffic_only_enabled = true`),
    cli: `az storage account update --name <account-name> --resource-group <resource-group> --min-tls-version TLS1_2`,
  },
  evaluate(resource) {
    const { minimumTlsVersion } = storageProperties(resource);
    const subject = accountLabel(resource);
    if (minimumTlsVersion === undefined) return notAssessed('minimum TLS version', subject);
    const version = parseTlsVersion(minimumTlsVersion);
    if (version === null) {
      return fail(
        `${subject} reports minimum TLS version '${minimumTlsVersion}', which is not a recognised TLS 1.2-or-newer value.${phiNote(resource)}`,
      );
    }
    if (!atLeastTls12(version)) {
      return fail(
        `${subject} accepts TLS ${version.join('.')}: its minimum TLS version is ${minimumTlsVersion}, below TLS1_2.${phiNote(resource)}`,
      );
    }
    return pass(`${subject} requires ${minimumTlsVersion} or newer.`);
  },
};
