import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { ActivityLogCategoryProperties, WorkspaceProperties } from './resource';

const subscription = '00000000-0000-0000-0000-000000000001';
const workspaceId = (group: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.OperationalInsights/workspaces/${name}`;

export function compliantCategoryProperties(category = 'Administrative'): ActivityLogCategoryProperties {
  return {
    subscriptionId: subscription,
    category,
    exports: [
      { setting: 'activity-log-to-secops', destinations: ['Log Analytics workspace nwv-secops-logs'] },
    ],
    workspaces: [{ id: workspaceId('rg-sec', 'nwv-secops-logs'), name: 'nwv-secops-logs', sentinel: true }],
    sentinelWorkspacesInSubscription: ['nwv-secops-logs'],
  };
}

export function compliantWorkspaceProperties(): WorkspaceProperties {
  return {
    resourceGroup: 'rg-sec',
    skuName: 'PerGB2018',
    retentionInDays: 365,
    sentinelOnboarded: true,
    activityLogCategories: ['Administrative', 'Security', 'Policy'],
  };
}

interface Options<P> {
  name?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof P, unknown>>;
  missing?: (keyof P)[];
}

function build<P extends object>(
  type: string,
  nativeId: string,
  name: string,
  base: P,
  options: Options<P>,
): NormalizedResource {
  const phi = options.phi ?? false;
  const properties: Record<string, unknown> = { ...(base as Record<string, unknown>), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key as string];
  return {
    provider: 'azure',
    type,
    nativeId,
    name,
    scopeId: subscription,
    region: type.endsWith('workspace') ? 'eastus' : 'global',
    tags: phi ? { 'data-classification': 'phi' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag data-classification=phi' : null,
    evidenceIds: [3],
  };
}

export function category(name = 'Administrative', options: Options<ActivityLogCategoryProperties> = {}) {
  return build(
    'azure.monitor.activity-log-category',
    `/subscriptions/${subscription}/providers/Microsoft.Insights/eventtypes/management/categories/${name}`,
    `${name} activity log`,
    compliantCategoryProperties(name),
    options,
  );
}

export function workspace(options: Options<WorkspaceProperties> = {}) {
  const name = options.name ?? 'nwv-secops-logs';
  return build(
    'azure.monitor.workspace',
    workspaceId('rg-sec', name),
    name,
    compliantWorkspaceProperties(),
    options,
  );
}

const opsWorkspace = { id: workspaceId('rg-ops', 'nwv-ops-logs'), name: 'nwv-ops-logs', sentinel: false };

export const monitorFixtures: ServiceFixtures = {
  'azure.monitor.activity-log-export': {
    pass: [
      {
        name: 'exported to a workspace',
        resource: category(),
        detail: `The Administrative activity log of subscription ${subscription} is exported by activity-log-to-secops (to Log Analytics workspace nwv-secops-logs).`,
      },
    ],
    fail: [
      {
        name: 'no setting exports it',
        resource: category('Security', { properties: { exports: [], workspaces: [] } }),
        detail: `The Security activity log of subscription ${subscription} is not exported by any subscription diagnostic setting: Azure keeps it for 90 days only, outside any log workspace.`,
      },
    ],
    notApplicable: [
      {
        name: 'settings not collected',
        resource: category('Policy', { missing: ['exports'] }),
        detail: /^Not assessed: the diagnostic settings of the Policy activity log/,
      },
    ],
  },
  'azure.monitor.activity-log-sentinel': {
    pass: [
      {
        name: 'reaches a Sentinel workspace',
        resource: category(),
        detail: 'reaches Log Analytics workspace nwv-secops-logs, which has Microsoft Sentinel onboarded.',
      },
    ],
    fail: [
      {
        name: 'reaches only a workspace without Sentinel, Sentinel elsewhere',
        resource: category('Security', {
          properties: {
            exports: [{ setting: 'archive', destinations: ['Log Analytics workspace nwv-ops-logs'] }],
            workspaces: [opsWorkspace],
          },
        }),
        detail:
          'reaches Log Analytics workspace nwv-ops-logs, where Microsoft Sentinel is not onboarded: no analytics rule or incident is raised from it. Microsoft Sentinel is onboarded on nwv-secops-logs, which does not receive it.',
      },
      {
        name: 'not exported, no Sentinel in the subscription',
        resource: category('Policy', {
          properties: { exports: [], workspaces: [], sentinelWorkspacesInSubscription: [] },
        }),
        detail:
          'reaches no Log Analytics workspace (it is not exported), so no Sentinel analytics rule sees it. No workspace of the subscription has Microsoft Sentinel onboarded.',
      },
      {
        name: 'exported to storage only',
        resource: category('Policy', {
          properties: {
            exports: [{ setting: 'archive', destinations: ['storage account nwvdiaglogs'] }],
            workspaces: [],
          },
          missing: ['sentinelWorkspacesInSubscription'],
        }),
        detail:
          /reaches no Log Analytics workspace \(it is exported, but not to a Log Analytics workspace\), so no Sentinel analytics rule sees it\.$/,
      },
    ],
    notApplicable: [
      {
        name: 'onboarding state not read',
        resource: category('Security', {
          properties: { workspaces: [{ ...opsWorkspace, sentinel: null }] },
        }),
        detail:
          /^Not assessed: the Microsoft Sentinel onboarding state \(workspace nwv-ops-logs\) of the Security activity log/,
      },
      {
        name: 'settings not collected',
        resource: category('Security', { missing: ['exports'] }),
        detail: /^Not assessed: the diagnostic settings/,
      },
    ],
  },
  'azure.monitor.workspace-retention': {
    pass: [
      {
        name: '365 days',
        resource: workspace(),
        detail: 'Log Analytics workspace nwv-secops-logs keeps logs for 365 days.',
      },
      {
        name: 'exactly 90 days',
        resource: workspace({ properties: { retentionInDays: 90 } }),
        detail: 'keeps logs for 90 days.',
      },
    ],
    fail: [
      {
        name: 'default 30 days',
        resource: workspace({ name: 'nwv-ops-logs', properties: { retentionInDays: 30 } }),
        detail: 'Log Analytics workspace nwv-ops-logs keeps logs for 30 days, less than 90.',
      },
      {
        name: 'Free tier on a PHI workspace',
        resource: workspace({ phi: true, properties: { retentionInDays: 7, skuName: 'Free' } }),
        detail:
          'keeps logs for 7 days (Free tier), less than 90. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'retention not reported',
        resource: workspace({ properties: { retentionInDays: null } }),
        detail:
          /^Not assessed: the retention period \(ARM did not report retentionInDays\) of Log Analytics workspace nwv-secops-logs/,
      },
      {
        name: 'retention not collected',
        resource: workspace({ missing: ['retentionInDays'] }),
        detail: /^Not assessed: the retention period of Log Analytics workspace/,
      },
    ],
  },
};
