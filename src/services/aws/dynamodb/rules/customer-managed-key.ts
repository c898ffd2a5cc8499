import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { DYNAMODB_TABLE, keyManagerOf, tableLabel, tableProperties } from './common';

/**
 * 164.312(a)(2)(iv) encryption and decryption: DynamoDB encrypts every table; for PHI the key should
 * be one the organisation controls, so access to the data can be revoked and each use is logged.
 */
export const dynamodbPhiCustomerManagedKey: Rule = {
  id: 'aws.dynamodb.phi-customer-managed-key',
  title: 'PHI DynamoDB tables are encrypted under a customer managed KMS key',
  severity: 'medium',
  exposure: 'internal',
  resourceType: DYNAMODB_TABLE,
  citations: ['164.312(a)(2)(iv)', '164.312(b)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    "DynamoDB encrypts every table at rest; the question for a PHI table is whose key. By default a table uses an AWS owned key: it lives outside the account, its use is not recorded in the account's CloudTrail, and no key policy of the organisation can stop it decrypting the data. The AWS managed key (aws/dynamodb) is in the account and its use is logged, but its key policy cannot be changed. A customer managed key gives both: 164.312(a)(2)(iv) asks for an encryption and decryption mechanism the covered entity controls (addressable), and its key policy can withdraw access to the data independently of IAM; and 164.312(b) asks for audit controls, which CloudTrail records of every Decrypt of the table key provide. The table is encrypted either way, so a failure is medium, and only tables classified as PHI are judged. The rule reads SSEDescription from DescribeTable (absent = AWS owned key; SSEType KMS = a key of the account) and tells the AWS managed key from a customer managed one through the run's KMS service; where the run did not describe the key, the pass names the key and says that its manager was not confirmed.",
  remediation: {
    text: 'Switch the table to a customer managed KMS key (UpdateTable SSESpecification; the change happens online, without downtime), with a key policy that lets only the application roles and DynamoDB use it. For a global table give each replica a key in its own region.',
    terraform: `resource "aws_dynamodb_table" "wearable_readings" {
  name = "nwv-wearable-readings"
  # ...
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.phi.arn
  }
  point_in_time_recovery {
    enabled = true
  }
}`,
    cloudformation: `WearableReadings:
  Type: AWS::DynamoDB::Table
  Properties:
    TableName: nwv-wearable-readings
    SSESpecification:
      SSEEnabled: true
      SSEType: KMS
      KMSMasterKeyId: !GetAtt PhiKey.Arn`,
    cli: `aws dynamodb update-table --table-name <table> \\
  --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<kms-key-arn>`,
  },
  evaluate(resource, context) {
    const { encryption, tagsCollected } = tableProperties(resource);
    const subject = tableLabel(resource);
    if (encryption === undefined) return notAssessed('server-side encryption (DescribeTable)', subject);
    if (tagsCollected === false && !resource.phi)
      return notAssessed('tags (ListTagsOfResource), and so the PHI classification,', subject);
    const inaccessible = encryption.keyInaccessibleSince
      ? ` DynamoDB has reported its key inaccessible since ${encryption.keyInaccessibleSince}.`
      : '';
    if (!resource.phi)
      return notApplicable(
        `${subject} is not classified as PHI; it is encrypted at rest under ${encryption.kind === 'aws-owned' ? 'the AWS owned key' : `KMS key ${encryption.kmsKeyArn ?? '(unnamed)'}`}.${inaccessible}`,
      );
    if (encryption.kind === 'aws-owned')
      return fail(
        `${subject} is encrypted at rest under the AWS owned key (no SSEDescription): the key is outside the account, its use is not in the account's CloudTrail and no key policy of yours can revoke it.${phiNote(resource)}`,
      );
    const key = encryption.kmsKeyArn ?? '(a KMS key the answer did not name)';
    const manager = encryption.kmsKeyArn ? keyManagerOf(encryption.kmsKeyArn, context) : null;
    if (manager === 'AWS')
      return fail(
        `${subject} is encrypted at rest under the AWS managed key ${key} (aws/dynamodb): its use is logged, but its key policy cannot be changed to restrict or revoke access.${inaccessible}${phiNote(resource)}`,
      );
    if (manager === 'CUSTOMER')
      return pass(`${subject} is encrypted at rest under customer managed KMS key ${key}.${inaccessible}`);
    return pass(
      `${subject} is encrypted at rest under KMS key ${key} (SSE-KMS, a key of the account); the run did not describe that key, so whether it is customer managed or the AWS managed key aws/dynamodb was not confirmed.${inaccessible}`,
    );
  },
};
