import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import {
  API,
  apiLabel,
  apiProperties,
  bicepJwtPolicy,
  isHealthOperation,
  operationLabel,
  reachability,
  terraformJwtPolicy,
} from './common';

/** 164.312(d), 164.312(a)(1): every API operation asks who is calling. */
export const apimAnonymousApi: Rule = {
  id: 'azure.apim.anonymous-api',
  title: 'API Management APIs are not reachable without a subscription key or an authentication policy',
  severity: 'high',
  exposure: 'internet',
  resourceType: API,
  citations: ['164.312(d)', '164.312(a)(1)'],
  failurePattern: failurePatterns.unauthenticatedEndpoints,
  rationale:
    "API Management's gateway answers an API's operations for anyone who can reach it unless the API requires a subscription key (subscriptionRequired) or a policy in effect authenticates the caller. 164.312(d) requires verifying that a person or entity seeking access to ePHI is the one claimed, and 164.312(a)(1) that only authorized persons and software get access; an order, prescription or patient-record API open to anonymous callers satisfies neither, whatever the backend assumes about its callers. This rule takes each current API with subscriptionRequired false and follows each operation's inbound policies — the operation's own, then through <base /> the API's, then the all-APIs policy — looking for validate-jwt, validate-azure-ad-token or validate-client-certificate. The authentication-basic, authentication-certificate and authentication-managed-identity policies authenticate API Management to the backend, not the caller, and do not count; a policy inside <choose> counts although its condition is not evaluated. An API's authenticationSettings (OAuth 2.0 / OpenID Connect in the developer portal) only documents the scheme and enforces nothing. Health endpoints (/health, /status, /ping …) are judged separately by azure.apim.health-endpoint at low severity.",
  remediation: {
    text: "Require a subscription key on the API (subscriptionRequired true) and, for APIs that serve PHI, validate the caller's Entra ID token in the API's inbound policy (validate-azure-ad-token or validate-jwt). Keep <base /> in operation policies so API-level authentication applies to every operation.",
    bicep: bicepJwtPolicy,
    terraform: terraformJwtPolicy,
    cli: `az apim api update --resource-group <resource-group> --service-name <service> --api-id <api-id> --subscription-required true
# Then add validate-azure-ad-token (or validate-jwt) to the API's inbound policy, e.g. with
# az rest --method put --url "https://management.azure.com/<api-id>/policies/policy?api-version=2022-08-01" --body @policy.json`,
  },
  evaluate(resource) {
    const api = apiProperties(resource);
    const subject = apiLabel(resource);
    if (api.subscriptionRequired === undefined) return notAssessed('subscription requirement', subject);
    if (api.subscriptionRequired) return pass(`${subject} requires a subscription key.`);
    if (api.operations === undefined) return notAssessed('operations', subject);
    const open: string[] = [];
    const unknown: string[] = [];
    const authenticated: string[] = [];
    for (const operation of api.operations) {
      if (isHealthOperation(api, operation)) continue;
      const reach = reachability(api, operation);
      if (reach.kind === 'anonymous') open.push(operationLabel(api, operation));
      else if (reach.kind === 'unknown') unknown.push(reach.missing);
      else if (reach.kind === 'auth') authenticated.push(`${reach.policy} (${reach.scope})`);
    }
    if (open.length > 0)
      return fail(
        `${subject} answers ${open.join(', ')} without a subscription key or a caller-authentication policy.${phiNote(resource)}`,
      );
    if (unknown.length > 0) return notAssessed([...new Set(unknown)].join(' and '), subject);
    if (authenticated.length === 0)
      return notApplicable(`${subject} has no operations other than health endpoints.`);
    return pass(
      `${subject} requires no subscription key but authenticates callers of every operation with ${[...new Set(authenticated)].join(', ')}.`,
    );
  },
};
