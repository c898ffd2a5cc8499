import type { CachePolicySummary, DistributionSummary } from '@aws-sdk/client-cloudfront';
import { describe, expect, it } from 'vitest';
import {
  behaviourFrom,
  cachePolicyIndex,
  CACHING_DISABLED_POLICY_ID,
  distributionArn,
  distributionFrom,
  loggingFrom,
  originFrom,
  tagsFrom,
} from './normalize';
import { cachesResponses, keyedOnViewer, patternContains, phiPathsReaching } from './rules/common';
import { behaviour } from './fixtures';
import { isTls12OrLater } from './rules/viewer-tls-version';

/** Plain objects shaped like CloudFront's answers: lists are { Quantity, Items? }. */

const policy = (
  id: string,
  type: 'managed' | 'custom',
  config: Record<string, unknown>,
): CachePolicySummary =>
  ({
    Type: type,
    CachePolicy: { Id: id, LastModifiedTime: new Date(0), CachePolicyConfig: config },
  }) as unknown as CachePolicySummary;

describe('cachePolicyIndex', () => {
  it('reads TTLs, Authorization among whitelisted headers (any case) and the cookie behaviour', () => {
    const index = cachePolicyIndex([
      policy('p1', 'custom', {
        Name: 'pages',
        MinTTL: 0,
        DefaultTTL: 60,
        MaxTTL: 600,
        ParametersInCacheKeyAndForwardedToOrigin: {
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: { Quantity: 1, Items: ['authorization'] } },
          CookiesConfig: { CookieBehavior: 'allExcept', Cookies: { Quantity: 1, Items: ['_ga'] } },
          QueryStringsConfig: { QueryStringBehavior: 'none' },
        },
      }),
      policy('p2', 'managed', { Name: 'Managed-CachingOptimized', MinTTL: 1 }),
    ]);
    expect(index.get('p1')).toMatchObject({
      managed: false,
      defaultTtl: 60,
      authorizationInKey: true,
      cookiesInKey: 'allExcept',
    });
    // DefaultTTL and MaxTTL left out of a CachePolicyConfig are CloudFront's 86400 and 31536000.
    expect(index.get('p2')).toMatchObject({
      managed: true,
      defaultTtl: 86400,
      maxTtl: 31536000,
      cookiesInKey: 'none',
    });
  });
});

describe('behaviourFrom', () => {
  it('a legacy behaviour: ForwardedValues and its own TTLs; all headers forwarded means nothing is cached', () => {
    const legacy = behaviourFrom(
      {
        TargetOriginId: 'o',
        ViewerProtocolPolicy: 'allow-all',
        ForwardedValues: {
          QueryString: false,
          Cookies: { Forward: 'none' },
          Headers: { Quantity: 1, Items: ['*'] },
        },
        MinTTL: 0,
        DefaultTTL: 300,
        MaxTTL: 3600,
      },
      '/x/*',
      false,
      null,
    );
    expect(legacy.cache).toMatchObject({
      source: 'legacy',
      allHeadersForwarded: true,
      authorizationInKey: true,
    });
    expect(cachesResponses(legacy.cache!)).toBe(false);
  });

  it('a policy the list did not answer is unknown, except CachingDisabled by its id', () => {
    expect(
      behaviourFrom(
        { TargetOriginId: 'o', ViewerProtocolPolicy: 'https-only', CachePolicyId: 'p9' },
        '*',
        true,
        null,
      ).cache,
    ).toBeUndefined();
    expect(
      behaviourFrom(
        {
          TargetOriginId: 'o',
          ViewerProtocolPolicy: 'https-only',
          CachePolicyId: CACHING_DISABLED_POLICY_ID,
        },
        '*',
        true,
        new Map(),
      ).cache,
    ).toMatchObject({ policyName: 'Managed-CachingDisabled', maxTtl: 0 });
  });
});

