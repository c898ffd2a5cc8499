import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import type { IamTrustedPrincipal } from '../resource';
import { IAM_ROLE, roleLabel, roleProperties } from './common';

/** Condition keys that tie a trust to "*" down to known callers. */
const restrictingKeys = new Set([
  'sts:externalid',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourceaccount',
  'aws:sourcearn',
]);

const assumesRole = (actions: readonly string[]): boolean =>
  actions.some((action) => ['sts:assumerole', 'sts:*', '*'].includes(action.toLowerCase()));

function statementName(principal: IamTrustedPrincipal): string {
  return principal.sid ? `, statement "${principal.sid}"` : '';
}

/**
 * 164.308(a)(4)(ii)(B) access authorization, 164.312(a)(1) access control, 164.308(b)(1) business
 * associates: a role another organisation may assume is bound to that organisation's use of it.
 */
export const iamRoleTrustExternalId: Rule = {
  id: 'aws.iam.role-trust-external-id',
  title: 'Roles that another AWS account may assume require an sts:ExternalId (or an organisation condition)',
  severity: 'high',
  exposure: 'internet',
  resourceType: IAM_ROLE,
  citations: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)', '164.308(b)(1)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    "A role whose trust policy names another AWS account lets that account's principals assume it and act with its permissions. When the other account belongs to a vendor (a support desk, an analytics or monitoring SaaS), the vendor assumes the role on behalf of many customers, and without an sts:ExternalId condition any other customer of that vendor can point the vendor at this role ARN and reach this account's data: the confused-deputy problem AWS documents for third-party access. 164.308(a)(4)(ii)(B) requires access to be granted through an authorization that names who gets it, 164.312(a)(1) requires access to be limited to those granted rights, and a vendor that can reach ePHI is a business associate under 164.308(b)(1), whose access should be recorded against its agreement. The rule reads each Allow statement of the AssumeRolePolicyDocument (URL-encoded in GetAccountAuthorizationDetails) that allows sts:AssumeRole: AWS service principals, SAML/OIDC federation, principals of the same account and of any other account assessed in this run pass; an account outside the assessment passes only with an sts:ExternalId or aws:PrincipalOrgID/aws:PrincipalOrgPaths condition; Principal \"*\" passes only with a condition that restricts the caller (ExternalId, PrincipalOrgID, PrincipalAccount, PrincipalArn, SourceAccount, SourceArn). Whether the external id is unique per customer is the vendor's side and is not checked.",
  remediation: {
    text: 'Ask the vendor for the external id it generated for this account (it must be unique per customer and not chosen by you), add it as an sts:ExternalId StringEquals condition to the trust statement, and confirm the vendor integration still works. For accounts of your own organisation, use aws:PrincipalOrgID instead. Record the vendor and the role in the BAA register.',
    terraform: `data "aws_iam_policy_document" "vendor_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.vendor_external_id]
    }
  }
}

resource "aws_iam_role" "vendor_support_desk" {
  name               = "nwv-vendor-support-desk"
  assume_role_policy = data.aws_iam_policy_document.vendor_trust.json
}`,
    cloudformation: `VendorSupportDeskRole:
  Type: AWS::IAM::Role
  Properties:
    RoleName: nwv-vendor-support-desk
    AssumeRolePolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Principal:
            AWS: arn:aws:iam::444455556666:root
          Action: sts:AssumeRole
          Condition:
            StringEquals:
              sts:ExternalId: !Ref VendorExternalId`,
    cli: `aws iam get-role --role-name <role> --query Role.AssumeRolePolicyDocument
# add the Condition {"StringEquals": {"sts:ExternalId": "<vendor-issued-id>"}} to the statement, then:
aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json`,
  },
  evaluate(resource, context) {
    const { trust, serviceLinked } = roleProperties(resource);
    const subject = roleLabel(resource);
    if (serviceLinked === true)
      return notApplicable(`${subject} is a service-linked role: only its AWS service can assume it.`);
    if (trust === undefined) return notAssessed('trust policy (GetAccountAuthorizationDetails)', subject);
    if (!trust.parsed)
      return notAssessed('trust policy (the AssumeRolePolicyDocument was not a JSON policy)', subject);
    const assessed = new Set(
      context.resources.filter((each) => each.provider === 'aws').map((each) => each.scopeId),
    );
    const relevant = trust.principals.filter((principal) => assumesRole(principal.actions));
    const outsiders: string[] = [];
    const seen: string[] = [];
    for (const principal of relevant) {
      if (principal.kind === 'everyone') {
        if (principal.conditionKeys.some((key) => restrictingKeys.has(key)))
          seen.push(`Principal "*" restricted by ${principal.conditionKeys.join(', ')}`);
        else outsiders.push(`any AWS account (Principal "*"${statementName(principal)})`);
        continue;
      }
      if (principal.kind !== 'account' || principal.accountId === null) continue;
      if (principal.accountId === resource.scopeId) {
        seen.push(`its own account (${principal.value})`);
      } else if (principal.externalId) {
        seen.push(`account ${principal.accountId} with an sts:ExternalId condition`);
      } else if (principal.organisationCondition) {
        seen.push(`account ${principal.accountId} limited to an AWS organisation`);
      } else if (assessed.has(principal.accountId)) {
        seen.push(`account ${principal.accountId}, another account of this assessment`);
      } else {
        outsiders.push(`account ${principal.accountId} (${principal.value}${statementName(principal)})`);
      }
    }
    if (outsiders.length > 0)
      return fail(
        `The trust policy of ${subject} lets ${outsiders.join('; ')} assume it with no sts:ExternalId or organisation condition.`,
      );
    const others = trust.principals.filter(
      (principal) => principal.kind === 'service' || principal.kind === 'federated',
    );
    if (seen.length === 0)
      return notApplicable(
        `${subject} trusts no other AWS account${others.length > 0 ? ` (only ${others.map((p) => p.value).join(', ')})` : ''}.`,
      );
    return pass(`The trust policy of ${subject} lets in only ${seen.join('; ')}.`);
  },
};
