import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.cloudfront.distribution'; nativeId = the distribution ARN
 * (arn:aws:cloudfront::<account>:distribution/<id>); name = the distribution id; region 'global'.
 * A property that could not be collected is absent: rules then answer "not assessed".
 */

/** What a behaviour caches and what its cache key holds, from its cache policy or legacy settings. */
export const behaviourCacheSchema = z.object({
  /** 'cache-policy': CachePolicyId; 'legacy': ForwardedValues and the behaviour's own TTLs */
  source: z.enum(['cache-policy', 'legacy']),
  /** The cache policy's name (managed ones: 'CachingDisabled', 'CachingOptimized'); null for legacy */
  policyName: z.string().nullable(),
  managed: z.boolean(),
  minTtl: z.number(),
  defaultTtl: z.number(),
  maxTtl: z.number(),
  /** Authorization in the cache key (a whitelisted header; legacy: forwarded, which keys on it) */
  authorizationInKey: z.boolean(),
  /** Cookies in the cache key: none | whitelist | allExcept | all */
  cookiesInKey: z.enum(['none', 'whitelist', 'allExcept', 'all']),
  /** Legacy ForwardedValues forwarding every header ('*'): CloudFront caches nothing then */
  allHeadersForwarded: z.boolean(),
});

export const behaviourSchema = z.object({
  /** '*' for the default cache behaviour */
  pathPattern: z.string(),
  isDefault: z.boolean(),
  /** allow-all | redirect-to-https | https-only */
  viewerProtocolPolicy: z.string(),
  /** An origin id or an origin group id */
  targetOriginId: z.string(),
  cachePolicyId: z.string().nullable(),
  /** Absent when the cache policy could not be read (ListCachePolicies refused, or not listed) */
  cache: behaviourCacheSchema.optional(),
});

export const originSchema = z.object({
  id: z.string(),
  domainName: z.string(),
  /** custom: CustomOriginConfig (ALB, API Gateway, EC2, S3 website); s3: S3OriginConfig; vpc: VpcOriginConfig */
  kind: z.enum(['custom', 's3', 'vpc']),
  /** http-only | match-viewer | https-only (custom origins only) */
  originProtocolPolicy: z.string().nullable(),
  /** SSLv3 | TLSv1 | TLSv1.1 | TLSv1.2 CloudFront may use to the origin (custom origins only) */
  originSslProtocols: z.array(z.string()),
});

export const distributionSchema = z.object({
  domainName: z.string(),
  aliases: z.array(z.string()),
  comment: z.string().nullable(),
  enabled: z.boolean(),
  behaviours: z.array(behaviourSchema),
  origins: z.array(originSchema),
  /** Origin groups (failover pairs): a behaviour may target one, reaching its member origins */
  originGroups: z.array(z.object({ id: z.string(), members: z.array(z.string()) })),
  viewerCertificate: z.object({
    /** CloudFrontDefaultCertificate: the *.cloudfront.net certificate, which forces TLSv1 */
    defaultCertificate: z.boolean(),
    /** 'cloudfront' | 'acm' | 'iam' */
    source: z.string().nullable(),
    minimumProtocolVersion: z.string().nullable(),
    sslSupportMethod: z.string().nullable(),
  }),
  /** GetDistributionConfig's Logging (standard logs, legacy); absent when it could not be read */
  logging: z
    .object({
      enabled: z.boolean(),
      bucket: z.string().nullable(),
      prefix: z.string().nullable(),
      includeCookies: z.boolean(),
    })
    .optional(),
  /** False when ListTagsForResource failed: the PHI classification is unknown, not "no tags". */
  tagsCollected: z.boolean().optional(),
});

export type CloudFrontDistributionProperties = z.infer<typeof distributionSchema>;
export type Behaviour = z.infer<typeof behaviourSchema>;
export type BehaviourCache = z.infer<typeof behaviourCacheSchema>;
export type DistributionOrigin = z.infer<typeof originSchema>;

export const cloudfrontDistribution = defineResourceType(
  'aws.cloudfront.distribution',
  'CloudFront distribution',
  distributionSchema,
);
