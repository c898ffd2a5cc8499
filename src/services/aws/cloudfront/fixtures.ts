import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type {
  Behaviour,
  BehaviourCache,
  CloudFrontDistributionProperties,
  DistributionOrigin,
} from './resource';

/** Distributions as the collector hands them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const ID = 'E2NWVFIXTURE01';

export const cachingDisabled: BehaviourCache = {
  source: 'cache-policy',
  policyName: 'Managed-CachingDisabled',
  managed: true,
  minTtl: 0,
  defaultTtl: 0,
  maxTtl: 0,
  authorizationInKey: false,
  cookiesInKey: 'none',
  allHeadersForwarded: false,
};

export const cachingOptimized: BehaviourCache = {
  ...cachingDisabled,
  policyName: 'Managed-CachingOptimized',
  minTtl: 1,
  defaultTtl: 86400,
  maxTtl: 31536000,
};

export const accountPagesPolicy: BehaviourCache = {
  ...cachingOptimized,
  policyName: 'nwv-account-pages',
  managed: false,
  minTtl: 0,
};

export function behaviour(pathPattern: string, overrides: Partial<Behaviour> = {}): Behaviour {
  return {
    pathPattern,
    isDefault: pathPattern === '*',
    viewerProtocolPolicy: 'redirect-to-https',
    targetOriginId: 'app-alb',
    cachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
    cache: cachingDisabled,
    ...overrides,
  };
}

export const httpsOrigin: DistributionOrigin = {
  id: 'app-alb',
  domainName: 'app-alb-1.us-east-1.elb.amazonaws.com',
  kind: 'custom',
  originProtocolPolicy: 'https-only',
  originSslProtocols: ['TLSv1.2'],
};

export function compliantDistribution(): CloudFrontDistributionProperties {
  return {
    domainName: 'd2nwvfixture01.cloudfront.net',
    aliases: ['portal.example.com'],
    comment: 'fixture',
    enabled: true,
    behaviours: [
      behaviour('/static/*', { cache: cachingOptimized, targetOriginId: 'assets' }),
      behaviour('/account/*'),
      behaviour('*'),
    ],
    origins: [
      httpsOrigin,
      {
        id: 'assets',
        domainName: 'assets.s3.us-east-1.amazonaws.com',
        kind: 's3',
        originProtocolPolicy: null,
        originSslProtocols: [],
      },
    ],
    originGroups: [],
    viewerCertificate: {
      defaultCertificate: false,
      source: 'acm',
      minimumProtocolVersion: 'TLSv1.2_2021',
      sslSupportMethod: 'sni-only',
    },
    logging: { enabled: true, bucket: 'cdn-logs.s3.amazonaws.com', prefix: 'portal/', includeCookies: false },
    tagsCollected: true,
  };
}

interface Options {
  phi?: boolean;
  properties?: Partial<Record<keyof CloudFrontDistributionProperties, unknown>>;
  missing?: (keyof CloudFrontDistributionProperties)[];
}

export function distributionResource(options: Options = {}): NormalizedResource {
  const phi = options.phi ?? false;
  const properties: Record<string, unknown> = { ...compliantDistribution(), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.cloudfront.distribution',
    nativeId: `arn:aws:cloudfront::${ACCOUNT}:distribution/${ID}`,
    name: ID,
    scopeId: ACCOUNT,
    region: 'global',
    tags: phi ? { phi: 'true' } : { app: 'portal' },
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2, 3],
  };
}

const withBehaviours = (...behaviours: Behaviour[]) => ({ properties: { behaviours } });

export const cloudfrontFixtures: ServiceFixtures = {
  'aws.cloudfront.phi-cached-at-edge': {
    pass: [
      {
        name: 'PHI paths under CachingDisabled, static assets cached',
        resource: distributionResource(),
        detail:
          /behaviour \/account\/\* \(PHI path "\/account\*"\) does not cache \(cache policy Managed-CachingDisabled, default TTL 0 s/,
      },
      {
        name: 'cached, but keyed on Authorization and cookies',
        resource: distributionResource(
          withBehaviours(
            behaviour('*', {
              cache: { ...accountPagesPolicy, authorizationInKey: true, cookiesInKey: 'all' },
            }),
          ),
        ),
        detail: 'keys its cache on the Authorization header and cookies (all)',
      },
      {
        name: 'legacy settings forwarding every header (CloudFront caches nothing)',
        resource: distributionResource(
          withBehaviours(
            behaviour('*', {
              cachePolicyId: null,
              cache: {
                ...cachingOptimized,
                source: 'legacy',
                policyName: null,
                allHeadersForwarded: true,
                authorizationInKey: true,
              },
            }),
          ),
        ),
        detail:
          'does not cache (legacy cache settings, default TTL 86400 s, max TTL 31536000 s, every header forwarded)',
      },
    ],
    fail: [
      {
        name: '/account/* cached a day with no Authorization or cookie in the key',
        resource: distributionResource(
          withBehaviours(behaviour('/account/*', { cache: accountPagesPolicy }), behaviour('*')),
        ),
        detail:
          /caches responses at the edge with a cache key holding neither the Authorization header nor cookies on behaviour \/account\/\* \(PHI path "\/account\*"\) under cache policy nwv-account-pages, default TTL 86400 s/,
      },
      {
        name: 'the default behaviour caches the PHI paths no earlier behaviour claims',
        resource: distributionResource(
          withBehaviours(behaviour('/api/*'), behaviour('*', { cache: cachingOptimized })),
        ),
        detail:
          'default behaviour (*) (PHI paths "/account*", "/orders*", "/checkout*") under cache policy Managed-CachingOptimized',
      },
      {
        name: "the engagement's own PHI paths",
        resource: distributionResource(
          withBehaviours(behaviour('/telehealth/notes/*', { cache: cachingOptimized }), behaviour('*')),
        ),
        context: { phiUrlPaths: ['/telehealth/*'] },
        detail: 'behaviour /telehealth/notes/* (PHI path "/telehealth/*")',
      },
    ],
    notApplicable: [
      {
        name: 'no behaviour serves a PHI path',
        resource: distributionResource(withBehaviours(behaviour('*', { cache: cachingOptimized }))),
        context: { phiUrlPaths: [] },
        detail: "has no cache behaviour that serves the engagement's PHI URL paths",
      },
      {
        name: 'cache policy not listed (AccessDenied on ListCachePolicies)',
        resource: distributionResource(
          withBehaviours(
            behaviour('*', { cachePolicyId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b', cache: undefined }),
          ),
        ),
        detail: /^Not assessed: the cache policy \(ListCachePolicies\) of default behaviour \(\*\)/,
      },
      {
        name: 'behaviours not collected',
        resource: distributionResource({ missing: ['behaviours'] }),
        detail: /^Not assessed: the cache behaviours/,
      },
    ],
  },
  'aws.cloudfront.phi-path-https': {
    pass: [
      {
        name: 'redirect-to-https everywhere',
        resource: distributionResource(),
        detail:
          'serves its PHI paths only over HTTPS: behaviour /account/* is redirect-to-https, default behaviour (*) is redirect-to-https',
      },
    ],
    fail: [
      {
        name: 'default behaviour allow-all serves the PHI paths',
        resource: distributionResource(withBehaviours(behaviour('*', { viewerProtocolPolicy: 'allow-all' }))),
        detail:
          'answers plain HTTP (viewer protocol policy allow-all) on default behaviour (*), which serves PHI paths "/account*", "/orders*", "/checkout*", "/api/*"',
      },
    ],
    notApplicable: [
      {
        name: 'no PHI path served',
        resource: distributionResource(withBehaviours(behaviour('*', { viewerProtocolPolicy: 'allow-all' }))),
        context: { phiUrlPaths: [] },
        detail: "has no cache behaviour that serves the engagement's PHI URL paths",
      },
    ],
  },
  'aws.cloudfront.viewer-https': {
    pass: [
      {
        name: 'static behaviour redirects',
        resource: distributionResource(),
        detail:
          'requires HTTPS on every behaviour outside the PHI paths (behaviour /static/*: redirect-to-https)',
      },
    ],
    fail: [
      {
        name: '/images/* allow-all on a PHI-tagged distribution',
        resource: distributionResource({
          phi: true,
          ...withBehaviours(behaviour('/images/*', { viewerProtocolPolicy: 'allow-all' }), behaviour('*')),
        }),
        detail:
          /answers plain HTTP \(viewer protocol policy allow-all\) on behaviour \/images\/\*\. It is classified as PHI/,
      },
    ],
    notApplicable: [
      {
        name: 'every behaviour serves PHI paths',
        resource: distributionResource(withBehaviours(behaviour('*'))),
        detail: 'has only behaviours that serve PHI paths',
      },
    ],
  },
  'aws.cloudfront.viewer-tls-version': {
    pass: [
      {
        name: 'TLSv1.2_2021 with an ACM certificate',
        resource: distributionResource(),
        detail: 'requires TLS 1.2 or later from viewers (security policy TLSv1.2_2021)',
      },
      {
        name: 'TLSv1.3_2025',
        resource: distributionResource({
          properties: {
            viewerCertificate: {
              ...compliantDistribution().viewerCertificate,
              minimumProtocolVersion: 'TLSv1.3_2025',
            },
          },
        }),
        detail: 'security policy TLSv1.3_2025',
      },
    ],
    fail: [
      {
        name: 'default certificate forces TLSv1',
        resource: distributionResource({
          properties: {
            viewerCertificate: {
              defaultCertificate: true,
              source: 'cloudfront',
              minimumProtocolVersion: 'TLSv1',
              sslSupportMethod: 'vip',
            },
          },
        }),
        detail:
          'uses the default *.cloudfront.net certificate, with which CloudFront accepts viewers on TLSv1',
      },
      {
        name: 'TLSv1.1_2016 on a PHI distribution',
        resource: distributionResource({
          phi: true,
          properties: {
            viewerCertificate: {
              ...compliantDistribution().viewerCertificate,
              minimumProtocolVersion: 'TLSv1.1_2016',
            },
          },
        }),
        detail: /security policy \(minimum protocol version\) is TLSv1\.1_2016\. It is classified as PHI/,
      },
    ],
    notApplicable: [
      {
        name: 'certificate not collected',
        resource: distributionResource({ missing: ['viewerCertificate'] }),
        detail: /^Not assessed: the viewer certificate/,
      },
    ],
  },
  'aws.cloudfront.origin-tls': {
    pass: [
      {
        name: 'https-only TLSv1.2 custom origin beside an S3 origin',
        resource: distributionResource(),
        detail: 'reaches its custom origins over HTTPS with TLS 1.2 only (origin app-alb',
      },
      {
        name: 'match-viewer behind redirect-to-https behaviours only',
        resource: distributionResource({
          properties: { origins: [{ ...httpsOrigin, originProtocolPolicy: 'match-viewer' }] },
        }),
        detail: 'app-alb-1.us-east-1.elb.amazonaws.com): match-viewer, TLSv1.2',
      },
    ],
    fail: [
      {
        name: 'http-only custom origin',
        resource: distributionResource({
          properties: { origins: [{ ...httpsOrigin, originProtocolPolicy: 'http-only' }] },
        }),
        detail:
          'origin app-alb (app-alb-1.us-east-1.elb.amazonaws.com) is reached over plain HTTP (origin protocol policy http-only)',
      },
      {
        name: 'match-viewer behind an allow-all behaviour reached through an origin group',
        resource: distributionResource({
          properties: {
            origins: [{ ...httpsOrigin, originProtocolPolicy: 'match-viewer' }],
            originGroups: [{ id: 'failover', members: ['app-alb', 'dr'] }],
            behaviours: [behaviour('*', { targetOriginId: 'failover', viewerProtocolPolicy: 'allow-all' })],
          },
        }),
        detail: 'match-viewer, and default behaviour (*) allows HTTP',
      },
      {
        name: 'origin SSL protocols include TLSv1 and TLSv1.1',
        resource: distributionResource({
          phi: true,
          properties: { origins: [{ ...httpsOrigin, originSslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'] }] },
        }),
        detail: /allows TLSv1, TLSv1\.1 among its origin SSL protocols\. It is classified as PHI/,
      },
    ],
    notApplicable: [
      {
        name: 'only S3 origins',
        resource: distributionResource({
          properties: {
            origins: [
              {
                id: 's3',
                domainName: 'b.s3.amazonaws.com',
                kind: 's3',
                originProtocolPolicy: null,
                originSslProtocols: [],
              },
            ],
          },
        }),
        detail: 'has no custom origin',
      },
    ],
  },
  'aws.cloudfront.access-logging': {
    pass: [
      {
        name: 'standard logs to S3',
        resource: distributionResource(),
        detail: 'writes standard access logs to cdn-logs.s3.amazonaws.com/portal/',
      },
    ],
    fail: [
      {
        name: 'logging off',
        resource: distributionResource({
          properties: { logging: { enabled: false, bucket: null, prefix: null, includeCookies: false } },
        }),
        detail: 'has standard access logging turned off in its configuration',
      },
    ],
    notApplicable: [
      {
        name: 'GetDistributionConfig refused',
        resource: distributionResource({ missing: ['logging'] }),
        detail: /^Not assessed: the logging configuration \(GetDistributionConfig\)/,
      },
    ],
  },
};
