import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { defineService } from '../../../kit';
import { collectCloudTrail } from './collect';
import { ops } from './operations';
import { cloudTrailAccount, cloudTrailTrail } from './resource';
import { cloudTrailCloudWatchLogs } from './rules/cloudwatch-logs';
import { cloudTrailKmsEncryption } from './rules/kms-encryption';
import { cloudTrailLogFileValidation } from './rules/log-file-validation';
import { cloudTrailMultiRegionTrail } from './rules/multi-region-trail';
import { cloudTrailS3DataEvents } from './rules/s3-data-events';
import { cloudTrailSim } from './sim';

/**
 * AWS CloudTrail: scope 'global', one task per account that asks DescribeTrails in every assessed
 * region (shadow trails included, merged by TrailARN) and describes each trail in its home region.
 */
export const cloudtrail = defineService({
  id: 'aws.cloudtrail',
  provider: 'aws',
  service: 'cloudtrail',
  title: 'AWS CloudTrail',
  hipaaListName: 'cloudtrail',
  scope: 'global',
  client: CloudTrailClient,
  operations: Object.values(ops),
  resources: [cloudTrailTrail, cloudTrailAccount],
  rules: [
    cloudTrailMultiRegionTrail,
    cloudTrailLogFileValidation,
    cloudTrailKmsEncryption,
    cloudTrailS3DataEvents,
    cloudTrailCloudWatchLogs,
  ],
  collect: collectCloudTrail,
  sim: cloudTrailSim,
});
