import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { defineService } from '../../../kit';
import { collectCloudFrontDistributions } from './collect';
import { ops } from './operations';
import { cloudfrontDistribution } from './resource';
import { cloudfrontAccessLogging } from './rules/access-logging';
import { cloudfrontOriginTls } from './rules/origin-tls';
import { cloudfrontPhiCachedAtEdge } from './rules/phi-cached-at-edge';
import { cloudfrontPhiPathHttps } from './rules/phi-path-https';
import { cloudfrontViewerHttps } from './rules/viewer-https';
import { cloudfrontViewerTlsVersion } from './rules/viewer-tls-version';
import { cloudfrontSim } from './sim';

/**
 * Amazon CloudFront: distributions listed once per account (a global service), each with its
 * configuration's logging and its tags; cache policies listed once per account. Nothing served
 * through a distribution is ever requested.
 */
export const cloudfront = defineService({
  id: 'aws.cloudfront',
  provider: 'aws',
  service: 'cloudfront',
  title: 'Amazon CloudFront',
  hipaaListName: 'cloudfront',
  scope: 'global',
  client: CloudFrontClient,
  operations: Object.values(ops),
  resources: [cloudfrontDistribution],
  rules: [
    cloudfrontPhiCachedAtEdge,
    cloudfrontPhiPathHttps,
    cloudfrontViewerHttps,
    cloudfrontViewerTlsVersion,
    cloudfrontOriginTls,
    cloudfrontAccessLogging,
  ],
  collect: collectCloudFrontDistributions,
  sim: cloudfrontSim,
});
