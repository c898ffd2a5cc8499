import { CloudFrontServiceException } from '@aws-sdk/client-cloudfront';
import { z } from 'zod';
import {
  awsPage,
  awsServiceError,
  guid,
  isoTime,
  scenarioTags,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * CloudFront in a scenario: each account's distributions and custom cache policies (a global
 * service, answered in any region). Shapes follow the CloudFront API reference (2020-05-31):
 * ListDistributions answers DistributionList { Marker, MaxItems, IsTruncated, Quantity, Items?,
 * NextMarker? } where Items is absent when empty and NextMarker (the id of the page's last
 * distribution) is present only when IsTruncated; DistributionSummary carries behaviours, origins
 * and ViewerCertificate but not Logging, which GetDistributionConfig answers; ListCachePolicies takes
 * Type managed | custom (no Type: both) and answers CachePolicyList { MaxItems, Quantity, Items?,
 * NextMarker? }; every list inside a distribution is { Quantity, Items? }. With the default
 * certificate CloudFront reports MinimumProtocolVersion TLSv1 (ViewerCertificate reference).
 * Unknown ids: NoSuchDistribution / NoSuchResource (404); a malformed ARN: InvalidArgument.
 */

const minimumProtocolVersion = z.enum([
  'SSLv3',
  'TLSv1',
  'TLSv1_2016',
  'TLSv1.1_2016',
  'TLSv1.2_2018',
  'TLSv1.2_2019',
  'TLSv1.2_2021',
  'TLSv1.2_2025',
  'TLSv1.3_2025',
]);

const behaviourSettings = {
  targetOriginId: z.string().min(1),
  viewerProtocolPolicy: z.enum(['allow-all', 'redirect-to-https', 'https-only']).default('redirect-to-https'),
  /** A managed policy id or one of the account's cachePolicies; omit for legacy settings */
  cachePolicyId: z.string().optional(),
  /** Legacy ForwardedValues and TTLs, for a behaviour without a cache policy */
  legacy: z
    .strictObject({
      minTtl: z.number().int().min(0).default(0),
      defaultTtl: z.number().int().min(0).default(86_400),
      maxTtl: z.number().int().min(0).default(31_536_000),
      /** Forwarded (and so cache-key) headers; '*' = all */
      headers: z.array(z.string().min(1)).default([]),
      cookies: z.enum(['none', 'whitelist', 'all']).default('none'),
      cookieNames: z.array(z.string().min(1)).default([]),
      queryString: z.boolean().default(false),
    })
    .optional(),
};

const scenarioBehaviour = z.strictObject({ pathPattern: z.string().min(1), ...behaviourSettings });

const scenarioOrigin = z.strictObject({
  id: z.string().min(1),
  domainName: z.string().min(1),
  /** custom: CustomOriginConfig (ALB, API Gateway, EC2); s3: an S3 REST origin with OAC */
  kind: z.enum(['custom', 's3']).default('custom'),
  protocolPolicy: z.enum(['http-only', 'match-viewer', 'https-only']).default('https-only'),
  sslProtocols: z
    .array(z.enum(['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2']))
    .min(1)
    .default(['TLSv1.2']),
});

