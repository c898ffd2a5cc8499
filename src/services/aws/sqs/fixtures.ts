import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { encryptionFrom, policyFrom } from './normalize';
import type { SqsQueueProperties } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const NAME = 'northwind-patient-messages';
const arnOf = (name: string) => `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}`;

const denyInsecureTransport = {
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 'sqs:*',
  Resource: arnOf(NAME),
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

/** A queue policy with the given statements, as the collector reads it from the Policy attribute. */
export function policyWith(
  ...statements: Record<string, unknown>[]
): NonNullable<SqsQueueProperties['policy']> {
  return policyFrom(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
}

export function compliantSqsProperties(name = NAME): SqsQueueProperties {
  return {
    queueUrl: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/${name}`,
    fifo: name.endsWith('.fifo'),
    encryption: encryptionFrom({
      KmsMasterKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-44cd-96ef-1234567890ab',
      KmsDataKeyReusePeriodSeconds: '300',
      SqsManagedSseEnabled: 'false',
    }),
    policy: policyWith(denyInsecureTransport),
    messageRetentionPeriodSeconds: 345600,
    deadLetterTargetArn: null,
    tagsCollected: true,
  };
}

interface SqsOptions {
  name?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof SqsQueueProperties, unknown>>;
  /** Properties to remove, as a collector does when it could not read them. */
  missing?: (keyof SqsQueueProperties)[];
}

export function sqsQueueResource(options: SqsOptions = {}): NormalizedResource {
  const name = options.name ?? NAME;
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = { ...compliantSqsProperties(name), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.sqs.queue',
    nativeId: arnOf(name),
    name,
    scopeId: ACCOUNT,
    region: 'us-east-1',
    tags: phi ? { phi: 'true' } : { team: 'web' },
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2, 3],
  };
}

const sseSqs = { encryption: encryptionFrom({ SqsManagedSseEnabled: 'true' }) };
const noSse = { encryption: encryptionFrom({ SqsManagedSseEnabled: 'false' }) };

export const sqsFixtures: ServiceFixtures = {
  'aws.sqs.encryption-at-rest': {
    pass: [
      {
        name: 'PHI queue with SSE-KMS under a customer managed key',
        resource: sqsQueueResource(),
        detail:
          /encrypts messages at rest with SSE-KMS under key arn:aws:kms:us-east-1:111122223333:key\/1234abcd/,
      },
      {
        name: 'PHI queue with SSE-SQS passes and says SSE-KMS is preferred',
        resource: sqsQueueResource({ properties: sseSqs }),
        detail: /SSE-SQS \(keys owned by SQS\); for PHI, SSE-KMS with a customer managed key is preferred/,
      },
      {
        name: 'queue under the AWS managed key alias/aws/sqs',
        resource: sqsQueueResource({
          phi: false,
          properties: { encryption: encryptionFrom({ KmsMasterKeyId: 'alias/aws/sqs' }) },
        }),
        detail: 'under the AWS managed key alias/aws/sqs',
      },
    ],
    fail: [
      {
        name: 'PHI queue without server-side encryption',
        resource: sqsQueueResource({ properties: noSse }),
        detail:
          /has no server-side encryption .*stored unencrypted\. It is classified as PHI \(tag phi=true\)\.$/,
      },
      {
        name: 'queue made before SSE-SQS (no SqsManagedSseEnabled attribute)',
        resource: sqsQueueResource({ phi: false, properties: { encryption: encryptionFrom({}) } }),
        detail: /has no server-side encryption[^]*unencrypted\.$/,
      },
    ],
    notApplicable: [
      {
        name: 'attributes not collected (AccessDenied on GetQueueAttributes)',
        resource: sqsQueueResource({ missing: ['encryption', 'policy'] }),
        detail: /^Not assessed: the server-side encryption \(GetQueueAttributes\) of SQS queue/,
      },
    ],
  },
  'aws.sqs.policy-public': {
    pass: [
      {
        name: 'queue without a policy',
        resource: sqsQueueResource({ properties: { policy: policyFrom(undefined) } }),
        detail: 'has no queue policy: only principals of its own account',
      },
      {
        name: 'Principal "*" restricted by aws:SourceArn is counted for review',
        resource: sqsQueueResource({
          properties: {
            policy: policyWith(denyInsecureTransport, {
              Sid: 'AllowTopic',
              Effect: 'Allow',
              Principal: '*',
              Action: 'sqs:SendMessage',
              Resource: arnOf(NAME),
              Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:tickets' } },
            }),
          },
        }),
        detail:
          /no statement that allows Principal "\*" without a Condition\. 1 statement\(s\) allow Principal "\*" with a Condition/,
      },
    ],
    fail: [
      {
        name: 'PHI queue open to everyone for SendMessage and ReceiveMessage',
        resource: sqsQueueResource({
          properties: {
            policy: policyWith({
              Sid: 'Open',
              Effect: 'Allow',
              Principal: { AWS: '*' },
              Action: ['sqs:SendMessage', 'sqs:ReceiveMessage'],
              Resource: arnOf(NAME),
            }),
          },
        }),
        detail:
          /statement "Open" allows sqs:SendMessage, sqs:ReceiveMessage to Principal "\*" with no Condition\. It is classified as PHI/,
      },
      {
        name: 'Allow with NotAction to everyone',
        resource: sqsQueueResource({
          phi: false,
          properties: {
            policy: policyWith({
              Effect: 'Allow',
              Principal: '*',
              NotAction: 'sqs:DeleteQueue',
              Resource: '*',
            }),
          },
        }),
        detail: 'an unnamed statement allows every action except sqs:DeleteQueue to Principal "*"',
      },
    ],
    notApplicable: [
      {
        name: 'attributes not collected',
        resource: sqsQueueResource({ missing: ['policy'] }),
        detail: /^Not assessed: the queue policy \(GetQueueAttributes\)/,
      },
      {
        name: 'Policy attribute that is not JSON',
        resource: sqsQueueResource({ properties: { policy: policyFrom('{not json') } }),
        detail: /^Not assessed: the queue policy \(the Policy attribute was not a JSON policy document\)/,
      },
    ],
  },
  'aws.sqs.tls-only-policy': {
    pass: [
      {
        name: 'policy denies aws:SecureTransport false on sqs:*',
        resource: sqsQueueResource(),
        detail: 'denies every request that does not use TLS (aws:SecureTransport = false)',
      },
      {
        name: 'BoolIfExists with a boolean false and Action "*"',
        resource: sqsQueueResource({
          properties: {
            policy: policyWith({
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: '*',
              Resource: '*',
              Condition: { BoolIfExists: { 'aws:SecureTransport': false } },
            }),
          },
        }),
        detail: 'denies every request that does not use TLS',
      },
    ],
    fail: [
      {
        name: 'PHI queue without a policy',
        resource: sqsQueueResource({ properties: { policy: policyFrom(undefined) } }),
        detail:
          /has no queue policy, so requests over plain HTTP are not denied\. SQS refuses non-HTTPS requests to it only while its server-side encryption stays on\. It is classified as PHI/,
      },
      {
        name: 'policy whose Deny covers only SendMessage',
        resource: sqsQueueResource({
          phi: false,
          properties: {
            ...noSse,
            policy: policyWith({
              Effect: 'Deny',
              Principal: '*',
              Action: 'sqs:SendMessage',
              Resource: '*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          },
        }),
        detail:
          /has a queue policy without a Deny on aws:SecureTransport = false, so requests over plain HTTP are not denied\.$/,
      },
    ],
    notApplicable: [
      {
        name: 'attributes not collected',
        resource: sqsQueueResource({ missing: ['policy', 'encryption'] }),
        detail: /^Not assessed: the queue policy \(GetQueueAttributes\)/,
      },
    ],
  },
};
