import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { S3BucketProperties } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

export function compliantS3Properties(): S3BucketProperties {
  return {
    encryption: {
      enabled: true,
      algorithm: 'aws:kms',
      kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/phi',
      bucketKeyEnabled: true,
    },
    policy: { present: true, denyInsecureTransport: true, allowsPublicPrincipal: false, document: null },
    publicAccessBlock: {
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    },
    logging: {
      enabled: true,
      targetBucket: 'northwind-access-logs',
      targetPrefix: 's3/northwind-patient-docs/',
    },
    tagsCollected: true,
    replication: {
      enabled: true,
      destinations: [
        {
          bucketArn: 'arn:aws:s3:::northwind-patient-docs-dr',
          bucket: 'northwind-patient-docs-dr',
          region: 'us-east-2',
          status: 'Enabled',
          account: '111122223333',
        },
      ],
    },
    versioning: { status: 'Enabled', mfaDelete: false },
    policyStatus: { isPublic: false },
    acl: { publicGrants: [] },
  };
}

interface S3Options {
  name?: string;
  region?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof S3BucketProperties, unknown>>;
  /** Properties to remove, as a collector does when it could not read them. */
  missing?: (keyof S3BucketProperties)[];
}

export function s3Bucket(options: S3Options = {}): NormalizedResource {
  const name = options.name ?? 'northwind-patient-docs';
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = { ...compliantS3Properties(), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.s3.bucket',
    nativeId: `arn:aws:s3:::${name}`,
    name,
    scopeId: '111122223333',
    region: options.region ?? 'us-east-1',
    tags: phi ? { phi: 'true' } : { team: 'web' },
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2, 3],
  };
}

const noPab = { publicAccessBlock: null };

