import type { Rule } from '../../../../kit';
import { failurePatterns, notAssessed } from '../../../../kit';
import { IAM_USER, userLabel, userProperties } from './common';
import { judgePhiWildcards, phiWildcardRationale, phiWildcardRemediation } from './phi-wildcard';

/** 164.308(a)(4)(ii)(B), 164.312(a)(1): no user holds s3:* / dynamodb:* / * on PHI stores. */
export const iamUserPhiWildcardAccess: Rule = {
  id: 'aws.iam.user-phi-wildcard-access',
  title: 'No IAM user is granted s3:*, dynamodb:* or * on PHI buckets and tables (or on every resource)',
  severity: 'high',
  exposure: 'internal',
  resourceType: IAM_USER,
  citations: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale: phiWildcardRationale('user (and anyone holding its password or keys)'),
  remediation: phiWildcardRemediation('user'),
  evaluate(resource, context) {
    const { permissions } = userProperties(resource);
    const subject = userLabel(resource);
    if (permissions === undefined) return notAssessed('policies (GetAccountAuthorizationDetails)', subject);
    return judgePhiWildcards(subject, permissions, resource, context);
  },
};
