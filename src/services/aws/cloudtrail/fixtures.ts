import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { CloudTrailAccountProperties, CloudTrailTrailProperties, S3DataEventSelector } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const TRAIL = 'northwind-audit';

function selector(overrides: Partial<S3DataEventSelector> = {}): S3DataEventSelector {
  return {
    source: 'AdvancedEventSelectors',
    name: 'S3 data events',
    readEvents: true,
    writeEvents: true,
    allBuckets: true,
    resources: [],
    excluded: [],
    narrowed: false,
    ...overrides,
  };
}

export function compliantTrailProperties(name = TRAIL): CloudTrailTrailProperties {
  return {
    trailArn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${name}`,
    homeRegion: 'us-east-1',
    multiRegion: true,
    organizationTrail: false,
    logFileValidation: true,
    kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-44cd-96ef-1234567890ab`,
    cloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:northwind-audit:*`,
    s3BucketName: 'northwind-cloudtrail-logs',
    isLogging: true,
    latestDeliveryError: null,
    s3DataEvents: [selector()],
    tagsCollected: true,
  };
}

interface TrailOptions {
  name?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof CloudTrailTrailProperties, unknown>>;
  /** Properties to remove, as a collector does when it could not read them. */
  missing?: (keyof CloudTrailTrailProperties)[];
}

export function trailResource(options: TrailOptions = {}): NormalizedResource {
  const name = options.name ?? TRAIL;
  const phi = options.phi ?? false;
  const properties: Record<string, unknown> = { ...compliantTrailProperties(name), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.cloudtrail.trail',
    nativeId: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${name}`,
    name,
    scopeId: ACCOUNT,
    region: 'us-east-1',
    tags: phi ? { phi: 'true' } : { team: 'security' },
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2, 3],
  };
}

type Summary = CloudTrailAccountProperties['trails'][number];

