import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass } from '../../../../kit';
import { accountLabel, accountProperties, IAM_ACCOUNT } from './common';

/** 164.312(d) person or entity authentication: the account's most powerful identity has a second factor. */
export const iamRootMfa: Rule = {
  id: 'aws.iam.root-mfa',
  title: 'The root user of every AWS account has MFA enabled',
  severity: 'critical',
  exposure: 'internet',
  resourceType: IAM_ACCOUNT,
  citations: ['164.312(d)', '164.312(a)(1)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    'The root user of an AWS account can do everything in it — read and delete every PHI store, turn off CloudTrail, close the account — and no IAM policy can restrict it (only an organisation SCP can). Its console sign-in page is on the internet, so without MFA the root password alone stands between anyone who phishes, guesses or finds it and all of the account. 164.312(d) requires procedures to verify that a person seeking access to ePHI is the one claimed, and 164.312(a)(1) requires access to be limited to authorized persons; a single factor for an identity of unlimited reach meets neither. The rule reads GetAccountSummary AccountMFAEnabled, which covers the root user only (IAM users are judged by aws.iam.user-console-mfa). A hardware or FIDO key kept in a safe, with a documented break-glass procedure, is the usual answer.',
  remediation: {
    text: 'Sign in as the root user and assign an MFA device (a FIDO security key or a hardware TOTP token is preferred over a virtual app for the root user); keep the device and the recovery procedure under dual control. In an AWS Organization, centralised root access management can also remove the root credentials of member accounts altogether.',
    terraform: `# Root MFA cannot be set by Terraform (only the root user can assign it). Guard it instead:
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
    cloudformation: `# Root MFA cannot be set by CloudFormation. Detect it with the AWS Config managed rule:
RootMfaEnabled:
  Type: AWS::Config::ConfigRule
  Properties:
    ConfigRuleName: root-account-mfa-enabled
    Source:
      Owner: AWS
      SourceIdentifier: ROOT_ACCOUNT_MFA_ENABLED`,
    cli: `# Check (0 = no MFA on the root user):
aws iam get-account-summary --query 'SummaryMap.AccountMFAEnabled'
# Then sign in as root: Security credentials > Multi-factor authentication > Assign MFA device.`,
  },
  evaluate(resource) {
    const { root } = accountProperties(resource);
    const subject = accountLabel(resource);
    if (root === undefined) return notAssessed('root user MFA status (GetAccountSummary)', subject);
    if (!root.mfaEnabled)
      return fail(
        `The root user of ${subject} has no MFA device (GetAccountSummary AccountMFAEnabled 0): its password alone signs in.`,
      );
    return pass(`The root user of ${subject} has MFA enabled (AccountMFAEnabled 1).`);
  },
};
