import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { encryptionFrom } from './normalize';
import type { DynamoDbTableProperties } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-44cd-96ef-1234567890ab`;
const NAME = 'northwind-readings';

export function compliantTableProperties(name = NAME, region = 'us-east-1'): DynamoDbTableProperties {
  return {
    tableArn: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${name}`,
    status: 'ACTIVE',
    encryption: encryptionFrom({ Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: KEY }),
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    replicas: [],
    globalTableVersion: null,
    tagsCollected: true,
  };
}

interface Options {
  name?: string;
  region?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof DynamoDbTableProperties, unknown>>;
  missing?: (keyof DynamoDbTableProperties)[];
}

export function tableResource(options: Options = {}): NormalizedResource {
  const name = options.name ?? NAME;
  const region = options.region ?? 'us-east-1';
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = {
    ...compliantTableProperties(name, region),
    ...options.properties,
  };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.dynamodb.table',
    nativeId: properties.tableArn as string,
    name,
    scopeId: ACCOUNT,
    region,
    tags: phi ? { phi: 'true' } : { team: 'web' },
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2, 3, 4],
  };
}

const kmsKey = (manager: 'CUSTOMER' | 'AWS', aliases: string[] = []): NormalizedResource => ({
  provider: 'aws',
  type: 'aws.kms.key',
  nativeId: KEY,
  name: '1234abcd-12ab-44cd-96ef-1234567890ab',
  scopeId: ACCOUNT,
  region: 'us-east-1',
  tags: {},
  properties: { keyId: '1234abcd-12ab-44cd-96ef-1234567890ab', aliases, metadata: { keyManager: manager } },
  phi: false,
  phiReason: null,
  evidenceIds: [9],
});

const owned = { encryption: encryptionFrom(undefined) };

export const dynamodbFixtures: ServiceFixtures = {
  'aws.dynamodb.phi-customer-managed-key': {
    pass: [
      {
        name: 'PHI table under a key the run described as customer managed',
        resource: tableResource(),
        context: { resources: [kmsKey('CUSTOMER', ['alias/northwind-phi'])] },
        detail: `DynamoDB table northwind-readings in us-east-1 is encrypted at rest under customer managed KMS key ${KEY}.`,
      },
      {
        name: 'PHI table under a KMS key the run did not describe: named, manager not confirmed',
        resource: tableResource(),
        detail:
          'under KMS key arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-44cd-96ef-1234567890ab (SSE-KMS, a key of the account); the run did not describe that key, so whether it is customer managed or the AWS managed key aws/dynamodb was not confirmed.',
      },
    ],
    fail: [
      {
        name: 'PHI table under the AWS owned key (no SSEDescription)',
        resource: tableResource({ properties: owned }),
        detail:
          /is encrypted at rest under the AWS owned key \(no SSEDescription\): the key is outside the account.*It is classified as PHI \(tag phi=true\)\.$/,
      },
      {
        name: "PHI table under the AWS managed key, known from the run's KMS key (alias/aws/dynamodb)",
        resource: tableResource(),
        context: { resources: [kmsKey('AWS', ['alias/aws/dynamodb'])] },
        detail:
          'under the AWS managed key arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-44cd-96ef-1234567890ab (aws/dynamodb): its use is logged, but its key policy cannot be changed',
      },
    ],
    notApplicable: [
      {
        name: 'table not classified as PHI',
        resource: tableResource({ phi: false, properties: owned }),
        detail: 'is not classified as PHI; it is encrypted at rest under the AWS owned key.',
      },
      {
        name: 'tags not read: classification unknown',
        resource: tableResource({ phi: false, properties: { ...owned, tagsCollected: false } }),
        detail:
          /^Not assessed: the tags \(ListTagsOfResource\), and so the PHI classification, of DynamoDB table/,
      },
      {
        name: 'DescribeTable refused',
        resource: tableResource({ missing: ['encryption', 'replicas'] }),
        detail: /^Not assessed: the server-side encryption \(DescribeTable\)/,
      },
    ],
  },
  'aws.dynamodb.point-in-time-recovery': {
    pass: [
      {
        name: 'PITR with a 35-day window',
        resource: tableResource(),
        detail: 'has point-in-time recovery enabled, restorable to any point of the last 35 days.',
      },
    ],
    fail: [
      {
        name: 'PHI table without PITR',
        resource: tableResource({
          properties: { pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: null } },
        }),
        detail:
          /has point-in-time recovery disabled: it cannot be restored to a moment before a bad write or delete\. It is classified as PHI/,
      },
      {
        name: 'non-PHI table without PITR',
        resource: tableResource({
          phi: false,
          properties: { pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: null } },
        }),
        detail:
          /point-in-time recovery disabled: it cannot be restored to a moment before a bad write or delete\.$/,
      },
    ],
    notApplicable: [
      {
        name: 'DescribeContinuousBackups refused',
        resource: tableResource({ missing: ['pointInTimeRecovery'] }),
        detail: /^Not assessed: the point-in-time recovery \(DescribeContinuousBackups\)/,
      },
    ],
  },
  'aws.dynamodb.replica-region': {
    pass: [
      {
        name: 'replica in an approved region',
        resource: tableResource({
          properties: {
            replicas: [{ region: 'us-east-2', status: 'ACTIVE' }],
            globalTableVersion: '2019.11.21',
          },
        }),
        detail: 'replicates only to approved regions: us-east-2.',
      },
    ],
    fail: [
      {
        name: 'replica in eu-west-1',
        resource: tableResource({
          properties: {
            replicas: [{ region: 'eu-west-1', status: 'ACTIVE' }],
            globalTableVersion: '2019.11.21',
          },
        }),
        detail:
          /has replicas in eu-west-1, outside the approved regions \(us-east-1, us-east-2, eastus, westus\)\. It is classified as PHI/,
      },
      {
        name: 'the replica itself, assessed in eu-west-1',
        resource: tableResource({
          region: 'eu-west-1',
          properties: { replicas: [{ region: 'us-east-1', status: 'ACTIVE' }] },
        }),
        detail:
          'DynamoDB table northwind-readings in eu-west-1 is itself a global table replica located in eu-west-1, outside the approved regions',
      },
    ],
    notApplicable: [
      {
        name: 'single-region table',
        resource: tableResource(),
        detail: 'is not a global table: it has no replica in another region.',
      },
      {
        name: 'no approved regions set',
        resource: tableResource({ properties: { replicas: [{ region: 'eu-west-1', status: 'ACTIVE' }] } }),
        context: { approvedRegions: [] },
        detail: 'no approved regions set for this engagement, so its replicas (eu-west-1) were not judged.',
      },
      {
        name: 'DescribeTable refused',
        resource: tableResource({ missing: ['replicas'] }),
        detail: /^Not assessed: the replicas \(DescribeTable\)/,
      },
    ],
  },
};
