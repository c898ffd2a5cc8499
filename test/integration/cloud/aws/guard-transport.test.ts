import {
  DeleteBucketCommand,
  GetBucketCorsCommand,
  GetObjectCommand,
  ListBucketsCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { HttpRequest } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../../src/services';

const declaredOperations = (provider: 'aws' | 'azure') => registry.operations(provider);
import { awsClientsOf, createAwsClientFactory } from '../../../../src/cloud/aws/clients';
import { awsAllowList } from '../../../../src/cloud/aws/guard';
import { DeskError } from '../../../../src/errors';
import { accountId, connectFirst, simulatorFor, scenario } from '../../../support/cloud';

/** A transport that records every request it is handed and never touches the network. */
function spyTransport() {
  const requests: HttpRequest[] = [];
  return {
    requests,
    handler: {
      async handle(request: HttpRequest): Promise<never> {
        requests.push(request);
        throw Object.assign(new Error('the test transport is offline'), { name: 'OfflineTransport' });
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

function guardedS3(transport: ReturnType<typeof spyTransport>): S3Client {
  const factory = createAwsClientFactory({
    partition: 'aws',
    homeRegion: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
    allowList: awsAllowList(declaredOperations('aws')),
    maxAttempts: 1,
    requestHandler: transport.handler,
  });
  return factory.client(S3Client, 'us-east-1');
}

async function refusal(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DeskError);
  return error as DeskError;
}

describe('the AWS read-only guard, in front of a real S3 client', () => {
  it('refuses writes and data-plane reads before any request reaches the transport', async () => {
    const transport = spyTransport();
    const s3 = guardedS3(transport);
    const refused = [
      s3.send(new PutObjectCommand({ Bucket: 'nwv-prod-checkout-orders', Key: 'x.json', Body: '{}' })),
      s3.send(new DeleteBucketCommand({ Bucket: 'nwv-prod-checkout-orders' })),
      s3.send(new GetObjectCommand({ Bucket: 'nwv-prod-checkout-orders', Key: 'orders/2026-11.csv' })),
      s3.send(new PutBucketPolicyCommand({ Bucket: 'nwv-prod-checkout-orders', Policy: '{}' })),
    ];
    for (const attempt of refused) {
      const error = await refusal(attempt);
      expect(error.code).toBe('READ_ONLY_VIOLATION');
      expect(error.message).toMatch(/^Refused S3Client (PutObject|DeleteBucket|GetObject|PutBucketPolicy): /);
    }
    expect(transport.requests).toHaveLength(0);
  });

  it('refuses an undeclared read command too', async () => {
    const transport = spyTransport();
    const error = await refusal(
      guardedS3(transport).send(new GetBucketCorsCommand({ Bucket: 'nwv-prod-checkout-orders' })),
    );
    expect(error.code).toBe('READ_ONLY_VIOLATION');
    expect(error.message).toContain('GetBucketCors is not one of the operations declared for S3Client');
    expect(transport.requests).toHaveLength(0);
  });

  it('refuses before serialization: an invalid write is refused, not rejected by the serializer', async () => {
    const transport = spyTransport();
    const error = await refusal(guardedS3(transport).send(new PutObjectCommand({} as never)));
    expect(error.code).toBe('READ_ONLY_VIOLATION');
  });

  it('lets a declared read through to the transport (the spy sees it)', async () => {
    const transport = spyTransport();
    await expect(guardedS3(transport).send(new ListBucketsCommand({}))).rejects.toThrow(
      'the test transport is offline',
    );
    expect(transport.requests).toHaveLength(1);
    expect(transport.requests[0]?.method).toBe('GET');
  });

  it('refuses in a connected target too, and the simulated cloud never sees the call', async () => {
    const simulator = simulatorFor(
      scenario({
        aws: {
          accounts: [
            {
              accountId,
              label: 'a',
              regions: ['us-east-1'],
              buckets: [{ name: 'phi-bucket', region: 'us-east-1' }],
            },
          ],
        },
      }),
    );
    const connection = await connectFirst(simulator, 'aws');
    const before = simulator.calls.total();
    const error = await refusal(
      awsClientsOf(connection)
        .client(S3Client, 'us-east-1')
        .send(new GetObjectCommand({ Bucket: 'phi-bucket', Key: 'record.json' })),
    );
    expect(error.code).toBe('READ_ONLY_VIOLATION');
    expect(simulator.calls.total()).toBe(before);
    expect(simulator.calls.count('aws', 's3', 'GetObject')).toBe(0);
  });
});
