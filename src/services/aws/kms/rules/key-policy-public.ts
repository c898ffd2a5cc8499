import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import type { KmsKeyProperties } from '../resource';
import { keyLabel, KMS_KEY, kmsProperties } from './common';

type Grant = NonNullable<KmsKeyProperties['policy']>['publicGrants'][number];

function describeGrant(grant: Grant): string {
  const statement = grant.sid ? `statement "${grant.sid}"` : 'an unnamed statement';
  const actions = grant.notAction
    ? `every action except ${grant.actions.join(', ') || 'none'}`
    : grant.actions.join(', ');
  const effects = [
    grant.fullControl ? 'full control of the key' : null,
    !grant.fullControl && grant.allowsUse ? 'use of the key for cryptographic operations' : null,
    !grant.fullControl && grant.allowsAdministration ? 'administration of the key' : null,
  ].filter((each): each is string => each !== null);
  return `${statement} allows ${actions} to Principal "*" with no Condition (${effects.join(' and ')})`;
}

/**
 * 164.312(a)(1) access control, 164.308(a)(4)(ii)(B) access authorization: only authorized
 * principals may use or manage the key that decrypts ePHI.
 */
export const kmsKeyPolicyPublic: Rule = {
  id: 'aws.kms.key-policy-public',
  title: 'KMS key policies do not let everyone use or administer the key',
  severity: 'critical',
  exposure: 'internet',
  resourceType: KMS_KEY,
  citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)', '164.312(a)(2)(iv)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    'The key policy is the primary access control of a KMS key: no IAM policy can grant access to a key whose policy does not allow it, and a statement that allows Principal "*" (or {"AWS": "*"}) with no Condition allows any authenticated principal of any AWS account. 164.312(a)(1) requires that only persons or software programs granted access rights reach ePHI, and 164.308(a)(4)(ii)(B) requires access to be granted through an authorization process. A key policy that hands kms:* (or a cryptographic action such as kms:Decrypt, or an administrative one such as kms:PutKeyPolicy) to everyone defeats 164.312(a)(2)(iv) encryption: whoever can obtain the ciphertext, from a mis-shared snapshot or an exported backup, can decrypt it, and whoever can rewrite the policy or schedule deletion can take or destroy the key. The rule reports only what the policy says; statements with any Condition (aws:PrincipalOrgID, kms:CallerAccount, kms:ViaService) are treated as restricted and should be reviewed in triage.',
  remediation: {
    text: 'Replace the statement with grants to named principals: the account root (so IAM policies apply), key administrators, and the roles or services that use the key. If cross-account or service use is intended, keep Principal "*" only with a restricting Condition such as aws:PrincipalOrgID, kms:CallerAccount together with kms:ViaService. PutKeyPolicy replaces the whole policy, so start from the current one.',
    terraform: `data "aws_iam_policy_document" "phi_key" {
  statement {
    sid       = "EnableIAMPolicies"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root"]
    }
  }
  statement {
    sid       = "AllowUseByTheApplication"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.app.arn]
    }
  }
}

resource "aws_kms_key_policy" "phi" {
  key_id = aws_kms_key.phi.id
  policy = data.aws_iam_policy_document.phi_key.json
}`,
    cloudformation: `PhiKey:
  Type: AWS::KMS::Key
  Properties:
    KeyPolicy:
      Version: '2012-10-17'
      Statement:
        - Sid: EnableIAMPolicies
          Effect: Allow
          Principal:
            AWS: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root
          Action: kms:*
          Resource: '*'
        - Sid: AllowUseByTheApplication
          Effect: Allow
          Principal:
            AWS: !GetAtt AppRole.Arn
          Action: [kms:Decrypt, kms:GenerateDataKey]
          Resource: '*'`,
    cli: `aws kms get-key-policy --key-id <key-id> --policy-name default --query Policy --output text > policy.json
# edit policy.json: remove or condition the statements granting Principal "*"
aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://policy.json`,
  },
  evaluate(resource) {
    const { policy } = kmsProperties(resource);
    const subject = keyLabel(resource);
    if (policy === undefined) return notAssessed('key policy (GetKeyPolicy)', subject);
    if (!policy.parsed) return notAssessed('key policy (the answer was not a JSON policy document)', subject);
    const risky = policy.publicGrants.filter(
      (grant) => grant.fullControl || grant.allowsUse || grant.allowsAdministration,
    );
    if (risky.length > 0)
      return fail(
        `The key policy of ${subject}: ${risky.map(describeGrant).join('; ')}.${phiNote(resource)}`,
      );
    const readOnly = policy.publicGrants
      .map((grant) => grant.actions.join(', '))
      .filter((each) => each !== '');
    const note =
      readOnly.length > 0
        ? ` It lets everyone read metadata only (${readOnly.join('; ')}), with no use or administration of the key.`
        : '';
    return pass(
      `The key policy of ${subject} has no statement that lets Principal "*" use or administer the key without a Condition.${note}`,
    );
  },
};
