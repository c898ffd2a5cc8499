import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetBucketLocationCommand, S3Client } from '@aws-sdk/client-s3';
import type { HttpRequest } from '@smithy/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TargetSpec } from '../../../src/kit/model';
import { awsClientsOf } from '../../../src/cloud/aws/clients';
import { closeConnection, connectTarget } from '../../../src/cloud/connect';
import { DeskError } from '../../../src/errors';
import { registry } from '../../../src/services';
import { s3 } from '../../../src/services/aws/s3';
import {
  accountId,
  connectFirst,
  scenario,
  simulatorFor,
  subscriptionId,
  tenantId,
} from '../../support/cloud';

afterEach(() => {
  vi.unstubAllEnvs();
});

const awsTarget = (auth: Record<string, string>): TargetSpec => ({
  provider: 'aws',
  label: 'Northwind prod',
  cloud: 'aws',
  scopeId: accountId,
  regions: ['us-east-1'],
  auth,
});
const azureTarget = (auth: Record<string, string>): TargetSpec => ({
  provider: 'azure',
  label: 'Northwind Azure',
  cloud: 'AzureCloud',
  scopeId: subscriptionId,
  regions: ['eastus'],
  auth,
});

async function failure(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DeskError);
  return error as DeskError;
}

const world = (faults: unknown[] = []) =>
  simulatorFor(
    scenario({
      aws: {
        accounts: [
          {
            accountId,
            label: 'prod',
            regions: ['us-east-1'],
            callerArn: `arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_Auditor_1a2b/jane`,
          },
        ],
      },
      azure: {
        subscriptions: [
          {
            subscriptionId,
            tenantId,
            label: 'sub',
            principal: {
              userPrincipalName: 'jane@northwindvitals.example',
              objectId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
            },
          },
        ],
      },
      faults,
    }),
  );

const operations = registry.operations();

describe('connectTarget', () => {
  it('AWS: records the STS caller identity', async () => {
    const simulator = world();
    const connection = await connectFirst(simulator, 'aws');
    expect(connection.identity).toBe(
      `arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_Auditor_1a2b/jane`,
    );
    expect(simulator.calls.count('aws', 'sts', 'GetCallerIdentity')).toBe(1);
    closeConnection(connection);
  });

  it('Azure: names the principal from the token claims after reading the subscription', async () => {
    const simulator = world();
    const connection = await connectFirst(simulator, 'azure');
    expect(connection.identity).toBe(
      `jane@northwindvitals.example (object a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d, tenant ${tenantId})`,
    );
    expect(simulator.calls.count('azure', 'resources', 'Subscriptions_Get')).toBe(1);
  });

  it('AWS: a missing profile is ACCESS_DENIED naming the profile and the command to run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-aws-'));
    writeFileSync(join(dir, 'config'), '');
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
    const error = await failure(
      connectTarget(awsTarget({ profile: 'nwv-audit' }), { operations, maxAttempts: 1 }),
    );
    expect(error.code).toBe('ACCESS_DENIED');
    expect(error.message).toContain('AWS profile "nwv-audit"');
    expect(error.message).toContain('aws sso login --profile nwv-audit');
  });

  it('AWS: refused credentials (simulated AccessDenied on STS) are ACCESS_DENIED', async () => {
    const simulator = world([{ provider: 'aws', service: 'sts', kind: 'access_denied' }]);
    const error = await failure(connectFirst(simulator, 'aws'));
    expect(error.code).toBe('ACCESS_DENIED');
    expect(error.message).toMatch(
      /^AWS sign-in for "prod" with the simulated cloud failed: .*not authorized to perform: sts:GetCallerIdentity\b.*\. To fix: /,
    );
  });

  it('Azure: a service principal without AZURE_CLIENT_SECRET is BAD_INPUT (a missing setting), before any request', async () => {
    const error = await failure(
      connectTarget(
        azureTarget({ method: 'client-secret', tenantId, clientId: '11111111-2222-4333-8444-555555555555' }),
        { operations, env: {} },
      ),
    );
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toContain('AZURE_CLIENT_SECRET');
  });

  it('Azure: no CLI sign-in is ACCESS_DENIED telling the user to run az login for the tenant', async () => {
    vi.stubEnv('PATH', '/nonexistent');
    const error = await failure(connectTarget(azureTarget({ tenantId }), { operations }));
    expect(error.code).toBe('ACCESS_DENIED');
    expect(error.message).toContain(`az login --tenant ${tenantId}`);
  });

  it('Azure: a principal that cannot read the subscription is ACCESS_DENIED naming it', async () => {
    const simulator = world([{ provider: 'azure', service: 'resources', kind: 'access_denied' }]);
    const error = await failure(connectFirst(simulator, 'azure'));
    expect(error.code).toBe('ACCESS_DENIED');
    expect(error.message).toContain(`cannot read subscription ${subscriptionId}`);
    expect(error.message).toContain('AuthorizationFailed');
  });

  it('a cancelled sign-in is CANCELLED', async () => {
    const simulator = world([{ provider: 'aws', kind: 'latency', ms: 60_000 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await failure(
      connectTarget(simulator.targets()[0]!, { simulator, operations, signal: controller.signal }),
    );
    expect(error.code).toBe('CANCELLED');
  });

  it('AWS: honours AWS_ENDPOINT_URL the SDK way and addresses S3 path-style there', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://localstack.internal:4566');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAEMULATOR000001');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'emulator-secret');
    const requests: HttpRequest[] = [];
    const stsAnswer = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${accountId}:user/emulator</Arn><UserId>AIDAEMULATOR</UserId><Account>${accountId}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
    const handler = {
      async handle(request: HttpRequest) {
        requests.push(request);
        const body =
          request.path.startsWith('/') && request.query?.location !== undefined
            ? '<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">us-west-2</LocationConstraint>'
            : stsAnswer;
        return {
          response: {
            statusCode: 200,
            headers: { 'content-type': 'text/xml' },
            body: new TextEncoder().encode(body),
          },
        };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    };
    const connection = await connectTarget(
      { ...awsTarget({ method: 'env' }), cloud: 'custom' },
      { operations, awsRequestHandler: handler },
    );
    expect(connection.identity).toBe(`arn:aws:iam::${accountId}:user/emulator`);
    const location = await awsClientsOf(connection)
      .client(S3Client, 'us-east-1', s3.clientConfig)
      .send(new GetBucketLocationCommand({ Bucket: 'nwv-bucket' }));
    expect(location.LocationConstraint).toBe('us-west-2');
    expect(requests.map((request) => [request.hostname, request.port])).toEqual([
      ['localstack.internal', 4566],
      ['localstack.internal', 4566],
    ]);
    expect(requests[1]?.path).toBe('/nwv-bucket/'); // path-style: the bucket is in the path, not the host name
  });
});
