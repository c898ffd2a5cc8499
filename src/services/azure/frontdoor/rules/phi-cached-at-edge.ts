import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiPathsServedBy } from '../../../../kit';
import type { Caching } from '../resource';
import { cachingFor, describeConditions } from './caching';
import { bicepRoute, ROUTE, routeLabel, routeProperties, terraformRoute } from './common';

function describeCaching(caching: Caching): string {
  const query = caching.queryStringCachingBehavior
    ? `query string ${caching.queryStringCachingBehavior}`
    : '';
  const behavior =
    caching.cacheBehavior && caching.cacheBehavior.toLowerCase() !== 'honororigin'
      ? `${caching.cacheBehavior}${caching.cacheDuration ? ` ${caching.cacheDuration}` : ''}, ignoring the origin's Cache-Control`
      : '';
  return [query, behavior].filter(Boolean).join('; ');
}

/** 164.312(a)(1), 164.308(a)(4)(i): one patient's page is never served to another from a shared cache. */
export const frontDoorPhiCachedAtEdge: Rule = {
  id: 'azure.frontdoor.phi-cached-at-edge',
  title: "Front Door does not cache the engagement's PHI URL paths at the edge",
  severity: 'high',
  exposure: 'internet',
  resourceType: ROUTE,
  citations: ['164.312(a)(1)', '164.308(a)(4)(i)'],
  failurePattern: failurePatterns.phiCachedAtEdge,
  rationale:
    "Front Door caches a response under a key made of the host, path and (depending on queryStringCachingBehavior) the query string. The key never includes the Authorization header or cookies, so when caching is on for an account page, an order history or an API answer, the first patient's response can be served from the edge to the next person who requests the same URL — an impermissible disclosure, and a failure of the access control 164.312(a)(1) requires and of the access authorization policies of 164.308(a)(4)(i). A route caches when it has a cacheConfiguration (the API's convention: no object, no caching), and a rule set can turn caching on or off for matching requests with a RouteConfigurationOverride action. This rule takes each enabled route whose patternsToMatch overlap the engagement's PHI URL paths, follows the route's caching and its rule sets' overrides in Front Door's order, and fails when caching may apply to a PHI path. With the default HonorOrigin behaviour Front Door does not cache responses the origin marks Cache-Control private, no-store or no-cache; the origin's headers are not visible to this tool, so the finding asks the consultant to confirm them — an override rule with OverrideAlways ignores them. Routes serving no PHI path pass. Rules limited to file extensions (images, scripts, styles) are not counted as caching PHI.",
  remediation: {
    text: 'Turn caching off on routes that serve PHI paths (remove cacheConfiguration), and keep cached static content on its own route (for example /static/* or /assets/*). If one route must serve both, add a rule-set rule that matches the PHI paths with a Route configuration override whose caching is disabled, after any rule that turns caching on. Have the origin send Cache-Control: private, no-store on every PHI response as a second line of defence.',
    bicep: `${bicepRoute(
      'account',
      "      '/account/*'",
      `    supportedProtocols: [
      'Https'
      'Http'
    ]
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    // No cacheConfiguration: Front Door does not cache this route.`,
    )}

${bicepRoute(
  'static',
  "      '/static/*'",
  `    supportedProtocols: [
      'Https'
      'Http'
    ]
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    cacheConfiguration: {
      queryStringCachingBehavior: 'IgnoreQueryString'
      compressionSettings: {
        isCompressionEnabled: true
        contentTypesToCompress: [
          'text/css'
          'application/javascript'
        ]
      }
    }`,
)}`,
    terraform: `${terraformRoute(
      'account',
      '"/account/*"',
      `  supported_protocols           = ["Http", "Https"]
  https_redirect_enabled        = true
  forwarding_protocol           = "HttpsOnly"
  # No cache block: Front Door does not cache this route.`,
    )}`,
    cli: `# Turn caching off on the route serving PHI paths:
az afd route update --resource-group <resource-group> --profile-name <profile> --endpoint-name <endpoint> --route-name <route> --enable-caching false
# Find rule-set rules that turn caching on:
az afd rule list --resource-group <resource-group> --profile-name <profile> --rule-set-name <rule-set> --query "[?actions[?name=='RouteConfigurationOverride' && parameters.cacheConfiguration!=null]].{rule:name, conditions:conditions}"`,
  },
  evaluate(resource, context) {
    const { patternsToMatch, caching, ruleSetRules, enabledState } = routeProperties(resource);
    const subject = routeLabel(resource);
    if (enabledState?.toLowerCase() === 'disabled')
      return notApplicable(`${subject} is disabled: it serves no requests.`);
    if (!patternsToMatch) return notAssessed('path patterns', subject);
    const served = [
      ...new Set(patternsToMatch.flatMap((pattern) => phiPathsServedBy(pattern, context.phiUrlPaths))),
    ];
    if (served.length === 0)
      return pass(
        `${subject} serves none of the engagement's PHI URL paths (${patternsToMatch.join(', ')}); caching it exposes no PHI.`,
      );
    if (caching === undefined) return notAssessed('caching configuration', subject);
    if (ruleSetRules === undefined) return notAssessed('rule set rules', subject);
    const findings: string[] = [];
    let ignoresOrigin = false;
    for (const phiPath of served) {
      const verdict = cachingFor(caching, ruleSetRules, phiPath);
      if (verdict.byRoute) {
        const how = describeCaching(verdict.byRoute);
        findings.push(`route caching is on for PHI path ${phiPath}${how ? ` (${how})` : ''}`);
      }
      for (const { rule, caching: byRule } of verdict.byRules) {
        if (byRule.cacheBehavior?.toLowerCase() === 'overridealways') ignoresOrigin = true;
        const how = describeCaching(byRule);
        findings.push(
          `rule ${rule.name} of rule set ${rule.ruleSet} turns caching on for ${describeConditions(rule)}, which can serve PHI path ${phiPath}${how ? ` (${how})` : ''}`,
        );
      }
    }
    if (findings.length > 0) {
      const origin = ignoresOrigin
        ? ', whatever Cache-Control the origin sends (OverrideAlways)'
        : ' unless the origin marks it Cache-Control private or no-store, which this tool cannot see';
      return fail(
        `${subject} may cache PHI at the edge: ${findings.join('; ')}. Front Door's cache key never includes the Authorization header or cookies, so a cached response can reach another user${origin}.`,
      );
    }
    return pass(
      `${subject} serves PHI path${served.length === 1 ? '' : 's'} ${served.join(', ')} with caching off.`,
    );
  },
};
