import { describe, expect, it } from 'vitest';
import type { S3BucketProperties } from './resource';
import { s3 } from '.';
import {
  accountId,
  connectFirst,
  fullBlock,
  recordingContext,
  scenario,
  simulatorFor,
  tlsOnlyPolicy,
} from '../../../../test/support/cloud';

const compliant = {
  name: 'nwv-orders',
  region: 'us-west-2',
  tags: { phi: 'true', app: 'checkout' },
  encryption: {
    algorithm: 'aws:kms',
    kmsKeyId: 'arn:aws:kms:us-west-2:111122223333:key/k1',
    bucketKeyEnabled: true,
  },
  policy: tlsOnlyPolicy('nwv-orders'),
  publicAccessBlock: fullBlock,
  versioning: 'Enabled',
  logging: { targetBucket: 'nwv-logs', targetPrefix: 'orders/' },
  replication: {
    role: 'arn:aws:iam::111122223333:role/repl',
    rules: [{ id: 'dr', destinationBucket: 'arn:aws:s3:::nwv-orders-dr' }],
  },
};
const failing = { name: 'nwv-scratch', region: 'us-west-2' };
const replica = {
  name: 'nwv-orders-dr',
  region: 'eu-west-1',
  tags: { phi: 'true' },
  encryption: { algorithm: 'AES256' },
};

function world(
  extra: { buckets?: unknown[]; faults?: unknown[]; externalBuckets?: unknown[]; simulation?: unknown } = {},
) {
  return simulatorFor(
    scenario({
      ...(extra.simulation ? { simulation: extra.simulation } : {}),
      aws: {
        accounts: [
          {
            accountId,
            label: 'prod',
            regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
            buckets: [compliant, failing, replica, ...(extra.buckets ?? [])],
          },
        ],
        externalBuckets: extra.externalBuckets ?? [],
      },
      faults: extra.faults ?? [],
    }),
  );
}

async function collect(simulator: ReturnType<typeof world>) {
  const ctx = recordingContext(await connectFirst(simulator, 'aws'));
  const resources = await s3.collector.collect(ctx);
  const byName = (name: string) => resources.find((resource) => resource.name === name)!;
  return {
    ctx,
    resources,
    byName,
    properties: (name: string) => byName(name).properties as S3BucketProperties,
  };
}

