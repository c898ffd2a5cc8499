/** The scope read model on real workspace files: what a run assessed, and what it did not. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callOperation } from '../../../src/api/dispatch';
import { DeskSession } from '../../../src/api/session';
import { reevaluate } from '../../../src/assess/reevaluate';
import { INVENTORY_NOT_COLLECTED, readScope, type ScopeCatalog } from '../../../src/assess/read-models/scope';
import { runAssessment } from '../../../src/assess/run-assessment';
import { createSimulator, demoScenario, type Scenario } from '../../../src/cloud/sim';
import { defineResourceType } from '../../../src/kit/resource';
import type { ServiceModule } from '../../../src/kit/service';
import { registry } from '../../../src/services';
import type { Workspace } from '../../../src/workspace/workspace';
import { createWorkspace, SETTINGS } from '../../support/engagement';
import { useTempDir } from '../../support/temp';

const tmp = useTempDir('phi-scope-');
const PROD = '210987654321';
const SHARED = '345678901234';
const SUBSCRIPTION = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';

function demoWorkspace(): Workspace {
  return createWorkspace(tmp(), 'scope.phiaudit', {
    ...SETTINGS,
    approvedRegions: ['us-east-1', 'us-west-2', 'eastus', 'westus2'],
  });
}

/** The assessing collectors only: the tests add inventory records themselves. */
const ASSESSING = ['aws.s3', 'aws.kms', 'azure.storage', 'azure.keyvault'];

async function runDemo(ws: Workspace, scenario: Scenario = demoScenario()) {
  const simulator = createSimulator(scenario);
  return runAssessment(ws, {
    targets: simulator.targets(),
    simulator,
    scenarioName: scenario.name,
    collectorIds: ASSESSING,
  });
}

/**
 * The registry plus a test-only inventory service per provider (the real inventory services are
 * not in the service list yet): their records are resource rows inserted directly.
 */
function catalogWithInventory(): ScopeCatalog {
  const record = (provider: 'aws' | 'azure') =>
    defineResourceType(
      `${provider}.testinventory.record`,
      'Inventory record',
      z.record(z.string(), z.unknown()),
      {
        inventory: true,
      },
    );
  const modules = (['aws', 'azure'] as const).map(
    (provider) =>
      ({
        id: `${provider}.testinventory`,
        provider,
        service: 'testinventory',
        title: `Test inventory (${provider})`,
        hipaaListName: 'testinventory',
        namespace: 'Test.Inventory',
        scope: 'global',
        resources: [record(provider)],
        rules: [],
      }) as unknown as ServiceModule,
  );
  return {
    services: [...registry.services, ...modules],
    rulesForType: registry.rulesForType,
    resourceType(type) {
      const module = modules.find((m) => m.resources[0]!.type === type);
      return module ? { ...module.resources[0]!, service: module } : registry.resourceType(type);
    },
  };
}

