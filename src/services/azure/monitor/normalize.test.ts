import { describe, expect, it } from 'vitest';
import {
  exportsCategory,
  normalizeActivityLogSetting,
  normalizeWorkspace,
  sentinelOnboarded,
  workspaceRef,
} from './normalize';

describe('normalizeActivityLogSetting', () => {
  it('reads the reference example: allLogs to a workspace, storage account and event hub', () => {
    // SubscriptionDiagnosticSettings_List example (2021-05-01-preview): id without a leading slash, type null.
    const setting = normalizeActivityLogSetting({
      id: 'subscriptions/fb9f/providers/AzureResourceManager/diagnosticSettings/ds4',
      name: 'ds4',
      properties: {
        storageAccountId:
          '/subscriptions/fb9f/resourceGroups/apptest/providers/Microsoft.Storage/storageAccounts/appteststorage1',
        workspaceId:
          '/subscriptions/fb9f/resourceGroups/apptest/providers/Microsoft.OperationalInsights/workspaces/test1',
        eventHubAuthorizationRuleId:
          '/subscriptions/fb9f/resourceGroups/apptest/providers/microsoft.eventhub/namespaces/mynamespace/eventhubs/myeventhub/authorizationrules/myrule',
        logs: [{ categoryGroup: 'allLogs', enabled: true }],
      },
    });
    expect(setting).toEqual({
      name: 'ds4',
      categories: [],
      allLogs: true,
      workspaceId:
        '/subscriptions/fb9f/resourceGroups/apptest/providers/Microsoft.OperationalInsights/workspaces/test1',
      destinations: [
        'Log Analytics workspace test1',
        'storage account appteststorage1',
        'event hub default (mynamespace)',
      ],
    });
    expect(exportsCategory(setting!, 'Security')).toBe(true);
  });

  it('counts only enabled categories, and nothing without a destination', () => {
    const setting = normalizeActivityLogSetting({
      name: 'partial',
      properties: {
        workspaceId:
          '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w',
        logs: [
          { category: 'Administrative', enabled: true },
          { category: 'Security', enabled: false },
        ],
      },
    })!;
    expect(exportsCategory(setting, 'administrative')).toBe(true);
    expect(exportsCategory(setting, 'Security')).toBe(false);
    expect(exportsCategory({ ...setting, destinations: [] }, 'Administrative')).toBe(false);
  });
});

describe('normalizeWorkspace and the Sentinel state', () => {
  it('keeps an unreported retention as null', () => {
    expect(
      normalizeWorkspace({
        id: '/subscriptions/s/resourceGroups/RG-Ops/providers/Microsoft.OperationalInsights/workspaces/w',
        name: 'w',
        location: 'East US',
        properties: { sku: { name: 'PerGB2018' } },
      }),
    ).toEqual({
      id: '/subscriptions/s/resourceGroups/RG-Ops/providers/Microsoft.OperationalInsights/workspaces/w',
      name: 'w',
      location: 'eastus',
      tags: {},
      properties: { resourceGroup: 'RG-Ops', skuName: 'PerGB2018', retentionInDays: null },
    });
  });

  it('splits a workspace id and reads an onboarding list', () => {
    expect(
      workspaceRef('/subscriptions/s/resourcegroups/rg/providers/microsoft.operationalinsights/workspaces/w'),
    ).toEqual({
      subscriptionId: 's',
      resourceGroupName: 'rg',
      workspaceName: 'w',
    });
    expect(
      workspaceRef('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a'),
    ).toBeNull();
    expect(sentinelOnboarded({ value: [{ name: 'default' }] })).toBe(true);
    expect(sentinelOnboarded({ value: [] })).toBe(false);
  });
});
