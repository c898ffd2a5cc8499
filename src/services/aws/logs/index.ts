import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { defineService } from '../../../kit';
import { collectLogGroups } from './collect';
import { ops } from './operations';
import { logGroup } from './resource';
import { logsApplicationLogsCmk } from './rules/application-logs-cmk';
import { logsAuditLogRetention } from './rules/audit-log-retention';
import { logsSim } from './sim';

/** Amazon CloudWatch Logs: log groups' encryption, retention and tags per region; no log event is read. */
export const logs = defineService({
  id: 'aws.logs',
  provider: 'aws',
  service: 'logs',
  title: 'Amazon CloudWatch Logs',
  hipaaListName: 'logs',
  scope: 'regional',
  client: CloudWatchLogsClient,
  operations: Object.values(ops),
  resources: [logGroup],
  rules: [logsApplicationLogsCmk, logsAuditLogRetention],
  collect: collectLogGroups,
  sim: logsSim,
});
