import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import { keyvault } from '.';
import type { ScenarioVault } from './sim';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const vaults = `/subscriptions/${subscription}/resourceGroups`;

describe('the Key Vault collector on the demo organisation', () => {
  it('judges each demo vault and key as the demo intends', async () => {
    const scenario = serviceScenario(keyvault);
    const run = await collectService(keyvault, scenario);
    const results = judge(keyvault, scenario, run.resources);
    const status = (rule: string, id: string) => results.get(`azure.keyvault.${rule}|${id}`)?.status;
    const vault = (group: string, name: string) =>
      `${vaults}/${group}/providers/Microsoft.KeyVault/vaults/${name}`;
    const key = (group: string, name: string, keyName: string) => `${vault(group, name)}/keys/${keyName}`;
    const secret = (group: string, name: string, secretName: string) =>
      `${vault(group, name)}/secrets/${secretName}`;
    const table: [string, string, string][] = [
      ['purge-protection', vault('rg-nwv-phi-prod', 'nwv-kv-telehealth'), 'pass'],
      ['purge-protection', vault('rg-nwv-legacy', 'nwv-kv-portal-legacy'), 'fail'],
      ['purge-protection', vault('rg-nwv-web', 'nwv-kv-storefront'), 'fail'],
      ['purge-protection', vault('rg-nwv-pharmacy', 'nwv-kv-rx-history'), 'pass'],
      ['soft-delete-retention', vault('rg-nwv-phi-prod', 'nwv-kv-telehealth'), 'pass'],
      ['soft-delete-retention', vault('rg-nwv-legacy', 'nwv-kv-portal-legacy'), 'fail'],
      ['soft-delete-retention', vault('rg-nwv-web', 'nwv-kv-storefront'), 'pass'],
      ['soft-delete-retention', vault('rg-nwv-pharmacy', 'nwv-kv-rx-history'), 'fail'],
      ['soft-delete-retention', vault('rg-nwv-ops', 'nwv-kv-devops'), 'pass'],
      ['key-rotation', key('rg-nwv-phi-prod', 'nwv-kv-telehealth', 'telehealth-notes-cmk'), 'pass'],
      ['key-rotation', key('rg-nwv-phi-prod', 'nwv-kv-telehealth', 'telehealth-notes-signing'), 'fail'],
      ['key-rotation', key('rg-nwv-legacy', 'nwv-kv-portal-legacy', 'portal-db-tde'), 'fail'],
      ['key-rotation', key('rg-nwv-web', 'nwv-kv-storefront', 'storefront-session-signing'), 'pass'],
      ['key-rotation', key('rg-nwv-pharmacy', 'nwv-kv-rx-history', 'rx-archive-kek'), 'fail'],
      ['key-rotation', key('rg-nwv-ops', 'nwv-kv-devops', 'pipeline-artifact-signing'), 'pass'],
      ['key-expiry', key('rg-nwv-phi-prod', 'nwv-kv-telehealth', 'telehealth-notes-cmk'), 'pass'],
      ['key-expiry', key('rg-nwv-legacy', 'nwv-kv-portal-legacy', 'portal-db-tde'), 'fail'],
      ['key-expiry', key('rg-nwv-pharmacy', 'nwv-kv-rx-history', 'rx-archive-kek'), 'pass'],
      ['key-expiry', key('rg-nwv-ops', 'nwv-kv-devops', 'pipeline-artifact-signing'), 'fail'],
      ['secret-expiry', secret('rg-nwv-phi-prod', 'nwv-kv-telehealth', 'notes-db-password'), 'pass'],
      ['secret-expiry', secret('rg-nwv-legacy', 'nwv-kv-portal-legacy', 'portal-sql-connection'), 'fail'],
      ['secret-expiry', secret('rg-nwv-pharmacy', 'nwv-kv-rx-history', 'pharmacy-partner-api-key'), 'pass'],
      ['secret-expiry', secret('rg-nwv-pharmacy', 'nwv-kv-rx-history', 'rx-sftp-password'), 'fail'],
      ['rbac-authorization', vault('rg-nwv-phi-prod', 'nwv-kv-telehealth'), 'pass'],
      ['rbac-authorization', vault('rg-nwv-legacy', 'nwv-kv-portal-legacy'), 'fail'],
      ['network-access', vault('rg-nwv-phi-prod', 'nwv-kv-telehealth'), 'pass'],
      ['network-access', vault('rg-nwv-legacy', 'nwv-kv-portal-legacy'), 'fail'],
      ['network-access', vault('rg-nwv-web', 'nwv-kv-storefront'), 'pass'],
      ['network-access', vault('rg-nwv-pharmacy', 'nwv-kv-rx-history'), 'pass'],
      ['network-access', vault('rg-nwv-ops', 'nwv-kv-devops'), 'fail'],
      ['diagnostic-logging', vault('rg-nwv-phi-prod', 'nwv-kv-telehealth'), 'pass'],
      ['diagnostic-logging', vault('rg-nwv-legacy', 'nwv-kv-portal-legacy'), 'fail'],
      ['diagnostic-logging', vault('rg-nwv-web', 'nwv-kv-storefront'), 'fail'],
      ['diagnostic-logging', vault('rg-nwv-pharmacy', 'nwv-kv-rx-history'), 'pass'],
      ['diagnostic-logging', vault('rg-nwv-ops', 'nwv-kv-devops'), 'pass'],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    // PHI failures: a key inherits its vault's PHI tag.
    expect(
      results.get(
        `azure.keyvault.key-rotation|${key('rg-nwv-legacy', 'nwv-kv-portal-legacy', 'portal-db-tde')}`,
      )?.detail,
    ).toContain('It is classified as PHI (tag phi=true)');
  });

  it('builds keys with the vault location, inherited tags and the evidence they came from', async () => {
    const run = await collectService(keyvault, serviceScenario(keyvault));
    const archive = run.resources.find((each) => each.name === 'rx-archive-kek');
    expect(archive).toMatchObject({
      type: 'azure.keyvault.key',
      region: 'eastus2',
      tags: {
        purpose: 'archive-key-encryption',
        phi: 'true',
        'data-classification': 'phi',
        app: 'prescription-history',
        env: 'prod',
      },
      properties: {
        vaultName: 'nwv-kv-rx-history',
        keyType: 'RSA',
        expiresOn: '2027-02-19T11:30:00.000Z',
        rotationPolicy: null,
        inheritedTagKeys: ['app', 'phi', 'data-classification', 'env'],
      },
    });
    const operations = archive!.evidenceIds.map((id) => run.evidence[id - 1]?.operation);
    expect(operations).toEqual(['Vaults_ListBySubscription', 'Keys_List', 'Keys_Get']);
    expect(run.resources.find((each) => each.name === 'nwv-kv-storefront')?.properties).toMatchObject({
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      purgeProtection: false,
    });
  });

  it('lists secrets through ARM with their attributes and never a value', async () => {
    const run = await collectService(keyvault, serviceScenario(keyvault));
    const sftp = run.resources.find((each) => each.name === 'rx-sftp-password');
    expect(sftp).toMatchObject({
      type: 'azure.keyvault.secret',
      region: 'eastus2',
      tags: { phi: 'true', 'data-classification': 'phi' },
      properties: {
        vaultName: 'nwv-kv-rx-history',
        expiresOn: null,
        contentType: 'text/plain',
        enabled: true,
      },
    });
    const pages = run.evidence.filter((each) => each.operation === 'Secrets_List');
    expect(pages).toHaveLength(5);
    for (const page of pages) {
      expect(JSON.stringify(page.response)).not.toMatch(/"value"\s*:\s*"/);
      expect((page.request as { path: string }).path).toMatch(/\/vaults\/[^/]+\/secrets(\?|$)/);
    }
    const telehealth = run.resources.find((each) => each.name === 'nwv-kv-telehealth');
    expect(telehealth?.properties).toMatchObject({
      diagnostics: {
        settings: [{ name: 'kv-audit-to-law', auditEvent: true, destinations: ['Log Analytics workspace'] }],
      },
      networkDefaultAction: null,
    });
    expect(telehealth!.evidenceIds.map((id) => run.evidence[id - 1]?.operation)).toEqual([
      'Vaults_ListBySubscription',
      'DiagnosticSettings_List',
    ]);
  });

  it('turns a refused secret list into a gap naming the vault, and keeps the keys', async () => {
    const scenario = serviceScenario(keyvault, [
      { provider: 'azure', service: 'keyvault', operation: 'Secrets_List', kind: 'access_denied' },
    ]);
    const run = await collectService(keyvault, scenario);
    const gaps = run.gaps.filter((gap) => gap.operation === 'Secrets_List');
    expect(gaps).toHaveLength(5);
    expect(JSON.stringify(gaps)).toContain('vault nwv-kv-portal-legacy');
    expect(run.resources.filter((each) => each.type === 'azure.keyvault.secret')).toEqual([]);
    expect(run.resources.filter((each) => each.type === 'azure.keyvault.key')).toHaveLength(7);
  });

  it('follows nextLink on every list', async () => {
    const scenario = { ...serviceScenario(keyvault), simulation: { awsPageSize: 10_000, azurePageSize: 1 } };
    const paged = await collectService(keyvault, scenario);
    const whole = await collectService(keyvault, serviceScenario(keyvault));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.nativeId).sort()).toEqual(
      whole.resources.map((each) => each.nativeId).sort(),
    );
    const vaultPages = paged.evidence.filter((each) => each.operation === 'Vaults_ListBySubscription');
    expect(vaultPages).toHaveLength(5);
    // rx-history has two secrets: two pages of one.
    expect(paged.evidence.filter((each) => each.operation === 'Secrets_List')).toHaveLength(7);
  });
});