function summary(overrides: Partial<Summary> = {}): Summary {
  return {
    trailArn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${TRAIL}`,
    name: TRAIL,
    homeRegion: 'us-east-1',
    multiRegion: true,
    isLogging: true,
    ...overrides,
  };
}

export function accountResource(properties: Partial<CloudTrailAccountProperties> = {}): NormalizedResource {
  return {
    provider: 'aws',
    type: 'aws.cloudtrail.account',
    nativeId: `arn:aws:cloudtrail::${ACCOUNT}:account-trails`,
    name: `account ${ACCOUNT}`,
    scopeId: ACCOUNT,
    region: 'global',
    tags: {},
    properties: {
      accountId: ACCOUNT,
      regionsListed: ['us-east-1', 'us-east-2'],
      regionsRefused: [],
      trails: [summary()],
      ...properties,
    },
    phi: false,
    phiReason: null,
    evidenceIds: [1],
  };
}

/** An S3 bucket of the run, as the S3 service hands it over (only the fields this rule reads). */
function bucket(name: string, region = 'us-east-1', phi = true, scopeId = ACCOUNT): NormalizedResource {
  return {
    provider: 'aws',
    type: 'aws.s3.bucket',
    nativeId: `arn:aws:s3:::${name}`,
    name,
    scopeId,
    region,
    tags: phi ? { phi: 'true' } : {},
    properties: {},
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [9],
  };
}

const phiBuckets = [bucket('nwv-patient-exports'), bucket('nwv-telemetry', 'us-west-2')];
const namedBuckets = selector({
  allBuckets: false,
  resources: [
    { bucket: 'nwv-patient-exports', prefix: '' },
    { bucket: 'nwv-telemetry', prefix: '' },
  ],
});

export const cloudTrailFixtures: ServiceFixtures = {
  'aws.cloudtrail.multi-region-trail': {
    pass: [
      {
        name: 'a multi-region trail that is logging',
        resource: accountResource(),
        detail: 'has a multi-region trail that is logging: northwind-audit (home us-east-1)',
      },
      {
        name: 'a logging multi-region trail seen although one region refused DescribeTrails',
        resource: accountResource({ regionsListed: ['us-east-1'], regionsRefused: ['us-east-2'] }),
        detail: 'has a multi-region trail that is logging',
      },
    ],
    fail: [
      {
        name: 'no trail at all',
        resource: accountResource({ trails: [] }),
        detail:
          'has no multi-region trail that is logging: DescribeTrails in us-east-1, us-east-2 showed no trail.',
      },
      {
        name: 'a single-region trail that is not logging',
        resource: accountResource({
          trails: [summary({ name: 'ops', multiRegion: false, isLogging: false })],
        }),
        detail: 'showed only ops (single-region, us-east-1, not logging)',
      },
      {
        name: 'a multi-region trail whose logging was stopped',
        resource: accountResource({ trails: [summary({ isLogging: false })] }),
        detail: 'only northwind-audit (multi-region, not logging)',
      },
      {
        name: 'one region refused: says a trail there may have been missed',
        resource: accountResource({
          trails: [],
          regionsListed: ['us-east-1'],
          regionsRefused: ['us-east-2'],
        }),
        detail: 'DescribeTrails was refused in us-east-2, so a trail homed there may have been missed.',
      },
    ],
    notApplicable: [
      {
        name: 'DescribeTrails refused in every region',
        resource: accountResource({
          trails: [],
          regionsListed: [],
          regionsRefused: ['us-east-1', 'us-east-2'],
        }),
        detail: /^Not assessed: DescribeTrails of account 111122223333 was refused in every assessed region/,
      },
      {
        name: 'logging status of the multi-region trail could not be read',
        resource: accountResource({ trails: [summary({ isLogging: null })] }),
        detail: /^Not assessed: whether the multi-region trails .* are logging \(GetTrailStatus\)/,
      },
      {
        name: 'not collected (older workspace)',
        resource: { ...accountResource(), properties: { accountId: ACCOUNT } },
        detail: /^Not assessed: the trails of account 111122223333 could not be read/,
      },
    ],
  },
  'aws.cloudtrail.log-file-validation': {
    pass: [
      {
        name: 'validation enabled',
        resource: trailResource(),
        detail: 'writes signed digest files for log file validation',
      },
    ],
    fail: [
      {
        name: 'validation disabled on a stopped trail',
        resource: trailResource({ properties: { logFileValidation: false, isLogging: false } }),
        detail:
          /does not validate its log files \(LogFileValidationEnabled false\).*The trail is also not logging/,
      },
      {
        name: 'PHI-tagged trail says why it counts as PHI',
        resource: trailResource({ phi: true, properties: { logFileValidation: false } }),
        detail: 'It is classified as PHI (tag phi=true).',
      },
    ],
    notApplicable: [
      {
        name: 'not collected',
        resource: trailResource({ missing: ['logFileValidation'] }),
        detail: /^Not assessed: the log file validation setting/,
      },
    ],
  },
  'aws.cloudtrail.kms-encryption': {
    pass: [
      {
        name: 'SSE-KMS key set',
        resource: trailResource(),
        detail: 'encrypts its log files with SSE-KMS (arn:aws:kms:us-east-1:111122223333:key/',
      },
    ],
    fail: [
      {
        name: 'no KmsKeyId (SSE-S3 only)',
        resource: trailResource({ properties: { kmsKeyId: null } }),
        detail: 'has no KmsKeyId: its log files are encrypted with SSE-S3 only',
      },
    ],
    notApplicable: [
      {
        name: 'not collected',
        resource: trailResource({ missing: ['kmsKeyId'] }),
        detail: /^Not assessed: the log encryption setting/,
      },
    ],
  },
  'aws.cloudtrail.s3-data-events': {
    pass: [
      {
        name: 'all buckets, read and write, no PHI bucket in the run',
        resource: trailResource(),
        detail: 'records S3 object-level read and write events for all buckets.',
      },
      {
        name: 'named buckets, no PHI bucket in the run: lists them',
        resource: trailResource({ properties: { s3DataEvents: [namedBuckets] } }),
        detail:
          'for the buckets it names: nwv-patient-exports, nwv-telemetry. No PHI-classified bucket of the account was in the run',
      },
      {
        name: 'every PHI bucket of the account covered by name (multi-region trail)',
        resource: trailResource({ properties: { s3DataEvents: [namedBuckets] } }),
        context: { resources: [...phiBuckets, bucket('nwv-assets', 'us-east-1', false)] },
        detail: 'for every PHI-classified bucket of the account (nwv-patient-exports, nwv-telemetry)',
      },
      {
        name: 'classic selectors, all buckets, PHI buckets of another account ignored',
        resource: trailResource({
          properties: {
            s3DataEvents: [selector({ source: 'EventSelectors', name: null })],
          },
        }),
        context: {
          resources: [...phiBuckets, bucket('other-account-phi', 'us-east-1', true, '999988887777')],
        },
        detail: 'for every PHI-classified bucket of the account (nwv-patient-exports, nwv-telemetry)',
      },
    ],
    fail: [
      {
        name: 'no S3 data events',
        resource: trailResource({ properties: { s3DataEvents: [] } }),
        detail: 'records no S3 data events: reads of PHI objects (GetObject) leave no record.',
      },
      {
        name: 'a PHI bucket left out',
        resource: trailResource({
          properties: {
            s3DataEvents: [
              selector({ allBuckets: false, resources: [{ bucket: 'nwv-patient-exports', prefix: '' }] }),
            ],
          },
        }),
        context: { resources: phiBuckets },
        detail: 'for 1 of 2 PHI-classified buckets of the account: nwv-telemetry (no read or write events)',
      },
      {
        name: 'write-only events miss PHI reads',
        resource: trailResource({ properties: { s3DataEvents: [selector({ readEvents: false })] } }),
        context: { resources: phiBuckets },
        detail: 'nwv-patient-exports (no read events); nwv-telemetry (no read events)',
      },
      {
        name: 'single-region trail cannot see a PHI bucket in another region',
        resource: trailResource({ properties: { multiRegion: false } }),
        context: { resources: phiBuckets },
        detail: 'nwv-telemetry (in us-west-2, outside this single-region trail)',
      },
      {
        name: 'an excluded PHI bucket',
        resource: trailResource({
          properties: { s3DataEvents: [selector({ excluded: [{ bucket: 'nwv-telemetry', prefix: '' }] })] },
        }),
        context: { resources: phiBuckets },
        detail: 'nwv-telemetry (no read or write events)',
      },
      {
        name: 'only a prefix and read-only, no PHI bucket in the run',
        resource: trailResource({
          properties: {
            s3DataEvents: [
              selector({
                writeEvents: false,
                allBuckets: false,
                resources: [{ bucket: 'nwv-patient-exports', prefix: 'exports/' }],
              }),
            ],
          },
        }),
        detail:
          'no complete S3 object-level read and write events for any bucket (read-only events for nwv-patient-exports/exports/)',
      },
    ],
    notApplicable: [
      {
        name: 'event selectors not collected',
        resource: trailResource({ missing: ['s3DataEvents'] }),
        detail: /^Not assessed: the event selectors \(GetEventSelectors\)/,
      },
    ],
  },
  'aws.cloudtrail.cloudwatch-logs': {
    pass: [
      {
        name: 'delivers to a log group',
        resource: trailResource(),
        detail:
          'delivers its events to CloudWatch Logs (arn:aws:logs:us-east-1:111122223333:log-group:northwind-audit:*)',
      },
    ],
    fail: [
      {
        name: 'no log group',
        resource: trailResource({ properties: { cloudWatchLogsLogGroupArn: null } }),
        detail: 'does not deliver to CloudWatch Logs (no CloudWatchLogsLogGroupArn)',
      },
    ],
    notApplicable: [
      {
        name: 'not collected',
        resource: trailResource({ missing: ['cloudWatchLogsLogGroupArn'] }),
        detail: /^Not assessed: the CloudWatch Logs delivery/,
      },
    ],
  },
};
