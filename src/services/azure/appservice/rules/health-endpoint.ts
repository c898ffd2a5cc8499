import type { Rule } from '../../../../kit';
import {
  fail,
  failurePatterns,
  notApplicable,
  notAssessed,
  pass,
  pathPatternsOverlap,
  phiNote,
} from '../../../../kit';
import { enforcesSignIn } from './authentication';
import { bicepAuthSettings, SITE, siteLabel, siteProperties, terraformAuthSettings } from './auth-snippets';

/** 164.312(a)(1), 164.312(d): the health endpoint is no way around sign-in. */
export const appServiceHealthEndpoint: Rule = {
  id: 'azure.appservice.health-endpoint',
  title: 'App Service health endpoints are not served without authentication',
  severity: 'low',
  exposure: 'internet',
  resourceType: SITE,
  citations: ['164.312(a)(1)', '164.312(d)'],
  failurePattern: failurePatterns.unauthenticatedEndpoints,
  rationale:
    "An app with a health check path (siteConfig.healthCheckPath) exposes that endpoint on its public host name as well as to App Service's own probe. Health endpoints tend to grow: dependency checks that name databases and key vaults, versions, queue depths, sometimes the last record processed — details an attacker uses to plan, and occasionally PHI. 164.312(a)(1) limits access to ePHI and the systems holding it to authorized persons, and 164.312(d) asks that they be authenticated. App Service's health probe passes App Service authentication without any setting, so the endpoint can stay behind sign-in; it is served anonymously when platform authentication is off, lets unauthenticated requests through (AllowAnonymous), or excludes the path (globalValidation.excludedPaths). This rule fails in those cases, at low severity: what the endpoint returns is not read, so the consultant should request it and confirm it says no more than healthy or unhealthy.",
  remediation: {
    text: 'Keep the health endpoint behind App Service authentication (its probe is let through), or make the endpoint answer only a status code with no body. Do not list it in excludedPaths unless it returns nothing beyond the status.',
    bicep: bicepAuthSettings,
    terraform: terraformAuthSettings,
    cli: `# Require authentication for every path, the health check path included:
az webapp auth update --name <app-name> --resource-group <resource-group> --enabled true --action Return401 --excluded-paths "[]"`,
  },
  evaluate(resource) {
    const { healthCheckPath: path, authentication: auth } = siteProperties(resource);
    const subject = siteLabel(resource);
    if (path === undefined) return notAssessed('health check path', subject);
    if (path === null) return notApplicable(`${subject} has no health check path set.`);
    if (auth === undefined) return notAssessed('authentication settings (authsettingsV2)', subject);
    const excluded = auth.excludedPaths.filter((each) => pathPatternsOverlap(each, path));
    let why: string | null = null;
    if (!auth.enabled) why = 'platform authentication is off';
    else if (!enforcesSignIn(auth)) why = 'platform authentication lets unauthenticated requests through';
    else if (excluded.length > 0) why = `the path is excluded from authentication (${excluded.join(', ')})`;
    if (why)
      return fail(
        `The health endpoint ${path} of ${subject} is served without platform authentication (${why}): confirm it returns only a status, with no patient data, versions or dependency details.${phiNote(resource)}`,
      );
    return pass(
      `The health endpoint ${path} of ${subject} is behind platform authentication (unauthenticated requests: ${auth.unauthenticatedClientAction ?? 'not reported'}).`,
    );
  },
};
