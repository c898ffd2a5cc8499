import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass } from '../../../../kit';
import {
  accountLabel,
  accountProperties,
  IAM_ACCOUNT,
  PASSWORD_MIN_LENGTH,
  PASSWORD_REUSE_PREVENTION,
} from './common';

/** 164.308(a)(5)(ii)(D) password management; 164.312(d) authentication. */
export const iamPasswordPolicy: Rule = {
  id: 'aws.iam.password-policy',
  title: `The account password policy requires at least ${PASSWORD_MIN_LENGTH} characters and prevents reuse of the last ${PASSWORD_REUSE_PREVENTION} passwords`,
  severity: 'medium',
  exposure: 'internet',
  resourceType: IAM_ACCOUNT,
  citations: ['164.308(a)(5)(ii)(D)', '164.312(d)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale: `164.308(a)(5)(ii)(D) (password management, addressable) asks for procedures for creating, changing and safeguarding passwords, and 164.312(d) for verifying that whoever signs in is who they claim to be. For IAM users with console access the account password policy is where those procedures are enforced; without one, IAM accepts any password of 8 or more characters and lets a user set the same one again. The rule follows the CIS AWS Foundations Benchmark (1.8 and 1.9): a minimum length of ${PASSWORD_MIN_LENGTH} and PasswordReusePrevention of ${PASSWORD_REUSE_PREVENTION}. It does not demand symbol or digit classes or periodic expiry, which NIST SP 800-63B advises against (length and MFA protect better than composition rules); the detail reports them as seen. No policy at all (GetAccountPasswordPolicy NoSuchEntity) fails, since IAM's defaults then apply. The root user is not governed by this policy.`,
  remediation: {
    text: `Set an account password policy with a minimum length of at least ${PASSWORD_MIN_LENGTH}, password reuse prevention of ${PASSWORD_REUSE_PREVENTION}, and let users change their own passwords; require MFA for every console user as well (aws.iam.user-console-mfa). Better still, move people to IAM Identity Center or a federated identity provider and leave no IAM console passwords.`,
    terraform: `resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = ${PASSWORD_MIN_LENGTH}
  password_reuse_prevention      = ${PASSWORD_REUSE_PREVENTION}
  allow_users_to_change_password = true
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
}`,
    cloudformation: `# CloudFormation has no password-policy resource; check it with the AWS Config managed rule:
PasswordPolicyCheck:
  Type: AWS::Config::ConfigRule
  Properties:
    ConfigRuleName: iam-password-policy
    InputParameters:
      MinimumPasswordLength: '${PASSWORD_MIN_LENGTH}'
      PasswordReusePrevention: '${PASSWORD_REUSE_PREVENTION}'
    Source:
      Owner: AWS
      SourceIdentifier: IAM_PASSWORD_POLICY`,
    cli: `aws iam update-account-password-policy --minimum-password-length ${PASSWORD_MIN_LENGTH} \\
  --password-reuse-prevention ${PASSWORD_REUSE_PREVENTION} --allow-users-to-change-password \\
  --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols`,
  },
  evaluate(resource) {
    const { passwordPolicy: policy } = accountProperties(resource);
    const subject = accountLabel(resource);
    if (policy === undefined) return notAssessed('password policy (GetAccountPasswordPolicy)', subject);
    if (!policy.set)
      return fail(
        `${subject} has no IAM password policy (GetAccountPasswordPolicy NoSuchEntity): IAM users may set any password of 8 or more characters and reuse old ones.`,
      );
    const weak: string[] = [];
    if (policy.minimumLength === null || policy.minimumLength < PASSWORD_MIN_LENGTH)
      weak.push(`minimum length ${policy.minimumLength ?? 'not stated'} (below ${PASSWORD_MIN_LENGTH})`);
    if (policy.reusePrevention === null) weak.push('no password reuse prevention');
    else if (policy.reusePrevention < PASSWORD_REUSE_PREVENTION)
      weak.push(
        `reuse prevention of only the last ${policy.reusePrevention} (below ${PASSWORD_REUSE_PREVENTION})`,
      );
    const classes = [
      policy.requireUppercase ? 'uppercase' : null,
      policy.requireLowercase ? 'lowercase' : null,
      policy.requireNumbers ? 'numbers' : null,
      policy.requireSymbols ? 'symbols' : null,
    ].filter((each): each is string => each !== null);
    const seen = `character classes required: ${classes.length > 0 ? classes.join(', ') : 'none'}; expiry: ${policy.maxAgeDays ? `${policy.maxAgeDays} days` : 'none'}`;
    if (weak.length > 0)
      return fail(`The IAM password policy of ${subject} is weak: ${weak.join('; ')} (${seen}).`);
    return pass(
      `The IAM password policy of ${subject} requires at least ${policy.minimumLength} characters and prevents reuse of the last ${policy.reusePrevention} passwords (${seen}).`,
    );
  },
};