const scenarioDistribution = z.strictObject({
  /** CloudFront ids: E followed by 12–13 upper-case letters and digits */
  id: z.string().regex(/^E[A-Z0-9]{12,13}$/, 'must be E followed by 12–13 upper-case letters or digits'),
  aliases: z.array(z.string().min(1)).default([]),
  comment: z.string().max(128).default(''),
  enabled: z.boolean().default(true),
  tags: scenarioTags.default({}),
  origins: z.array(scenarioOrigin).min(1),
  originGroups: z
    .array(z.strictObject({ id: z.string().min(1), members: z.array(z.string().min(1)).length(2) }))
    .default([]),
  defaultBehaviour: z.strictObject(behaviourSettings),
  /** Cache behaviours in precedence order */
  behaviours: z.array(scenarioBehaviour).default([]),
  /** default: the *.cloudfront.net certificate (CloudFront forces TLSv1); acm: an ACM certificate with SNI */
  certificate: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('default') }),
      z.strictObject({
        kind: z.literal('acm'),
        arn: z.string().regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/),
        minimumProtocolVersion: minimumProtocolVersion.default('TLSv1.2_2021'),
      }),
    ])
    .default({ kind: 'default' }),
  /** Standard (legacy) access logs; null = off */
  logging: z
    .strictObject({
      bucket: z.string().regex(/\.s3\.amazonaws\.com$/, 'a bucket domain name, <bucket>.s3.amazonaws.com'),
      prefix: z.string().default(''),
      includeCookies: z.boolean().default(false),
    })
    .nullable()
    .default(null),
  lastModified: isoTime.default('2025-03-10T09:00:00Z'),
});

const scenarioCachePolicy = z.strictObject({
  id: guid,
  name: z.string().min(1).max(128),
  comment: z.string().default(''),
  minTtl: z.number().int().min(0).default(1),
  defaultTtl: z.number().int().min(0).default(86_400),
  maxTtl: z.number().int().min(0).default(31_536_000),
  /** Headers in the cache key (whitelist); empty = none */
  headers: z.array(z.string().min(1)).default([]),
  cookies: z.enum(['none', 'whitelist', 'allExcept', 'all']).default('none'),
  cookieNames: z.array(z.string().min(1)).default([]),
  queryStrings: z.enum(['none', 'all']).default('none'),
});

const account = {
  cloudfrontDistributions: z.array(scenarioDistribution).default([]),
  cloudfrontCachePolicies: z.array(scenarioCachePolicy).default([]),
};
const organisation = {};

type ScenarioDistribution = z.output<typeof scenarioDistribution>;
type ScenarioCachePolicy = z.output<typeof scenarioCachePolicy>;
type BehaviourSettings = z.output<z.ZodObject<typeof behaviourSettings>>;
type Call = AwsSimCallFor<typeof account, typeof organisation, undefined>;

const cloudfrontError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(CloudFrontServiceException, name, httpStatusCode, message);

/** The managed cache policies a behaviour may name, as the managed-policy reference states them. */
export const managedCachePolicies: readonly ScenarioCachePolicy[] = [
  {
    id: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
    name: 'Managed-CachingDisabled',
    comment: 'Policy with caching disabled',
    minTtl: 0,
    defaultTtl: 0,
    maxTtl: 0,
    headers: [],
    cookies: 'none',
    cookieNames: [],
    queryStrings: 'none',
  },
  {
    id: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    name: 'Managed-CachingOptimized',
    comment: 'Policy with caching enabled. Supports Gzip and Brotli compression.',
    minTtl: 1,
    defaultTtl: 86_400,
    maxTtl: 31_536_000,
    headers: [],
    cookies: 'none',
    cookieNames: [],
    queryStrings: 'none',
  },
  {
    id: '83da9c7e-98b4-4e11-a168-04f0df8e2c65',
    name: 'Managed-UseOriginCacheControlHeaders',
    comment:
      'Policy for origins that return Cache-Control headers. Query strings are not included in the cache key.',
    minTtl: 0,
    defaultTtl: 0,
    maxTtl: 31_536_000,
    headers: ['host', 'origin', 'x-http-method-override', 'x-http-method', 'x-method-override'],
    cookies: 'all',
    cookieNames: [],
    queryStrings: 'none',
  },
  {
    id: '2e54312d-136d-493c-8eb9-b001f22f67d2',
    name: 'Managed-Amplify',
    comment: 'Policy for Amplify Origin',
    minTtl: 2,
    defaultTtl: 2,
    maxTtl: 600,
    headers: ['Authorization', 'CloudFront-Viewer-Country', 'Host'],
    cookies: 'all',
    cookieNames: [],
    queryStrings: 'all',
  },
];

