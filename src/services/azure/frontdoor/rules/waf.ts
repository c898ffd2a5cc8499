import type { Rule } from '../../../../kit';
import {
  fail,
  failurePatterns,
  notApplicable,
  notAssessed,
  pass,
  pathPatternsOverlap,
  phiPathsServedBy,
} from '../../../../kit';
import { ENDPOINT, endpointLabel, endpointProperties } from './common';

/** 164.308(a)(1)(ii)(B), 164.312(a)(1): PHI endpoints sit behind a web application firewall. */
export const frontDoorWaf: Rule = {
  id: 'azure.frontdoor.waf',
  title: 'Front Door endpoints serving PHI paths have a WAF security policy',
  severity: 'medium',
  exposure: 'internet',
  resourceType: ENDPOINT,
  citations: ['164.308(a)(1)(ii)(B)', '164.312(a)(1)'],
  failurePattern: failurePatterns.unauthenticatedEndpoints,
  rationale:
    "A Front Door security policy associates a web application firewall policy with domains of the profile: managed rule sets block injection, path traversal and known exploit traffic, and rate limits blunt credential stuffing against sign-in pages, before requests reach the origin. The risk management of 164.308(a)(1)(ii)(B) calls for security measures that reduce such risks to a reasonable level for systems handling ePHI, and 164.312(a)(1) for technical safeguards that allow access only to authorized users. This rule takes each endpoint whose enabled routes serve the engagement's PHI URL paths and fails when a host name those routes answer on (a custom domain, or the endpoint's *.azurefd.net name when the route links to it) has no WAF security policy covering the PHI path. Whether the WAF policy is in Prevention or Detection mode is not read (the policy is a Microsoft.Network resource); the consultant should confirm Prevention.",
  remediation: {
    text: 'Create a Front Door WAF policy (Premium for managed rule sets and bot protection) in Prevention mode and associate it through a security policy with every domain of the endpoints that serve PHI paths.',
    bicep: `resource wafPolicy 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2024-02-01' = {
  name: 'nwvshopwaf'
  location: 'Global'
  sku: {
    name: 'Premium_AzureFrontDoor'
  }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: 'Prevention'
    }
    managedRules: {
      managedRuleSets: [
        {
          ruleSetType: 'Microsoft_DefaultRuleSet'
          ruleSetVersion: '2.1'
          ruleSetAction: 'Block'
        }
      ]
    }
  }
}

resource securityPolicy 'Microsoft.Cdn/profiles/securityPolicies@2024-02-01' = {
  parent: profile
  name: 'shop-waf'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: {
        id: wafPolicy.id
      }
      associations: [
        {
          domains: [
            {
              id: endpoint.id
            }
            {
              id: shopDomain.id
            }
          ]
          patternsToMatch: [
            '/*'
          ]
        }
      ]
    }
  }
}`,
    terraform: `resource "azurerm_cdn_frontdoor_firewall_policy" "shop" {
  name                = "nwvshopwaf"
  resource_group_name = azurerm_resource_group.shop.name
  sku_name            = azurerm_cdn_frontdoor_profile.shop.sku_name
  mode                = "Prevention"

  managed_rule {
    type    = "Microsoft_DefaultRuleSet"
    version = "2.1"
    action  = "Block"
  }
}

resource "azurerm_cdn_frontdoor_security_policy" "shop" {
  name                     = "shop-waf"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.shop.id

  security_policies {
    firewall {
      cdn_frontdoor_firewall_policy_id = azurerm_cdn_frontdoor_firewall_policy.shop.id
      association {
        domain {
          cdn_frontdoor_domain_id = azurerm_cdn_frontdoor_endpoint.shop.id
        }
        domain {
          cdn_frontdoor_domain_id = azurerm_cdn_frontdoor_custom_domain.shop.id
        }
        patterns_to_match = ["/*"]
      }
    }
  }
}`,
    cli: `az network front-door waf-policy create --resource-group <resource-group> --name <waf-policy> --sku Premium_AzureFrontDoor --mode Prevention
az afd security-policy create --resource-group <resource-group> --profile-name <profile> --security-policy-name <name> --waf-policy <waf-policy-id> --domains <endpoint-id> <custom-domain-id>`,
  },
  evaluate(resource, context) {
    const { routes, wafAssociations } = endpointProperties(resource);
    const subject = endpointLabel(resource);
    if (routes === undefined) return notAssessed('routes', subject);
    const unprotected = new Map<string, Set<string>>();
    let servesPhi = false;
    for (const route of routes) {
      if (!route.enabled) continue;
      const served = [
        ...new Set(route.patternsToMatch.flatMap((p) => phiPathsServedBy(p, context.phiUrlPaths))),
      ];
      if (served.length === 0) continue;
      servesPhi = true;
      if (wafAssociations === undefined) continue;
      for (const host of route.hostNames)
        for (const phiPath of served) {
          const covered = wafAssociations.some(
            (association) =>
              association.domains.some((domain) => domain.toLowerCase() === host.toLowerCase()) &&
              association.patternsToMatch.some((pattern) => pathPatternsOverlap(pattern, phiPath)),
          );
          if (!covered) unprotected.set(host, new Set([...(unprotected.get(host) ?? []), phiPath]));
        }
    }
    if (!servesPhi) return notApplicable(`${subject} serves none of the engagement's PHI URL paths.`);
    if (wafAssociations === undefined) return notAssessed('security policies (WAF associations)', subject);
    if (unprotected.size > 0) {
      const hosts = [...unprotected].map(([host, paths]) => `${host} (${[...paths].join(', ')})`).join(', ');
      return fail(`${subject} serves PHI paths without a WAF security policy on ${hosts}.`);
    }
    const policies = [...new Set(wafAssociations.map((association) => association.policyName))];
    return pass(
      `${subject} serves PHI paths only on domains covered by WAF security policy ${policies.join(', ')}.`,
    );
  },
};
