import { describe, expect, it } from 'vitest';
import { collectService, serviceRegistry, serviceScenario } from '../../../../test/support/describe-service';
import { KMSServiceException } from '@aws-sdk/client-kms';
import type { ScenarioBase } from '../../../kit';
import type { KmsKeyProperties } from './resource';
import { kmsSim } from './sim';
import { kms } from '.';

const prod = '210987654321';
const shared = '345678901234';

function propertiesOf(run: Awaited<ReturnType<typeof collectService>>, keyId: string): KmsKeyProperties {
  const resource = run.resources.find((each) => each.name === keyId);
  if (!resource) throw new Error(`no key ${keyId}`);
  return resource.properties as KmsKeyProperties;
}

describe('the KMS collector against the simulated KMS', () => {
  it('describes a key with the documented properties, and asks rotation only where it applies', async () => {
    const run = await collectService(kms, serviceScenario(kms));
    const resource = run.resources.find((each) => each.name === '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e')!;
    expect(resource).toMatchObject({
      type: 'aws.kms.key',
      nativeId: `arn:aws:kms:us-east-1:${prod}:key/2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e`,
      region: 'us-east-1',
      scopeId: prod,
      tags: { app: 'support-tickets', phi: 'true', 'data-classification': 'phi', owner: 'customer-care' },
    });
    expect(resource.properties).toMatchObject({
      aliases: ['alias/nwv-support-tickets'],
      tagsCollected: true,
      metadata: { keyState: 'PendingDeletion', enabled: false, deletionDate: '2026-12-18T11:02:41.000Z' },
      policy: { parsed: true, publicGrants: [] },
    });
    // Rotation status reads false while a key is pending deletion: the collector does not ask.
    expect(resource.properties.rotation).toBeUndefined();
    const asked = run.evidence.filter((each) => each.operation === 'GetKeyRotationStatus');
    expect(asked.map((each) => (each.request as { KeyId: string }).KeyId).sort()).toEqual(
      [
        '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
        '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f',
        '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
        '6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5',
        '8f9a0b1c-2d3e-4f4a-9b5c-6d7e8f9a0b1c',
        '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
        'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
      ].sort(),
    );
    expect(propertiesOf(run, '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f').rotation).toMatchObject({
      enabled: true,
      rotationPeriodInDays: 180,
    });
  });

  it('pages ListKeys, ListAliases and ListResourceTags with Marker / NextMarker / Truncated', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(kms),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(kms, scenario);
    const whole = await collectService(kms, serviceScenario(kms));
    expect(paged.gaps).toEqual([]);
    expect(
      paged.resources.map((each) => [each.name, each.tags, (each.properties as KmsKeyProperties).aliases]),
    ).toEqual(
      whole.resources.map((each) => [each.name, each.tags, (each.properties as KmsKeyProperties).aliases]),
    );
    const listKeys = paged.evidence.filter(
      (each) => each.operation === 'ListKeys' && each.region === 'us-east-1',
    );
    // Prod us-east-1 holds 5 keys and shared us-east-1 holds 3: one page each, no trailing empty page.
    expect(listKeys).toHaveLength(8);
    expect(
      listKeys.filter((each) => (each.request as { Marker?: string }).Marker === undefined),
    ).toHaveLength(2);
  });

  it('AccessDenied on ListResourceTags leaves tags unknown, not empty', async () => {
    const run = await collectService(
      kms,
      serviceScenario(kms, [
        { provider: 'aws', service: 'kms', operation: 'ListResourceTags', kind: 'access_denied' },
      ]),
    );
    const properties = propertiesOf(run, '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
    expect(properties.tagsCollected).toBe(false);
    expect(properties.metadata).toBeDefined();
    expect(
      run.gaps.every((gap) => gap.reason === 'access_denied' && gap.operation === 'ListResourceTags'),
    ).toBe(true);
  });

  it('AccessDenied on ListAliases leaves aliases unknown and changes no resource name', async () => {
    const run = await collectService(
      kms,
      serviceScenario(kms, [
        { provider: 'aws', service: 'kms', operation: 'ListAliases', kind: 'access_denied' },
      ]),
    );
    expect(propertiesOf(run, '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d').aliases).toBeUndefined();
    expect(run.resources.map((each) => each.name)).toContain('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
  });
});

describe('the simulated KMS', () => {
  /** One simulated call, as the engine makes it after the real client serialized the input. */
  function answer(
    operation: keyof typeof kmsSim.answers,
    input: Record<string, unknown>,
    accountId = prod,
    region = 'us-east-1',
  ) {
    const scenario = serviceScenario(kms);
    const account = scenario.aws.accounts.find((each) => each.accountId === accountId)!;
    return kmsSim.answers[operation]!({
      account: account as Parameters<(typeof kmsSim.answers)['ListKeys']>[0]['account'],
      organisation: {},
      scenario,
      region,
      input,
      state: kmsSim.state!(scenario),
      error: kmsSim.error,
      pageSize: scenario.simulation.awsPageSize,
    });
  }
  const thrown = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected an error answer');
  };

  it("refuses another account's key and answers KMS's own errors through KMSServiceException", () => {
    const otherAccount = `arn:aws:kms:us-east-1:${shared}:key/9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b`;
    const denied = thrown(() => answer('DescribeKey', { KeyId: otherAccount }));
    expect(denied).toBeInstanceOf(KMSServiceException);
    expect(denied).toMatchObject({ name: 'AccessDeniedException' });
    // A bare key id is looked up in the caller's own account only.
    expect(
      thrown(() => answer('DescribeKey', { KeyId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' })),
    ).toMatchObject({
      name: 'NotFoundException',
    });
    // A key of this account addressed through another region's endpoint does not exist there.
    expect(
      thrown(() =>
        answer('DescribeKey', { KeyId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }, prod, 'us-west-2'),
      ),
    ).toMatchObject({
      name: 'NotFoundException',
    });
    expect(
      thrown(() => answer('GetKeyRotationStatus', { KeyId: '4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f80' })),
    ).toMatchObject({
      name: 'UnsupportedOperationException',
    });
    expect(
      thrown(() => answer('GetKeyRotationStatus', { KeyId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d' }, shared)),
    ).toMatchObject({
      name: 'UnsupportedOperationException',
      message: expect.stringContaining('origin is EXTERNAL'),
    });
    expect(
      thrown(() =>
        answer('GetKeyPolicy', { KeyId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', PolicyName: 'other' }),
      ),
    ).toMatchObject({ name: 'NotFoundException' });
    expect(thrown(() => answer('ListKeys', { Limit: 1001 }))).toMatchObject({ name: 'ValidationException' });
    expect(
      thrown(() => answer('ListResourceTags', { KeyId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', Limit: 51 })),
    ).toMatchObject({
      name: 'ValidationException',
    });
    expect(thrown(() => answer('ListKeys', { Marker: 'not-a-marker' }))).toMatchObject({
      name: 'InvalidMarkerException',
    });
  });

  it('answers like the API reference: pending deletion reads rotation off, DeletionDate only when pending', () => {
    expect(answer('GetKeyRotationStatus', { KeyId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e' })).toEqual({
      KeyId: `arn:aws:kms:us-east-1:${prod}:key/2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e`,
      KeyRotationEnabled: false,
    });
    const byAlias = answer('DescribeKey', { KeyId: 'alias/nwv-checkout-orders' }) as {
      KeyMetadata: Record<string, unknown>;
    };
    expect(byAlias.KeyMetadata).toMatchObject({
      KeyId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      KeyManager: 'CUSTOMER',
    });
    expect(byAlias.KeyMetadata.DeletionDate).toBeUndefined();
    const pending = answer('DescribeKey', { KeyId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e' }) as {
      KeyMetadata: Record<string, unknown>;
    };
    expect(pending.KeyMetadata).toMatchObject({
      KeyState: 'PendingDeletion',
      Enabled: false,
      DeletionDate: new Date('2026-12-18T11:02:41Z'),
    });
    // ListKeys answers 100 keys without a Limit; NextMarker only while Truncated.
    expect(answer('ListKeys', {})).toMatchObject({ Truncated: false });
    expect(answer('ListKeys', {})).not.toHaveProperty('NextMarker');
    expect(answer('ListKeys', { Limit: 2 })).toMatchObject({
      Truncated: true,
      NextMarker: expect.any(String),
    });
    // Predefined AWS aliases carry no TargetKeyId until a service first uses them.
    const aliases = answer('ListAliases', {}) as { Aliases: { AliasName: string; TargetKeyId?: string }[] };
    expect(aliases.Aliases.find((each) => each.AliasName === 'alias/aws/ebs')).not.toHaveProperty(
      'TargetKeyId',
    );
    expect(aliases.Aliases.find((each) => each.AliasName === 'alias/aws/s3')?.TargetKeyId).toBe(
      '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
    );
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(kms);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { kmsKeys: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.kmsKeys[2] = { ...scenario.aws.accounts[0]!.kmsKeys[2], id: 'not-a-key-id' };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.kmsKeys\[2\]\.id: must be a KMS key id/,
    );
    scenario.aws.accounts[0]!.kmsKeys[2] = {
      id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      region: 'us-east-1',
      state: 'PendingDeletion',
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.kmsKeys\[2\]\.deletionDate: a key in state PendingDeletion needs its deletionDate/,
    );
  });

  it('generates a few keys per region for the benchmark', () => {
    const registry = serviceRegistry(kms);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 4,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 7,
    });
    for (const account of scenario.aws.accounts) {
      const keys = account.kmsKeys as { region: string }[];
      for (const region of account.regions)
        expect(keys.filter((key) => key.region === region)).toHaveLength(3);
    }
  });
});
