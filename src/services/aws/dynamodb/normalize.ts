import type {
  ContinuousBackupsDescription,
  ReplicaDescription,
  SSEDescription,
  Tag,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDbTableProperties } from './resource';

/**
 * Pure conversions from DynamoDB answers to the table's properties (API reference: SSEDescription
 * is absent for a table under the AWS owned key; SSEType 'KMS' names KMSMasterKeyArn for the AWS
 * managed key aws/dynamodb and for customer managed keys alike).
 */

export function dynamoDbTableArn(partition: string, region: string, accountId: string, name: string): string {
  return `arn:${partition}:dynamodb:${region}:${accountId}:table/${name}`;
}

const iso = (value: Date | undefined): string | null => (value ? value.toISOString() : null);

export function encryptionFrom(
  sse: SSEDescription | undefined,
): NonNullable<DynamoDbTableProperties['encryption']> {
  if (!sse || (sse.SSEType !== 'KMS' && !sse.KMSMasterKeyArn))
    // No SSEDescription (or AES256, the pre-2018 label of the owned key): the AWS owned key.
    return { kind: 'aws-owned', kmsKeyArn: null, status: sse?.Status ?? null, keyInaccessibleSince: null };
  return {
    kind: 'kms',
    kmsKeyArn: sse.KMSMasterKeyArn ?? null,
    status: sse.Status ?? null,
    keyInaccessibleSince: iso(sse.InaccessibleEncryptionDateTime),
  };
}

export function pointInTimeRecoveryFrom(
  description: ContinuousBackupsDescription | undefined,
): NonNullable<DynamoDbTableProperties['pointInTimeRecovery']> {
  const pitr = description?.PointInTimeRecoveryDescription;
  const enabled = pitr?.PointInTimeRecoveryStatus === 'ENABLED';
  return { enabled, recoveryPeriodInDays: enabled ? (pitr?.RecoveryPeriodInDays ?? 35) : null };
}

/** Replicas in other regions; DescribeTable may list the table's own region too, which is left out. */
export function replicasFrom(
  replicas: readonly ReplicaDescription[] | undefined,
  ownRegion: string,
): NonNullable<DynamoDbTableProperties['replicas']> {
  return (replicas ?? [])
    .filter((each) => each.RegionName && each.RegionName !== ownRegion)
    .map((each) => ({ region: each.RegionName as string, status: each.ReplicaStatus ?? null }))
    .sort((a, b) => a.region.localeCompare(b.region));
}

export function tagsFrom(tags: readonly Tag[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const tag of tags) if (tag.Key) result[tag.Key] = tag.Value ?? '';
  return result;
}
