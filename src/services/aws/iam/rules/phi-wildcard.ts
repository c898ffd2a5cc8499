import type { NormalizedResource, Remediation, RuleContext, RuleResult } from '../../../../kit';
import { fail, NOT_ASSESSED_PREFIX, notApplicable, pass } from '../../../../kit';
import type { IamPermissions } from '../resource';
import { unreadNote } from './common';

/** The data stores whose PHI classification this rule reads from the run (S3 and DynamoDB). */
const STORE_TYPES: Readonly<Record<string, 's3' | 'dynamodb'>> = {
  'aws.s3.bucket': 's3',
  'aws.dynamodb.table': 'dynamodb',
};

type Grant = NonNullable<IamPermissions['dataWildcards']>[number];

/** An IAM Resource pattern ("arn:aws:s3:::nwv-*", "*") as a regular expression: * any run, ? one character. */
function patternOf(resource: string): RegExp {
  const escaped = resource
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/** S3 ARNs name no account: a bucket ARN arn:aws:s3:::name, as the S3 collector stores it (or just the name). */
function storeArn(store: NormalizedResource): string {
  if (store.nativeId.startsWith('arn:')) return store.nativeId;
  return `arn:aws:s3:::${store.nativeId}`;
}

/** A grant reaches a store when its actions cover the store's service and a Resource pattern names the store or its contents. */
function reaches(grant: Grant, store: NormalizedResource): boolean {
  const service = STORE_TYPES[store.type];
  const actions = grant.actions.map((each) => each.toLowerCase());
  if (!actions.some((action) => action === '*' || action === '*:*' || action === `${service}:*`))
    return false;
  const arn = storeArn(store);
  // Objects of a bucket (arn:…:bucket/key) and indexes or streams of a table (arn:…:table/t/index/i) count.
  return grant.resources.some((resource) => {
    const pattern = patternOf(resource);
    return pattern.test(arn) || pattern.test(`${arn}/x`);
  });
}

function describeGrant(grant: Grant): string {
  const via = grant.viaGroup ? ` through group ${grant.viaGroup}` : '';
  const where = grant.kind === 'inline' ? `inline policy ${grant.name}` : `policy ${grant.name}`;
  return `${grant.actions.join(', ')} on ${grant.resources.join(', ') || 'no Resource'} (${where}${via}${grant.conditioned ? ', under a Condition' : ''})`;
}

export const phiWildcardRationale = (principal: string): string =>
  `A policy that grants every S3 action ("s3:*"), every DynamoDB action ("dynamodb:*") or every action ("*") on a PHI bucket or table lets the ${principal} read, overwrite and delete the PHI, change the bucket policy or encryption, and turn off versioning and backups — far more than any workload or person needs to do its job. 164.308(a)(4)(ii)(B) requires access to ePHI to be granted through an authorization of what each principal may do, and 164.312(a)(1) requires technical policies that allow only the access granted; a service-wide wildcard skips that decision. The rule reads the Allow statements of every policy of the principal (attached, inline and, for users, through groups) that grant s3:*, dynamodb:* or *, and matches their Resource patterns against the S3 buckets and DynamoDB tables of the same account that this run classified as PHI (by the engagement's PHI tags). A pattern that names every resource ("*") fails even when no PHI store of the account was assessed in the run, since it reaches every bucket or table the account has or will have; the detail then says no PHI store was seen. Cross-account reach through bucket policies is not evaluated here, nor are permissions boundaries or SCPs.`;

export const phiWildcardRemediation = (kind: 'user' | 'role'): Remediation => ({
  text: `Replace the wildcard with the actions the ${kind} uses (for a reader: s3:GetObject and s3:ListBucket; for a writer: s3:PutObject; for DynamoDB: GetItem, Query, PutItem …) on the ARNs of the buckets and tables it needs. IAM Access Analyzer policy generation lists what the ${kind} actually called from CloudTrail. Keep bucket-policy and encryption changes with an administrator path.`,
  terraform: `data "aws_iam_policy_document" "telemetry_etl" {
  statement {
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.telemetry_raw.arn, "\${aws_s3_bucket.telemetry_raw.arn}/*"]
  }
}
# instead of actions = ["s3:*"] or an attachment of AmazonS3FullAccess`,
  cloudformation: `TelemetryEtlPolicy:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Action: [s3:GetObject, s3:ListBucket]
          Resource:
            - !GetAtt TelemetryRawBucket.Arn
            - !Sub '\${TelemetryRawBucket.Arn}/*'`,
  cli:
    kind === 'user'
      ? `aws iam list-attached-user-policies --user-name <user>
aws iam detach-user-policy --user-name <user> --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess
aws iam put-user-policy --user-name <user> --policy-name scoped-data-access --policy-document file://scoped.json`
      : `aws iam list-attached-role-policies --role-name <role>
aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess
aws iam put-role-policy --role-name <role> --policy-name scoped-data-access --policy-document file://scoped.json`,
});

export function judgePhiWildcards(
  subject: string,
  permissions: IamPermissions,
  resource: NormalizedResource,
  context: RuleContext,
): RuleResult {
  const grants = permissions.dataWildcards;
  if (grants === undefined)
    return notApplicable(
      `${NOT_ASSESSED_PREFIX} the policies of ${subject} were collected without their wildcard grants (an older workspace).`,
    );
  const stores = context.resources.filter(
    (each) => each.phi && each.scopeId === resource.scopeId && STORE_TYPES[each.type] !== undefined,
  );
  const reached = new Map<string, Grant[]>();
  for (const store of stores)
    for (const grant of grants)
      if (reaches(grant, store)) reached.set(store.name, [...(reached.get(store.name) ?? []), grant]);
  if (reached.size > 0) {
    const names = [...reached.keys()].sort();
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
    const through = [...new Set([...reached.values()].flat())].map(describeGrant).join('; ');
    return fail(`${subject} may perform every action on PHI store(s) ${shown} through ${through}.`);
  }
  const everywhere = grants.filter((grant) => grant.resources.includes('*'));
  if (everywhere.length > 0)
    return fail(
      `${subject} is granted ${everywhere.map(describeGrant).join('; ')}: every bucket or table of the account, present and future (no S3 bucket or DynamoDB table of this account classified as PHI was seen in this run).`,
    );
  const unread = unreadNote(permissions);
  if (unread !== '')
    return notApplicable(
      `${NOT_ASSESSED_PREFIX} the policies of ${subject} could not all be read (see coverage gaps).${unread}`,
    );
  if (grants.length === 0)
    return pass(`No policy of ${subject} grants s3:*, dynamodb:* or * on any resource.`);
  return pass(
    `The wildcard grants of ${subject} (${grants.map(describeGrant).join('; ')}) name no bucket or table this run classified as PHI.`,
  );
}
