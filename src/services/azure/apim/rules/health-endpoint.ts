import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
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

/** 164.312(a)(1), 164.312(d): a health endpoint is no anonymous window into the API. */
export const apimHealthEndpoint: Rule = {
  id: 'azure.apim.health-endpoint',
  title: 'API Management health endpoints are not served anonymously',
  severity: 'low',
  exposure: 'internet',
  resourceType: API,
  citations: ['164.312(a)(1)', '164.312(d)'],
  failurePattern: failurePatterns.unauthenticatedEndpoints,
  rationale:
    "Health and status operations (/health, /healthz, /status, /ping, /live, /ready …) are often left open so load balancers and monitors can call them. Through API Management they reach the backend, which may answer with dependency names, versions, queue depths or more — information an attacker uses, and occasionally PHI. 164.312(a)(1) limits access to systems holding ePHI to authorized persons or software, and 164.312(d) asks that they be authenticated. This rule takes the health operations of APIs that require no subscription key and fails, at low severity, when one is reachable without a caller-authentication policy in effect (validate-jwt, validate-azure-ad-token, validate-client-certificate through the operation's, API's or all-APIs inbound policy). What the endpoint returns is not read: the consultant should request it and confirm it answers only a status. A monitor can be given a subscription key or a managed identity instead.",
  remediation: {
    text: 'Give monitors a subscription key or an Entra ID token and keep the health operation behind the same authentication as the API; or have the backend answer the health operation with a bare status code and nothing else, and return a mocked response from API Management (mock-response or return-response) so the backend is not reached.',
    bicep: bicepJwtPolicy,
    terraform: terraformJwtPolicy,
    cli: `# Show the policy of the health operation; it should keep <base /> in <inbound> so API-level authentication applies:
az rest --method get --url "https://management.azure.com/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.ApiManagement/service/<service>/apis/<api-id>/operations/<operation-id>/policies/policy?api-version=2022-08-01&format=rawxml"`,
  },
  evaluate(resource) {
    const api = apiProperties(resource);
    const subject = apiLabel(resource);
    if (api.subscriptionRequired === undefined) return notAssessed('subscription requirement', subject);
    if (api.subscriptionRequired)
      return pass(`${subject} requires a subscription key for every operation, health endpoints included.`);
    if (api.operations === undefined) return notAssessed('operations', subject);
    const health = api.operations.filter((operation) => isHealthOperation(api, operation));
    if (health.length === 0) return notApplicable(`${subject} has no health endpoint.`);
    const open: string[] = [];
    const guarded: string[] = [];
    for (const operation of health) {
      const reach = reachability(api, operation);
      if (reach.kind === 'unknown') return notAssessed(reach.missing, subject);
      if (reach.kind === 'anonymous') open.push(operationLabel(api, operation));
      else guarded.push(operationLabel(api, operation));
    }
    if (open.length > 0)
      return fail(
        `${subject} serves the health endpoint ${open.join(', ')} without a subscription key or a caller-authentication policy: confirm it returns only a status, with no patient data, versions or dependency details.`,
      );
    return pass(`${subject} serves its health endpoint ${guarded.join(', ')} only to authenticated callers.`);
  },
};
