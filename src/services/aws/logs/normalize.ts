import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { LogGroupProperties } from './resource';

/**
 * Pure conversions from CloudWatch Logs answers (JSON protocol) to LogGroupProperties. A log group
 * without a customer managed key has no kmsKeyId; one whose events never expire has no
 * retentionInDays (API_LogGroup).
 */

/** Audit trails delivered to CloudWatch Logs: VPC flow logs and CloudTrail. */
const auditPatterns = [/flow-?logs?/i, /vpc-?flow/i, /cloudtrail/i];

/** Groups whose events are written by application code, or carry request and query text. */
const applicationPatterns = [
  /^\/aws\/lambda\//,
  /^\/ecs\//,
  /^\/aws\/ecs\//,
  /^\/aws\/eks\/[^/]+\/containers/,
  /^\/aws\/containerinsights\/[^/]+\/application$/,
  /^\/aws\/elasticbeanstalk\//,
  /^\/aws\/apprunner\//,
  /^API-Gateway-Execution-Logs_/,
  /^\/aws\/rds\//,
  /^\/aws\/states\//,
];

export function logGroupCategory(name: string): LogGroupProperties['category'] {
  if (auditPatterns.some((pattern) => pattern.test(name))) return 'audit';
  // Container Insights performance events are metrics, not application output.
  if (/\/containerinsights\/[^/]+\/performance$/.test(name)) return 'aws-service';
  if (applicationPatterns.some((pattern) => pattern.test(name))) return 'application';
  // A name outside /aws/ was chosen by the shop: its own application's logs.
  return name.startsWith('/aws/') || name.startsWith('aws-') ? 'aws-service' : 'application';
}

/** arn:…:log-group:name:* → arn:…:log-group:name */
export function logGroupArnOf(group: LogGroup): string | null {
  if (group.logGroupArn) return group.logGroupArn;
  return group.arn ? group.arn.replace(/:\*$/, '') : null;
}

export function logGroupFrom(group: LogGroup): Omit<LogGroupProperties, 'tagsCollected'> | null {
  if (!group.logGroupName) return null;
  return {
    logGroupName: group.logGroupName,
    kmsKeyId: group.kmsKeyId?.trim() ? group.kmsKeyId : null,
    retentionInDays: typeof group.retentionInDays === 'number' ? group.retentionInDays : null,
    logGroupClass: group.logGroupClass ?? null,
    storedBytes: typeof group.storedBytes === 'number' ? group.storedBytes : null,
    category: logGroupCategory(group.logGroupName),
  };
}

/** "never expire" or "90 days" */
export function retentionText(days: number | null | undefined): string {
  return days === null || days === undefined ? 'events never expire' : `events kept ${days} days`;
}
