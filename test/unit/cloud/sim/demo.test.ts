import { describe, expect, it } from 'vitest';
import { demoScenario } from '../../../../src/cloud/sim';
import { azurePairedRegions, isGeoRedundantSku } from '../../../../src/catalog/azure-regions';

type ScenarioBucket = ReturnType<typeof demoScenario>['aws']['accounts'][number]['buckets'][number];

const scenario = demoScenario();
const approved = scenario.engagement?.approvedRegions ?? [];
const buckets = scenario.aws.accounts.flatMap((account) => account.buckets);
const storage = scenario.azure.subscriptions.flatMap((subscription) => subscription.storageAccounts);
const isPhi = (tags: Record<string, string>) => tags.phi === 'true' || tags['data-classification'] === 'phi';
const regionOf = (name: string) =>
  buckets.find((bucket) => bucket.name === name)?.region ??
  scenario.aws.externalBuckets.find((bucket) => bucket.name === name)?.region;
const tlsOnly = (bucket: ScenarioBucket) =>
  (bucket.policy?.Statement ?? []).some(
    (statement) =>
      statement.Effect === 'Deny' &&
      JSON.stringify(statement.Condition ?? {}).includes('"aws:SecureTransport":"false"'),
  );
const fullyBlocked = (bucket: ScenarioBucket) =>
  Object.values(bucket.publicAccessBlock ?? { none: false }).every(Boolean);

describe('the demo scenario', () => {
  it('is a health-adjacent shop: two AWS accounts (prod in three regions) and one Azure subscription', () => {
    expect(scenario.name).toContain('Northwind Vitals');
    expect(scenario.aws.accounts.map((account) => account.regions)).toEqual([
      ['us-east-1', 'us-west-2', 'eu-west-1'],
      ['us-east-1', 'us-west-2'],
    ]);
    expect(scenario.aws.accounts[1]?.label).toContain('shared services');
    expect(scenario.azure.subscriptions).toHaveLength(1);
    expect(approved).toEqual(['us-east-1', 'us-west-2', 'eastus', 'westus2', 'eastus2', 'centralus']);
  });

  it('holds every S3 failure pattern at least once', () => {
    expect(buckets.some((bucket) => bucket.encryption === null)).toBe(true);
    expect(buckets.some((bucket) => !tlsOnly(bucket))).toBe(true);
    expect(buckets.some((bucket) => !fullyBlocked(bucket))).toBe(true);
    expect(buckets.some((bucket) => isPhi(bucket.tags) && bucket.logging === null)).toBe(true);
    const outOfRegion = buckets
      .flatMap((bucket) => bucket.replication?.rules ?? [])
      .map((rule) => regionOf(rule.destinationBucket.replace(/^arn:aws:s3:::/, '')));
    expect(outOfRegion.filter((region) => region && !approved.includes(region))).toEqual(
      expect.arrayContaining(['eu-west-1', 'ap-southeast-2']),
    );
  });

  it('holds every storage account failure pattern at least once', () => {
    expect(storage.some((account) => !account.httpsOnly)).toBe(true);
    expect(storage.some((account) => account.minimumTlsVersion === 'TLS1_0')).toBe(true);
    expect(storage.some((account) => account.minimumTlsVersion === 'TLS1_1')).toBe(true);
    expect(storage.some((account) => account.allowBlobPublicAccess)).toBe(true);
    const secondaries = storage
      .filter((account) => isGeoRedundantSku(account.sku))
      .map((account) => account.secondaryLocation ?? azurePairedRegions[account.location]);
    expect(secondaries.some((region) => region && !approved.includes(region))).toBe(true);
    expect(storage.some((account) => account.sku === 'Standard_RAGRS')).toBe(true);
  });

  it('has compliant resources beside the failing ones, PHI-tagged and untagged', () => {
    const compliantBucket = buckets.find(
      (bucket) =>
        isPhi(bucket.tags) &&
        bucket.encryption &&
        tlsOnly(bucket) &&
        fullyBlocked(bucket) &&
        bucket.logging &&
        (!bucket.replication ||
          bucket.replication.rules.every((rule) =>
            approved.includes(regionOf(rule.destinationBucket.replace(/^arn:aws:s3:::/, '')) ?? ''),
          )),
    );
    expect(compliantBucket?.name).toBe('nwv-prod-checkout-orders');
    expect(
      storage.some(
        (account) =>
          account.httpsOnly &&
          account.minimumTlsVersion === 'TLS1_2' &&
          !account.allowBlobPublicAccess &&
          !isGeoRedundantSku(account.sku) &&
          isPhi(account.tags),
      ),
    ).toBe(true);
    expect(buckets.some((bucket) => Object.keys(bucket.tags).length === 0)).toBe(true);
    expect(storage.some((account) => Object.keys(account.tags).length === 0)).toBe(true);
    expect(buckets.some((bucket) => bucket.tags.app === 'checkout')).toBe(true);
    expect(buckets.some((bucket) => bucket.tags.app === 'support-tickets')).toBe(true);
  });

  it('injects an AccessDenied and latency so the demo shows coverage gaps', () => {
    expect(scenario.faults).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          provider: 'aws',
          operation: 'GetBucketLogging',
          account: scenario.aws.accounts[1]?.accountId,
          kind: 'access_denied',
        }),
        expect.objectContaining({ provider: 'aws', kind: 'latency' }),
        expect.objectContaining({ provider: 'azure', kind: 'latency' }),
      ]),
    );
  });
});