describe('distributionFrom', () => {
  it('orders cache behaviours before the default, reads origins and the default certificate', () => {
    const summary = {
      Id: 'E1',
      DomainName: 'd1.cloudfront.net',
      Aliases: { Quantity: 0 },
      Comment: '',
      Enabled: true,
      Origins: {
        Quantity: 2,
        Items: [
          {
            Id: 'alb',
            DomainName: 'alb.example',
            CustomOriginConfig: {
              HTTPPort: 80,
              HTTPSPort: 443,
              OriginProtocolPolicy: 'match-viewer',
              OriginSslProtocols: { Quantity: 2, Items: ['TLSv1.1', 'TLSv1.2'] },
            },
          },
          { Id: 's3', DomainName: 'b.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } },
        ],
      },
      DefaultCacheBehavior: {
        TargetOriginId: 'alb',
        ViewerProtocolPolicy: 'allow-all',
        CachePolicyId: CACHING_DISABLED_POLICY_ID,
      },
      CacheBehaviors: {
        Quantity: 1,
        Items: [
          {
            PathPattern: '/img/*',
            TargetOriginId: 's3',
            ViewerProtocolPolicy: 'https-only',
            CachePolicyId: CACHING_DISABLED_POLICY_ID,
          },
        ],
      },
      ViewerCertificate: { CloudFrontDefaultCertificate: true },
    } as unknown as DistributionSummary;
    const properties = distributionFrom(summary, new Map());
    expect(properties.behaviours.map((each) => [each.pathPattern, each.isDefault])).toEqual([
      ['/img/*', false],
      ['*', true],
    ]);
    expect(properties.origins).toEqual([
      {
        id: 'alb',
        domainName: 'alb.example',
        kind: 'custom',
        originProtocolPolicy: 'match-viewer',
        originSslProtocols: ['TLSv1.1', 'TLSv1.2'],
      },
      {
        id: 's3',
        domainName: 'b.s3.amazonaws.com',
        kind: 's3',
        originProtocolPolicy: null,
        originSslProtocols: [],
      },
    ]);
    // Without MinimumProtocolVersion the default certificate still means TLSv1.
    expect(properties.viewerCertificate).toMatchObject({
      defaultCertificate: true,
      source: 'cloudfront',
      minimumProtocolVersion: 'TLSv1',
    });
    expect(properties.comment).toBeNull();
    expect(properties.aliases).toEqual([]);
    expect(
      originFrom({ Id: 'v', DomainName: 'x', VpcOriginConfig: { VpcOriginId: 'vo-1' } } as never).kind,
    ).toBe('vpc');
  });

  it('logging, tags and the ARN', () => {
    expect(loggingFrom({ Enabled: false, IncludeCookies: false, Bucket: '', Prefix: '' })).toEqual({
      enabled: false,
      bucket: null,
      prefix: null,
      includeCookies: false,
    });
    expect(loggingFrom(undefined).enabled).toBe(false);
    expect(tagsFrom({ Items: [{ Key: 'phi', Value: 'true' }] })).toEqual({ phi: 'true' });
    expect(tagsFrom({})).toEqual({});
    expect(distributionArn('aws', '111122223333', 'E1')).toBe(
      'arn:aws:cloudfront::111122223333:distribution/E1',
    );
  });
});

describe('path precedence and cache keys', () => {
  it('patternContains: equal, *, and prefix patterns', () => {
    expect(patternContains('/api/*', '/api/*')).toBe(true);
    expect(patternContains('*', '/account*')).toBe(true);
    expect(patternContains('/api/*', '/api/v1/*')).toBe(true);
    expect(patternContains('/account/*', '/account*')).toBe(false);
    expect(patternContains('*.jpg', '/api/*')).toBe(false);
  });

  it('a PHI path wholly claimed by an earlier behaviour does not reach the default', () => {
    const behaviours = [behaviour('/api/*'), behaviour('/account/*'), behaviour('*')];
    const paths = ['/account*', '/api/*'];
    expect(phiPathsReaching(behaviours, 0, paths)).toEqual(['/api/*']);
    expect(phiPathsReaching(behaviours, 1, paths)).toEqual(['/account*']);
    // /account (no slash) still reaches the default; /api/* does not.
    expect(phiPathsReaching(behaviours, 2, paths)).toEqual(['/account*']);
  });

  it('caching and keys', () => {
    const base = behaviour('*').cache!;
    expect(cachesResponses(base)).toBe(false);
    expect(cachesResponses({ ...base, maxTtl: 60 })).toBe(true);
    expect(keyedOnViewer({ ...base, cookiesInKey: 'whitelist' })).toBe(true);
    expect(keyedOnViewer(base)).toBe(false);
  });

  it('TLS 1.2 security policies', () => {
    expect(['TLSv1.2_2018', 'TLSv1.2_2021', 'TLSv1.3_2025'].every(isTls12OrLater)).toBe(true);
    expect(['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016'].some(isTls12OrLater)).toBe(false);
  });
});
