import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import type { IamAccessKey } from '../resource';
import { dateOf, IAM_USER, KEY_MAX_AGE_DAYS, KEY_MAX_UNUSED_DAYS, userLabel, userProperties } from './common';

/** What is wrong with one active key, as seen: too old, unused too long, or never used. */
function problemsOf(key: IamAccessKey): string[] {
  const problems: string[] = [];
  if (key.ageDays !== null && key.ageDays > KEY_MAX_AGE_DAYS)
    problems.push(
      `created ${key.ageDays} days earlier${key.createDate ? ` (${dateOf(key.createDate)})` : ''}`,
    );
  const used = key.lastUsed;
  if (used && used.date === null && key.ageDays !== null && key.ageDays > KEY_MAX_UNUSED_DAYS)
    problems.push('never used');
  if (used?.daysAgo !== null && used?.daysAgo !== undefined && used.daysAgo > KEY_MAX_UNUSED_DAYS)
    problems.push(`last used ${used.daysAgo} days earlier${used.date ? ` (${dateOf(used.date)})` : ''}`);
  return problems;
}

/**
 * 164.308(a)(4)(ii)(C) access establishment and modification, 164.308(a)(3)(ii)(C) termination
 * procedures, 164.312(d): long-lived keys are rotated, and removed when nobody uses them.
 */
export const iamAccessKeyRotation: Rule = {
  id: 'aws.iam.access-key-rotation',
  title: `Active IAM access keys are younger than ${KEY_MAX_AGE_DAYS} days and used within the last ${KEY_MAX_UNUSED_DAYS} days`,
  severity: 'medium',
  exposure: 'internet',
  resourceType: IAM_USER,
  citations: ['164.308(a)(4)(ii)(C)', '164.308(a)(3)(ii)(C)', '164.312(d)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale: `An IAM access key never expires: it signs requests from anywhere until it is deactivated. The older it is, the more copies of it exist (old laptops, build logs, former employees' dotfiles), and a key nobody uses is standing access nobody needs. 164.308(a)(4)(ii)(C) requires access to be established, reviewed and modified through documented procedures — rotation is that review for a key — and 164.308(a)(3)(ii)(C) requires access to end when it is no longer needed, which an unused key outlives; 164.312(d) rests on the credential still identifying its holder. The rule follows CIS AWS Foundations 1.14 (rotate within ${KEY_MAX_AGE_DAYS} days) and fails an Active key created more than ${KEY_MAX_AGE_DAYS} days before the collection, last used more than ${KEY_MAX_UNUSED_DAYS} days before it, or never used (GetAccessKeyLastUsed without a LastUsedDate) and older than ${KEY_MAX_UNUSED_DAYS} days. Ages are counted by the collector to the time the answers were read, as the detail states. Inactive keys cannot sign and are not judged.`,
  remediation: {
    text: 'For a key in use: create a second key, move the workload to it, deactivate the old one, and delete it once nothing fails — or better, replace the user with an IAM role (EC2 instance profile, ECS task role, Lambda execution role, IAM Roles Anywhere or OIDC federation for CI). For an unused key: deactivate it, then delete it.',
    terraform: `# Prefer a role for the workload; if a user key must stay, rotate it by replacing the resource:
resource "aws_iam_access_key" "ci_deploy" {
  user = aws_iam_user.ci_deploy.name
  lifecycle { create_before_destroy = true }
}
# terraform apply -replace=aws_iam_access_key.ci_deploy   (every <= 90 days)`,
    cloudformation: `# Rotate by bumping Serial (CloudFormation replaces the key):
CiDeployKey:
  Type: AWS::IAM::AccessKey
  Properties:
    UserName: !Ref CiDeployUser
    Serial: 2
    Status: Active`,
    cli: `aws iam list-access-keys --user-name <user>
aws iam get-access-key-last-used --access-key-id <key-id>
aws iam create-access-key --user-name <user>          # rotate: new key first
aws iam update-access-key --user-name <user> --access-key-id <old-key-id> --status Inactive
aws iam delete-access-key --user-name <user> --access-key-id <old-key-id>`,
  },
  evaluate(resource) {
    const { accessKeys, observedAt } = userProperties(resource);
    const subject = userLabel(resource);
    if (accessKeys === undefined) return notAssessed('access keys (ListAccessKeys)', subject);
    const active = accessKeys.filter((key) => key.status === 'Active');
    if (active.length === 0)
      return notApplicable(
        `${subject} has no active access key${accessKeys.length > 0 ? ` (${accessKeys.length} inactive)` : ''}.`,
      );
    const asOf = observedAt ? ` as of ${dateOf(observedAt)}` : '';
    const failing = active
      .map((key) => ({ key, problems: problemsOf(key) }))
      .filter((each) => each.problems.length > 0);
    if (failing.length > 0)
      return fail(
        `${subject} has active access key(s)${asOf} due for rotation or removal: ${failing
          .map(({ key, problems }) => `${key.accessKeyId} ${problems.join(', ')}`)
          .join('; ')}.`,
      );
    if (active.some((key) => key.lastUsed === undefined))
      return notAssessed('access key last use (GetAccessKeyLastUsed)', subject);
    return pass(
      `${subject} has ${active.length} active access key(s)${asOf}, each younger than ${KEY_MAX_AGE_DAYS} days and ${active
        .map((key) =>
          key.lastUsed?.daysAgo !== null && key.lastUsed?.daysAgo !== undefined
            ? `${key.accessKeyId} used ${key.lastUsed.daysAgo === 0 ? 'less than a day' : `${key.lastUsed.daysAgo} day(s)`} earlier`
            : `${key.accessKeyId} not used yet (created ${key.ageDays ?? '?'} day(s) earlier)`,
        )
        .join(', ')}.`,
    );
  },
};
