import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepSite, CLI_NOTE, SITE, siteLabel, siteProperties, terraformSite } from './common';

/** '1.2' → [1, 2]; null when the value is not a TLS version App Service reports. */
export function parseAppServiceTls(value: string): [number, number] | null {
  const match = /^(\d+)\.(\d+)$/.exec(value.trim());
  return match ? [Number(match[1]), Number(match[2])] : null;
}

const belowTls12 = (version: [number, number]) => version[0] < 1 || (version[0] === 1 && version[1] < 2);

/** 164.312(e)(1), (e)(2)(ii): the app and its SCM (deployment) site negotiate TLS 1.2 or newer. */
export const appServiceMinTls: Rule = {
  id: 'azure.appservice.min-tls-1-2',
  title: 'App Service and function apps require TLS 1.2 or newer',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: SITE,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "164.312(e)(1) and its encryption specification 164.312(e)(2)(ii) require ePHI in transit to be protected with encryption that is reasonable and appropriate today. TLS 1.0 and 1.1 are deprecated (RFC 8996), and NIST SP 800-52 Rev. 2, the guideline behind HHS's guidance on securing PHI in motion, requires TLS 1.2 or newer. App Service keeps two minimums: minTlsVersion for the app's own host names and scmMinTlsVersion for its SCM (Kudu) site, where deployments and the debug console run. This rule reads both from the site configuration (WebApps_GetConfiguration) and fails when either is below 1.2; a minimum App Service does not report is not assessed.",
  remediation: {
    text: "Set the app's minimum TLS version and its SCM site's minimum TLS version to 1.2 (or 1.3). Check first, in the app's HTTP logs, that no client still connects with TLS 1.0 or 1.1.",
    bicep: bicepSite(
      '    httpsOnly: true',
      `      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'`,
    ),
    terraform: terraformSite(
      '  https_only          = true',
      `    minimum_tls_version     = "1.2"
    scm_minimum_tls_version = "1.2"`,
    ),
    cli: `az webapp config set --name <app-name> --resource-group <resource-group> --min-tls-version 1.2
az resource update --ids $(az webapp show --name <app-name> --resource-group <resource-group> --query id -o tsv)/config/web --set properties.scmMinTlsVersion=1.2
${CLI_NOTE}`,
  },
  evaluate(resource) {
    const { minTlsVersion, scmMinTlsVersion } = siteProperties(resource);
    const subject = siteLabel(resource);
    if (minTlsVersion === undefined || minTlsVersion === null)
      return notAssessed('minimum TLS version', subject);
    const weak: string[] = [];
    for (const [label, value] of [
      ['the app', minTlsVersion],
      ['its SCM (deployment) site', scmMinTlsVersion],
    ] as const) {
      if (value === undefined || value === null) continue;
      const version = parseAppServiceTls(value);
      if (version === null || belowTls12(version)) weak.push(`${label} accepts TLS ${value}`);
    }
    if (weak.length > 0) return fail(`${subject}: ${weak.join(' and ')}, below TLS 1.2.${phiNote(resource)}`);
    const scm = scmMinTlsVersion ? `, its SCM site TLS ${scmMinTlsVersion}` : '';
    return pass(`${subject} requires TLS ${minTlsVersion} or newer${scm}.`);
  },
};
