import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import { IAM_USER, userLabel, userProperties } from './common';

/** 164.312(d) person or entity authentication: a console password is not the only factor. */
export const iamUserConsoleMfa: Rule = {
  id: 'aws.iam.user-console-mfa',
  title: 'IAM users with a console password have an MFA device',
  severity: 'high',
  exposure: 'internet',
  resourceType: IAM_USER,
  citations: ['164.312(d)', '164.312(a)(1)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    'An IAM user with a console password signs in to the AWS console from anywhere on the internet; without an MFA device the password alone opens whatever the user may reach, which in a shop of this size often includes PHI buckets, databases and the logs of who read them. Phished, reused and leaked passwords are the most common way into cloud accounts. 164.312(d) requires verifying that a person seeking access to ePHI is the one claimed, and 164.312(a)(1) requires access to be limited to those granted it; a second factor is the reasonable and appropriate way to meet both for remote console access. The rule reads GetLoginProfile (NoSuchEntity means the user has no console password and is not judged here) and ListMFADevices (virtual, hardware or FIDO devices all count). Users without a console password are judged by the access-key rules instead.',
  remediation: {
    text: "Assign an MFA device to the user (a FIDO security key or passkey is preferred; a virtual authenticator app at least), and enforce it: attach a policy that denies everything except managing one's own MFA when aws:MultiFactorAuthPresent is false. If the person no longer needs console access, delete the login profile instead. Moving people to IAM Identity Center removes IAM console passwords altogether.",
    terraform: `# Deny everything but MFA self-service until the user signs in with MFA:
data "aws_iam_policy_document" "require_mfa" {
  statement {
    sid         = "DenyWithoutMfa"
    effect      = "Deny"
    not_actions = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:GetUser", "iam:ChangePassword", "sts:GetSessionToken"]
    resources   = ["*"]
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_iam_group_policy" "require_mfa" {
  name   = "require-mfa"
  group  = aws_iam_group.console_users.name
  policy = data.aws_iam_policy_document.require_mfa.json
}`,
    cloudformation: `RequireMfaPolicy:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    Groups: [!Ref ConsoleUsers]
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Sid: DenyWithoutMfa
          Effect: Deny
          NotAction: [iam:CreateVirtualMFADevice, iam:EnableMFADevice, iam:ListMFADevices, iam:GetUser, iam:ChangePassword, sts:GetSessionToken]
          Resource: '*'
          Condition:
            BoolIfExists:
              aws:MultiFactorAuthPresent: 'false'`,
    cli: `aws iam create-virtual-mfa-device --virtual-mfa-device-name <user> --outfile qr.png --bootstrap-method QRCodePNG
aws iam enable-mfa-device --user-name <user> --serial-number arn:aws:iam::<account>:mfa/<user> \\
  --authentication-code1 <code1> --authentication-code2 <code2>
# or, if the user needs no console: aws iam delete-login-profile --user-name <user>`,
  },
  evaluate(resource) {
    const { console, mfaDevices } = userProperties(resource);
    const subject = userLabel(resource);
    if (console === undefined) return notAssessed('console password (GetLoginProfile)', subject);
    if (!console.passwordSet)
      return notApplicable(`${subject} has no console password (GetLoginProfile NoSuchEntity).`);
    if (mfaDevices === undefined) return notAssessed('MFA devices (ListMFADevices)', subject);
    if (mfaDevices.length === 0)
      return fail(
        `${subject} has a console password and no MFA device: the password alone signs in to the console.`,
      );
    const kinds = [...new Set(mfaDevices.map((device) => device.kind))].join(', ');
    return pass(`${subject} has a console password and ${mfaDevices.length} MFA device(s) (${kinds}).`);
  },
};
