import type { Rule } from '../../../../kit';
import { failurePatterns, notAssessed } from '../../../../kit';
import { IAM_USER, userLabel, userProperties } from './common';
import { fullAccessRationale, fullAccessRemediation, judgeFullAccess } from './full-access';

/** 164.308(a)(3)(i), 164.308(a)(4)(ii)(B), 164.312(a)(1): no user holds "*" on "*". */
export const iamUserAdminAccess: Rule = {
  id: 'aws.iam.user-admin-access',
  title: 'No IAM user is granted AdministratorAccess or "*" on "*" (directly, inline or through a group)',
  severity: 'high',
  exposure: 'internal',
  resourceType: IAM_USER,
  citations: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale: fullAccessRationale('user (and anyone holding its password or keys)'),
  remediation: fullAccessRemediation('user'),
  evaluate(resource) {
    const { permissions } = userProperties(resource);
    const subject = userLabel(resource);
    if (permissions === undefined) return notAssessed('policies (GetAccountAuthorizationDetails)', subject);
    return judgeFullAccess(subject, permissions);
  },
};
