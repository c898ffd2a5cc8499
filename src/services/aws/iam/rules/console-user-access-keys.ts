import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import { dateOf, IAM_USER, userLabel, userProperties } from './common';

/** 164.312(d), 164.308(a)(4)(ii)(C): people sign in with MFA, not with keys that never expire. */
export const iamConsoleUserAccessKeys: Rule = {
  id: 'aws.iam.console-user-access-keys',
  title: 'IAM users who sign in to the console hold no active long-lived access keys',
  severity: 'medium',
  exposure: 'internet',
  resourceType: IAM_USER,
  citations: ['164.312(d)', '164.308(a)(4)(ii)(C)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    'A user with a console password is a person. When that person also holds an active access key, their full permissions are available from a file on a laptop, a shell history or a CI variable, with no MFA and no expiry: the key signs requests until someone deletes it, and a copy works from anywhere. 164.312(d) requires verifying who is behind each access to ePHI, which MFA at sign-in does and a copied key does not, and 164.308(a)(4)(ii)(C) requires access to be established and modified through documented procedures, which short-lived credentials issued per session (IAM Identity Center, aws sso login, or assume-role with MFA) make practical. The rule fails a user with a console password (GetLoginProfile) and at least one Active key (ListAccessKeys); inactive keys are reported but do not fail. Machine users without a console password are judged by aws.iam.access-key-rotation.',
  remediation: {
    text: "Give people short-lived credentials instead: IAM Identity Center (aws configure sso / aws sso login) or an IAM role assumed with MFA. Then deactivate the user's access keys, watch for failures for a few days, and delete them. If a workload uses the key, give that workload its own role.",
    terraform: `# People: IAM Identity Center permission sets instead of user keys
resource "aws_ssoadmin_permission_set" "support" {
  name             = "nwv-support"
  instance_arn     = tolist(data.aws_ssoadmin_instances.this.arns)[0]
  session_duration = "PT8H"
}
# and remove every aws_iam_access_key resource of a human user.`,
    cloudformation: `SupportPermissionSet:
  Type: AWS::SSO::PermissionSet
  Properties:
    Name: nwv-support
    InstanceArn: !Ref SsoInstanceArn
    SessionDuration: PT8H
# and remove every AWS::IAM::AccessKey of a human user.`,
    cli: `aws iam list-access-keys --user-name <user>
aws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive
# after confirming nothing broke:
aws iam delete-access-key --user-name <user> --access-key-id <key-id>`,
  },
  evaluate(resource) {
    const { console, accessKeys } = userProperties(resource);
    const subject = userLabel(resource);
    if (console === undefined) return notAssessed('console password (GetLoginProfile)', subject);
    if (!console.passwordSet)
      return notApplicable(
        `${subject} has no console password (GetLoginProfile NoSuchEntity): not a console user.`,
      );
    if (accessKeys === undefined) return notAssessed('access keys (ListAccessKeys)', subject);
    const active = accessKeys.filter((key) => key.status === 'Active');
    if (active.length > 0) {
      const keys = active
        .map((key) => `${key.accessKeyId}${key.createDate ? ` (created ${dateOf(key.createDate)})` : ''}`)
        .join(', ');
      return fail(
        `${subject} signs in to the console and also holds ${active.length} active access key(s): ${keys}.`,
      );
    }
    const inactive = accessKeys.length - active.length;
    return pass(
      `${subject} signs in to the console and holds no active access key${inactive > 0 ? ` (${inactive} inactive key(s) remain; delete them)` : ''}.`,
    );
  },
};
