import type { Rule } from '../../../../kit';
import { failurePatterns, notApplicable, notAssessed } from '../../../../kit';
import { IAM_ROLE, roleLabel, roleProperties } from './common';
import { judgePhiWildcards, phiWildcardRationale, phiWildcardRemediation } from './phi-wildcard';

/** 164.308(a)(4)(ii)(B), 164.312(a)(1): no role holds s3:* / dynamodb:* / * on PHI stores. */
export const iamRolePhiWildcardAccess: Rule = {
  id: 'aws.iam.role-phi-wildcard-access',
  title: 'No IAM role is granted s3:*, dynamodb:* or * on PHI buckets and tables (or on every resource)',
  severity: 'high',
  exposure: 'internal',
  resourceType: IAM_ROLE,
  citations: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale: `${phiWildcardRationale('role (and every principal its trust policy lets assume it)')} Service-linked roles are defined by AWS and are not judged.`,
  remediation: phiWildcardRemediation('role'),
  evaluate(resource, context) {
    const { permissions, serviceLinked } = roleProperties(resource);
    const subject = roleLabel(resource);
    if (serviceLinked === true)
      return notApplicable(`${subject} is a service-linked role: AWS defines and maintains its permissions.`);
    if (permissions === undefined) return notAssessed('policies (GetAccountAuthorizationDetails)', subject);
    return judgePhiWildcards(subject, permissions, resource, context);
  },
};