const list = <T>(items: readonly T[]) =>
  items.length > 0 ? { Quantity: items.length, Items: [...items] } : { Quantity: 0 };

const distributionArn = (call: Call, id: string) =>
  `arn:${call.account.partition}:cloudfront::${call.account.accountId}:distribution/${id}`;

export const distributionDomain = (id: string) => `d${id.slice(1).toLowerCase()}.cloudfront.net`;

function behaviourOut(settings: BehaviourSettings, pathPattern?: string): Record<string, unknown> {
  const common = {
    ...(pathPattern !== undefined ? { PathPattern: pathPattern } : {}),
    TargetOriginId: settings.targetOriginId,
    TrustedSigners: { Enabled: false, Quantity: 0 },
    TrustedKeyGroups: { Enabled: false, Quantity: 0 },
    ViewerProtocolPolicy: settings.viewerProtocolPolicy,
    AllowedMethods: {
      ...list(['HEAD', 'GET']),
      CachedMethods: list(['HEAD', 'GET']),
    },
    SmoothStreaming: false,
    Compress: true,
    LambdaFunctionAssociations: { Quantity: 0 },
    FunctionAssociations: { Quantity: 0 },
    FieldLevelEncryptionId: '',
  };
  if (settings.cachePolicyId) return { ...common, CachePolicyId: settings.cachePolicyId };
  const legacy = settings.legacy ?? {
    minTtl: 0,
    defaultTtl: 86_400,
    maxTtl: 31_536_000,
    headers: [],
    cookies: 'none' as const,
    cookieNames: [],
    queryString: false,
  };
  return {
    ...common,
    ForwardedValues: {
      QueryString: legacy.queryString,
      Cookies: {
        Forward: legacy.cookies,
        ...(legacy.cookies === 'whitelist' ? { WhitelistedNames: list(legacy.cookieNames) } : {}),
      },
      Headers: list(legacy.headers),
      QueryStringCacheKeys: { Quantity: 0 },
    },
    MinTTL: legacy.minTtl,
    DefaultTTL: legacy.defaultTtl,
    MaxTTL: legacy.maxTtl,
  };
}

function originOut(origin: ScenarioDistribution['origins'][number]): Record<string, unknown> {
  return {
    Id: origin.id,
    DomainName: origin.domainName,
    OriginPath: '',
    CustomHeaders: { Quantity: 0 },
    ...(origin.kind === 's3'
      ? { S3OriginConfig: { OriginAccessIdentity: '' }, OriginAccessControlId: 'E3NWVOACS3ORIG' }
      : {
          CustomOriginConfig: {
            HTTPPort: 80,
            HTTPSPort: 443,
            OriginProtocolPolicy: origin.protocolPolicy,
            OriginSslProtocols: list(origin.sslProtocols),
            OriginReadTimeout: 30,
            OriginKeepaliveTimeout: 5,
          },
          OriginAccessControlId: '',
        }),
    ConnectionAttempts: 3,
    ConnectionTimeout: 10,
    OriginShield: { Enabled: false },
  };
}

function viewerCertificateOut(distribution: ScenarioDistribution): Record<string, unknown> {
  const certificate = distribution.certificate;
  if (certificate.kind === 'default')
    return {
      CloudFrontDefaultCertificate: true,
      SSLSupportMethod: 'vip',
      MinimumProtocolVersion: 'TLSv1',
      CertificateSource: 'cloudfront',
    };
  return {
    CloudFrontDefaultCertificate: false,
    ACMCertificateArn: certificate.arn,
    SSLSupportMethod: 'sni-only',
    MinimumProtocolVersion: certificate.minimumProtocolVersion,
    Certificate: certificate.arn,
    CertificateSource: 'acm',
  };
}

