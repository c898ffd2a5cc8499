import { describe, expect, it } from 'vitest';
import {
  deadLetterTargetFrom,
  encryptionFrom,
  isAwsManagedSqsKey,
  policyFrom,
  queueUrlParts,
  retentionFrom,
  sqsQueueArn,
} from './normalize';

/** Plain objects shaped like the SQS answers: attribute values are strings, unset ones absent. */

describe('queueUrlParts', () => {
  it('reads the account and name from the URL ListQueues answers', () => {
    expect(queueUrlParts('https://sqs.us-east-1.amazonaws.com/210987654321/nwv-support-tickets')).toEqual({
      accountId: '210987654321',
      name: 'nwv-support-tickets',
    });
    expect(queueUrlParts('https://queue.amazonaws.com/210987654321/orders.fifo')).toEqual({
      accountId: '210987654321',
      name: 'orders.fifo',
    });
    expect(queueUrlParts('https://us-west-2.queue.amazonaws.com/210987654321/legacy')?.name).toBe('legacy');
    expect(queueUrlParts('not a url')).toBeNull();
  });

  it('builds the queue ARN', () => {
    expect(sqsQueueArn('aws-us-gov', 'us-gov-west-1', '111122223333', 'q')).toBe(
      'arn:aws-us-gov:sqs:us-gov-west-1:111122223333:q',
    );
  });
});

describe('encryptionFrom', () => {
  it('SSE-KMS with a customer managed key: KmsMasterKeyId and its reuse period', () => {
    expect(
      encryptionFrom({
        KmsMasterKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-44cd-96ef-1234567890ab',
        KmsDataKeyReusePeriodSeconds: '300',
        SqsManagedSseEnabled: 'false',
      }),
    ).toEqual({
      kind: 'sse-kms',
      kmsMasterKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-44cd-96ef-1234567890ab',
      awsManagedKey: false,
      dataKeyReusePeriodSeconds: 300,
    });
  });

  it('SSE-KMS under the AWS managed key, named by alias or alias ARN', () => {
    expect(encryptionFrom({ KmsMasterKeyId: 'alias/aws/sqs' })).toMatchObject({
      kind: 'sse-kms',
      awsManagedKey: true,
      dataKeyReusePeriodSeconds: null,
    });
    expect(isAwsManagedSqsKey('arn:aws:kms:us-east-1:111122223333:alias/aws/sqs')).toBe(true);
    expect(isAwsManagedSqsKey('alias/nwv-orders')).toBe(false);
  });

  it("SSE-SQS: SqsManagedSseEnabled 'true' and no KmsMasterKeyId", () => {
    expect(encryptionFrom({ SqsManagedSseEnabled: 'true', QueueArn: 'arn:aws:sqs:us-east-1:1:q' })).toEqual({
      kind: 'sse-sqs',
      kmsMasterKeyId: null,
      awsManagedKey: false,
      dataKeyReusePeriodSeconds: null,
    });
  });

  it("none: SqsManagedSseEnabled 'false', or absent on a queue older than SSE-SQS", () => {
    expect(encryptionFrom({ SqsManagedSseEnabled: 'false' }).kind).toBe('none');
    expect(encryptionFrom({ QueueArn: 'arn:aws:sqs:us-east-1:1:q' }).kind).toBe('none');
    // An empty KmsMasterKeyId is no key.
    expect(encryptionFrom({ KmsMasterKeyId: '', SqsManagedSseEnabled: 'false' }).kind).toBe('none');
  });
});

describe('retention and redrive', () => {
  it('reads MessageRetentionPeriod as a number of seconds', () => {
    expect(retentionFrom({ MessageRetentionPeriod: '1209600' })).toBe(1209600);
    expect(retentionFrom({})).toBeNull();
    expect(retentionFrom({ MessageRetentionPeriod: 'soon' })).toBeNull();
  });

  it('reads the dead-letter target from the RedrivePolicy JSON string', () => {
    expect(
      deadLetterTargetFrom({
        RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:1:dlq","maxReceiveCount":5}',
      }),
    ).toBe('arn:aws:sqs:us-east-1:1:dlq');
    expect(deadLetterTargetFrom({})).toBeNull();
    expect(deadLetterTargetFrom({ RedrivePolicy: '{broken' })).toBeNull();
  });
});

describe('policyFrom', () => {
  const policy = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

  it('no Policy attribute: no policy, nothing public, nothing denied', () => {
    expect(policyFrom(undefined)).toEqual({
      present: false,
      parsed: true,
      publicGrants: [],
      conditionedPublicGrants: 0,
      denyInsecureTransport: false,
      document: null,
    });
  });

  it('lists unconditioned grants to "*" and {"AWS":"*"}, counts conditioned ones', () => {
    const parsed = policyFrom(
      policy(
        { Sid: 'Open', Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' },
        { Effect: 'Allow', Principal: { AWS: ['*'] }, NotAction: ['sqs:DeleteQueue'], Resource: '*' },
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'sqs:SendMessage',
          Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:1:t' } },
        },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sqs:*' },
        { Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage' },
      ),
    );
    expect(parsed.publicGrants).toEqual([
      { sid: 'Open', actions: ['sqs:SendMessage'], notAction: false },
      { sid: null, actions: ['sqs:DeleteQueue'], notAction: true },
    ]);
    expect(parsed.conditionedPublicGrants).toBe(1);
    expect(parsed.denyInsecureTransport).toBe(false);
  });

  it('an empty Condition object restricts nothing', () => {
    const parsed = policyFrom(policy({ Effect: 'Allow', Principal: '*', Action: 'sqs:*', Condition: {} }));
    expect(parsed.publicGrants).toHaveLength(1);
  });

  it('finds the TLS-only Deny whatever the spelling of the Condition value', () => {
    const deny = (Action: unknown, value: unknown, operator = 'Bool') =>
      policyFrom(
        policy({
          Effect: 'Deny',
          Principal: '*',
          Action,
          Condition: { [operator]: { 'aws:SecureTransport': value } },
        }),
      ).denyInsecureTransport;
    expect(deny('sqs:*', 'false')).toBe(true);
    expect(deny('SQS:*', false)).toBe(true);
    expect(deny(['*'], ['false'], 'BoolIfExists')).toBe(true);
    expect(deny('sqs:SendMessage', 'false')).toBe(false);
    expect(deny('sqs:*', 'true')).toBe(false);
  });

  it('keeps a Policy attribute that is not JSON, claiming nothing from it', () => {
    expect(policyFrom('{oops')).toMatchObject({
      present: true,
      parsed: false,
      publicGrants: [],
      document: '{oops',
    });
  });
});
