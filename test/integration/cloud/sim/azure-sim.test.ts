import { describe, expect, it } from 'vitest';
import { azureClientsOf } from '../../../../src/cloud/azure/clients';
import { DeskError } from '../../../../src/errors';
import { storage } from '../../../../src/services/azure/storage';
import {
  connectFirst,
  recordingContext,
  scenario,
  simulatorFor,
  subscriptionId,
  tenantId,
} from '../../../support/cloud';

const storageAccounts = Array.from({ length: 5 }, (_, i) => ({
  name: `phiacct${i}`,
  resourceGroup: 'rg-phi',
  location: 'eastus',
}));

function world(faults: unknown[] = []) {
  return simulatorFor(
    scenario({
      simulation: { azurePageSize: 2 },
      azure: { subscriptions: [{ subscriptionId, tenantId, label: 'sub', storageAccounts }] },
      faults,
    }),
  );
}

describe('the simulated Azure Resource Manager, through the real guarded ARM pipeline', () => {
  it('pages the storage account list with nextLink', async () => {
    const simulator = world();
    const clients = azureClientsOf(await connectFirst(simulator, 'azure'));
    const pages: string[][] = [];
    let answer = await clients.armGet(
      `/subscriptions/${subscriptionId}/providers/Microsoft.Storage/storageAccounts`,
      '2026-09-01',
    );
    for (;;) {
      const body = answer.body as { value: { name: string }[]; nextLink?: string };
      pages.push(body.value.map((account) => account.name));
      if (!body.nextLink) break;
      answer = await clients.armGetUrl(body.nextLink);
    }
    expect(pages).toEqual([['phiacct0', 'phiacct1'], ['phiacct2', 'phiacct3'], ['phiacct4']]);
    expect(simulator.calls.count('azure', 'storage', 'StorageAccounts_List')).toBe(3);
  });

  it('records one evidence row per page and builds every account from them', async () => {
    const simulator = world();
    const ctx = recordingContext(await connectFirst(simulator, 'azure'));
    const resources = await storage.collector.collect(ctx);
    expect(resources.map((resource) => resource.name)).toEqual(
      storageAccounts.map((account) => account.name),
    );
    // Three list pages, then each account's own blob-service reads.
    const lists = ctx.evidence.filter((row) => row.operation === 'StorageAccounts_List');
    expect(lists.map((row) => row.outcome)).toEqual(['ok', 'ok', 'ok']);
    expect(lists[1]?.request).toMatchObject({
      method: 'GET',
      path: expect.stringContaining('$skipToken=2'),
    });
    // The third account was listed on the second page.
    expect(resources[2]?.evidenceIds[0]).toBe(lists[1]?.id);
  });

  it('429 with Retry-After is retried by the pipeline and then succeeds', async () => {
    const simulator = world([{ provider: 'azure', service: 'storage', kind: 'throttle', ms: 10, times: 2 }]);
    const ctx = recordingContext(await connectFirst(simulator, 'azure'));
    const resources = await storage.collector.collect(ctx);
    expect(resources).toHaveLength(5);
    expect(simulator.calls.count('azure', 'storage', 'StorageAccounts_List')).toBe(5);
    expect(ctx.gaps).toEqual([]);
  });

  it('429 that never clears becomes a "throttled" gap', async () => {
    const simulator = world([{ provider: 'azure', service: 'storage', kind: 'throttle', ms: 5 }]);
    const ctx = recordingContext(await connectFirst(simulator, 'azure', { maxAttempts: 3 }));
    expect(await storage.collector.collect(ctx)).toEqual([]);
    expect(simulator.calls.count('azure', 'storage', 'StorageAccounts_List')).toBe(3);
    expect(ctx.gaps).toEqual([
      expect.objectContaining({ service: 'storage', operation: 'StorageAccounts_List', reason: 'throttled' }),
    ]);
  });

  it('403 AuthorizationFailed becomes an access_denied gap with the ARM error as evidence', async () => {
    const simulator = world([
      { provider: 'azure', service: 'storage', operation: 'StorageAccounts_List', kind: 'access_denied' },
    ]);
    const ctx = recordingContext(await connectFirst(simulator, 'azure'));
    expect(await storage.collector.collect(ctx)).toEqual([]);
    expect(ctx.gaps).toEqual([
      expect.objectContaining({
        reason: 'access_denied',
        message: expect.stringContaining('AuthorizationFailed'),
      }),
    ]);
    expect(ctx.evidence[0]).toMatchObject({
      outcome: 'error',
      errorCode: 'AuthorizationFailed',
      response: { error: { code: 'AuthorizationFailed' } },
    });
  });

  it('latency beyond the per-attempt timeout is a "timeout" gap', async () => {
    const simulator = world([{ provider: 'azure', service: 'storage', kind: 'latency', ms: 5_000 }]);
    const ctx = recordingContext(await connectFirst(simulator, 'azure', { requestTimeoutMs: 30 }));
    expect(await storage.collector.collect(ctx)).toEqual([]);
    expect(ctx.gaps).toEqual([expect.objectContaining({ reason: 'timeout' })]);
  });

  it('cancelling mid-call rethrows CANCELLED', async () => {
    const simulator = world([{ provider: 'azure', service: 'storage', kind: 'latency', ms: 60_000 }]);
    const controller = new AbortController();
    const ctx = recordingContext(await connectFirst(simulator, 'azure'), controller.signal);
    setTimeout(() => controller.abort(), 20);
    const error = await storage.collector.collect(ctx).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('CANCELLED');
  });
});