describe('the Key Vault simulator', () => {
  const registry = serviceRegistry(keyvault);
  const base = {
    name: 'kv',
    description: 'Key Vault scenario',
    azure: {
      subscriptions: [
        {
          subscriptionId: '00000000-1111-4222-8333-444455556666',
          tenantId: '99999999-8888-4777-8666-555544443333',
          label: 'prod',
          keyVaults: [] as unknown[],
        },
      ],
    },
  };
  const withVaults = (keyVaults: unknown[]) => ({
    ...base,
    azure: { subscriptions: [{ ...base.azure.subscriptions[0], keyVaults }] },
  });

  it('names a bad field by its path', () => {
    expect(() =>
      registry.loadScenario(
        withVaults([
          { name: 'nwv-kv-a', resourceGroup: 'rg', location: 'eastus', softDeleteRetentionInDays: 120 },
        ]),
      ),
    ).toThrow('azure.subscriptions[0].keyVaults[0].softDeleteRetentionInDays: Too big');
    expect(() =>
      registry.loadScenario(withVaults([{ name: '1-bad--name', resourceGroup: 'rg', location: 'eastus' }])),
    ).toThrow('azure.subscriptions[0].keyVaults[0].name: must be a key vault name');
  });

  it('refuses a vault name used twice and purge protection without soft delete', () => {
    const load = () =>
      registry.loadScenario(
        withVaults([
          { name: 'nwv-kv-a', resourceGroup: 'rg', location: 'eastus' },
          {
            name: 'NWV-KV-A',
            resourceGroup: 'rg2',
            location: 'eastus',
            enableSoftDelete: false,
            enablePurgeProtection: true,
          },
        ]),
      );
    expect(load).toThrow('azure.subscriptions[0].keyVaults[1].name: key vault name NWV-KV-A is already used');
    expect(load).toThrow(
      'azure.subscriptions[0].keyVaults[1].enablePurgeProtection: purge protection needs soft delete',
    );
  });

  it("answers a missing vault with ARM's 404 ResourceNotFound", () => {
    const scenario = registry.loadScenario(
      withVaults([{ name: 'nwv-kv-a', resourceGroup: 'rg', location: 'eastus' }]),
    );
    const owner = scenario.azure.subscriptions[0]!;
    const answer = keyvault.sim.answers.Keys_List!({
      subscription: owner as typeof owner & { keyVaults: ScenarioVault[] },
      scenario,
      params: { subscriptionId: owner.subscriptionId, resourceGroupName: 'rg', vaultName: 'nwv-kv-gone' },
      url: new URL('https://management.azure.com/'),
      state: undefined,
    });
    expect(answer).toEqual({
      status: 404,
      code: 'ResourceNotFound',
      message:
        "The Resource 'Microsoft.KeyVault/vaults/nwv-kv-gone' under resource group 'rg' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
    });
  });

  it('generates a few valid vaults per subscription for the benchmark', () => {
    const scenario = registry.generateScenario({
      awsAccounts: 0,
      regions: 1,
      perRegion: 0,
      azureSubscriptions: 2,
      perSubscription: 12,
      latencyMs: 0,
      seed: 7,
    });
    for (const owner of scenario.azure.subscriptions) expect(owner.keyVaults).toHaveLength(3);
  });
});