/** The fields DistributionSummary and DistributionConfig share. */
function sharedFields(distribution: ScenarioDistribution): Record<string, unknown> {
  return {
    Aliases: list(distribution.aliases),
    Origins: list(distribution.origins.map(originOut)),
    OriginGroups: list(
      distribution.originGroups.map((group) => ({
        Id: group.id,
        FailoverCriteria: { StatusCodes: list([500, 502, 503, 504]) },
        Members: list(group.members.map((OriginId) => ({ OriginId }))),
      })),
    ),
    DefaultCacheBehavior: behaviourOut(distribution.defaultBehaviour),
    CacheBehaviors: list(distribution.behaviours.map((each) => behaviourOut(each, each.pathPattern))),
    CustomErrorResponses: { Quantity: 0 },
    Comment: distribution.comment,
    PriceClass: 'PriceClass_100',
    Enabled: distribution.enabled,
    ViewerCertificate: viewerCertificateOut(distribution),
    Restrictions: { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } },
    WebACLId: '',
    HttpVersion: 'http2',
    IsIPV6Enabled: true,
    Staging: false,
  };
}

function distributionsHere(call: Call): ScenarioDistribution[] {
  return [...call.account.cloudfrontDistributions].sort((a, b) => a.id.localeCompare(b.id));
}

/** MaxItems: CloudFront's lists answer at most 100 items a page. */
function maxItems(call: Call): number {
  const asked = call.input.MaxItems;
  if (asked === undefined) return Math.min(100, call.pageSize);
  const value = Number(asked);
  if (!Number.isInteger(value) || value < 1)
    throw cloudfrontError('InvalidArgument', 400, 'The value of MaxItems is not valid.');
  return Math.min(value, 100, call.pageSize);
}

function listDistributions(call: Call): object {
  const max = maxItems(call);
  const marker = typeof call.input.Marker === 'string' ? call.input.Marker : '';
  // The marker is the id of the last distribution of the previous page.
  const after = distributionsHere(call).filter((each) => marker === '' || each.id > marker);
  const page = after.slice(0, max);
  const truncated = after.length > page.length;
  return {
    DistributionList: {
      Marker: marker,
      MaxItems: max,
      IsTruncated: truncated,
      Quantity: page.length,
      ...(page.length > 0
        ? {
            Items: page.map((each) => ({
              Id: each.id,
              ARN: distributionArn(call, each.id),
              Status: 'Deployed',
              LastModifiedTime: new Date(each.lastModified),
              DomainName: distributionDomain(each.id),
              ...sharedFields(each),
            })),
          }
        : {}),
      ...(truncated ? { NextMarker: page[page.length - 1]?.id } : {}),
    },
  };
}

function distributionById(call: Call, id: unknown): ScenarioDistribution {
  const found = call.account.cloudfrontDistributions.find((each) => each.id === id);
  if (!found) throw cloudfrontError('NoSuchDistribution', 404, 'The specified distribution does not exist.');
  return found;
}

function getDistributionConfig(call: Call): object {
  const distribution = distributionById(call, call.input.Id);
  const logging = distribution.logging;
  return {
    ETag: `E${distribution.id.slice(1, 6)}ETAG${distribution.lastModified.slice(0, 4)}`,
    DistributionConfig: {
      CallerReference: `nwv-${distribution.id.toLowerCase()}`,
      DefaultRootObject: '',
      ...sharedFields(distribution),
      // Logging is always present in a DistributionConfig; disabled logs have empty strings.
      Logging: logging
        ? {
            Enabled: true,
            IncludeCookies: logging.includeCookies,
            Bucket: logging.bucket,
            Prefix: logging.prefix,
          }
        : { Enabled: false, IncludeCookies: false, Bucket: '', Prefix: '' },
    },
  };
}

