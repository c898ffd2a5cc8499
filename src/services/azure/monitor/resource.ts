import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** A Log Analytics workspace an activity-log category is sent to, and whether Sentinel watches it. */
export const destinationWorkspaceSchema = z.object({
  /** The workspace's ARM resource id, as the diagnostic setting names it */
  id: z.string(),
  name: z.string(),
  /** true/false from SentinelOnboardingStates_List; null when that read failed */
  sentinel: z.boolean().nullable(),
});

/** One diagnostic setting that exports the category, and where to. */
export const activityLogExportSchema = z.object({
  setting: z.string(),
  /** 'Log Analytics workspace nwv-ops-logs', 'storage account nwvdiaglogs', 'event hub …', 'partner solution …' */
  destinations: z.array(z.string()),
});

/**
 * resource.type 'azure.monitor.activity-log-category': one security-relevant category of a
 * subscription's activity log (Administrative, Security, Policy). nativeId =
 * /subscriptions/{id}/providers/Microsoft.Insights/eventtypes/management/categories/{category}
 * (the activity log has no ARM resource of its own; the id is this tool's, stable per subscription
 * and category); region 'global'.
 */
export const activityLogCategorySchema = z.object({
  subscriptionId: z.string(),
  category: z.string(),
  /** The diagnostic settings that export this category (enabled, with a destination) */
  exports: z.array(activityLogExportSchema),
  /** The Log Analytics workspaces those settings send it to */
  workspaces: z.array(destinationWorkspaceSchema),
  /**
   * Workspaces of the subscription with Microsoft Sentinel onboarded; absent when the workspace
   * list could not be read.
   */
  sentinelWorkspacesInSubscription: z.array(z.string()).optional(),
});

export type ActivityLogCategoryProperties = z.infer<typeof activityLogCategorySchema>;

/** resource.type 'azure.monitor.workspace'; nativeId = ARM resource id; region = location */
export const workspaceSchema = z.object({
  resourceGroup: z.string(),
  /** sku.name: 'PerGB2018', 'Free', 'CapacityReservation', … */
  skuName: z.string(),
  /** properties.retentionInDays; null when ARM did not report it */
  retentionInDays: z.number().int().nullable(),
  /** Microsoft Sentinel onboarded (SentinelOnboardingStates_List); absent when that read failed */
  sentinelOnboarded: z.boolean().optional(),
  /** The subscription's activity-log categories sent to this workspace */
  activityLogCategories: z.array(z.string()),
});

export type WorkspaceProperties = z.infer<typeof workspaceSchema>;

export const activityLogCategory = defineResourceType(
  'azure.monitor.activity-log-category',
  'Activity log category',
  activityLogCategorySchema,
);
export const logAnalyticsWorkspace = defineResourceType(
  'azure.monitor.workspace',
  'Log Analytics workspace',
  workspaceSchema,
);
