import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import { monitor } from '.';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const category = (name: string) =>
  `/subscriptions/${subscription}/providers/Microsoft.Insights/eventtypes/management/categories/${name}`;
const workspace = (group: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.OperationalInsights/workspaces/${name}`;

describe('the Monitor collector on the demo organisation', () => {
  it('judges the activity log categories and workspaces as the demo intends', async () => {
    const scenario = serviceScenario(monitor);
    const run = await collectService(monitor, scenario);
    const results = judge(monitor, scenario, run.resources);
    const status = (rule: string, id: string) => results.get(`azure.monitor.${rule}|${id}`)?.status;
    const table: [string, string, string][] = [
      ['activity-log-export', category('Administrative'), 'pass'],
      ['activity-log-export', category('Security'), 'pass'],
      ['activity-log-export', category('Policy'), 'fail'],
      ['activity-log-sentinel', category('Administrative'), 'pass'],
      ['activity-log-sentinel', category('Security'), 'fail'],
      ['activity-log-sentinel', category('Policy'), 'fail'],
      ['workspace-retention', workspace('rg-nwv-security', 'nwv-secops-logs'), 'pass'],
      ['workspace-retention', workspace('rg-nwv-ops', 'nwv-ops-logs'), 'fail'],
      ['workspace-retention', workspace('rg-nwv-phi-prod', 'nwv-telehealth-audit-logs'), 'fail'],
      ['workspace-retention', workspace('rg-nwv-pharmacy', 'nwv-rx-audit-logs'), 'pass'],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    expect(results.get(`azure.monitor.activity-log-sentinel|${category('Security')}`)?.detail).toBe(
      `The Security activity log of subscription ${subscription} reaches Log Analytics workspace nwv-ops-logs, where Microsoft Sentinel is not onboarded: no analytics rule or incident is raised from it. Microsoft Sentinel is onboarded on nwv-secops-logs, which does not receive it.`,
    );
    expect(results.get(`azure.monitor.activity-log-export|${category('Administrative')}`)?.detail).toContain(
      'activity-log-to-secops (to Log Analytics workspace nwv-secops-logs); activity-log-archive (to Log Analytics workspace nwv-ops-logs, storage account nwvdiaglogs)',
    );
  });

  it('records which categories each workspace receives and whether Sentinel watches it', async () => {
    const run = await collectService(monitor, serviceScenario(monitor));
    const ops = run.resources.find((each) => each.name === 'nwv-ops-logs');
    expect(ops?.properties).toEqual({
      resourceGroup: 'rg-nwv-ops',
      skuName: 'PerGB2018',
      retentionInDays: 30,
      sentinelOnboarded: false,
      activityLogCategories: ['Administrative', 'Security'],
    });
    const operations = ops!.evidenceIds.map((id) => run.evidence[id - 1]?.operation);
    expect(operations).toEqual(['Workspaces_List', 'SentinelOnboardingStates_List']);
  });

  it('reads Sentinel on a destination workspace of another subscription, and reports a gap when it cannot', async () => {
    const base = serviceScenario(monitor);
    const owner = base.azure.subscriptions[0]!;
    const elsewhere =
      '/subscriptions/0f0f0f0f-1111-4222-8333-444455556666/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/central-soc';
    const scenario = {
      ...base,
      azure: {
        ...base.azure,
        subscriptions: [
          {
            ...owner,
            activityLogDiagnosticSettings: [
              {
                name: 'to-central-soc',
                workspaceId: elsewhere,
                logs: [{ categoryGroup: 'allLogs', enabled: true }],
              },
            ],
          },
        ],
      },
    };
    const run = await collectService(monitor, scenario);
    expect(run.gaps).toEqual([
      expect.objectContaining({
        operation: 'SentinelOnboardingStates_List',
        reason: 'not_found',
        message: expect.stringContaining('for workspace central-soc failed (HTTP 404): SubscriptionNotFound'),
      }),
    ]);
    const results = judge(monitor, scenario, run.resources);
    expect(results.get(`azure.monitor.activity-log-export|${category('Policy')}`)?.status).toBe('pass');
    expect(results.get(`azure.monitor.activity-log-sentinel|${category('Policy')}`)?.detail).toMatch(
      /^Not assessed: the Microsoft Sentinel onboarding state \(workspace central-soc\)/,
    );
  });

  it('claims nothing about the activity log when the settings cannot be read', async () => {
    const scenario = serviceScenario(monitor, [
      {
        provider: 'azure',
        service: 'monitor',
        operation: 'SubscriptionDiagnosticSettings_List',
        kind: 'access_denied',
      },
    ]);
    const run = await collectService(monitor, scenario);
    expect(run.resources.filter((each) => each.type === 'azure.monitor.activity-log-category')).toEqual([]);
    expect(run.gaps.map((gap) => gap.operation)).toEqual(['SubscriptionDiagnosticSettings_List']);
  });
});

describe('the Monitor simulator', () => {
  const registry = serviceRegistry(monitor);
  const withSettings = (
    activityLogDiagnosticSettings: unknown[],
    logAnalyticsWorkspaces: unknown[] = [],
  ) => ({
    name: 'monitor',
    description: 'Monitor scenario',
    azure: {
      subscriptions: [
        {
          subscriptionId: '00000000-1111-4222-8333-444455556666',
          tenantId: '99999999-8888-4777-8666-555544443333',
          label: 'prod',
          activityLogDiagnosticSettings,
          logAnalyticsWorkspaces,
        },
      ],
    },
  });

  it('refuses a setting without a destination and a Free workspace keeping 30 days', () => {
    const load = () =>
      registry.loadScenario(
        withSettings(
          [{ name: 'nowhere', logs: [{ category: 'Administrative', enabled: true }] }],
          [{ name: 'free-ws', resourceGroup: 'rg', location: 'eastus', sku: 'Free', retentionInDays: 30 }],
        ),
      );
    expect(load).toThrow(
      'azure.subscriptions[0].activityLogDiagnosticSettings[0]: a diagnostic setting needs a destination',
    );
    expect(load).toThrow(
      'azure.subscriptions[0].logAnalyticsWorkspaces[0].retentionInDays: a Free-tier workspace keeps data for 7 days',
    );
  });

  it('names an unknown activity log category by its path', () => {
    expect(() =>
      registry.loadScenario(
        withSettings([
          {
            name: 'x',
            storageAccountId:
              '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a',
            logs: [{ category: 'Audit', enabled: true }],
          },
        ]),
      ),
    ).toThrow('azure.subscriptions[0].activityLogDiagnosticSettings[0].logs[0]');
  });

  it('generates workspaces and an activity-log setting pointing at one of them', () => {
    const scenario = registry.generateScenario({
      awsAccounts: 0,
      regions: 1,
      perRegion: 0,
      azureSubscriptions: 3,
      perSubscription: 40,
      latencyMs: 0,
      seed: 11,
    });
    for (const owner of scenario.azure.subscriptions) {
      expect(owner.logAnalyticsWorkspaces).toHaveLength(2);
      for (const setting of owner.activityLogDiagnosticSettings as { workspaceId: string }[])
        expect(setting.workspaceId).toContain(`/subscriptions/${owner.subscriptionId}/`);
    }
  });
});
