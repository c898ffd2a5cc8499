import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass } from '../../../../kit';
import { accountLabel, accountProperties, IAM_ACCOUNT } from './common';

/** 164.312(a)(1), (a)(2)(i), (d): no long-lived key of the one identity no policy can limit. */
export const iamRootAccessKeys: Rule = {
  id: 'aws.iam.root-access-keys',
  title: 'The root user of every AWS account has no access keys',
  severity: 'critical',
  exposure: 'internet',
  resourceType: IAM_ACCOUNT,
  citations: ['164.312(a)(1)', '164.312(a)(2)(i)', '164.312(d)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    'An access key of the root user signs API requests with the full power of the account, from anywhere on the internet, with no MFA and no IAM policy able to narrow it. Such keys end up in scripts, CI variables and laptops, and one leak exposes every PHI store of the account. 164.312(a)(1) requires access to ePHI to be limited to authorized persons or software programs with the rights they were granted; 164.312(a)(2)(i) requires a unique identity per user, which a shared root key defeats (CloudTrail shows only "root"); and 164.312(d) requires verifying who is behind a request, which a bare key cannot. The rule reads GetAccountSummary AccountAccessKeysPresent (1 when the root user has an active or inactive key). Automation belongs to IAM roles; a root key has no legitimate standing use.',
  remediation: {
    text: 'Find what uses the root key (CloudTrail userIdentity.type Root with an accessKeyId), move that use to an IAM role with only the permissions it needs, then deactivate and delete the root access keys while signed in as root.',
    terraform: `# Terraform cannot delete root keys. Deny the root user through an SCP (member accounts):
resource "aws_organizations_policy" "deny_root" {
  name    = "deny-root-user"
  type    = "SERVICE_CONTROL_POLICY"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Action    = "*"
      Resource  = "*"
      Condition = { StringLike = { "aws:PrincipalArn" = "arn:aws:iam::*:root" } }
    }]
  })
}`,
    cloudformation: `# Detect root keys with the AWS Config managed rule:
RootAccessKeyCheck:
  Type: AWS::Config::ConfigRule
  Properties:
    ConfigRuleName: iam-root-access-key-check
    Source:
      Owner: AWS
      SourceIdentifier: IAM_ROOT_ACCESS_KEY_CHECK`,
    cli: `# Check (1 = the root user has access keys):
aws iam get-account-summary --query 'SummaryMap.AccountAccessKeysPresent'
# Signed in with the root user's own credentials:
aws iam list-access-keys
aws iam update-access-key --access-key-id <root-key-id> --status Inactive
aws iam delete-access-key --access-key-id <root-key-id>`,
  },
  evaluate(resource) {
    const { root } = accountProperties(resource);
    const subject = accountLabel(resource);
    if (root === undefined) return notAssessed('root user access keys (GetAccountSummary)', subject);
    if (root.accessKeysPresent)
      return fail(
        `The root user of ${subject} has access keys (GetAccountSummary AccountAccessKeysPresent 1): long-lived credentials with unrestricted power over the account.`,
      );
    return pass(`The root user of ${subject} has no access keys (AccountAccessKeysPresent 0).`);
  },
};
