import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { policyFrom } from './normalize';
import type { KmsKeyProperties } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

type Metadata = NonNullable<KmsKeyProperties['metadata']>;

const KEY_ID = '1234abcd-12ab-44cd-96ef-1234567890ab';

const ownerOnlyPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
};

export function policyWith(
  ...statements: Record<string, unknown>[]
): NonNullable<KmsKeyProperties['policy']> {
  return policyFrom(
    JSON.stringify({ ...ownerOnlyPolicy, Statement: [...ownerOnlyPolicy.Statement, ...statements] }),
  );
}

export function compliantKmsProperties(): KmsKeyProperties {
  return {
    keyId: KEY_ID,
    aliases: ['alias/northwind-patient-docs'],
    metadata: {
      keyManager: 'CUSTOMER',
      keyState: 'Enabled',
      enabled: true,
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      origin: 'AWS_KMS',
      customKeyStoreId: null,
      multiRegion: false,
      deletionDate: null,
      pendingDeletionWindowInDays: null,
      creationDate: '2023-01-15T10:00:00.000Z',
      description: 'Encrypts patient documents',
    },
    rotation: { enabled: true, rotationPeriodInDays: 365, nextRotationDate: '2027-01-15T10:00:00.000Z' },
    policy: policyWith(),
    tagsCollected: true,
  };
}

interface KmsOptions {
  name?: string;
  phi?: boolean;
  metadata?: Partial<Metadata>;
  properties?: Partial<Record<keyof KmsKeyProperties, unknown>>;
  /** Properties to remove, as a collector does when it could not read them. */
  missing?: (keyof KmsKeyProperties)[];
}

export function kmsKeyResource(options: KmsOptions = {}): NormalizedResource {
  const name = options.name ?? KEY_ID;
  const phi = options.phi ?? true;
  const base = compliantKmsProperties();
  const properties: Record<string, unknown> = {
    ...base,
    keyId: name,
    metadata: { ...base.metadata, ...options.metadata },
    ...options.properties,
  };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.kms.key',
    nativeId: `arn:aws:kms:us-east-1:111122223333:key/${name}`,
    name,
    scopeId: '111122223333',
    region: 'us-east-1',
    tags: phi ? { phi: 'true' } : { team: 'web' },
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2, 3],
  };
}

const rotationOff = { rotation: { enabled: false, rotationPeriodInDays: null, nextRotationDate: null } };

