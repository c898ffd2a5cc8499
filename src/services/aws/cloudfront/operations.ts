import {
  GetDistributionConfigCommand,
  ListCachePoliciesCommand,
  ListDistributionsCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-cloudfront';
import { awsOperation } from '../../../kit';

/**
 * Every CloudFront call the collector makes (configuration only: no object, log or invalidation is
 * read). ListDistributions' summaries carry behaviours, origins and the viewer certificate but not
 * Logging, which only GetDistributionConfig answers; ListCachePolicies (managed and custom, once per
 * account) gives each behaviour's TTLs and cache key; ListTagsForResource the PHI classification.
 */
export const ops = {
  listDistributions: awsOperation(ListDistributionsCommand, 'cloudfront:ListDistributions'),
  getDistributionConfig: awsOperation(GetDistributionConfigCommand, 'cloudfront:GetDistributionConfig'),
  listCachePolicies: awsOperation(ListCachePoliciesCommand, 'cloudfront:ListCachePolicies'),
  listTagsForResource: awsOperation(ListTagsForResourceCommand, 'cloudfront:ListTagsForResource'),
};