function cachePolicyOut(policy: ScenarioCachePolicy, type: 'managed' | 'custom'): object {
  return {
    Type: type,
    CachePolicy: {
      Id: policy.id,
      LastModifiedTime: new Date('2024-01-15T00:00:00Z'),
      CachePolicyConfig: {
        Comment: policy.comment,
        Name: policy.name,
        DefaultTTL: policy.defaultTtl,
        MaxTTL: policy.maxTtl,
        MinTTL: policy.minTtl,
        ParametersInCacheKeyAndForwardedToOrigin: {
          EnableAcceptEncodingGzip: policy.maxTtl > 0,
          EnableAcceptEncodingBrotli: policy.maxTtl > 0,
          HeadersConfig:
            policy.headers.length > 0
              ? { HeaderBehavior: 'whitelist', Headers: list(policy.headers) }
              : { HeaderBehavior: 'none' },
          CookiesConfig: {
            CookieBehavior: policy.cookies,
            ...(policy.cookies === 'whitelist' || policy.cookies === 'allExcept'
              ? { Cookies: list(policy.cookieNames) }
              : {}),
          },
          QueryStringsConfig: { QueryStringBehavior: policy.queryStrings },
        },
      },
    },
  };
}

function listCachePolicies(call: Call): object {
  const type = call.input.Type;
  if (type !== undefined && type !== 'managed' && type !== 'custom')
    throw cloudfrontError('InvalidArgument', 400, `Type ${String(type)} is not valid: managed or custom.`);
  const all = [
    ...(type === 'custom' ? [] : managedCachePolicies.map((each) => cachePolicyOut(each, 'managed'))),
    ...(type === 'managed'
      ? []
      : call.account.cloudfrontCachePolicies.map((each) => cachePolicyOut(each, 'custom'))),
  ];
  const max = maxItems(call);
  const { page, next } = awsPage(all, call.input.Marker, max, () =>
    cloudfrontError('InvalidArgument', 400, 'The marker is not valid.'),
  );
  return {
    CachePolicyList: {
      MaxItems: max,
      Quantity: page.length,
      ...(page.length > 0 ? { Items: page } : {}),
      ...(next ? { NextMarker: next } : {}),
    },
  };
}

function listTagsForResource(call: Call): object {
  const arn = typeof call.input.Resource === 'string' ? call.input.Resource : '';
  const match = /^arn:aws[a-z-]*:cloudfront::(\d{12}):distribution\/(E[A-Z0-9]+)$/.exec(arn);
  if (!match) throw cloudfrontError('InvalidArgument', 400, `${arn} is not a valid resource ARN.`);
  const found =
    match[1] === call.account.accountId
      ? call.account.cloudfrontDistributions.find((each) => each.id === match[2])
      : undefined;
  if (!found) throw cloudfrontError('NoSuchResource', 404, 'The specified resource does not exist.');
  const items = Object.entries(found.tags).map(([Key, Value]) => ({ Key, Value }));
  return { Tags: items.length > 0 ? { Items: items } : {} };
}

function checkDistributions(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const distributions = each.cloudfrontDistributions as ScenarioDistribution[];
    const policies = each.cloudfrontCachePolicies as ScenarioCachePolicy[];
    const policyIds = new Set([...managedCachePolicies, ...policies].map((policy) => policy.id));
    const seen = new Set<string>();
    distributions.forEach((distribution, d) => {
      const path = ['aws', 'accounts', a, 'cloudfrontDistributions', d];
      if (seen.has(distribution.id)) issue([...path, 'id'], `distribution ${distribution.id} appears twice`);
      seen.add(distribution.id);
      const targets = new Set([
        ...distribution.origins.map((origin) => origin.id),
        ...distribution.originGroups.map((group) => group.id),
      ]);
      distribution.originGroups.forEach((group, g) =>
        group.members.forEach((member, m) => {
          if (!distribution.origins.some((origin) => origin.id === member))
            issue([...path, 'originGroups', g, 'members', m], `no origin ${member} in this distribution`);
        }),
      );
      const checkBehaviour = (settings: BehaviourSettings, at: (string | number)[]) => {
        if (!targets.has(settings.targetOriginId))
          issue([...at, 'targetOriginId'], `no origin or origin group ${settings.targetOriginId}`);
        if ((settings.cachePolicyId === undefined) === (settings.legacy === undefined))
          issue(at, 'a behaviour names either a cachePolicyId or legacy settings, not both or neither');
        if (settings.cachePolicyId !== undefined && !policyIds.has(settings.cachePolicyId))
          issue([...at, 'cachePolicyId'], `no managed or account cache policy ${settings.cachePolicyId}`);
      };
      checkBehaviour(distribution.defaultBehaviour, [...path, 'defaultBehaviour']);
      distribution.behaviours.forEach((behaviour, b) =>
        checkBehaviour(behaviour, [...path, 'behaviours', b]),
      );
    });
  });
}

