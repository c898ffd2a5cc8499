import { describe, expect, it } from 'vitest';
import { encryptionFrom, isAwsManagedSnsKey, numberOrNull, policyFrom, topicName } from './normalize';
import { defaultTopicPolicy } from './sim';

/** Plain objects shaped like the SNS answers: attribute values are strings, unset ones absent. */

describe('topic attributes', () => {
  it('names a topic by the last part of its ARN', () => {
    expect(topicName('arn:aws:sns:us-east-1:111122223333:orders.fifo')).toBe('orders.fifo');
  });

  it('reads KmsMasterKeyId: absent or empty = no SSE; alias/aws/sns = the AWS managed key', () => {
    expect(encryptionFrom({})).toEqual({ kmsMasterKeyId: null, awsManagedKey: false });
    expect(encryptionFrom({ KmsMasterKeyId: ' ' })).toEqual({ kmsMasterKeyId: null, awsManagedKey: false });
    expect(encryptionFrom({ KmsMasterKeyId: 'alias/aws/sns' }).awsManagedKey).toBe(true);
    expect(isAwsManagedSnsKey('arn:aws:kms:us-east-1:1:alias/aws/sns')).toBe(true);
    expect(isAwsManagedSnsKey('alias/nwv-phi')).toBe(false);
  });

  it('reads numbers written as strings', () => {
    expect(numberOrNull('3')).toBe(3);
    expect(numberOrNull(undefined)).toBeNull();
    expect(numberOrNull('many')).toBeNull();
  });
});

describe('policyFrom', () => {
  const policy = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

  it("counts SNS's default policy as a conditioned grant, not a public one", () => {
    const parsed = policyFrom(
      JSON.stringify(defaultTopicPolicy('arn:aws:sns:us-east-1:1:t', '111122223333')),
    );
    expect(parsed).toMatchObject({
      present: true,
      parsed: true,
      publicGrants: [],
      conditionedPublicGrants: 1,
      denyInsecureTransport: 'none',
    });
  });

  it('tells a TLS Deny on all actions from one on SNS:Publish, in any case', () => {
    const deny = (Action: unknown) =>
      policyFrom(
        policy({
          Effect: 'Deny',
          Principal: '*',
          Action,
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      ).denyInsecureTransport;
    expect(deny('sns:*')).toBe('all-actions');
    expect(deny('*')).toBe('all-actions');
    expect(deny(['SNS:Publish'])).toBe('publish');
    expect(deny('sns:publish')).toBe('publish');
    expect(deny('SNS:Subscribe')).toBe('none');
  });

  it('lists unconditioned grants to everyone; keeps a non-JSON policy without claims', () => {
    expect(
      policyFrom(
        policy({ Sid: 'Open', Effect: 'Allow', Principal: { AWS: ['*'] }, NotAction: 'SNS:DeleteTopic' }),
      ).publicGrants,
    ).toEqual([{ sid: 'Open', actions: ['SNS:DeleteTopic'], notAction: true }]);
    expect(policyFrom('{oops')).toMatchObject({ present: true, parsed: false, document: '{oops' });
    expect(policyFrom(undefined).present).toBe(false);
  });
});
