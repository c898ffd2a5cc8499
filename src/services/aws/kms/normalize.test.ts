import { describe, expect, it } from 'vitest';
import {
  aliasesByKey,
  automaticRotationBlocker,
  metadataFrom,
  policyFrom,
  rotationFrom,
  shouldAskRotation,
  tagsFromKmsTags,
} from './normalize';

/** Plain objects shaped like the KMS answers, fields left out as the API reference allows. */

describe('metadataFrom', () => {
  it('reads a full DescribeKey KeyMetadata', () => {
    expect(
      metadataFrom({
        KeyId: 'k1',
        Arn: 'arn:aws:kms:us-east-1:111122223333:key/k1',
        KeyManager: 'CUSTOMER',
        KeyState: 'PendingDeletion',
        Enabled: false,
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Origin: 'AWS_KMS',
        MultiRegion: false,
        DeletionDate: new Date('2026-12-18T11:02:41Z'),
        CreationDate: new Date('2021-09-20T11:00:00Z'),
        Description: 'tickets',
      }),
    ).toEqual({
      keyManager: 'CUSTOMER',
      keyState: 'PendingDeletion',
      enabled: false,
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      origin: 'AWS_KMS',
      customKeyStoreId: null,
      multiRegion: false,
      deletionDate: '2026-12-18T11:02:41.000Z',
      pendingDeletionWindowInDays: null,
      creationDate: '2021-09-20T11:00:00.000Z',
      description: 'tickets',
    });
  });

  it('keeps absent and null fields as null, and falls back to the deprecated CustomerMasterKeySpec', () => {
    const metadata = metadataFrom({
      KeyId: 'k2',
      CustomerMasterKeySpec: 'RSA_2048',
      Description: '',
      DeletionDate: null as unknown as undefined,
      Enabled: undefined,
    });
    expect(metadata).toMatchObject({
      keyManager: null,
      keyState: null,
      enabled: null,
      keySpec: 'RSA_2048',
      deletionDate: null,
      description: null,
      multiRegion: null,
    });
  });

  it('reports the replica-deletion window of a multi-Region primary', () => {
    expect(
      metadataFrom({
        KeyId: 'mrk-1',
        KeyState: 'PendingReplicaDeletion',
        PendingDeletionWindowInDays: 30,
        MultiRegion: true,
      }),
    ).toMatchObject({
      keyState: 'PendingReplicaDeletion',
      pendingDeletionWindowInDays: 30,
      deletionDate: null,
    });
  });

  it('answers undefined when DescribeKey had no KeyMetadata', () => {
    expect(metadataFrom(undefined)).toBeUndefined();
  });
});

describe('automatic rotation applicability', () => {
  const symmetric = {
    keyManager: 'CUSTOMER',
    keySpec: 'SYMMETRIC_DEFAULT',
    origin: 'AWS_KMS',
    customKeyStoreId: null,
  };

  it('applies to customer managed symmetric keys with KMS material only', () => {
    expect(automaticRotationBlocker(symmetric)).toBeNull();
    expect(automaticRotationBlocker({ ...symmetric, keyManager: 'AWS' })?.kind).toBe('aws-managed');
    expect(automaticRotationBlocker({ ...symmetric, keySpec: 'ECC_NIST_P384' })?.text).toBe(
      'it is an asymmetric key (KeySpec ECC_NIST_P384)',
    );
    expect(automaticRotationBlocker({ ...symmetric, keySpec: 'HMAC_512' })?.text).toBe(
      'it is an HMAC key (KeySpec HMAC_512)',
    );
    expect(automaticRotationBlocker({ ...symmetric, origin: 'EXTERNAL' })?.kind).toBe('imported');
    expect(
      automaticRotationBlocker({ ...symmetric, origin: 'EXTERNAL_KEY_STORE', customKeyStoreId: 'cks-1' })
        ?.kind,
    ).toBe('custom-key-store');
  });

  it('does not ask GetKeyRotationStatus of keys pending deletion or of unknown keys', () => {
    const metadata = metadataFrom({
      KeyId: 'k',
      KeyManager: 'CUSTOMER',
      KeySpec: 'SYMMETRIC_DEFAULT',
      Origin: 'AWS_KMS',
      KeyState: 'Enabled',
    });
    expect(shouldAskRotation(metadata)).toBe(true);
    expect(shouldAskRotation({ ...metadata!, keyState: 'PendingDeletion' })).toBe(false);
    expect(shouldAskRotation({ ...metadata!, keyState: 'Disabled' })).toBe(true);
    expect(shouldAskRotation(undefined)).toBe(false);
  });
});

describe('rotationFrom', () => {
  it('reads an enabled status with its period and next date', () => {
    expect(
      rotationFrom({
        KeyRotationEnabled: true,
        RotationPeriodInDays: 180,
        NextRotationDate: new Date('2027-03-13T08:15:00Z'),
      }),
    ).toEqual({ enabled: true, rotationPeriodInDays: 180, nextRotationDate: '2027-03-13T08:15:00.000Z' });
  });

  it('reads a disabled status, which carries neither period nor date', () => {
    expect(rotationFrom({ KeyRotationEnabled: false })).toEqual({
      enabled: false,
      rotationPeriodInDays: null,
      nextRotationDate: null,
    });
    expect(rotationFrom({})).toMatchObject({ enabled: false });
  });
});

