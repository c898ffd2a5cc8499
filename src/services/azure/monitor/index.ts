import { defineService } from '../../../kit';
import { collectMonitor } from './collect';
import { ops } from './operations';
import { activityLogCategory, logAnalyticsWorkspace } from './resource';
import { monitorActivityLogExport } from './rules/activity-log-export';
import { monitorActivityLogSentinel } from './rules/activity-log-sentinel';
import { monitorWorkspaceRetention } from './rules/workspace-retention';
import { monitorSim } from './sim';

/**
 * Azure Monitor: the subscription activity log's export, Log Analytics workspace retention and
 * Microsoft Sentinel onboarding on the workspaces the activity log reaches, through ARM.
 */
export const monitor = defineService({
  id: 'azure.monitor',
  provider: 'azure',
  service: 'monitor',
  title: 'Azure Monitor',
  hipaaListName: 'Azure Monitor',
  namespace: 'Microsoft.Insights',
  scope: 'global',
  operations: Object.values(ops),
  resources: [activityLogCategory, logAnalyticsWorkspace],
  rules: [monitorActivityLogExport, monitorActivityLogSentinel, monitorWorkspaceRetention],
  collect: collectMonitor,
  sim: monitorSim,
});
