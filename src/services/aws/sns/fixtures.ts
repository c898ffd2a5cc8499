import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { encryptionFrom, policyFrom } from './normalize';
import type { SnsTopicProperties } from './resource';
import { defaultTopicPolicy } from './sim';

/** Topics as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const NAME = 'nwv-appointment-events';
const arnOf = (name: string) => `arn:aws:sns:us-east-1:${ACCOUNT}:${name}`;

const tlsOnly = {
  Sid: 'AllowPublishThroughSSLOnly',
  Effect: 'Deny',
  Principal: '*',
  Action: 'SNS:Publish',
  Resource: arnOf(NAME),
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

export const policyWith = (...statements: Record<string, unknown>[]) =>
  policyFrom(JSON.stringify({ Version: '2012-10-17', Statement: statements }));

function topic(
  options: {
    name?: string;
    phi?: boolean;
    properties?: Partial<Record<keyof SnsTopicProperties, unknown>>;
    missing?: (keyof SnsTopicProperties)[];
  } = {},
): NormalizedResource {
  const name = options.name ?? NAME;
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = {
    topicArn: arnOf(name),
    fifo: name.endsWith('.fifo'),
    encryption: encryptionFrom({
      KmsMasterKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-44cd-96ef-1234567890ab',
    }),
    policy: policyWith(tlsOnly),
    subscriptionsConfirmed: 2,
    tagsCollected: true,
    ...options.properties,
  };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.sns.topic',
    nativeId: arnOf(name),
    name,
    scopeId: ACCOUNT,
    region: 'us-east-1',
    tags: phi ? { phi: 'true' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2, 3],
  };
}

const defaultPolicy = policyFrom(JSON.stringify(defaultTopicPolicy(arnOf(NAME), ACCOUNT)));

export const snsFixtures: ServiceFixtures = {
  'aws.sns.encryption-at-rest': {
    pass: [
      {
        name: 'customer managed key',
        resource: topic(),
        detail: 'encrypts messages at rest under KMS key arn:aws:kms',
      },
      {
        name: 'AWS managed key',
        resource: topic({ properties: { encryption: encryptionFrom({ KmsMasterKeyId: 'alias/aws/sns' }) } }),
        detail: 'under the AWS managed key alias/aws/sns',
      },
    ],
    fail: [
      {
        name: 'no KmsMasterKeyId on a PHI topic',
        resource: topic({
          name: 'nwv-support-ticket-created',
          properties: { encryption: encryptionFrom({}) },
        }),
        detail:
          'has no server-side encryption (no KmsMasterKeyId): its messages are stored unencrypted until delivered. It is classified as PHI',
      },
    ],
    notApplicable: [
      {
        name: 'attributes unread',
        resource: topic({ missing: ['encryption'] }),
        detail: /Not assessed:.*GetTopicAttributes/,
      },
    ],
  },
  'aws.sns.policy-public': {
    pass: [
      {
        name: "SNS's default policy (AWS:SourceOwner condition)",
        resource: topic({ properties: { policy: defaultPolicy } }),
        detail: '1 statement(s) allow Principal "*" with a Condition',
      },
      {
        name: 'no public statement',
        resource: topic(),
        detail: 'has no statement that allows Principal "*" without a Condition.',
      },
    ],
    fail: [
      {
        name: 'Subscribe open to everyone',
        resource: topic({
          name: 'nwv-order-status-webhooks',
          phi: false,
          properties: {
            policy: policyWith({
              Sid: 'PartnerSubscribe',
              Effect: 'Allow',
              Principal: '*',
              Action: ['SNS:Subscribe', 'SNS:Receive'],
            }),
          },
        }),
        detail:
          'statement "PartnerSubscribe" allows SNS:Subscribe, SNS:Receive to Principal "*" with no Condition',
      },
      {
        name: '{"AWS":"*"} with an empty Condition',
        resource: topic({
          properties: {
            policy: policyWith({
              Effect: 'Allow',
              Principal: { AWS: '*' },
              Action: 'SNS:Publish',
              Condition: {},
            }),
          },
        }),
        detail: 'an unnamed statement allows SNS:Publish',
      },
    ],
    notApplicable: [
      {
        name: 'policy not JSON',
        resource: topic({ properties: { policy: policyFrom('{oops') } }),
        detail: 'Not assessed: the topic policy (the Policy attribute was not a JSON policy document)',
      },
      { name: 'attributes unread', resource: topic({ missing: ['policy'] }), detail: 'Not assessed:' },
    ],
  },
  'aws.sns.tls-only-policy': {
    pass: [
      {
        name: 'Deny SNS:Publish without TLS',
        resource: topic(),
        detail: 'denies every publish that does not use TLS',
      },
      {
        name: 'Deny sns:* without TLS',
        resource: topic({
          properties: {
            policy: policyWith({ ...tlsOnly, Action: 'sns:*' }),
          },
        }),
        detail: 'denies every SNS request that does not use TLS',
      },
    ],
    fail: [
      {
        name: 'only the default policy',
        resource: topic({ name: 'nwv-support-ticket-created', properties: { policy: defaultPolicy } }),
        detail: 'has a topic policy without a Deny on aws:SecureTransport = false',
      },
      {
        name: 'a Deny on another action only',
        resource: topic({ properties: { policy: policyWith({ ...tlsOnly, Action: 'SNS:DeleteTopic' }) } }),
        detail: 'without a Deny on aws:SecureTransport = false',
      },
    ],
    notApplicable: [
      { name: 'attributes unread', resource: topic({ missing: ['policy'] }), detail: 'Not assessed:' },
    ],
  },
};
