import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import type { AccessRule } from '../resource';
import { bicepSite, SITE, siteLabel, siteProperties, terraformSite } from './common';

function describeRules(rules: readonly AccessRule[]): string {
  const allowed = rules.filter((rule) => rule.action.toLowerCase() === 'allow');
  const names = allowed.map((rule) => rule.source ?? rule.name ?? 'unnamed rule');
  return names.length > 0 ? names.join(', ') : 'no allow rule';
}

/** 164.312(a)(1), 164.312(e)(1): a PHI app is reachable only from the networks meant to reach it. */
export const appServiceAccessRestrictions: Rule = {
  id: 'azure.appservice.access-restrictions',
  title: 'App Service and function apps holding PHI restrict which networks reach them',
  severity: 'medium',
  exposure: 'internet',
  resourceType: SITE,
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  failurePattern: failurePatterns.unauthenticatedEndpoints,
  rationale:
    "Access restrictions are App Service's network firewall: ordered allow and deny rules on IP ranges, service tags and virtual-network subnets, with a default action for everything else. An app that leaves the default at Allow answers anyone on the internet on its *.azurewebsites.net host name, even when it is meant to sit behind Front Door or Application Gateway — so the WAF, rate limits and geo rules there can be bypassed by calling the app directly. 164.312(a)(1) asks for technical policies that allow access to systems holding ePHI only to authorized persons or software programs, and 164.312(e)(1) for guarding ePHI on the networks it crosses. This rule judges apps classified as PHI: it passes when public network access is disabled (private endpoints only) or when unmatched requests are denied, and fails when the site configuration (ipSecurityRestrictions and its default action, WebApps_GetConfiguration) lets every address in. A public patient-facing app restricted to its Front Door (service tag AzureFrontDoor.Backend with an X-Azure-FDID header naming its own profile) passes; the service tag alone fails, since it admits every Front Door profile, including ones anyone can create.",
  remediation: {
    text: "Deny unmatched requests and allow only what should reach the app: the AzureFrontDoor.Backend service tag with your Front Door's X-Azure-FDID header, your Application Gateway's subnet, or corporate ranges. For an internal app, disable public network access and use a private endpoint. Restrict the SCM (deployment) site too, or make it use the main site's rules.",
    bicep: bicepSite(
      `    httpsOnly: true
    publicNetworkAccess: 'Enabled'`,
      `      ipSecurityRestrictionsDefaultAction: 'Deny'
      ipSecurityRestrictions: [
        {
          name: 'front-door-only'
          action: 'Allow'
          priority: 100
          tag: 'ServiceTag'
          ipAddress: 'AzureFrontDoor.Backend'
          headers: {
            'x-azure-fdid': [
              frontDoorProfile.properties.frontDoorId
            ]
          }
        }
      ]
      scmIpSecurityRestrictionsUseMain: true`,
    ),
    terraform: terraformSite(
      '  https_only          = true',
      `    ip_restriction_default_action = "Deny"
    ip_restriction {
      name        = "front-door-only"
      action      = "Allow"
      priority    = 100
      service_tag = "AzureFrontDoor.Backend"
      headers {
        x_azure_fdid = [azurerm_cdn_frontdoor_profile.phi.resource_guid]
      }
    }
    scm_use_main_ip_restriction = true`,
    ),
    cli: `az webapp config access-restriction add --name <app-name> --resource-group <resource-group> --rule-name front-door-only --action Allow --priority 100 --service-tag AzureFrontDoor.Backend --http-header x-azure-fdid=<front-door-id>
az webapp config access-restriction set --name <app-name> --resource-group <resource-group> --default-action Deny --use-same-restrictions-for-scm-site true`,
  },
  evaluate(resource) {
    const subject = siteLabel(resource);
    if (!resource.phi)
      return notApplicable(
        `${subject} is not classified as PHI; access restrictions are judged on PHI apps only.`,
      );
    const { publicNetworkAccess, accessRestrictions, accessRestrictionsDefaultAction } =
      siteProperties(resource);
    if (publicNetworkAccess?.toLowerCase() === 'disabled')
      return pass(
        `${subject} has public network access disabled: it is reachable through private endpoints only.`,
      );
    if (accessRestrictions === undefined || accessRestrictionsDefaultAction === undefined)
      return notAssessed('access restrictions', subject);
    if (accessRestrictionsDefaultAction.toLowerCase() !== 'deny') {
      const denies = accessRestrictions.filter((rule) => rule.action.toLowerCase() === 'deny').length;
      const extra = denies > 0 ? ` beyond ${denies} deny rule${denies === 1 ? '' : 's'}` : '';
      return fail(
        `${subject} has no access restrictions${extra}: requests from any address reach the app (default action ${accessRestrictionsDefaultAction}).${phiNote(resource)}`,
      );
    }
    // A Front Door service-tag rule admits every Front Door profile, anyone's, unless it checks X-Azure-FDID.
    const anyFrontDoor = accessRestrictions.filter(
      (rule) =>
        rule.action.toLowerCase() === 'allow' &&
        rule.source?.toLowerCase() === 'azurefrontdoor.backend' &&
        (rule.frontDoorIds ?? []).length === 0,
    );
    if (anyFrontDoor.length > 0)
      return fail(
        `${subject} admits the AzureFrontDoor.Backend service tag without an X-Azure-FDID header check (rule ${anyFrontDoor.map((rule) => rule.name ?? 'unnamed').join(', ')}): any Front Door profile, including one anyone can create, reaches the app.${phiNote(resource)}`,
      );
    return pass(
      `${subject} denies requests its access restrictions do not match; it admits ${describeRules(accessRestrictions)}.`,
    );
  },
};
