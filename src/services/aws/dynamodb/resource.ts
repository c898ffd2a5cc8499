import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.dynamodb.table'; nativeId = TableArn; name = TableName. A property that could
 * not be collected is absent: rules report it as "not assessed", never as pass or fail.
 */
export const tableSchema = z.object({
  tableArn: z.string(),
  /** TableStatus: CREATING, UPDATING, DELETING, ACTIVE, INACCESSIBLE_ENCRYPTION_CREDENTIALS, ARCHIVING, ARCHIVED */
  status: z.string().nullable(),
  /** DescribeTable's SSEDescription. DynamoDB always encrypts at rest; this says under which key. */
  encryption: z
    .object({
      /** 'aws-owned': no SSEDescription (the default AWS owned key); 'kms': SSEType KMS with a key of the account */
      kind: z.enum(['aws-owned', 'kms']),
      /** KMSMasterKeyArn, with kind 'kms' */
      kmsKeyArn: z.string().nullable(),
      /** SSEDescription.Status: ENABLED, ENABLING, DISABLING, DISABLED, UPDATING; null for the AWS owned key */
      status: z.string().nullable(),
      /** InaccessibleEncryptionDateTime: DynamoDB lost access to the key (archived after 7 days) */
      keyInaccessibleSince: z.string().nullable(),
    })
    .optional(),
  /** DescribeContinuousBackups: point-in-time recovery */
  pointInTimeRecovery: z
    .object({
      enabled: z.boolean(),
      /** RecoveryPeriodInDays (1–35), when enabled */
      recoveryPeriodInDays: z.number().nullable(),
    })
    .optional(),
  /** Global tables version 2019.11.21: the other regions holding a replica (Replicas[].RegionName) */
  replicas: z.array(z.object({ region: z.string(), status: z.string().nullable() })).optional(),
  /** GlobalTableVersion ('2019.11.21'), null for a single-region table */
  globalTableVersion: z.string().nullable().optional(),
  /** False when ListTagsOfResource failed: the tags (and so the PHI classification) are unknown, not empty. */
  tagsCollected: z.boolean(),
});

export type DynamoDbTableProperties = z.infer<typeof tableSchema>;

export const dynamodbTable = defineResourceType('aws.dynamodb.table', 'DynamoDB table', tableSchema);
