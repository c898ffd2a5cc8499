import { describe, expect, it } from 'vitest';
import { ruleContext } from '../../../kit';
import { storageAccount } from './fixtures';
import { storageGeoReplicationRegion } from './rules/geo-replication-region';
import { parseTlsVersion, storageMinTls } from './rules/min-tls';
import { storage } from '.';

const rulesForType = (type: string) => storage.rules.filter((rule) => rule.resourceType === type);

describe('azure.storage rules, beyond the fixture table', () => {
  it('keeps the four first storage checks first, and adds the issue-10 checks after them', () => {
    expect(rulesForType('azure.storage.account').map((r) => r.id)).toEqual([
      'azure.storage.https-only',
      'azure.storage.min-tls-1-2',
      'azure.storage.public-blob-access',
      'azure.storage.geo-replication-region',
      'azure.storage.public-containers',
      'azure.storage.shared-key-access',
      'azure.storage.phi-encryption',
      'azure.storage.network-default-action',
      'azure.storage.blob-soft-delete',
      'azure.storage.container-soft-delete',
      'azure.storage.blob-versioning',
      'azure.storage.blob-read-logging',
    ]);
  });

  it('is critical only where a PHI account actually serves a container anonymously', () => {
    const critical = storage.rules
      .filter((rule) => rule.severityWhenPhi === 'critical')
      .map((rule) => rule.id);
    expect(critical).toEqual(['azure.storage.public-containers']);
  });

  it('says that a read-access geo-redundant account serves reads from its secondary', () => {
    const grs = storageGeoReplicationRegion.evaluate(
      storageAccount({ properties: { secondaryLocation: 'westus', skuName: 'Standard_GRS' } }),
      ruleContext(),
    );
    expect(grs.detail).not.toContain('serves reads');
    const raGzrs = storageGeoReplicationRegion.evaluate(
      storageAccount({ properties: { secondaryLocation: 'westus', skuName: 'Standard_RAGZRS' } }),
      ruleContext(),
    );
    expect(raGzrs.detail).toBe(
      'Storage account nwphirecords (Standard_RAGZRS) geo-replicates to westus and serves reads from it through its read-access secondary endpoint, an approved region.',
    );
  });

  it('parses the TLS versions Azure reports', () => {
    expect(parseTlsVersion('TLS1_0')).toEqual([1, 0]);
    expect(parseTlsVersion('tls1_2')).toEqual([1, 2]);
    expect(parseTlsVersion('TLS1_3')).toEqual([1, 3]);
    expect(parseTlsVersion('1.2')).toBeNull();
  });

  it('does not mention PHI in the detail of an unclassified account', () => {
    const result = storageMinTls.evaluate(
      storageAccount({ phi: false, properties: { minimumTlsVersion: 'TLS1_0' } }),
      ruleContext(),
    );
    expect(result.status).toBe('fail');
    expect(result.detail).not.toContain('PHI');
  });

  it('accepts approved regions in Azure display form (East US)', () => {
    const account = storageAccount({
      properties: { primaryLocation: 'westus', secondaryLocation: 'eastus' },
    });
    const result = storageGeoReplicationRegion.evaluate(
      account,
      ruleContext({ approvedRegions: ['West US', 'East US'] }),
    );
    expect(result.status).toBe('pass');
  });

  it('reports an unknown secondary as not judged when no regions are approved', () => {
    const account = storageAccount({ properties: { secondaryLocation: null } });
    const result = storageGeoReplicationRegion.evaluate(account, ruleContext({ approvedRegions: [] }));
    expect(result.status).toBe('not_applicable');
    expect(result.detail).toBe(
      'Storage account nwphirecords: no approved regions set for this engagement, so its geo-replication to an unknown region was not judged.',
    );
  });
});