export const cloudfrontSim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkDistributions,
  error: cloudfrontError,
  faults: {
    throttle: { name: 'Throttling', status: 400, message: 'Rate exceeded' },
    access_denied: {
      name: 'AccessDenied',
      status: 403,
      message: 'User is not authorized to perform this CloudFront action.',
    },
  },
  answers: {
    ListDistributions: listDistributions,
    GetDistributionConfig: getDistributionConfig,
    ListCachePolicies: listCachePolicies,
    ListTagsForResource: listTagsForResource,
  },
  demo,
  generate({ index, perRegion, random }) {
    const { chance, pick, hex } = random;
    const apps = ['storefront', 'account-portal', 'media', 'telehealth', 'api'];
    const count = Math.max(1, Math.ceil(perRegion / 3));
    const cachePolicyId = `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
    const distributions = Array.from({ length: count }, (_, k) => {
      const app = pick(apps);
      const id = `E${hex(12).toUpperCase()}`;
      const origin = chance(0.7) ? 'custom' : 's3';
      const caching = chance(0.3) ? cachePolicyId : pick(managedCachePolicies).id;
      return {
        id,
        comment: `gen-a${index}-${app}-${k}`,
        tags: chance(0.2) ? {} : { app, ...(chance(0.4) ? { phi: 'true' } : {}) },
        origins: [
          origin === 'custom'
            ? {
                id: 'app',
                domainName: `gen-a${index}-${app}-${k}.example.com`,
                protocolPolicy: chance(0.15) ? 'http-only' : 'https-only',
                sslProtocols: chance(0.2) ? ['TLSv1', 'TLSv1.1', 'TLSv1.2'] : ['TLSv1.2'],
              }
            : { id: 'app', kind: 's3', domainName: `gen-a${index}-${app}-${k}.s3.us-east-1.amazonaws.com` },
        ],
        defaultBehaviour: {
          targetOriginId: 'app',
          viewerProtocolPolicy: chance(0.2) ? 'allow-all' : 'redirect-to-https',
          cachePolicyId: caching,
        },
        behaviours: chance(0.5)
          ? [
              {
                pathPattern: pick(['/account/*', '/api/*', '/static/*']),
                targetOriginId: 'app',
                cachePolicyId: caching,
              },
            ]
          : [],
        certificate: chance(0.3)
          ? { kind: 'default' }
          : {
              kind: 'acm',
              arn: `arn:aws:acm:us-east-1:000000000000:certificate/${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
              minimumProtocolVersion: chance(0.2) ? 'TLSv1.1_2016' : 'TLSv1.2_2021',
            },
        logging: chance(0.5)
          ? { bucket: `gen-a${index}-cdn-logs.s3.amazonaws.com`, prefix: `${app}/` }
          : null,
      };
    });
    return {
      cloudfrontDistributions: distributions,
      cloudfrontCachePolicies: [{ id: cachePolicyId, name: `gen-a${index}-pages`, defaultTtl: 3600 }],
    };
  },
};
