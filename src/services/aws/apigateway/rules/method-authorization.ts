import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import {
  isHealthMethod,
  methodLabel,
  openMethods,
  REST_API,
  reachWords,
  restApiLabel,
  restApiProperties,
} from './common';
import { methodAuthorizationRemediation } from './remediation';

/** 164.312(a)(1) access control, 164.312(d) person or entity authentication: API methods know who calls them. */
export const apigatewayMethodAuthorization: Rule = {
  id: 'aws.apigateway.method-authorization',
  title: 'API Gateway REST API methods require authorization or an API key',
  severity: 'high',
  exposure: 'internet',
  resourceType: REST_API,
  citations: ['164.312(a)(1)', '164.312(d)'],
  failurePattern: failurePatterns.unauthenticatedEndpoints,
  rationale:
    "164.312(a)(1) requires technical controls that allow access to ePHI only to authorized persons or software, and 164.312(d) procedures to verify that whoever seeks access is who they claim to be. A REST API method whose authorizationType is NONE and that requires no API key is callable by anyone who can reach the endpoint: API Gateway passes the request to the integration (a Lambda function, an HTTP backend) with no identity attached, so unless the backend checks credentials itself, order, account and telehealth data behind it is open. The rule reads every method of every resource (GetResources with embed=methods) and fails on methods other than OPTIONS (CORS preflight) with authorizationType NONE and apiKeyRequired false, naming them; AWS_IAM, COGNITO_USER_POOLS and CUSTOM (Lambda) authorizers pass, and an API key alone is reported as passing this rule though it identifies rather than authenticates. Health and status probes (/health, /status, /ping …) are judged separately at low severity by aws.apigateway.health-method-authorization. It reads the API's current resources, which is what the next deployment publishes; a backend that authenticates requests itself can be recorded so in triage.",
  remediation: methodAuthorizationRemediation,
  evaluate(resource) {
    const subject = restApiLabel(resource);
    const { methods } = restApiProperties(resource);
    if (methods === undefined) return notAssessed('methods (GetResources)', subject);
    const judged = methods.filter((method) => method.httpMethod !== 'OPTIONS' && !isHealthMethod(method));
    if (judged.length === 0)
      return notApplicable(`${subject} has no method outside OPTIONS and health or status probes.`);
    const open = openMethods(judged);
    if (open.length > 0)
      return fail(
        `${subject}${reachWords(resource)} answers ${open.map(methodLabel).join(', ')} with authorization type NONE and no API key.${phiNote(resource)}`,
      );
    const keyOnly = judged.filter((method) => method.authorizationType === 'NONE');
    return pass(
      `${subject} requires an authorizer on every method outside OPTIONS and health probes (${judged.length} method(s))${
        keyOnly.length > 0
          ? `; ${keyOnly.map(methodLabel).join(', ')} rely on an API key alone, which identifies but does not authenticate the caller`
          : ''
      }.`,
    );
  },
};
