import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { CUSTOM_DOMAIN, customDomainLabel, customDomainProperties } from './common';

/** 164.312(e)(1), (e)(2)(i): viewers reach a custom domain with TLS 1.2 or newer. */
export const frontDoorMinTls: Rule = {
  id: 'azure.frontdoor.min-tls-1-2',
  title: 'Front Door custom domains require TLS 1.2 or newer',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: CUSTOM_DOMAIN,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "164.312(e)(1) and 164.312(e)(2)(i) ask that ePHI crossing the internet be protected with transmission security that is reasonable and appropriate today. TLS 1.0 and 1.1 are deprecated (RFC 8996) and NIST SP 800-52 Rev. 2 requires TLS 1.2 or newer. A Front Door custom domain's tlsSettings.minimumTlsVersion TLS10 lets browsers and API clients negotiate TLS 1.0 or 1.1 with the edge for the whole domain, PHI pages included. (The endpoint's own *.azurefd.net host name is managed by Microsoft.) This rule reads each custom domain's minimum TLS version from AFDCustomDomains_ListByProfile; TLS12 and TLS13 pass.",
  remediation: {
    text: 'Set the minimum TLS version of the custom domain to TLS 1.2. Check the Front Door access log (securityProtocol field) for clients still using TLS 1.0 or 1.1 before the change.',
    bicep: `resource shopDomain 'Microsoft.Cdn/profiles/customDomains@2024-02-01' = {
  parent: profile
  name: 'shop-northwindvitals'
  properties: {
    hostName: 'shop.northwindvitals.example'
    tlsSettings: {
      certificateType: 'ManagedCertificate'
      minimumTlsVersion: 'TLS12'
    }
  }
}`,
    terraform: `resource "azurerm_cdn_frontdoor_custom_domain" "shop" {
  name                     = "shop-northwindvitals"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.shop.id
  host_name                = "shop.northwindvitals.example"

  tls {
    certificate_type    = "ManagedCertificate"
    minimum_tls_version = "TLS12"
  }
}`,
    cli: `az afd custom-domain update --resource-group <resource-group> --profile-name <profile> --custom-domain-name <domain> --minimum-tls-version TLS12`,
  },
  evaluate(resource) {
    const { minimumTlsVersion } = customDomainProperties(resource);
    const subject = customDomainLabel(resource);
    if (minimumTlsVersion === undefined || minimumTlsVersion === null)
      return notAssessed('minimum TLS version', subject);
    const match = /^TLS(\d)(\d)$/i.exec(minimumTlsVersion);
    if (!match || Number(match[1]) < 1 || (Number(match[1]) === 1 && Number(match[2]) < 2))
      return fail(
        `${subject} accepts connections below TLS 1.2 (minimum TLS version ${minimumTlsVersion}).${phiNote(resource)}`,
      );
    return pass(`${subject} requires ${minimumTlsVersion.replace(/^TLS(\d)(\d)$/i, 'TLS $1.$2')} or newer.`);
  },
};
