import type { Rule } from '../../../../kit';
import { failurePatterns, notApplicable, notAssessed } from '../../../../kit';
import { IAM_ROLE, roleLabel, roleProperties } from './common';
import { fullAccessRationale, fullAccessRemediation, judgeFullAccess } from './full-access';

/** 164.308(a)(3)(i), 164.308(a)(4)(ii)(B), 164.312(a)(1): no role holds "*" on "*". */
export const iamRoleAdminAccess: Rule = {
  id: 'aws.iam.role-admin-access',
  title: 'No IAM role is granted AdministratorAccess or "*" on "*" (attached or inline)',
  severity: 'high',
  exposure: 'internal',
  resourceType: IAM_ROLE,
  citations: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale: `${fullAccessRationale('role (and every principal its trust policy lets assume it)')} Service-linked roles (path /aws-service-role/) are defined by AWS and are not judged. Roles that IAM Identity Center creates (AWSReservedSSO_…) carry their permission set's policies, so a finding on one points at the permission set.`,
  remediation: fullAccessRemediation('role'),
  evaluate(resource) {
    const { permissions, serviceLinked } = roleProperties(resource);
    const subject = roleLabel(resource);
    if (serviceLinked === true)
      return notApplicable(`${subject} is a service-linked role: AWS defines and maintains its permissions.`);
    if (permissions === undefined) return notAssessed('policies (GetAccountAuthorizationDetails)', subject);
    return judgeFullAccess(subject, permissions);
  },
};
