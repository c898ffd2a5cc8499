import { flagOf as flag, resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import type { WorkspaceProperties } from './resource';

/** Pure conversion of Microsoft.Insights / Microsoft.OperationalInsights JSON into a resource's parts. */

/** The activity-log categories whose export and monitoring this service judges. */
export const SECURITY_CATEGORIES = ['Administrative', 'Security', 'Policy'] as const;

export interface ArmResource {
  id?: unknown;
  name?: unknown;
  location?: unknown;
  tags?: unknown;
  properties?: Record<string, unknown> | null;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** The last segment of an ARM id: '…/workspaces/nwv-ops-logs' → 'nwv-ops-logs' */
export function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}

/** '/subscriptions/S/resourceGroups/RG/providers/Microsoft.OperationalInsights/workspaces/W' → parts */
export function workspaceRef(
  id: string,
): { subscriptionId: string; resourceGroupName: string; workspaceName: string } | null {
  const match =
    /^\/?subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.OperationalInsights\/workspaces\/([^/]+)$/i.exec(
      id.trim(),
    );
  if (!match) return null;
  return { subscriptionId: match[1]!, resourceGroupName: match[2]!, workspaceName: match[3]! };
}

export interface ActivityLogSetting {
  name: string;
  /** Categories the setting sends ('allLogs' expands to every category) */
  categories: string[];
  allLogs: boolean;
  workspaceId: string | null;
  /** Readable destinations, the workspace first */
  destinations: string[];
}

/** One entry of SubscriptionDiagnosticSettings_List; null without a name. */
export function normalizeActivityLogSetting(entry: ArmResource): ActivityLogSetting | null {
  const name = text(entry.name) ?? (text(entry.id) ? lastSegment(String(entry.id)) : undefined);
  if (!name) return null;
  const props = entry.properties ?? {};
  const logs = Array.isArray(props.logs) ? props.logs.map(record) : [];
  const enabled = logs.filter((log) => log && flag(log.enabled) === true);
  const allLogs = enabled.some((log) => text(log?.categoryGroup)?.toLowerCase() === 'alllogs');
  const categories = enabled.flatMap((log) => {
    const category = text(log?.category);
    return category ? [category] : [];
  });
  const workspaceId = text(props.workspaceId) ?? null;
  const storage = text(props.storageAccountId);
  const eventHub = text(props.eventHubAuthorizationRuleId);
  const partner = text(props.marketplacePartnerId);
  const destinations = [
    ...(workspaceId ? [`Log Analytics workspace ${lastSegment(workspaceId)}`] : []),
    ...(storage ? [`storage account ${lastSegment(storage)}`] : []),
    ...(eventHub
      ? [`event hub ${text(props.eventHubName) ?? 'default'} (${eventHubNamespace(eventHub)})`]
      : []),
    ...(partner ? [`partner solution ${lastSegment(partner)}`] : []),
  ];
  return { name, categories, allLogs, workspaceId, destinations };
}

function eventHubNamespace(ruleId: string): string {
  return /\/namespaces\/([^/]+)/i.exec(ruleId)?.[1] ?? lastSegment(ruleId);
}

/** Whether a setting exports a category: enabled for it (or for allLogs) and sent somewhere. */
export function exportsCategory(setting: ActivityLogSetting, category: string): boolean {
  if (setting.destinations.length === 0) return false;
  return setting.allLogs || setting.categories.some((each) => each.toLowerCase() === category.toLowerCase());
}

export interface NormalizedWorkspace {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  properties: Omit<WorkspaceProperties, 'sentinelOnboarded' | 'activityLogCategories'>;
}

/** A workspace of Workspaces_List; null when it lacks an id, name or location. */
export function normalizeWorkspace(entry: ArmResource): NormalizedWorkspace | null {
  const id = text(entry.id);
  const name = text(entry.name);
  const location = text(entry.location);
  if (!id || !name || !location) return null;
  const props = entry.properties ?? {};
  const retention = props.retentionInDays;
  return {
    id,
    name,
    location: location.toLowerCase().replace(/\s+/g, ''),
    tags: tagsOf(entry.tags),
    properties: {
      resourceGroup: resourceGroupOf(id),
      skuName: text(record(props.sku)?.name) ?? 'unknown',
      retentionInDays: typeof retention === 'number' && Number.isInteger(retention) ? retention : null,
    },
  };
}

/** SentinelOnboardingStates_List: onboarded when the list holds a state (named 'default'). */
export function sentinelOnboarded(body: unknown): boolean {
  const value = record(body)?.value;
  return Array.isArray(value) && value.length > 0;
}
