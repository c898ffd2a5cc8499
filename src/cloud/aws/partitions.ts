import type { CloudName } from '../../kit/model';
import { DeskError } from '../../errors';

export type AwsPartition = 'aws' | 'aws-us-gov';

export interface AwsPartitionInfo {
  partition: AwsPartition;
  /** Region for partition-wide calls (S3 ListBuckets, STS) when the target does not say otherwise. */
  defaultRegion: string;
}

const partitions: Record<AwsPartition, AwsPartitionInfo> = {
  aws: { partition: 'aws', defaultRegion: 'us-east-1' },
  'aws-us-gov': { partition: 'aws-us-gov', defaultRegion: 'us-gov-west-1' },
};

/** A 'custom' AWS target is an emulator reached through AWS_ENDPOINT_URL: it speaks the commercial partition. */
export function awsPartitionOf(cloud: CloudName): AwsPartitionInfo {
  if (cloud === 'aws' || cloud === 'custom') return partitions.aws;
  if (cloud === 'aws-us-gov') return partitions['aws-us-gov'];
  throw new DeskError(
    'BAD_INPUT',
    `Cloud "${cloud}" is not an AWS partition (expected aws, aws-us-gov or custom).`,
  );
}

/** The region partition-wide calls go to: the partition default if the target includes it, else the target's first region. */
export function homeRegionOf(cloud: CloudName, regions: readonly string[]): string {
  const { defaultRegion } = awsPartitionOf(cloud);
  if (regions.length === 0 || regions.includes(defaultRegion)) return defaultRegion;
  return regions[0] as string;
}

/** The AWS account id in an STS or IAM ARN (arn:aws:sts::123456789012:assumed-role/...). */
export function accountFromArn(arn: string): string | null {
  return /^arn:aws[a-z-]*:(?:sts|iam)::(\d{12}):/.exec(arn)?.[1] ?? null;
}