function insertInventory(
  ws: Workspace,
  runId: number,
  provider: 'aws' | 'azure',
  scopeId: string,
  records: { nativeId: string; region: string; properties: Record<string, unknown> }[],
): void {
  const target = ws.db
    .prepare('SELECT id FROM target WHERE provider = ? AND scope_id = ?')
    .get(provider, scopeId) as {
    id: number;
  };
  const insert = ws.db.prepare(
    `INSERT INTO resource (run_id, target_id, provider, type, native_id, name, scope_id, region, properties)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of records)
    insert.run(
      runId,
      target.id,
      provider,
      `${provider}.testinventory.record`,
      r.nativeId,
      r.nativeId.split(/[/:]/).at(-1),
      scopeId,
      r.region,
      JSON.stringify(r.properties),
    );
}

describe('scope read model', () => {
  it('states per target who signed in, the services and types assessed with counts, regions and gaps', async () => {
    const ws = demoWorkspace();
    const { runId } = await runDemo(ws);
    const scope = readScope(ws);
    expect(scope.runId).toBe(runId);
    expect(scope.collectionRunId).toBe(runId);
    expect(scope.targets.map((t) => [t.scopeId, t.signedIn])).toEqual([
      [PROD, true],
      [SHARED, true],
      [SUBSCRIPTION, true],
    ]);
    const prod = scope.targets[0]!;
    expect(prod.identities[0]).toMatch(/^arn:aws:sts::210987654321:assumed-role\//);
    expect(prod.regions).toEqual(['us-east-1', 'us-west-2', 'eu-west-1']);
    expect(prod.services.map((s) => s.id)).toEqual(['aws.s3', 'aws.kms']);
    // Counts are the resource rows of the run, per target and type.
    const count = (type: string, scopeId: string) =>
      (
        ws.db
          .prepare('SELECT count(*) AS n FROM resource WHERE run_id = ? AND type = ? AND scope_id = ?')
          .get(runId, type, scopeId) as { n: number }
      ).n;
    const buckets = prod.services[0]!.resourceTypes[0]!;
    expect(buckets).toMatchObject({
      type: 'aws.s3.bucket',
      label: 'S3 bucket',
      count: count('aws.s3.bucket', PROD),
    });
    expect(buckets.count).toBeGreaterThan(0);
    expect(buckets.rules).toContain('aws.s3.access-logging');
    const azure = scope.targets[2]!;
    expect(azure.services.map((s) => s.title)).toEqual(['Azure Storage', 'Azure Key Vault']);
    expect(azure.services[1]!.resourceTypes.map((t) => [t.type, t.count])).toEqual([
      ['azure.keyvault.vault', count('azure.keyvault.vault', SUBSCRIPTION)],
      ['azure.keyvault.key', count('azure.keyvault.key', SUBSCRIPTION)],
      ['azure.keyvault.secret', count('azure.keyvault.secret', SUBSCRIPTION)],
    ]);
    // Geo-replicated storage accounts copy to paired regions the target does not name.
    expect(azure.regionsOutside.length).toBeGreaterThan(0);
    expect(azure.regionsOutside.every((r) => !azure.regions.includes(r.region))).toBe(true);
    expect(azure.regionsOutside[0]!.what).toEqual(['1 Storage account replica']);
    // The demo's injected AccessDenied on GetBucketLogging in the shared account.
    const shared = scope.targets[1]!;
    expect(shared.gaps.length).toBeGreaterThan(0);
    expect(shared.gaps.every((g) => g.operation === 'GetBucketLogging' && g.reason === 'access_denied')).toBe(
      true,
    );
    expect(scope.totals).toMatchObject({
      targets: 3,
      signedIn: 3,
      gaps: shared.gaps.length,
      inventoriedOnly: 0,
    });
    expect(scope.totals.assessedResources).toBe(
      (ws.db.prepare('SELECT count(*) AS n FROM resource WHERE run_id = ?').get(runId) as { n: number }).n,
    );
    ws.close();
  });

  it('never says "none" outside the assessed services when the inventory was not collected', async () => {
    const ws = demoWorkspace();
    await runDemo(ws);
    const scope = readScope(ws);
    expect(scope.inventoryCollected).toBe(false);
    expect(scope.targets.every((t) => !t.inventory.collected)).toBe(true);
    expect(scope.summary).toBe(
      `Assessed: Amazon S3, AWS Key Management Service, Azure Storage, Azure Key Vault in 3 targets · Not inventoried: ${INVENTORY_NOT_COLLECTED} · ${scope.totals.gaps} coverage gaps`,
    );
    ws.close();
  });

  it('a target that could not sign in is named with the error, and nothing is claimed for it', async () => {
    const ws = demoWorkspace();
    const scenario = structuredClone(demoScenario());
    scenario.faults = [
      ...(scenario.faults ?? []),
      { provider: 'aws', service: 'sts', account: SHARED, kind: 'access_denied' },
    ];
    await runDemo(ws, scenario);
    const scope = readScope(ws);
    const shared = scope.targets.find((t) => t.scopeId === SHARED)!;
    expect(shared).toMatchObject({ signedIn: false, identities: [], services: [], assessedResources: 0 });
    expect(shared.signInError).toMatch(/not authorized|AccessDenied|access denied/i);
    expect(shared.gaps.map((g) => g.operation)).toEqual(['sign-in']);
    expect(scope.totals.signedIn).toBe(2);
    expect(scope.summary).toMatch(/ in 2 of 3 targets \(1 not signed in\) · /);
    ws.close();
  });

  it('counts inventory records no assessed resource matches as inventoried only, by service and type', async () => {
    const ws = demoWorkspace();
    const { runId } = await runDemo(ws);
    const bucketArn = (
      ws.db
        .prepare(
          "SELECT native_id FROM resource WHERE run_id = ? AND type = 'aws.s3.bucket' AND scope_id = ?",
        )
        .get(runId, PROD) as {
        native_id: string;
      }
    ).native_id;
    const storageId = (
      ws.db
        .prepare("SELECT native_id FROM resource WHERE run_id = ? AND type = 'azure.storage.account'")
        .get(runId) as {
        native_id: string;
      }
    ).native_id;
    insertInventory(ws, runId, 'aws', PROD, [
      // Assessed already: matched by ARN, not counted.
      { nativeId: bucketArn, region: 'us-east-1', properties: { service: 's3', resourceType: 'bucket' } },
      {
        nativeId: `arn:aws:dynamodb:us-east-1:${PROD}:table/orders`,
        region: 'us-east-1',
        properties: { service: 'dynamodb', resourceType: 'table' },
      },
      {
        nativeId: `arn:aws:dynamodb:us-west-2:${PROD}:table/refunds`,
        region: 'us-west-2',
        properties: { service: 'dynamodb', resourceType: 'dynamodb:table' },
      },
      {
        nativeId: `arn:aws:iam::${PROD}:role/app`,
        region: 'global',
        properties: { service: 'iam', resourceType: 'role' },
      },
      // No properties: service and type come from the ARN. Outside the target's regions.
      { nativeId: `arn:aws:rds:eu-central-1:${PROD}:db:patients`, region: 'eu-central-1', properties: {} },
      // A service with a collector, a type it does not assess.
      {
        nativeId: `arn:aws:s3:us-east-1:${PROD}:accesspoint/reports`,
        region: 'us-east-1',
        properties: { service: 's3', resourceType: 'accesspoint' },
      },
    ]);
    insertInventory(ws, runId, 'azure', SUBSCRIPTION, [
      // ARM ids compare case-insensitively.
      {
        nativeId: storageId.toUpperCase(),
        region: 'eastus',
        properties: { type: 'Microsoft.Storage/storageAccounts', namespace: 'Microsoft.Storage' },
      },
      {
        nativeId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Sql/servers/notes`,
        region: 'eastus',
        properties: { type: 'Microsoft.Sql/servers', namespace: 'Microsoft.Sql' },
      },
    ]);
    const scope = readScope(ws, runId, catalogWithInventory());
    const prod = scope.targets.find((t) => t.scopeId === PROD)!;
    expect(prod.inventory.collected).toBe(true);
    expect(prod.inventory.notAssessed).toBe(5);
    expect(prod.inventory.groups.map((g) => [g.service, g.resourceType, g.count, g.hasCollector])).toEqual([
      // Services with a collector that this run did not assess (collectorIds): not assessed here.
      ['dynamodb', 'dynamodb:table', 2, true],
      ['iam', 'iam:role', 1, true],
      ['rds', 'rds:db', 1, true],
      ['s3', 's3:accesspoint', 1, true],
    ]);
    // Inventory records are not assessed resources, and the test-only inventory is no assessed service.
    expect(prod.assessedResources).toBe(
      prod.services.reduce((n, s) => n + s.resourceTypes.reduce((m, t) => m + t.count, 0), 0),
    );
    expect(prod.services.map((s) => s.id)).toEqual(['aws.s3', 'aws.kms']);
    expect(prod.regionsOutside).toEqual([
      { region: 'eu-central-1', count: 1, what: ['1 inventoried resource'] },
    ]);
    const azure = scope.targets.find((t) => t.scopeId === SUBSCRIPTION)!;
    expect(azure.inventory.groups).toEqual([
      {
        provider: 'azure',
        service: 'Microsoft.Sql',
        serviceLabel: expect.any(String),
        resourceType: 'Microsoft.Sql/servers',
        count: 1,
        hasCollector: true,
      },
    ]);
    // The shared account had no inventory: said per target, not counted as zero.
    expect(scope.targets.find((t) => t.scopeId === SHARED)!.inventory.collected).toBe(false);
    expect(scope.totals).toMatchObject({ inventoriedOnly: 6, inventoriedOnlyServices: 5 });
    // DynamoDB, IAM, RDS and Azure SQL have collectors (this run left them out): not "uncovered".
    expect(scope.uncoveredServices).toEqual([]);
    expect(scope.summary).toContain(
      '· Inventoried only: 6 resources in 5 services (inventory not collected in every target) ·',
    );
    ws.close();
  });

  it('an inventory service that ran and found nothing counts as collected: zero is then a fact', async () => {
    const ws = demoWorkspace();
    const { runId } = await runDemo(ws);
    for (const scopeId of [PROD, SHARED])
      ws.db
        .prepare(
          "INSERT INTO coverage_gap (run_id, provider, scope_id, service, operation, region, reason, message) VALUES (?, 'aws', ?, 'testinventory', 'ListResources', 'us-east-1', 'throttled', 'throttled')",
        )
        .run(runId, scopeId);
    insertInventory(ws, runId, 'azure', SUBSCRIPTION, []);
    const scope = readScope(ws, runId, catalogWithInventory());
    expect(scope.targets.map((t) => t.inventory.collected)).toEqual([true, true, false]);
    expect(scope.inventoryCollected).toBe(true);
    expect(scope.summary).toContain(
      'Inventoried only: 0 resources in 0 services (inventory not collected in every target)',
    );
    ws.close();
  });

  it('an evaluate run shows the scope of the collection it judged; the API returns the same', async () => {
    const ws = demoWorkspace();
    const { runId } = await runDemo(ws);
    const evaluated = reevaluate(ws);
    const scope = readScope(ws);
    expect(scope.runId).toBe(evaluated.runId);
    expect(scope.collectionRunId).toBe(runId);
    expect(scope.targets).toEqual(readScope(ws, runId).targets);
    const session = new DeskSession({ frontDoor: 'cli', workspaceDir: tmp() });
    session.setWorkspace(ws);
    expect(await callOperation(session, 'scope.get', {})).toEqual(scope);
    expect(await callOperation(session, 'scope.get', { runId })).toEqual(readScope(ws, runId));
    await expect(callOperation(session, 'scope.get', { runId: 999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await session.dispose();
  });

  it('with the inventory services, counts what they list that no service collector assessed', async () => {
    const ws = demoWorkspace();
    const simulator = createSimulator(demoScenario());
    await runAssessment(ws, { targets: simulator.targets(), simulator });
    const scope = readScope(ws);
    expect(scope.inventoryCollected).toBe(true);
    expect(scope.targets.every((t) => t.inventory.collected)).toBe(true);
    // Inventory services are not assessed services.
    expect(scope.servicesAssessed).toEqual(
      registry.services
        .filter((service) => !service.resources.every((type) => type.inventory))
        .map((service) => service.title),
    );
    const groups = scope.targets.flatMap((t) => t.inventory.groups);
    expect(groups.length).toBeGreaterThan(0);
    // Records of assessed resources (buckets, keys, storage accounts, vaults; ARM ids in any case) match.
    for (const assessed of [
      's3:bucket',
      'kms:key',
      'microsoft.storage/storageaccounts',
      'microsoft.keyvault/vaults',
    ])
      expect(groups.map((g) => g.resourceType.toLowerCase())).not.toContain(assessed);
    expect(scope.totals.inventoriedOnly).toBe(groups.reduce((n, g) => n + g.count, 0));
    expect(scope.uncoveredServices.length).toBeGreaterThan(0);
    expect(scope.summary).toContain(
      `· Inventoried only: ${scope.totals.inventoriedOnly} resources in ${scope.totals.inventoriedOnlyServices} services ·`,
    );
    ws.close();
  });

  it('names the inventory sources that answered per region, and says when only the tagging API did', async () => {
    const ws = demoWorkspace();
    const simulator = createSimulator(demoScenario());
    await runAssessment(ws, { targets: simulator.targets(), simulator, collectorIds: ['aws.inventory'] });
    const byScope = (scope: ReturnType<typeof readScope>, id: string) =>
      scope.targets.find((t) => t.scopeId === id)!.inventory;
    const demo = readScope(ws);
    expect(byScope(demo, PROD).sources).toEqual([
      { region: 'us-east-1', sources: ['Resource Explorer', 'AWS Config', 'tagging API'] },
      { region: 'us-west-2', sources: ['Resource Explorer', 'tagging API'] },
      { region: 'eu-west-1', sources: ['tagging API'] },
    ]);
    expect(byScope(demo, PROD).sourcesLine).toBe(
      'Resource Explorer, AWS Config, tagging API in us-east-1; Resource Explorer, tagging API in us-west-2; tagging API only in eu-west-1 — resources that never had tags are not listed',
    );
    expect(byScope(demo, SHARED).sourcesLine).toBe(
      'AWS Config, tagging API in us-east-1; tagging API only in us-west-2 — resources that never had tags are not listed',
    );
    ws.close();

    // Without an index or a recorder anywhere, only the tagging API answers: the scope says so.
    const scenario = structuredClone(demoScenario()) as Scenario & {
      aws: { accounts: Record<string, unknown>[] };
    };
    for (const account of scenario.aws.accounts) {
      account.resourceExplorer = null;
      account.configRecorderRegions = [];
      // The AWS Config service answers whether a recorder records (the inventory asks it too).
      account.configRecorders = [];
    }
    const bare = createWorkspace(tmp(), 'tagging-only.phiaudit', SETTINGS);
    const tagging = createSimulator(scenario);
    await runAssessment(bare, {
      targets: tagging.targets(),
      simulator: tagging,
      collectorIds: ['aws.inventory'],
    });
    const scope = readScope(bare);
    expect(byScope(scope, PROD).sourcesLine).toBe(
      'tagging API only — resources that never had tags are not listed',
    );
    expect(byScope(scope, SHARED).sourcesLine).toBe(
      'tagging API only — resources that never had tags are not listed',
    );
    // Azure's inventory states no sources.
    expect(
      scope.targets.filter((t) => t.provider === 'azure').every((t) => t.inventory.sourcesLine === null),
    ).toBe(true);
    bare.close();
  });

  it('a workspace with no run says nothing has been assessed', () => {
    const ws = demoWorkspace();
    const scope = readScope(ws);
    expect(scope).toMatchObject({ runId: null, collectionRunId: null, targets: [], servicesAssessed: [] });
    expect(scope.summary).toBe('No assessment has run: nothing has been assessed yet.');
    ws.close();
  });
  it('names the dated HIPAA lists the eligibility checks used, warning when a list is over six months older than the run', async () => {
    const ws = demoWorkspace();
    const simulator = createSimulator(demoScenario());
    const { runId } = await runAssessment(ws, {
      targets: simulator.targets(),
      simulator,
      scenarioName: 'demo',
    });
    const at = (startedAt: string) => {
      ws.db.prepare('UPDATE run SET started_at = ? WHERE id = ?').run(startedAt, runId);
      return readScope(ws, runId).eligibilityLists;
    };
    const fresh = at('2026-06-01T09:00:00.000Z');
    expect(fresh.map((list) => [list.provider, list.date])).toEqual([
      ['aws', '2026-05-22'],
      ['azure', '2026-12-07'],
    ]);
    expect(fresh[0]?.warning).toBeNull();
    // Azure: the product's own list, with the unverified per-service scope always stated.
    expect(fresh[1]?.warning).toMatch(/no machine-readable per-service HIPAA BAA list/);
    const stale = at('2026-12-08T09:00:00.000Z');
    expect(stale[0]?.ageMonths).toBe(6);
    expect(stale[0]?.warning).toMatch(/dated 2026-05-22, more than 6 months before this run \(2026-12-08\)/);
    // Without an inventory no eligibility check ran, so no list is named.
    const ws2 = createWorkspace(tmp(), 'no-inventory.phiaudit', SETTINGS);
    const run2 = await runDemo(ws2);
    expect(readScope(ws2, run2.runId).eligibilityLists).toEqual([]);
    ws.close();
    ws2.close();
  });
});