describe('the S3 collector', () => {
  it('describes a compliant bucket with the documented properties', async () => {
    const { byName, properties } = await collect(world());
    expect(byName('nwv-orders')).toMatchObject({
      provider: 'aws',
      type: 'aws.s3.bucket',
      nativeId: 'arn:aws:s3:::nwv-orders',
      scopeId: accountId,
      region: 'us-west-2',
      tags: { phi: 'true', app: 'checkout' },
      phi: false,
      phiReason: null,
    });
    expect(properties('nwv-orders')).toEqual({
      tagsCollected: true,
      creationDate: '2023-01-15T10:00:00.000Z',
      encryption: {
        enabled: true,
        algorithm: 'aws:kms',
        kmsKeyId: 'arn:aws:kms:us-west-2:111122223333:key/k1',
        bucketKeyEnabled: true,
      },
      policy: {
        present: true,
        denyInsecureTransport: true,
        allowsPublicPrincipal: false,
        document: tlsOnlyPolicy('nwv-orders'),
      },
      publicAccessBlock: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: true,
        restrictPublicBuckets: true,
      },
      logging: { enabled: true, targetBucket: 'nwv-logs', targetPrefix: 'orders/' },
      versioning: { status: 'Enabled', mfaDelete: false },
      policyStatus: { isPublic: false },
      acl: { publicGrants: [] },
      replication: {
        enabled: true,
        destinations: [
          {
            bucketArn: 'arn:aws:s3:::nwv-orders-dr',
            bucket: 'nwv-orders-dr',
            region: 'eu-west-1',
            status: 'Enabled',
            account: accountId,
          },
        ],
      },
    });
  });

  it('describes a bucket with nothing configured: "not configured" answers are facts, not gaps', async () => {
    const { ctx, byName, properties } = await collect(world());
    expect(byName('nwv-scratch').tags).toEqual({});
    expect(properties('nwv-scratch')).toEqual({
      tagsCollected: true,
      creationDate: '2023-01-15T10:00:00.000Z',
      encryption: { enabled: false, algorithm: null, kmsKeyId: null, bucketKeyEnabled: false },
      policy: { present: false, denyInsecureTransport: false, allowsPublicPrincipal: false, document: null },
      publicAccessBlock: null,
      logging: { enabled: false, targetBucket: null, targetPrefix: null },
      // GetBucketVersioning on a never-versioned bucket: an empty VersioningConfiguration, no Status.
      versioning: { status: null, mfaDelete: false },
      // GetBucketPolicyStatus without a policy: NoSuchBucketPolicy, read as "not public by policy".
      policyStatus: { isPublic: false },
      acl: { publicGrants: [] },
      replication: { enabled: false, destinations: [] },
    });
    expect(ctx.gaps).toEqual([]);
    const notConfigured = ctx.evidence.filter(
      (row) => row.request && (row.request as { Bucket?: string }).Bucket === 'nwv-scratch' && row.errorCode,
    );
    expect(notConfigured.map((row) => [row.operation, row.outcome, row.errorCode])).toEqual(
      expect.arrayContaining([
        ['GetBucketEncryption', 'ok', 'ServerSideEncryptionConfigurationNotFoundError'],
        ['GetBucketPolicy', 'ok', 'NoSuchBucketPolicy'],
        ['GetPublicAccessBlock', 'ok', 'NoSuchPublicAccessBlockConfiguration'],
        ['GetBucketReplication', 'ok', 'ReplicationConfigurationNotFoundError'],
        ['GetBucketTagging', 'ok', 'NoSuchTagSet'],
        ['GetBucketPolicyStatus', 'ok', 'NoSuchBucketPolicy'],
      ]),
    );
  });

  it("calls each bucket's own region and links every evidence row to the resource", async () => {
    const { ctx, byName } = await collect(world());
    const rows = ctx.evidence.filter(
      (row) => (row.request as { Bucket?: string }).Bucket === 'nwv-orders-dr',
    );
    expect(new Set(rows.map((row) => row.region))).toEqual(new Set(['eu-west-1']));
    const ids = byName('nwv-orders-dr').evidenceIds;
    expect(ids).toHaveLength(11); // ListBuckets page, GetBucketLocation, nine configuration reads
    for (const row of rows) expect(ids).toContain(row.id);
  });

  it('resolves replication destinations outside the account by GetBucketLocation, else leaves the region unknown', async () => {
    const simulator = world({
      buckets: [
        {
          name: 'to-vendor',
          region: 'us-west-2',
          replication: {
            role: 'arn:aws:iam::111122223333:role/r',
            rules: [{ id: 'v', destinationBucket: 'vendor-dr-apse2' }],
          },
        },
        {
          name: 'to-nowhere',
          region: 'us-west-2',
          replication: {
            role: 'arn:aws:iam::111122223333:role/r',
            rules: [{ id: 'n', status: 'Disabled', destinationBucket: 'deleted-bucket' }],
          },
        },
      ],
      externalBuckets: [{ name: 'vendor-dr-apse2', region: 'ap-southeast-2' }],
    });
    const { ctx, properties } = await collect(simulator);
    expect(properties('to-vendor').replication?.destinations).toEqual([
      {
        bucketArn: 'arn:aws:s3:::vendor-dr-apse2',
        bucket: 'vendor-dr-apse2',
        region: 'ap-southeast-2',
        status: 'Enabled',
        // No Destination.Account in the rule and not one of ours: the owner is unknown, not assumed.
        account: null,
      },
    ]);
    expect(properties('to-nowhere').replication).toEqual({
      enabled: false,
      destinations: [
        {
          bucketArn: 'arn:aws:s3:::deleted-bucket',
          bucket: 'deleted-bucket',
          region: null,
          status: 'Disabled',
          account: null,
        },
      ],
    });
    expect(ctx.gaps).toEqual([
      expect.objectContaining({
        operation: 'GetBucketLocation',
        reason: 'not_found',
        message: expect.stringContaining('deleted-bucket'),
      }),
    ]);
  });

  it('takes the destination owner from Destination.Account, and reads Suspended versioning and MFA delete', async () => {
    const simulator = world({
      buckets: [
        {
          name: 'to-vendor',
          region: 'us-west-2',
          versioning: 'Suspended',
          mfaDelete: 'Disabled',
          replication: {
            role: 'arn:aws:iam::111122223333:role/r',
            rules: [
              { id: 'v', destinationBucket: 'vendor-dr-apse2', account: '999988887777', ownerOverride: true },
            ],
          },
        },
      ],
      externalBuckets: [
        { name: 'vendor-dr-apse2', region: 'ap-southeast-2', ownerAccountId: '999988887777' },
      ],
    });
    const { ctx, properties } = await collect(simulator);
    expect(properties('to-vendor').replication?.destinations[0]).toMatchObject({
      bucket: 'vendor-dr-apse2',
      account: '999988887777',
    });
    expect(properties('to-vendor').versioning).toEqual({ status: 'Suspended', mfaDelete: false });
    const row = ctx.evidence.find(
      (each) =>
        each.operation === 'GetBucketVersioning' &&
        (each.request as { Bucket?: string }).Bucket === 'to-vendor',
    );
    expect(row).toMatchObject({ outcome: 'ok', region: 'us-west-2' });
  });

  it("reads S3's policy status and the public group grants of the ACL, ignoring the owner and LogDelivery", async () => {
    const simulator = world({
      buckets: [
        {
          name: 'nwv-open',
          region: 'us-east-1',
          policy: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: '*',
                Action: 's3:GetObject',
                Resource: 'arn:aws:s3:::nwv-open/*',
              },
            ],
          },
          aclGrants: [
            { group: 'AllUsers', permission: 'READ' },
            { group: 'LogDelivery', permission: 'WRITE' },
          ],
        },
      ],
    });
    const { properties } = await collect(simulator);
    expect(properties('nwv-open').policyStatus).toEqual({ isPublic: true });
    expect(properties('nwv-open').acl).toEqual({ publicGrants: [{ group: 'AllUsers', permission: 'READ' }] });
    expect(properties('nwv-orders').policyStatus).toEqual({ isPublic: false });
  });

  it('a refused destination lookup leaves the region null and records an access_denied gap', async () => {
    // Own buckets are located through their own regions; the destination lookup goes through us-east-1.
    const simulator = world({
      buckets: [
        {
          name: 'to-vendor',
          region: 'us-west-2',
          replication: {
            role: 'arn:aws:iam::111122223333:role/r',
            rules: [{ id: 'v', destinationBucket: 'vendor-dr-apse2' }],
          },
        },
      ],
      externalBuckets: [{ name: 'vendor-dr-apse2', region: 'ap-southeast-2' }],
      faults: [
        {
          provider: 'aws',
          service: 's3',
          operation: 'GetBucketLocation',
          region: 'us-east-1',
          kind: 'access_denied',
        },
      ],
    });
    const { ctx, properties } = await collect(simulator);
    expect(properties('to-vendor').replication?.destinations[0]?.region).toBeNull();
    expect(ctx.gaps).toEqual([
      expect.objectContaining({ operation: 'GetBucketLocation', reason: 'access_denied' }),
    ]);
  });

  it('AccessDenied on one read leaves that property undefined (not assessed) and records a gap', async () => {
    const simulator = world({
      faults: [{ provider: 'aws', service: 's3', operation: 'GetBucketPolicy', kind: 'access_denied' }],
    });
    const { ctx, properties } = await collect(simulator);
    for (const name of ['nwv-orders', 'nwv-scratch', 'nwv-orders-dr']) {
      expect(properties(name).policy).toBeUndefined();
      expect(properties(name).encryption).toBeDefined();
    }
    expect(ctx.gaps).toHaveLength(3);
    expect(
      ctx.gaps.every(
        (gap) =>
          gap.reason === 'access_denied' &&
          gap.operation === 'GetBucketPolicy' &&
          gap.evidenceId !== undefined,
      ),
    ).toBe(true);
  });

  it('refused tags are unknown, not empty', async () => {
    const simulator = world({
      faults: [{ provider: 'aws', service: 's3', operation: 'GetBucketTagging', kind: 'access_denied' }],
    });
    const { byName, properties } = await collect(simulator);
    expect(byName('nwv-orders').tags).toEqual({});
    expect(properties('nwv-orders').tagsCollected).toBe(false);
  });

  it('lists every bucket across ListBuckets pages', async () => {
    const extra = Array.from({ length: 6 }, (_, i) => ({ name: `extra-${i}`, region: 'us-east-1' }));
    const simulator = world({ buckets: extra, simulation: { awsPageSize: 2 } });
    const { resources } = await collect(simulator);
    expect(resources).toHaveLength(9);
    expect(simulator.calls.count('aws', 's3', 'ListBuckets')).toBe(5);
  });

  it('uses the GovCloud partition in ARNs', async () => {
    const simulator = simulatorFor(
      scenario({
        aws: {
          accounts: [
            {
              accountId,
              label: 'gov',
              partition: 'aws-us-gov',
              regions: ['us-gov-west-1'],
              buckets: [{ name: 'gov-phi', region: 'us-gov-west-1' }],
            },
          ],
        },
      }),
    );
    const ctx = recordingContext(await connectFirst(simulator, 'aws'));
    const [bucket] = await s3.collector.collect(ctx);
    expect(bucket).toMatchObject({ nativeId: 'arn:aws-us-gov:s3:::gov-phi', region: 'us-gov-west-1' });
    expect(ctx.connection.identity).toBe(
      `arn:aws-us-gov:sts::${accountId}:assumed-role/PhiAuditDeskReadOnly/phi-audit-desk`,
    );
  });
});
