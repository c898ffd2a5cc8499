import { z } from 'zod';
import {
  azureLocation,
  guid,
  isoTime,
  scenarioTags,
  type AzureServiceSim,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/** The activity log's categories (Azure Monitor, "Azure Activity log event schema"). */
const activityLogCategories = [
  'Administrative',
  'Security',
  'ServiceHealth',
  'Alert',
  'Recommendation',
  'Policy',
  'Autoscale',
  'ResourceHealth',
] as const;

const armId = z
  .string()
  .regex(/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/.+/i, 'must be an ARM resource id');

const scenarioLog = z.union([
  z.strictObject({ category: z.enum(activityLogCategories), enabled: z.boolean() }),
  z.strictObject({ categoryGroup: z.literal('allLogs'), enabled: z.boolean() }),
]);

const scenarioActivityLogSetting = z.strictObject({
  name: z.string().regex(/^[^/?#%&:\\<>*]{1,260}$/, 'must be a diagnostic setting name'),
  workspaceId: armId.optional(),
  storageAccountId: armId.optional(),
  eventHubAuthorizationRuleId: armId.optional(),
  eventHubName: z.string().min(1).optional(),
  logs: z.array(scenarioLog).default([]),
});

const scenarioWorkspace = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/, 'must be a workspace name (4–63 characters)'),
  resourceGroup: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
  location: azureLocation,
  tags: scenarioTags.default({}),
  sku: z.enum(['PerGB2018', 'Free', 'CapacityReservation', 'Standalone']).default('PerGB2018'),
  /** null = ARM omits retentionInDays */
  retentionInDays: z.number().int().min(7).max(730).nullable().default(30),
  /** Microsoft Sentinel onboarded (a 'default' onboarding state) */
  sentinel: z.boolean().default(false),
  customerId: guid.optional(),
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
});

export type ScenarioActivityLogSetting = z.output<typeof scenarioActivityLogSetting>;
export type ScenarioWorkspace = z.output<typeof scenarioWorkspace>;

const subscription = {
  activityLogDiagnosticSettings: z.array(scenarioActivityLogSetting).max(5).default([]),
  logAnalyticsWorkspaces: z.array(scenarioWorkspace).default([]),
};

function checkMonitor(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.azure.subscriptions.forEach((each, s) => {
    const settings = each.activityLogDiagnosticSettings as ScenarioActivityLogSetting[];
    const names = new Set<string>();
    settings.forEach((setting, i) => {
      const path = ['azure', 'subscriptions', s, 'activityLogDiagnosticSettings', i];
      if (names.has(setting.name.toLowerCase()))
        issue([...path, 'name'], `setting ${setting.name} is already defined`);
      names.add(setting.name.toLowerCase());
      // ARM refuses a diagnostic setting without a destination.
      if (!setting.workspaceId && !setting.storageAccountId && !setting.eventHubAuthorizationRuleId)
        issue(
          path,
          'a diagnostic setting needs a destination (workspaceId, storageAccountId or eventHubAuthorizationRuleId)',
        );
    });
    const workspaces = new Set<string>();
    (each.logAnalyticsWorkspaces as ScenarioWorkspace[]).forEach((workspace, w) => {
      const path = ['azure', 'subscriptions', s, 'logAnalyticsWorkspaces', w];
      const key = `${workspace.resourceGroup}/${workspace.name}`.toLowerCase();
      if (workspaces.has(key))
        issue([...path, 'name'], `workspace ${workspace.name} is already in ${workspace.resourceGroup}`);
      workspaces.add(key);
      if (workspace.sku === 'Free' && workspace.retentionInDays !== null && workspace.retentionInDays !== 7)
        issue([...path, 'retentionInDays'], 'a Free-tier workspace keeps data for 7 days');
    });
  });
}

function settingId(subscriptionId: string, name: string): string {
  return `/subscriptions/${subscriptionId}/providers/microsoft.insights/diagnosticSettings/${name}`;
}

/** One entry of SubscriptionDiagnosticSettings_List, destinations omitted when unset. */
export function armActivityLogSetting(subscriptionId: string, setting: ScenarioActivityLogSetting): object {
  return {
    id: settingId(subscriptionId, setting.name),
    type: 'Microsoft.Insights/diagnosticSettings',
    name: setting.name,
    properties: {
      ...(setting.storageAccountId ? { storageAccountId: setting.storageAccountId } : {}),
      ...(setting.workspaceId ? { workspaceId: setting.workspaceId } : {}),
      ...(setting.eventHubAuthorizationRuleId
        ? { eventHubAuthorizationRuleId: setting.eventHubAuthorizationRuleId }
        : {}),
      ...(setting.eventHubName ? { eventHubName: setting.eventHubName } : {}),
      logs: setting.logs,
    },
  };
}

