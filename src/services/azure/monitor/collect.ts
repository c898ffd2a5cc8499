import { mapWithConcurrency, type AzureCollectContext, type NormalizedResource } from '../../../kit';
import {
  exportsCategory,
  lastSegment,
  normalizeActivityLogSetting,
  normalizeWorkspace,
  SECURITY_CATEGORIES,
  workspaceRef,
  type ActivityLogSetting,
  type ArmResource,
  type NormalizedWorkspace,
} from './normalize';
import { ops } from './operations';
import { activityLogCategory, logAnalyticsWorkspace, type ActivityLogCategoryProperties } from './resource';

const PARALLEL = 8;

interface SentinelState {
  /** null when the onboarding read failed */
  onboarded: boolean | null;
  evidenceId: number;
}

/** Sentinel onboarding of one workspace, by its ARM id (a workspace of another subscription too). */
async function readSentinel(ctx: AzureCollectContext, workspaceId: string): Promise<SentinelState | null> {
  const ref = workspaceRef(workspaceId);
  if (!ref) return null;
  const listed = await ctx.list(ops.listSentinelOnboarding, ref, {
    subject: `workspace ${ref.workspaceName}`,
  });
  const evidenceId = listed.pages[0]?.evidenceId ?? -1;
  if (listed.status === 'gap') return { onboarded: null, evidenceId };
  return { onboarded: listed.items.length > 0, evidenceId };
}

const key = (id: string) => id.replace(/^\/?/, '/').toLowerCase();

/**
 * The subscription's activity-log export (SubscriptionDiagnosticSettings_List), its Log Analytics
 * workspaces (Workspaces_List) and Microsoft Sentinel onboarding on each workspace in the
 * subscription or named as an export destination (SentinelOnboardingStates_List). Resources: one
 * per workspace, and one per security-relevant activity-log category (Administrative, Security,
 * Policy) of the subscription.
 */
export async function collectMonitor(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const [settingsList, workspaceList] = await Promise.all([
    ctx.list(ops.listActivityLogSettings),
    ctx.list(ops.listWorkspaces),
  ]);
  const settings = settingsList.items.flatMap(({ item }) => {
    const setting = normalizeActivityLogSetting(item as ArmResource);
    return setting ? [setting] : [];
  });
  const workspaces = workspaceList.items.flatMap(({ item, evidenceId }) => {
    const workspace = normalizeWorkspace(item as ArmResource);
    return workspace ? [{ workspace, evidenceId }] : [];
  });
  const ids = new Map<string, string>();
  for (const { workspace } of workspaces) ids.set(key(workspace.id), workspace.id);
  for (const setting of settings)
    if (setting.workspaceId) ids.set(key(setting.workspaceId), setting.workspaceId);
  const states = new Map<string, SentinelState>();
  await mapWithConcurrency([...ids.entries()], PARALLEL, async ([lower, id]) => {
    const state = await readSentinel(ctx, id);
    if (state) states.set(lower, state);
  });

  const resources: NormalizedResource[] = workspaces.map(({ workspace, evidenceId }) =>
    workspaceResource(ctx, workspace, evidenceId, states.get(key(workspace.id)), settings),
  );
  // Without the settings list there is nothing to say about the activity log: a coverage gap.
  if (settingsList.status === 'ok') {
    const settingsEvidence = settingsList.pages.map((page) => page.evidenceId);
    const sentinelInSubscription =
      workspaceList.status === 'ok'
        ? workspaces
            .filter(({ workspace }) => states.get(key(workspace.id))?.onboarded === true)
            .map(({ workspace }) => workspace.name)
        : undefined;
    for (const category of SECURITY_CATEGORIES) {
      const exporting = settings.filter((setting) => exportsCategory(setting, category));
      const workspaceIds = [
        ...new Set(exporting.flatMap((setting) => (setting.workspaceId ? [setting.workspaceId] : []))),
      ];
      const properties: ActivityLogCategoryProperties = {
        subscriptionId: ctx.subscriptionId,
        category,
        exports: exporting.map((setting) => ({ setting: setting.name, destinations: setting.destinations })),
        workspaces: workspaceIds.map((id) => ({
          id,
          name: lastSegment(id),
          sentinel: states.get(key(id))?.onboarded ?? null,
        })),
        ...(sentinelInSubscription ? { sentinelWorkspacesInSubscription: sentinelInSubscription } : {}),
      };
      const sentinelEvidence = workspaceIds.flatMap((id) => {
        const evidenceId = states.get(key(id))?.evidenceId;
        return evidenceId !== undefined && evidenceId >= 0 ? [evidenceId] : [];
      });
      resources.push(
        ctx.resource({
          type: activityLogCategory.type,
          nativeId: `/subscriptions/${ctx.subscriptionId}/providers/Microsoft.Insights/eventtypes/management/categories/${category}`,
          name: `${category} activity log`,
          region: 'global',
          tags: {},
          properties: { ...properties },
          evidenceIds: [...settingsEvidence, ...sentinelEvidence],
        }),
      );
    }
  }
  return resources;
}

function workspaceResource(
  ctx: AzureCollectContext,
  workspace: NormalizedWorkspace,
  evidenceId: number,
  sentinel: SentinelState | undefined,
  settings: readonly ActivityLogSetting[],
): NormalizedResource {
  const categories = SECURITY_CATEGORIES.filter((category) =>
    settings.some(
      (setting) =>
        setting.workspaceId !== null &&
        key(setting.workspaceId) === key(workspace.id) &&
        exportsCategory(setting, category),
    ),
  );
  return ctx.resource({
    type: logAnalyticsWorkspace.type,
    nativeId: workspace.id,
    name: workspace.name,
    region: workspace.location,
    tags: workspace.tags,
    properties: {
      ...workspace.properties,
      ...(sentinel && sentinel.onboarded !== null ? { sentinelOnboarded: sentinel.onboarded } : {}),
      activityLogCategories: [...categories],
    },
    evidenceIds: [evidenceId, ...(sentinel && sentinel.evidenceId >= 0 ? [sentinel.evidenceId] : [])],
  });
}
