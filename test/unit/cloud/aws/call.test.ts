import { S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { TargetConnection } from '../../../../src/kit/model';
import { callAws, classifyAwsError } from '../../../../src/cloud/aws/call';
import { DeskError } from '../../../../src/errors';
import { recordingContext } from '../../../support/cloud';

const connection = {
  provider: 'aws',
  target: { provider: 'aws', label: 't', cloud: 'aws', scopeId: '111122223333', regions: [], auth: {} },
  identity: 'x',
  clients: null,
} as TargetConnection;
const spec = {
  service: 's3',
  operation: 'GetBucketPolicy',
  region: 'us-west-2',
  request: { Bucket: 'b' },
  subject: 'b',
  homeRegion: 'us-east-1',
  notConfigured: ['NoSuchBucketPolicy'],
};
const s3Error = (name: string, status: number) =>
  new S3ServiceException({
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status, requestId: 'R1' },
    message: `${name} message`,
  });

describe('classifyAwsError', () => {
  it.each([
    [{ name: 'AccessDenied', message: '', httpStatusCode: 403 }, 'access_denied'],
    [{ name: 'Forbidden', message: '', httpStatusCode: 403 }, 'access_denied'],
    [{ name: 'SlowDown', message: '', httpStatusCode: 503 }, 'throttled'],
    [{ name: 'ThrottlingException', message: '' }, 'throttled'],
    [{ name: 'Whatever', message: '', httpStatusCode: 429 }, 'throttled'],
    [{ name: 'TimeoutError', message: '' }, 'timeout'],
    [{ name: 'Error', message: 'connect ETIMEDOUT 1.2.3.4:443' }, 'timeout'],
    [{ name: 'NoSuchBucket', message: '', httpStatusCode: 404 }, 'not_found'],
    [{ name: 'OptInRequired', message: '' }, 'region_disabled'],
    [{ name: 'InternalError', message: '', httpStatusCode: 500 }, 'error'],
  ])('%o → %s', (error, reason) => {
    expect(classifyAwsError(error, 'us-west-2', 'us-east-1')).toBe(reason);
  });

  it('an invalid token is a disabled region away from home, and refused credentials at home', () => {
    expect(classifyAwsError({ name: 'InvalidToken', message: '' }, 'ap-east-1', 'us-east-1')).toBe(
      'region_disabled',
    );
    expect(classifyAwsError({ name: 'InvalidClientTokenId', message: '' }, 'us-east-1', 'us-east-1')).toBe(
      'access_denied',
    );
  });
});

describe('callAws', () => {
  it('records the response without the per-request $metadata', async () => {
    const ctx = recordingContext(connection);
    const result = await callAws(ctx, spec, async () => ({
      Policy: '{}',
      $metadata: { requestId: 'changes-every-time' },
    }));
    expect(result).toMatchObject({ status: 'ok', evidenceId: 1 });
    expect(ctx.evidence).toEqual([
      {
        id: 1,
        service: 's3',
        operation: 'GetBucketPolicy',
        region: 'us-west-2',
        request: { Bucket: 'b' },
        outcome: 'ok',
        response: { Policy: '{}' },
      },
    ]);
  });

  it('stores the redacted answer as evidence and gives the collector the full one', async () => {
    const ctx = recordingContext(connection);
    const answer = {
      Functions: [{ FunctionName: 'f', Environment: { Variables: { DB_PASSWORD: 'hunter2' } } }],
    };
    const result = await callAws(
      ctx,
      {
        ...spec,
        redact: (body) => JSON.parse(JSON.stringify(body).replace('hunter2', '[redacted]')) as unknown,
      },
      async () => answer,
    );
    expect(result).toMatchObject({ status: 'ok', output: answer });
    expect(JSON.stringify(ctx.evidence)).not.toContain('hunter2');
    expect(JSON.stringify(ctx.evidence)).toContain('[redacted]');
  });

  it('an error that means "not configured" only by its message is a fact; the same code otherwise a gap', async () => {
    const when = (code: string, message: string) =>
      code === 'AccessDeniedException' && /not enabled/.test(message);
    const macie = (message: string) =>
      Object.assign(new Error(message), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 403 },
      });
    const off = recordingContext(connection);
    expect(
      await callAws(off, { ...spec, notConfiguredWhen: when }, async () => {
        throw macie('Macie is not enabled.');
      }),
    ).toMatchObject({ status: 'not_configured' });
    expect(off.gaps).toEqual([]);
    const denied = recordingContext(connection);
    expect(
      await callAws(denied, { ...spec, notConfiguredWhen: when }, async () => {
        throw macie('User is not authorized to perform: macie2:GetMacieSession');
      }),
    ).toMatchObject({ status: 'gap', reason: 'access_denied' });
  });

  it('a "not configured" error is a normal answer, not a gap', async () => {
    const ctx = recordingContext(connection);
    const result = await callAws(ctx, spec, async () => {
      throw s3Error('NoSuchBucketPolicy', 404);
    });
    expect(result).toEqual({ status: 'not_configured', errorCode: 'NoSuchBucketPolicy', evidenceId: 1 });
    expect(ctx.evidence[0]).toMatchObject({
      outcome: 'ok',
      response: { notConfigured: true, errorCode: 'NoSuchBucketPolicy' },
    });
    expect(ctx.gaps).toEqual([]);
  });

  it('any other error becomes evidence and a gap naming the bucket and region', async () => {
    const ctx = recordingContext(connection);
    const result = await callAws(ctx, spec, async () => {
      throw s3Error('AccessDenied', 403);
    });
    expect(result).toEqual({
      status: 'gap',
      reason: 'access_denied',
      errorCode: 'AccessDenied',
      evidenceId: 1,
    });
    expect(ctx.evidence[0]).toMatchObject({
      outcome: 'error',
      errorCode: 'AccessDenied',
      response: { name: 'AccessDenied', httpStatusCode: 403, message: 'AccessDenied message' },
    });
    expect(ctx.gaps).toEqual([
      {
        service: 's3',
        operation: 'GetBucketPolicy',
        region: 'us-west-2',
        reason: 'access_denied',
        message: 'GetBucketPolicy for b in us-west-2 failed: AccessDenied: AccessDenied message',
        evidenceId: 1,
      },
    ]);
  });

  it('a refused command is rethrown, never hidden as a gap', async () => {
    const ctx = recordingContext(connection);
    await expect(
      callAws(ctx, spec, async () => {
        throw new DeskError('READ_ONLY_VIOLATION', 'Refused');
      }),
    ).rejects.toMatchObject({ code: 'READ_ONLY_VIOLATION' });
    expect(ctx.gaps).toEqual([]);
  });

  it('an aborted run rethrows CANCELLED and records nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const ctx = recordingContext(connection, controller.signal);
    await expect(
      callAws(ctx, spec, async () => {
        throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(ctx.evidence).toEqual([]);
  });
});
