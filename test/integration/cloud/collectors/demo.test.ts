import { describe, expect, it } from 'vitest';
import { connectTarget } from '../../../../src/cloud/connect';
import { createSimulator, demoScenario } from '../../../../src/cloud/sim';
import { registry } from '../../../../src/services';
import { s3 } from '../../../../src/services/aws/s3';
import type { S3BucketProperties } from '../../../../src/services/aws/s3/resource';
import { storage } from '../../../../src/services/azure/storage';
import type { StorageAccountProperties } from '../../../../src/services/azure/storage/resource';
import { recordingContext } from '../../../support/cloud';

describe('the demo scenario through the real SDK clients and the collectors', () => {
  it('collects every bucket and storage account and shows the seeded failures and the injected AccessDenied', async () => {
    const simulator = createSimulator(demoScenario());
    const [prod, shared, azure] = simulator.targets();
    const results = await Promise.all(
      [prod, shared, azure].map(async (target) => {
        const connection = await connectTarget(target!, { simulator, operations: registry.operations() });
        const ctx = recordingContext(connection);
        const resources =
          target!.provider === 'aws' ? await s3.collector.collect(ctx) : await storage.collector.collect(ctx);
        return { connection, ctx, resources };
      }),
    );
    const [p, s, a] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0]];
    expect(p.connection.identity).toBe(
      'arn:aws:sts::210987654321:assumed-role/PhiAuditDeskReadOnly/phi-audit-desk',
    );
    expect(a.connection.identity).toContain('auditor@northwindvitals.example');
    expect(p.resources).toHaveLength(13);
    expect(s.resources).toHaveLength(4);
    expect(a.resources).toHaveLength(7);
    expect(p.ctx.gaps).toEqual([]);
    expect(a.ctx.gaps).toEqual([]);
    // shared services: GetBucketLogging refused on every bucket, and nothing else
    expect(s.ctx.gaps.map((gap) => [gap.operation, gap.reason])).toEqual(
      Array(4).fill(['GetBucketLogging', 'access_denied']),
    );
    for (const bucket of s.resources)
      expect((bucket.properties as unknown as S3BucketProperties).logging).toBeUndefined();

    const bucket = (name: string) =>
      p.resources.find((r) => r.name === name)!.properties as unknown as S3BucketProperties;
    expect(bucket('nwv-prod-support-tickets').encryption?.enabled).toBe(false);
    expect(bucket('nwv-prod-telemetry-raw').policy?.denyInsecureTransport).toBe(false);
    expect(bucket('nwv-prod-storefront-assets').publicAccessBlock?.blockPublicPolicy).toBe(false);
    expect(bucket('nwv-prod-analytics-scratch').publicAccessBlock).toBeNull();
    expect(bucket('nwv-prod-subscription-intake').logging?.enabled).toBe(false);
    expect(bucket('nwv-prod-patient-exports').replication?.destinations[0]?.region).toBe('eu-west-1');
    expect(bucket('nwv-prod-support-tickets').replication?.destinations[0]?.region).toBe('ap-southeast-2');
    expect(bucket('nwv-prod-checkout-orders')).toMatchObject({
      encryption: { enabled: true, algorithm: 'aws:kms', bucketKeyEnabled: true },
      policy: { present: true, denyInsecureTransport: true, allowsPublicPrincipal: false },
      logging: { enabled: true },
      replication: {
        enabled: true,
        destinations: [{ bucket: 'nwv-prod-checkout-orders-dr', region: 'us-west-2', status: 'Enabled' }],
      },
    });

    const account = (name: string) =>
      a.resources.find((r) => r.name === name)!.properties as unknown as StorageAccountProperties;
    expect(account('nwvlegacyportal')).toMatchObject({ httpsOnly: false, minimumTlsVersion: 'TLS1_0' });
    expect(account('nwvstorefrontcdn')).toMatchObject({
      allowBlobPublicAccess: true,
      minimumTlsVersion: 'TLS1_1',
    });
    expect(account('nwvsupportexports')).toMatchObject({
      skuName: 'Standard_RAGRS',
      geoReplicated: true,
      secondaryLocation: 'westus',
    });
    expect(account('nwvclinicalnotes')).toMatchObject({
      httpsOnly: true,
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
      geoReplicated: false,
      secondaryLocation: null,
    });
  });
});