export const s3Fixtures: ServiceFixtures = {
  'aws.s3.default-encryption': {
    pass: [
      {
        name: 'SSE-KMS with a bucket key',
        resource: s3Bucket(),
        detail: /encrypts new objects by default with SSE-KMS with key arn:aws:kms:.*, S3 Bucket Key on\.$/,
      },
      {
        name: 'SSE-S3',
        resource: s3Bucket({
          properties: {
            encryption: { enabled: true, algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false },
          },
        }),
        detail: 'with SSE-S3 (AES-256, S3-managed keys).',
      },
    ],
    fail: [
      {
        name: 'no default encryption, PHI bucket',
        resource: s3Bucket({
          name: 'northwind-checkout-exports',
          properties: {
            encryption: { enabled: false, algorithm: null, kmsKeyId: null, bucketKeyEnabled: false },
          },
        }),
        detail:
          'Bucket northwind-checkout-exports has no default encryption configuration. It is classified as PHI (tag phi=true).',
      },
      {
        name: 'no default encryption, non-PHI bucket',
        resource: s3Bucket({
          name: 'nw-web-assets',
          phi: false,
          properties: {
            encryption: { enabled: false, algorithm: null, kmsKeyId: null, bucketKeyEnabled: false },
          },
        }),
        detail: /^Bucket nw-web-assets has no default encryption configuration\.$/,
      },
    ],
    notApplicable: [
      {
        name: 'encryption not collected',
        resource: s3Bucket({ missing: ['encryption'] }),
        detail:
          /^Not assessed: the default encryption configuration of Bucket northwind-patient-docs could not be read/,
      },
    ],
  },
  'aws.s3.tls-only-policy': {
    pass: [
      {
        name: 'deny on aws:SecureTransport',
        resource: s3Bucket(),
        detail: 'denies every request that does not use TLS',
      },
    ],
    fail: [
      {
        name: 'no bucket policy',
        resource: s3Bucket({
          properties: {
            policy: {
              present: false,
              denyInsecureTransport: false,
              allowsPublicPrincipal: false,
              document: null,
            },
          },
        }),
        detail: 'has no bucket policy, so requests over plain HTTP are not denied.',
      },
      {
        name: 'policy without the TLS deny',
        resource: s3Bucket({
          properties: {
            policy: {
              present: true,
              denyInsecureTransport: false,
              allowsPublicPrincipal: false,
              document: {},
            },
          },
        }),
        detail: 'without a Deny on aws:SecureTransport = false',
      },
    ],
    notApplicable: [
      {
        name: 'policy not collected',
        resource: s3Bucket({ missing: ['policy'] }),
        detail: /^Not assessed: the bucket policy of Bucket/,
      },
    ],
  },
  'aws.s3.public-access-block': {
    pass: [
      {
        name: 'all four flags on',
        resource: s3Bucket(),
        detail: 'has all four Block Public Access settings on.',
      },
    ],
    fail: [
      {
        name: 'no configuration',
        resource: s3Bucket({ properties: noPab }),
        detail:
          'Bucket northwind-patient-docs has no Block Public Access configuration. This is a hardening gap, not a finding that the bucket is public. It is classified as PHI (tag phi=true).',
      },
      {
        name: 'two flags off and a public policy',
        resource: s3Bucket({
          properties: {
            publicAccessBlock: {
              blockPublicAcls: true,
              ignorePublicAcls: false,
              blockPublicPolicy: true,
              restrictPublicBuckets: false,
            },
            policy: { present: true, denyInsecureTransport: true, allowsPublicPrincipal: true, document: {} },
          },
        }),
        detail:
          'turned off: IgnorePublicAcls, RestrictPublicBuckets. This is a hardening gap, not a finding that the bucket is public.',
      },
    ],
    notApplicable: [
      {
        name: 'configuration not collected',
        resource: s3Bucket({ missing: ['publicAccessBlock'] }),
        detail: /^Not assessed: the Block Public Access configuration/,
      },
    ],
  },
  'aws.s3.access-logging': {
    pass: [
      {
        name: 'PHI bucket with logging',
        resource: s3Bucket(),
        detail: 'records server access logs to s3://northwind-access-logs/s3/northwind-patient-docs/.',
      },
    ],
    fail: [
      {
        name: 'PHI bucket without logging',
        resource: s3Bucket({
          properties: { logging: { enabled: false, targetBucket: null, targetPrefix: null } },
        }),
        detail: 'has no server access logging, so reads of its objects are not recorded',
      },
    ],
    notApplicable: [
      {
        name: 'non-PHI bucket without logging',
        resource: s3Bucket({
          phi: false,
          properties: { logging: { enabled: false, targetBucket: null, targetPrefix: null } },
        }),
        detail: 'is not classified as PHI',
      },
      {
        name: 'logging not collected',
        resource: s3Bucket({ missing: ['logging'] }),
        detail: /^Not assessed: the server access logging configuration/,
      },
      {
        name: 'tags unread, so PHI unknown',
        resource: s3Bucket({
          phi: false,
          properties: {
            tagsCollected: false,
            logging: { enabled: false, targetBucket: null, targetPrefix: null },
          },
        }),
        detail:
          /^Not assessed: the tags \(and so the PHI classification\) of Bucket northwind-patient-docs could not be read/,
      },
    ],
  },
  'aws.s3.replication-region': {
    pass: [
      {
        name: 'replica in an approved region',
        resource: s3Bucket(),
        detail: 'replicates only to approved regions: northwind-patient-docs-dr (us-east-2).',
      },
      {
        name: "destination region found from the run's resources",
        resource: s3Bucket({
          properties: {
            replication: {
              enabled: true,
              destinations: [
                { bucketArn: 'arn:aws:s3:::nw-dr', bucket: 'nw-dr', region: null, status: 'Enabled' },
              ],
            },
          },
        }),
        context: { resources: [s3Bucket({ name: 'nw-dr', region: 'us-east-2' })] },
        detail: 'nw-dr (us-east-2)',
      },
      {
        name: 'approved region written in another case',
        resource: s3Bucket(),
        context: { approvedRegions: ['US-EAST-2'] },
        detail: 'replicates only to approved regions',
      },
    ],
    fail: [
      {
        name: 'replica outside the approved regions',
        resource: s3Bucket({
          properties: {
            replication: {
              enabled: true,
              destinations: [
                {
                  bucketArn: 'arn:aws:s3:::nw-backup-eu',
                  bucket: 'nw-backup-eu',
                  region: 'eu-west-1',
                  status: 'Enabled',
                },
              ],
            },
          },
        }),
        detail:
          'replicates to nw-backup-eu in eu-west-1, outside the approved regions (us-east-1, us-east-2, eastus, westus).',
      },
      {
        name: 'destination region unknown',
        resource: s3Bucket({
          properties: {
            replication: {
              enabled: true,
              destinations: [
                {
                  bucketArn: 'arn:aws:s3:::nw-elsewhere',
                  bucket: 'nw-elsewhere',
                  region: null,
                  status: 'Enabled',
                },
              ],
            },
          },
        }),
        detail: 'replicates to nw-elsewhere, whose region could not be determined.',
      },
    ],
    notApplicable: [
      {
        name: 'no replication',
        resource: s3Bucket({ properties: { replication: { enabled: false, destinations: [] } } }),
        detail: 'has no enabled replication rule.',
      },
      {
        name: 'only a disabled rule points at an unapproved region',
        resource: s3Bucket({
          properties: {
            replication: {
              enabled: true,
              destinations: [
                { bucketArn: 'arn:aws:s3:::eu', bucket: 'eu', region: 'eu-west-1', status: 'Disabled' },
              ],
            },
          },
        }),
        detail: 'has no enabled replication rule.',
      },
      {
        name: 'no approved regions',
        resource: s3Bucket(),
        context: { approvedRegions: [] },
        detail: 'no approved regions set for this engagement',
      },
      {
        name: 'replication not collected',
        resource: s3Bucket({ missing: ['replication'] }),
        detail: /^Not assessed: the replication configuration/,
      },
    ],
  },
  'aws.s3.phi-sse-kms': {
    pass: [
      {
        name: 'SSE-KMS under a customer managed key',
        resource: s3Bucket(),
        detail:
          'Bucket northwind-patient-docs encrypts new objects by default with SSE-KMS under key arn:aws:kms:us-east-1:111122223333:key/phi.',
      },
      {
        name: 'DSSE-KMS without a key id (the AWS managed key)',
        resource: s3Bucket({
          properties: {
            encryption: { enabled: true, algorithm: 'aws:kms:dsse', kmsKeyId: null, bucketKeyEnabled: false },
          },
        }),
        detail: 'with DSSE-KMS (dual-layer) under the AWS managed key aws/s3',
      },
    ],
    fail: [
      {
        name: 'PHI bucket under SSE-S3 only',
        resource: s3Bucket({
          name: 'northwind-telemetry-raw',
          properties: {
            encryption: { enabled: true, algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false },
          },
        }),
        detail:
          'Bucket northwind-telemetry-raw encrypts new objects by default with SSE-S3 (S3-managed keys), not under a KMS key. It is classified as PHI (tag phi=true).',
      },
      {
        name: 'PHI bucket under an unreported algorithm',
        resource: s3Bucket({
          properties: {
            encryption: { enabled: true, algorithm: null, kmsKeyId: null, bucketKeyEnabled: false },
          },
        }),
        detail: 'encrypts new objects by default with an unreported algorithm, not under a KMS key.',
      },
    ],
    notApplicable: [
      {
        name: 'PHI bucket without default encryption: default-encryption reports it',
        resource: s3Bucket({
          properties: {
            encryption: { enabled: false, algorithm: null, kmsKeyId: null, bucketKeyEnabled: false },
          },
        }),
        detail:
          'has no default encryption configuration at all; that is reported by aws.s3.default-encryption.',
      },
      {
        name: 'non-PHI bucket under SSE-S3',
        resource: s3Bucket({
          phi: false,
          properties: {
            encryption: { enabled: true, algorithm: 'AES256', kmsKeyId: null, bucketKeyEnabled: false },
          },
        }),
        detail: 'is not classified as PHI; SSE-KMS is required here only for PHI buckets.',
      },
      {
        name: 'tags unread, so PHI unknown',
        resource: s3Bucket({ phi: false, properties: { tagsCollected: false } }),
        detail: /^Not assessed: the tags \(and so the PHI classification\)/,
      },
      {
        name: 'encryption not collected',
        resource: s3Bucket({ missing: ['encryption'] }),
        detail: /^Not assessed: the default encryption configuration of Bucket northwind-patient-docs/,
      },
    ],
  },
  'aws.s3.data-classification': {
    pass: [
      {
        name: 'PHI tag',
        resource: s3Bucket(),
        detail: 'Bucket northwind-patient-docs is classified: phi=true.',
      },
      {
        name: 'classified public, any value counts',
        resource: {
          ...s3Bucket({ name: 'nw-web-assets', phi: false }),
          tags: { 'Data-Classification': 'public' },
        },
        detail: 'Bucket nw-web-assets is classified: Data-Classification=public.',
      },
    ],
    fail: [
      {
        name: 'no classification key among other tags',
        resource: s3Bucket({ name: 'nw-analytics-scratch', phi: false }),
        detail:
          "Bucket nw-analytics-scratch has none of the engagement's classification tags (phi, data-classification), so whether it holds PHI is undecided.",
      },
      {
        name: 'no tags at all',
        resource: { ...s3Bucket({ phi: false }), tags: {} },
        detail: "has none of the engagement's classification tags",
      },
    ],
    notApplicable: [
      {
        name: 'tags not collected',
        resource: s3Bucket({ phi: false, properties: { tagsCollected: false } }),
        detail: /^Not assessed: the tags of Bucket northwind-patient-docs could not be read/,
      },
      {
        name: 'no classification keys in the engagement',
        resource: s3Bucket(),
        context: { phiTagKeys: [] },
        detail: 'no classification tag keys are set for this engagement',
      },
    ],
  },
  'aws.s3.phi-versioning': {
    pass: [
      {
        name: 'versioning enabled',
        resource: s3Bucket(),
        detail: 'Bucket northwind-patient-docs has versioning enabled.',
      },
      {
        name: 'versioning enabled with MFA delete',
        resource: s3Bucket({ properties: { versioning: { status: 'Enabled', mfaDelete: true } } }),
        detail: 'has versioning enabled, with MFA delete.',
      },
    ],
    fail: [
      {
        name: 'never enabled (empty VersioningConfiguration)',
        resource: s3Bucket({
          name: 'northwind-subscription-intake',
          properties: { versioning: { status: null, mfaDelete: false } },
        }),
        detail:
          'Bucket northwind-subscription-intake has never had versioning enabled, so an overwrite or delete cannot be undone from S3. It is classified as PHI (tag phi=true).',
      },
      {
        name: 'suspended',
        resource: s3Bucket({ properties: { versioning: { status: 'Suspended', mfaDelete: false } } }),
        detail: 'has versioning suspended, so overwrites and deletes since then keep no prior version.',
      },
    ],
    notApplicable: [
      {
        name: 'non-PHI bucket without versioning',
        resource: s3Bucket({ phi: false, properties: { versioning: { status: null, mfaDelete: false } } }),
        detail: 'is not classified as PHI; versioning is required here only for PHI buckets.',
      },
      {
        name: 'tags unread, so PHI unknown',
        resource: s3Bucket({ phi: false, properties: { tagsCollected: false } }),
        detail: /^Not assessed: the tags \(and so the PHI classification\)/,
      },
      {
        name: 'versioning not collected',
        resource: s3Bucket({ missing: ['versioning'] }),
        detail: /^Not assessed: the versioning configuration of Bucket northwind-patient-docs/,
      },
    ],
  },
  'aws.s3.replication-account': {
    pass: [
      {
        name: 'replica in the same account',
        resource: s3Bucket(),
        detail:
          'Bucket northwind-patient-docs replicates only to accounts of this assessment: northwind-patient-docs-dr (same account).',
      },
      {
        name: "replica in another account of the run, found from the run's resources",
        resource: s3Bucket({
          properties: {
            replication: {
              enabled: true,
              destinations: [
                {
                  bucketArn: 'arn:aws:s3:::nw-shared-dr',
                  bucket: 'nw-shared-dr',
                  region: null,
                  status: 'Enabled',
                },
              ],
            },
          },
        }),
        context: { resources: [{ ...s3Bucket({ name: 'nw-shared-dr' }), scopeId: '444455556666' }] },
        detail: 'nw-shared-dr (account 444455556666)',
      },
    ],
    fail: [
      {
        name: 'Destination.Account outside the assessed accounts',
        resource: s3Bucket({
          name: 'northwind-support-tickets',
          properties: {
            replication: {
              enabled: true,
              destinations: [
                {
                  bucketArn: 'arn:aws:s3:::vendor-dr',
                  bucket: 'vendor-dr',
                  region: 'us-west-2',
                  status: 'Enabled',
                  account: '999988887777',
                },
              ],
            },
          },
        }),
        detail:
          'Bucket northwind-support-tickets replicates to vendor-dr in another AWS account (999988887777), outside the accounts of this assessment: record it as a business associate in the BAA register (164.308(b)(1)). It is classified as PHI (tag phi=true).',
      },
      {
        name: 'owner unknown',
        resource: s3Bucket({
          properties: {
            replication: {
              enabled: true,
              destinations: [
                {
                  bucketArn: 'arn:aws:s3:::nw-elsewhere',
                  bucket: 'nw-elsewhere',
                  region: null,
                  status: 'Enabled',
                },
              ],
            },
          },
        }),
        detail: 'replicates to nw-elsewhere, whose owning account could not be determined',
      },
    ],
    notApplicable: [
      {
        name: 'no replication',
        resource: s3Bucket({ properties: { replication: { enabled: false, destinations: [] } } }),
        detail: 'has no enabled replication rule.',
      },
      {
        name: 'replication not collected',
        resource: s3Bucket({ missing: ['replication'] }),
        detail: /^Not assessed: the replication configuration/,
      },
    ],
  },
  'aws.s3.public-bucket': {
    pass: [
      {
        name: 'policy not public, no public grants',
        resource: s3Bucket(),
        detail:
          'Bucket northwind-patient-docs is not public: S3 reports its bucket policy as not public (or it has none) and its ACL grants nothing to AllUsers or AuthenticatedUsers.',
      },
      {
        name: 'no Block Public Access but nothing public: a hardening gap, not public',
        resource: s3Bucket({ properties: { publicAccessBlock: null } }),
        detail: 'is not public: S3 reports its bucket policy as not public',
      },
      {
        name: 'public policy and public ACL neutralised by RestrictPublicBuckets and IgnorePublicAcls',
        resource: s3Bucket({
          properties: {
            policyStatus: { isPublic: true },
            acl: { publicGrants: [{ group: 'AllUsers', permission: 'READ' }] },
          },
        }),
        detail:
          'is not public as configured: its bucket policy is public but RestrictPublicBuckets is on; and its ACL has public grants but IgnorePublicAcls is on',
      },
    ],
    fail: [
      {
        name: 'PHI bucket public by ACL without Block Public Access',
        resource: s3Bucket({
          name: 'northwind-telehealth-notes',
          properties: {
            publicAccessBlock: null,
            acl: { publicGrants: [{ group: 'AllUsers', permission: 'READ' }] },
          },
        }),
        detail:
          'Bucket northwind-telehealth-notes is public: its ACL grants READ to AllUsers (anyone on the internet). It is classified as PHI (tag phi=true).',
      },
      {
        name: 'public per policy status, RestrictPublicBuckets off',
        resource: s3Bucket({
          name: 'nw-web-assets',
          phi: false,
          properties: {
            policyStatus: { isPublic: true },
            publicAccessBlock: {
              blockPublicAcls: true,
              ignorePublicAcls: true,
              blockPublicPolicy: false,
              restrictPublicBuckets: false,
            },
          },
        }),
        detail:
          /^Bucket nw-web-assets is public: S3 reports its bucket policy as public \(GetBucketPolicyStatus IsPublic\)\.$/,
      },
      {
        name: 'AuthenticatedUsers grant, policy status unread',
        resource: s3Bucket({
          missing: ['policyStatus'],
          properties: {
            publicAccessBlock: null,
            acl: { publicGrants: [{ group: 'AuthenticatedUsers', permission: 'FULL_CONTROL' }] },
          },
        }),
        detail: 'its ACL grants FULL_CONTROL to AuthenticatedUsers (any AWS account)',
      },
    ],
    notApplicable: [
      {
        name: 'policy status not collected',
        resource: s3Bucket({ missing: ['policyStatus'] }),
        detail: /^Not assessed: the bucket policy status of Bucket northwind-patient-docs/,
      },
      {
        name: 'ACL not collected',
        resource: s3Bucket({ missing: ['acl'] }),
        detail: /^Not assessed: the access control list of Bucket northwind-patient-docs/,
      },
    ],
  },
};