/** A stable customerId (the workspace GUID) from the workspace's name when the scenario gives none. */
function customerId(workspace: ScenarioWorkspace): string {
  if (workspace.customerId) return workspace.customerId;
  let hash = 0x811c9dc5;
  let hex = '';
  for (let round = 0; hex.length < 32; round += 1) {
    for (const char of `${workspace.resourceGroup}/${workspace.name}#${round}`)
      hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    hex += hash.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function workspaceId(subscriptionId: string, workspace: ScenarioWorkspace): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${workspace.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${workspace.name}`;
}

/** A workspace as Workspaces_List answers it at 2023-09-01. */
export function armWorkspace(subscriptionId: string, workspace: ScenarioWorkspace): object {
  return {
    id: workspaceId(subscriptionId, workspace),
    name: workspace.name,
    type: 'Microsoft.OperationalInsights/workspaces',
    location: workspace.location,
    tags: workspace.tags,
    properties: {
      customerId: customerId(workspace),
      provisioningState: 'Succeeded',
      sku: { name: workspace.sku, lastSkuUpdate: workspace.createdAt },
      ...(workspace.retentionInDays !== null ? { retentionInDays: workspace.retentionInDays } : {}),
      features: { legacy: 0, searchVersion: 1, enableLogAccessUsingOnlyResourcePermissions: true },
      workspaceCapping: { dailyQuotaGb: -1, dataIngestionStatus: 'RespectQuota' },
      publicNetworkAccessForIngestion: 'Enabled',
      publicNetworkAccessForQuery: 'Enabled',
      createdDate: workspace.createdAt,
      modifiedDate: workspace.createdAt,
    },
  };
}

const generatedLocations = ['eastus', 'eastus2', 'westus2', 'centralus'] as const;

export const monitorSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkMonitor,
  answers: {
    SubscriptionDiagnosticSettings_List: ({ subscription: owner }) => ({
      list: owner.activityLogDiagnosticSettings.map((setting) =>
        armActivityLogSetting(owner.subscriptionId, setting),
      ),
    }),
    Workspaces_List: ({ subscription: owner }) => ({
      list: [...owner.logAnalyticsWorkspaces]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((workspace) => armWorkspace(owner.subscriptionId, workspace)),
    }),
    SentinelOnboardingStates_List: ({ subscription: owner, params }) => {
      const group = (params.resourceGroupName ?? '').toLowerCase();
      const name = (params.workspaceName ?? '').toLowerCase();
      const workspace = owner.logAnalyticsWorkspaces.find(
        (each) => each.name.toLowerCase() === name && each.resourceGroup.toLowerCase() === group,
      );
      if (!workspace)
        return {
          status: 404,
          code: 'ResourceNotFound',
          message: `The Resource 'Microsoft.OperationalInsights/workspaces/${params.workspaceName ?? ''}' under resource group '${params.resourceGroupName ?? ''}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
        };
      const id = `${workspaceId(owner.subscriptionId, workspace)}/providers/Microsoft.SecurityInsights/onboardingStates/default`;
      return {
        list: workspace.sentinel
          ? [
              {
                id,
                name: 'default',
                type: 'Microsoft.SecurityInsights/onboardingStates',
                properties: { customerManagedKey: false },
              },
            ]
          : [],
      };
    },
  },
  locations: (owner) => owner.logAnalyticsWorkspaces.map((workspace) => workspace.location),
  demo,
  generate({ index, subscriptionId, count, tag, random }) {
    const { chance, pick } = random;
    const workspaces = Array.from({ length: Math.max(1, Math.ceil(count / 20)) }, (_, i) => ({
      name: `g${tag}-law${index}x${i}`,
      resourceGroup: `rg-generated-${i % 10}`,
      location: pick(generatedLocations),
      tags: chance(0.3) ? { phi: 'true' } : {},
      retentionInDays: pick([30, 30, 90, 180, 365] as const),
      sentinel: i === 0 && chance(0.5),
    }));
    const first = workspaces[0]!;
    return {
      logAnalyticsWorkspaces: workspaces,
      activityLogDiagnosticSettings: chance(0.7)
        ? [
            {
              name: 'activity-log',
              workspaceId: `/subscriptions/${subscriptionId}/resourceGroups/${first.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${first.name}`,
              logs: chance(0.5)
                ? [{ categoryGroup: 'allLogs' as const, enabled: true }]
                : [
                    { category: 'Administrative' as const, enabled: true },
                    { category: 'Security' as const, enabled: chance(0.5) },
                  ],
            },
          ]
        : [],
    };
  },
};