describe('tags and aliases', () => {
  it('reads TagKey / TagValue pairs and tolerates an absent list', () => {
    expect(
      tagsFromKmsTags([
        { TagKey: 'phi', TagValue: 'true' },
        { TagKey: 'app', TagValue: undefined as unknown as string },
      ]),
    ).toEqual({
      phi: 'true',
      app: '',
    });
    expect(tagsFromKmsTags(undefined)).toEqual({});
  });

  it('groups aliases by target key and skips predefined aliases without TargetKeyId', () => {
    const byKey = aliasesByKey([
      { AliasName: 'alias/nwv-orders-b', TargetKeyId: 'k1' },
      { AliasName: 'alias/nwv-orders-a', TargetKeyId: 'k1' },
      { AliasName: 'alias/aws/ebs', AliasArn: 'arn:aws:kms:us-east-1:111122223333:alias/aws/ebs' },
      { AliasName: 'alias/aws/s3', TargetKeyId: 'k2' },
    ]);
    expect([...byKey]).toEqual([
      ['k1', ['alias/nwv-orders-a', 'alias/nwv-orders-b']],
      ['k2', ['alias/aws/s3']],
    ]);
  });
});

describe('policyFrom', () => {
  const policy = (...statements: object[]) =>
    JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const root = {
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::111122223333:root' },
    Action: 'kms:*',
    Resource: '*',
  };

  it('finds no public grant in the default key policy', () => {
    expect(policyFrom(policy(root))).toMatchObject({ parsed: true, publicGrants: [] });
  });

  it('reports kms:* to everyone, in each spelling of "everyone", as written', () => {
    for (const principal of ['*', { AWS: '*' }, { AWS: ['arn:aws:iam::111122223333:root', '*'] }]) {
      const { publicGrants } = policyFrom(
        policy(root, { Sid: 'Open', Effect: 'Allow', Principal: principal, Action: 'KMS:*', Resource: '*' }),
      );
      expect(publicGrants).toEqual([
        {
          sid: 'Open',
          actions: ['KMS:*'],
          notAction: false,
          fullControl: true,
          allowsUse: true,
          allowsAdministration: true,
        },
      ]);
    }
  });

  it('treats any Condition as restricting, and a single statement object like a list', () => {
    const conditioned = {
      Effect: 'Allow',
      Principal: '*',
      Action: 'kms:*',
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } },
    };
    expect(policyFrom(policy(conditioned)).publicGrants).toEqual([]);
    expect(
      policyFrom(JSON.stringify({ Statement: { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt' } }))
        .publicGrants,
    ).toHaveLength(1);
    expect(policyFrom(policy({ ...conditioned, Condition: {} })).publicGrants).toHaveLength(1);
  });

  it('classifies use, administration and metadata reads, with wildcards', () => {
    const grant = (action: unknown) =>
      policyFrom(policy({ Effect: 'Allow', Principal: '*', Action: action, Resource: '*' })).publicGrants[0];
    expect(grant(['kms:Decrypt'])).toMatchObject({
      fullControl: false,
      allowsUse: true,
      allowsAdministration: false,
    });
    expect(grant('kms:ReEncrypt*')).toMatchObject({ allowsUse: true, allowsAdministration: false });
    expect(grant('kms:PutKeyPolicy')).toMatchObject({ allowsUse: false, allowsAdministration: true });
    expect(grant(['kms:Describe*', 'kms:List*'])).toMatchObject({
      allowsUse: false,
      allowsAdministration: false,
    });
    expect(grant('*')).toMatchObject({ fullControl: true });
  });

  it('ignores Deny and other principals, and reads Allow + NotAction as everything else', () => {
    expect(policyFrom(policy({ Effect: 'Deny', Principal: '*', Action: 'kms:*' })).publicGrants).toEqual([]);
    expect(
      policyFrom(
        policy({ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:*' }),
      ).publicGrants,
    ).toEqual([]);
    expect(
      policyFrom(
        policy({ Sid: 'N', Effect: 'Allow', Principal: '*', NotAction: ['kms:Decrypt*', 'kms:Encrypt'] }),
      ).publicGrants,
    ).toEqual([
      {
        sid: 'N',
        actions: ['kms:Decrypt*', 'kms:Encrypt'],
        notAction: true,
        fullControl: false,
        allowsUse: true,
        allowsAdministration: true,
      },
    ]);
  });

  it('claims nothing from an absent or corrupt policy', () => {
    expect(policyFrom(undefined)).toEqual({ parsed: false, publicGrants: [], document: null });
    expect(policyFrom('{not json')).toEqual({ parsed: false, publicGrants: [], document: '{not json' });
    expect(policyFrom('null')).toMatchObject({ parsed: false });
  });
});
