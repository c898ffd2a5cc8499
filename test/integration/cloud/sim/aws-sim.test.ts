import {
  GetBucketEncryptionCommand,
  GetBucketLoggingCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { callAws } from '../../../../src/cloud/aws/call';
import { awsClientsOf } from '../../../../src/cloud/aws/clients';
import { DeskError } from '../../../../src/errors';
import { accountId, connectFirst, recordingContext, scenario, simulatorFor } from '../../../support/cloud';

const buckets = Array.from({ length: 7 }, (_, i) => ({
  name: `bucket-${String(i).padStart(2, '0')}`,
  region: i % 2 === 0 ? 'us-east-1' : 'us-west-2',
}));

type Connection = Awaited<ReturnType<typeof connectFirst>>;
type Ctx = ReturnType<typeof recordingContext>;

/** GetBucketLogging on bucket-00 in us-east-1, through callAws as a collector makes it. */
function getLogging(ctx: Ctx, connection: Connection) {
  return callAws(
    ctx,
    {
      service: 's3',
      operation: 'GetBucketLogging',
      region: 'us-east-1',
      request: { Bucket: 'bucket-00' },
      homeRegion: 'us-east-1',
    },
    (abortSignal) =>
      awsClientsOf(connection)
        .client(S3Client, 'us-east-1')
        .send(new GetBucketLoggingCommand({ Bucket: 'bucket-00' }), { abortSignal }),
  );
}

/** ListBuckets in `region`, through callAws as a collector makes it. */
function listBuckets(ctx: Ctx, connection: Connection, region = 'us-east-1') {
  return callAws(
    ctx,
    { service: 's3', operation: 'ListBuckets', region, request: {}, homeRegion: 'us-east-1' },
    (abortSignal) =>
      awsClientsOf(connection).client(S3Client, region).send(new ListBucketsCommand({}), { abortSignal }),
  );
}

function world(faults: unknown[] = [], simulation: unknown = { awsPageSize: 3 }) {
  return simulatorFor(
    scenario({
      simulation,
      aws: { accounts: [{ accountId, label: 'prod', regions: ['us-east-1', 'us-west-2'], buckets }] },
      faults,
    }),
  );
}

describe('the simulated AWS, through a real S3 client', () => {
  it('pages ListBuckets with real ContinuationToken / MaxBuckets markers', async () => {
    const simulator = world();
    const s3 = awsClientsOf(await connectFirst(simulator, 'aws')).client(S3Client, 'us-east-1');
    const names: string[] = [];
    const tokens: (string | undefined)[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListBucketsCommand({ MaxBuckets: 5, ...(token ? { ContinuationToken: token } : {}) }),
      );
      names.push(...(page.Buckets ?? []).map((bucket) => bucket.Name ?? ''));
      token = page.ContinuationToken;
      tokens.push(token);
      expect(page.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    } while (token);
    expect(names).toEqual(buckets.map((bucket) => bucket.name));
    expect(tokens).toHaveLength(3);
    expect(simulator.calls.count('aws', 's3', 'ListBuckets')).toBe(3);
  });

  it('answers the real "not configured" error, and the real output shape when configured', async () => {
    const simulator = simulatorFor(
      scenario({
        aws: {
          accounts: [
            {
              accountId,
              label: 'prod',
              regions: ['us-east-1'],
              buckets: [
                { name: 'plain', region: 'us-east-1' },
                {
                  name: 'kms',
                  region: 'us-east-1',
                  encryption: {
                    algorithm: 'aws:kms',
                    kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/k',
                    bucketKeyEnabled: true,
                  },
                },
              ],
            },
          ],
        },
      }),
    );
    const s3 = awsClientsOf(await connectFirst(simulator, 'aws')).client(S3Client, 'us-east-1');
    await expect(s3.send(new GetBucketEncryptionCommand({ Bucket: 'plain' }))).rejects.toMatchObject({
      name: 'ServerSideEncryptionConfigurationNotFoundError',
      $metadata: { httpStatusCode: 404 },
    });
    const answer = await s3.send(new GetBucketEncryptionCommand({ Bucket: 'kms' }));
    expect(answer.ServerSideEncryptionConfiguration?.Rules?.[0]).toEqual({
      ApplyServerSideEncryptionByDefault: {
        SSEAlgorithm: 'aws:kms',
        KMSMasterKeyID: 'arn:aws:kms:us-east-1:111122223333:key/k',
      },
      BucketKeyEnabled: true,
    });
    expect(await s3.send(new GetBucketLoggingCommand({ Bucket: 'plain' }))).not.toHaveProperty(
      'LoggingEnabled',
    );
  });

  it('throttling is retried by the SDK and then succeeds', async () => {
    const simulator = world([
      { provider: 'aws', service: 's3', operation: 'GetBucketLogging', kind: 'throttle', times: 1 },
    ]);
    const connection = await connectFirst(simulator, 'aws', { maxAttempts: 3 });
    const ctx = recordingContext(connection);
    const result = await getLogging(ctx, connection);
    expect(result.status).toBe('ok');
    expect(simulator.calls.count('aws', 's3', 'GetBucketLogging')).toBe(2);
    expect(ctx.gaps).toEqual([]);
  });

  it('throttling that never clears becomes a "throttled" gap after the SDK gives up', async () => {
    const simulator = world([
      { provider: 'aws', service: 's3', operation: 'GetBucketLogging', kind: 'throttle' },
    ]);
    const connection = await connectFirst(simulator, 'aws', { maxAttempts: 2 });
    const ctx = recordingContext(connection);
    const result = await getLogging(ctx, connection);
    expect(result).toMatchObject({ status: 'gap', reason: 'throttled', errorCode: 'SlowDown' });
    expect(simulator.calls.count('aws', 's3', 'GetBucketLogging')).toBe(2);
    expect(ctx.gaps).toEqual([
      expect.objectContaining({ reason: 'throttled', operation: 'GetBucketLogging', region: 'us-east-1' }),
    ]);
    expect(ctx.evidence[0]).toMatchObject({
      outcome: 'error',
      errorCode: 'SlowDown',
      response: { name: 'SlowDown', httpStatusCode: 503 },
    });
  });

  it('a region the account has not enabled answers like AWS does, and becomes a region_disabled gap', async () => {
    const simulator = world();
    const connection = await connectFirst(simulator, 'aws');
    const ctx = recordingContext(connection);
    const result = await listBuckets(ctx, connection, 'ap-east-1');
    expect(result).toMatchObject({ status: 'gap', reason: 'region_disabled', errorCode: 'InvalidToken' });
  });

  it('a bucket addressed through the wrong region is redirected, as in AWS', async () => {
    const simulator = world();
    const s3 = awsClientsOf(await connectFirst(simulator, 'aws')).client(S3Client, 'us-west-2');
    await expect(s3.send(new GetBucketLoggingCommand({ Bucket: 'bucket-00' }))).rejects.toMatchObject({
      name: 'PermanentRedirect',
      $metadata: { httpStatusCode: 301 },
    });
  });

  it('latency longer than the request timeout is a timeout, retried and then a "timeout" gap', async () => {
    const simulator = world([{ provider: 'aws', service: 's3', kind: 'latency', ms: 5_000 }]);
    const connection = await connectFirst(simulator, 'aws', { requestTimeoutMs: 30, maxAttempts: 2 });
    const ctx = recordingContext(connection);
    const result = await listBuckets(ctx, connection);
    expect(result).toMatchObject({ status: 'gap', reason: 'timeout', errorCode: 'TimeoutError' });
    expect(simulator.calls.count('aws', 's3', 'ListBuckets')).toBe(2);
  });

  it('injected latency ends as soon as the run is cancelled, and the call rethrows CANCELLED', async () => {
    const simulator = world([{ provider: 'aws', service: 's3', kind: 'latency', ms: 60_000 }]);
    const connection = await connectFirst(simulator, 'aws');
    const controller = new AbortController();
    const ctx = recordingContext(connection, controller.signal);
    const started = Date.now();
    const pending = listBuckets(ctx, connection);
    setTimeout(() => controller.abort(), 20);
    const error = await pending.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ctx.evidence).toEqual([]);
  });
});