export const kmsFixtures: ServiceFixtures = {
  'aws.kms.rotation-enabled': {
    pass: [
      {
        name: 'customer managed symmetric key with yearly rotation',
        resource: kmsKeyResource(),
        detail: /rotates its key material automatically every 365 days, next on 2027-01-15\.$/,
      },
      {
        name: 'disabled key whose rotation setting is on',
        resource: kmsKeyResource({ metadata: { keyState: 'Disabled', enabled: false } }),
        detail: 'The key is disabled: KMS does not rotate its key material while it stays disabled.',
      },
    ],
    fail: [
      {
        name: 'PHI key without rotation',
        resource: kmsKeyResource({ properties: rotationOff }),
        detail:
          /is a customer managed symmetric key without automatic rotation\. It is classified as PHI \(tag phi=true\)\.$/,
      },
      {
        name: 'disabled key without rotation says it is disabled',
        resource: kmsKeyResource({
          phi: false,
          metadata: { keyState: 'Disabled', enabled: false },
          properties: rotationOff,
        }),
        detail: 'without automatic rotation. The key is disabled',
      },
    ],
    notApplicable: [
      {
        name: 'AWS managed key',
        resource: kmsKeyResource({ metadata: { keyManager: 'AWS' }, missing: ['rotation'] }),
        detail: 'AWS managed key, whose key material AWS rotates every year',
      },
      {
        name: 'asymmetric signing key',
        resource: kmsKeyResource({
          metadata: { keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' },
          missing: ['rotation'],
        }),
        detail:
          /cannot use automatic rotation because it is an asymmetric key \(KeySpec ECC_NIST_P256\); its rotation must be manual, under a documented procedure/,
      },
      {
        name: 'HMAC key',
        resource: kmsKeyResource({
          metadata: { keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' },
          missing: ['rotation'],
        }),
        detail: 'an HMAC key (KeySpec HMAC_256)',
      },
      {
        name: 'imported key material',
        resource: kmsKeyResource({ metadata: { origin: 'EXTERNAL' }, missing: ['rotation'] }),
        detail: 'its key material is imported (Origin EXTERNAL); its rotation must be manual',
      },
      {
        name: 'custom key store',
        resource: kmsKeyResource({
          metadata: { origin: 'AWS_CLOUDHSM', customKeyStoreId: 'cks-1234567890abcdef0' },
          missing: ['rotation'],
        }),
        detail: 'custom key store (cks-1234567890abcdef0)',
      },
      {
        name: 'pending deletion is left to the deletion rule',
        resource: kmsKeyResource({ metadata: { keyState: 'PendingDeletion' }, properties: rotationOff }),
        detail: 'see aws.kms.pending-deletion',
      },
      {
        name: 'DescribeKey refused: not assessed',
        resource: kmsKeyResource({ missing: ['metadata', 'rotation'] }),
        detail: /^Not assessed: the key type and state \(DescribeKey\) of KMS key .* could not be read/,
      },
      {
        name: 'GetKeyRotationStatus refused: not assessed',
        resource: kmsKeyResource({ missing: ['rotation'] }),
        detail: /^Not assessed: the automatic rotation status \(GetKeyRotationStatus\)/,
      },
    ],
  },
  'aws.kms.pending-deletion': {
    pass: [
      {
        name: 'enabled key',
        resource: kmsKeyResource(),
        detail: /is not scheduled for deletion \(KeyState Enabled\)\.$/,
      },
      {
        name: 'disabled key is not a deletion',
        resource: kmsKeyResource({ metadata: { keyState: 'Disabled', enabled: false } }),
        detail: '(KeyState Disabled)',
      },
    ],
    fail: [
      {
        name: 'PHI key pending deletion names the date',
        resource: kmsKeyResource({
          metadata: { keyState: 'PendingDeletion', enabled: false, deletionDate: '2026-12-18T11:02:41.000Z' },
        }),
        detail:
          /is scheduled for deletion on 2026-12-18 \(KeyState PendingDeletion\); after that, data encrypted under it cannot be decrypted\. It is classified as PHI/,
      },
      {
        name: 'deletion date missing from the answer',
        resource: kmsKeyResource({ phi: false, metadata: { keyState: 'PendingDeletion', enabled: false } }),
        detail: 'on a date KMS did not report',
      },
      {
        name: 'multi-Region primary waiting for its replicas',
        resource: kmsKeyResource({
          name: 'mrk-1234abcd12ab34cd56ef1234567890ab',
          metadata: {
            keyState: 'PendingReplicaDeletion',
            enabled: false,
            multiRegion: true,
            pendingDeletionWindowInDays: 30,
          },
        }),
        detail: 'its 30-day waiting period starts when its last replica key is deleted',
      },
      {
        name: 'unread tags are named as unknown',
        resource: kmsKeyResource({
          phi: false,
          metadata: { keyState: 'PendingDeletion', enabled: false, deletionDate: '2026-12-09T16:40:12.000Z' },
          properties: { tagsCollected: false },
        }),
        detail: 'Its tags could not be read, so whether it protects PHI is unknown.',
      },
    ],
    notApplicable: [
      {
        name: 'DescribeKey refused: not assessed',
        resource: kmsKeyResource({ missing: ['metadata'] }),
        detail: /^Not assessed: the key state \(DescribeKey\)/,
      },
    ],
  },
  'aws.kms.key-policy-public': {
    pass: [
      {
        name: 'default key policy (account root only)',
        resource: kmsKeyResource(),
        detail: 'has no statement that lets Principal "*" use or administer the key without a Condition.',
      },
      {
        name: 'Principal * restricted to the organisation',
        resource: kmsKeyResource({
          properties: {
            policy: policyWith({
              Sid: 'OrgRestore',
              Effect: 'Allow',
              Principal: { AWS: '*' },
              Action: ['kms:Decrypt'],
              Resource: '*',
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
            }),
          },
        }),
        detail: /without a Condition\.$/,
      },
      {
        name: 'public metadata read only',
        resource: kmsKeyResource({
          properties: {
            policy: policyWith({
              Sid: 'Describe',
              Effect: 'Allow',
              Principal: '*',
              Action: 'kms:DescribeKey',
              Resource: '*',
            }),
          },
        }),
        detail:
          'It lets everyone read metadata only (kms:DescribeKey), with no use or administration of the key.',
      },
    ],
    fail: [
      {
        name: 'kms:* to {"AWS":"*"} with no Condition',
        resource: kmsKeyResource({
          properties: {
            policy: policyWith({
              Sid: 'AllowPartner',
              Effect: 'Allow',
              Principal: { AWS: '*' },
              Action: 'kms:*',
              Resource: '*',
            }),
          },
        }),
        detail:
          /statement "AllowPartner" allows kms:\* to Principal "\*" with no Condition \(full control of the key\)\. It is classified as PHI/,
      },
      {
        name: 'Action * to Principal *',
        resource: kmsKeyResource({
          phi: false,
          properties: {
            policy: policyWith({ Effect: 'Allow', Principal: '*', Action: ['*'], Resource: '*' }),
          },
        }),
        detail: 'an unnamed statement allows * to Principal "*" with no Condition (full control of the key)',
      },
      {
        name: 'decrypt to everyone',
        resource: kmsKeyResource({
          properties: {
            policy: policyWith({
              Sid: 'Use',
              Effect: 'Allow',
              Principal: { AWS: ['*'] },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
              Resource: '*',
            }),
          },
        }),
        detail:
          'allows kms:Decrypt, kms:GenerateDataKey* to Principal "*" with no Condition (use of the key for cryptographic operations)',
      },
      {
        name: 'policy rewrite to everyone',
        resource: kmsKeyResource({
          properties: {
            policy: policyWith({
              Sid: 'Admin',
              Effect: 'Allow',
              Principal: '*',
              Action: 'kms:Put*',
              Resource: '*',
            }),
          },
        }),
        detail: '(administration of the key)',
      },
      {
        name: 'Allow with NotAction to everyone',
        resource: kmsKeyResource({
          properties: {
            policy: policyWith({
              Sid: 'AllButDelete',
              Effect: 'Allow',
              Principal: '*',
              NotAction: 'kms:ScheduleKeyDeletion',
              Resource: '*',
            }),
          },
        }),
        detail: 'allows every action except kms:ScheduleKeyDeletion to Principal "*"',
      },
    ],
    notApplicable: [
      {
        name: 'GetKeyPolicy refused: not assessed',
        resource: kmsKeyResource({ missing: ['policy'] }),
        detail: /^Not assessed: the key policy \(GetKeyPolicy\)/,
      },
      {
        name: 'unparseable policy',
        resource: kmsKeyResource({
          properties: { policy: { parsed: false, publicGrants: [], document: '{oops' } },
        }),
        detail: 'the answer was not a JSON policy document',
      },
    ],
  },
};
