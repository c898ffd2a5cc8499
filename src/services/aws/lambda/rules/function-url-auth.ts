import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { functionLabel, isHealthProbe, judgeUrls, LAMBDA_FUNCTION, lambdaProperties } from './common';
import { functionUrlRemediation } from './remediation';

/**
 * 164.312(a)(1) access control and 164.312(d) person or entity authentication: a function URL is
 * an HTTPS endpoint straight into the function; AuthType NONE means Lambda authenticates nobody.
 */
export const lambdaFunctionUrlAuth: Rule = {
  id: 'aws.lambda.function-url-auth',
  title: 'Lambda function URLs require IAM authentication',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internet',
  resourceType: LAMBDA_FUNCTION,
  citations: ['164.312(a)(1)', '164.312(d)'],
  failurePattern: failurePatterns.unauthenticatedEndpoints,
  rationale:
    '164.312(a)(1) requires technical controls that let only authorized persons or software reach ePHI, and 164.312(d) procedures that verify a caller is who it claims to be. A Lambda function URL is a dedicated HTTPS endpoint (https://<id>.lambda-url.<region>.on.aws/) that invokes the function directly, with no API Gateway in front. With AuthType AWS_IAM, Lambda accepts only SigV4-signed requests from principals that IAM allows; with AuthType NONE, Lambda authenticates nobody, and the function\'s resource-based policy decides alone: AWS requires a statement that allows lambda:InvokeFunctionUrl to Principal "*" for the URL to answer the public (URLs created since October 2025 also need lambda:InvokeFunction), and without one the URL answers 403 Forbidden. The rule reads every URL of the function and its aliases (ListFunctionUrlConfigs) and, for AuthType NONE, the policy that governs it (GetPolicy; ResourceNotFoundException means there is none). It fails when a URL has AuthType NONE and says which: reachable by anyone when a statement to Principal "*" with no Condition beyond lambda:FunctionUrlAuthType allows lambda:InvokeFunctionUrl; "no IAM auth, currently refused" when no such statement exists (one AddPermission call away from public); a statement restricted by another Condition (aws:SourceIp …) is named for review. A function that checks a signature itself (a payment or carrier webhook) can be recorded so in triage. Health, status and ping functions are judged at low severity by aws.lambda.health-function-url-auth.',
  remediation: functionUrlRemediation,
  evaluate(resource) {
    const subject = functionLabel(resource);
    const { urls } = lambdaProperties(resource);
    if (urls === undefined) return notAssessed('function URLs (ListFunctionUrlConfigs)', subject);
    if (isHealthProbe(resource))
      return notApplicable(
        `${subject} is a health or status probe; its URL is judged by aws.lambda.health-function-url-auth.`,
      );
    const verdict = judgeUrls(subject, urls);
    switch (verdict.kind) {
      case 'none':
        return notApplicable(`${subject} has no function URL.`);
      case 'unknown':
        return notAssessed(verdict.detail, subject);
      case 'pass':
        return pass(verdict.detail);
      case 'fail':
        return fail(`${verdict.detail}${phiNote(resource)}`);
    }
  },
};
