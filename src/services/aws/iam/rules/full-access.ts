import type { Remediation, RuleResult } from '../../../../kit';
import { fail, NOT_ASSESSED_PREFIX, notApplicable, pass } from '../../../../kit';
import type { IamPermissions } from '../resource';
import { describeFullAccess, unreadNote } from './common';

/** Shared by the user and role rules: the same question about the same GetAccountAuthorizationDetails facts. */
export const fullAccessRationale = (principal: string): string =>
  `AdministratorAccess, or any policy with an Allow statement of Action "*" on Resource "*", lets the ${principal} read, change and delete every PHI store of the account, read the audit trail and switch it off, and grant itself or others anything further. 164.308(a)(3)(i) (workforce security) and 164.308(a)(4)(ii)(B) (access authorization) require that each member of the workforce and each program gets the access its function needs and no more, and 164.312(a)(1) requires technical policies that allow access only to those granted rights; an unrestricted grant is the opposite of minimum necessary. The rule resolves what GetAccountAuthorizationDetails reports: managed policies attached directly, inline policies, and (for users) the managed and inline policies of every group, each read in its default version. A statement with a Condition still fails (it grants everything whenever the condition holds), and says so. A permissions boundary is named in the detail but not evaluated. Policies whose document the answer did not carry are listed as not judged, never as harmless.`;

export const fullAccessRemediation = (kind: 'user' | 'role'): Remediation => ({
  text: `Replace the full-access policy with policies scoped to the actions and resources the ${kind} needs (IAM Access Analyzer can generate one from CloudTrail activity). Keep standing administrator access for a small break-glass path with MFA and alerting; give people administrator rights through IAM Identity Center permission sets assumed only when needed.`,
  terraform:
    kind === 'user'
      ? `# Remove the attachment (directly or through the group) and attach a scoped policy:
resource "aws_iam_group_policy_attachment" "platform" {
  group      = aws_iam_group.platform.name
  policy_arn = aws_iam_policy.platform_scoped.arn   # not arn:aws:iam::aws:policy/AdministratorAccess
}`
      : `resource "aws_iam_role_policy_attachment" "deployer" {
  role       = aws_iam_role.deployer.name
  policy_arn = aws_iam_policy.deployer_scoped.arn   # not arn:aws:iam::aws:policy/AdministratorAccess
}`,
  cloudformation:
    kind === 'user'
      ? `PlatformGroup:
  Type: AWS::IAM::Group
  Properties:
    ManagedPolicyArns:
      - !Ref PlatformScopedPolicy   # not arn:aws:iam::aws:policy/AdministratorAccess`
      : `DeployerRole:
  Type: AWS::IAM::Role
  Properties:
    ManagedPolicyArns:
      - !Ref DeployerScopedPolicy   # not arn:aws:iam::aws:policy/AdministratorAccess`,
  cli:
    kind === 'user'
      ? `aws iam detach-user-policy --user-name <user> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
aws iam detach-group-policy --group-name <group> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
aws iam delete-user-policy --user-name <user> --policy-name <inline-policy>`
      : `aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
aws iam delete-role-policy --role-name <role> --policy-name <inline-policy>`,
});

export function judgeFullAccess(subject: string, permissions: IamPermissions): RuleResult {
  const boundary = permissions.permissionsBoundary
    ? ` A permissions boundary (${permissions.permissionsBoundary}) is set and may cap this; it was not evaluated.`
    : '';
  if (permissions.fullAccess.length > 0)
    return fail(
      `${subject} is granted every action on every resource by ${permissions.fullAccess.map(describeFullAccess).join('; ')}.${boundary}`,
    );
  const unread = unreadNote(permissions);
  if (unread !== '')
    return notApplicable(
      `${NOT_ASSESSED_PREFIX} the policies of ${subject} could not all be read (see coverage gaps).${unread}`,
    );
  return pass(
    `None of the ${permissions.policies.length} policies of ${subject}${permissions.groups.length > 0 ? ` (including groups ${permissions.groups.join(', ')})` : ''} allows every action on every resource.`,
  );
}
