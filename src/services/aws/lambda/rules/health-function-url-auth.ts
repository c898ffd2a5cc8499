import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import { functionLabel, isHealthProbe, judgeUrls, LAMBDA_FUNCTION, lambdaProperties } from './common';
import { functionUrlRemediation } from './remediation';

/** 164.312(a)(1), 164.312(d): probes left open are named as probes, at low severity. */
export const lambdaHealthFunctionUrlAuth: Rule = {
  id: 'aws.lambda.health-function-url-auth',
  title: 'Lambda health and status probe URLs without IAM authentication are known and return no data',
  severity: 'low',
  exposure: 'internet',
  resourceType: LAMBDA_FUNCTION,
  citations: ['164.312(a)(1)', '164.312(d)'],
  failurePattern: failurePatterns.unauthenticatedEndpoints,
  rationale:
    '164.312(a)(1) and 164.312(d) require that access to systems holding ePHI be limited to authenticated, authorized callers. Health and status probes are commonly left open for uptime monitors, which is acceptable when they return nothing but a status; the risk is a probe that grows to return build details, dependency status or data, or that runs with a role that can read PHI. This rule takes the functions whose name ends in a probe word (health, healthz, healthcheck, ping, heartbeat, readiness, liveness; not status, which also ends business names such as order-status) or that carry the tag url-purpose = health, status, ping or heartbeat (url-purpose with any other value marks a function as not a probe), and fails — at low severity — when one has a function URL with AuthType NONE, saying whether its resource-based policy lets anyone invoke it or the URL is refused (403) for lack of such a statement, so the consultant can confirm with the client that it returns no data. Other functions are judged by aws.lambda.function-url-auth.',
  remediation: functionUrlRemediation,
  evaluate(resource) {
    const subject = functionLabel(resource);
    if (!isHealthProbe(resource)) return notApplicable(`${subject} is not a health or status probe.`);
    const { urls } = lambdaProperties(resource);
    if (urls === undefined) return notAssessed('function URLs (ListFunctionUrlConfigs)', subject);
    const verdict = judgeUrls(subject, urls);
    switch (verdict.kind) {
      case 'none':
        return notApplicable(`${subject} is a probe without a function URL.`);
      case 'unknown':
        return notAssessed(verdict.detail, subject);
      case 'pass':
        return pass(verdict.detail);
      case 'fail':
        return fail(`${verdict.detail} Confirm the probe returns no data.`);
    }
  },
};
