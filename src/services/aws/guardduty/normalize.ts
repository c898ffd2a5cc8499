import type { GetDetectorResponse } from '@aws-sdk/client-guardduty';
import type { GuardDutyRegionProperties, TargetKind } from './resource';

/**
 * Pure conversions from GuardDuty and EventBridge answers to GuardDutyRegionProperties, tested on
 * plain objects. GetDetector (API reference "GetDetector"): Status ENABLED | DISABLED; Features is a
 * list of { Name, Status } (S3_DATA_EVENTS is S3 protection); DataSources is the older, deprecated
 * shape (S3Logs.Status) still answered beside it.
 */

type Detector = NonNullable<GuardDutyRegionProperties['detector']>;

/** The resource's stable id: one per account and region, detector or not. */
export function guardDutyRegionArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:guardduty:${region}:${accountId}:detectors`;
}

export function detectorArn(partition: string, region: string, accountId: string, id: string): string {
  return `arn:${partition}:guardduty:${region}:${accountId}:detector/${id}`;
}

/** '<region> of account <id>': the name every detail message carries. */
export function regionName(region: string, accountId: string): string {
  return `${region} of account ${accountId}`;
}

const timeText = (value: unknown): string | null => {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' && value !== '' ? value : null;
};

export function detectorFrom(
  output: GetDetectorResponse,
  ids: { detectorId: string; detectorArn: string },
): Detector {
  const features: Record<string, string> = {};
  for (const feature of output.Features ?? [])
    if (feature.Name && feature.Status) features[feature.Name] = feature.Status;
  const s3Feature = features.S3_DATA_EVENTS;
  const s3Logs = output.DataSources?.S3Logs?.Status;
  const s3Status = s3Feature ?? s3Logs;
  return {
    ...ids,
    status: output.Status ?? 'UNKNOWN',
    features,
    s3Protection: s3Status === undefined ? null : s3Status === 'ENABLED',
    findingPublishingFrequency: output.FindingPublishingFrequency ?? null,
    createdAt: timeText(output.CreatedAt),
  };
}

/**
 * Whether one value list of an event pattern (['aws.guardduty'], [{ prefix: 'aws.' }], …) matches a
 * value, per the EventBridge content-filtering operators this reads: exact strings, prefix,
 * anything-but and wildcard. An operator it does not know (numeric, cidr, exists) counts as no match.
 */
export function patternValueMatches(values: unknown, value: string): boolean {
  const list = Array.isArray(values) ? values : [values];
  return list.some((each) => {
    if (typeof each === 'string') return each === value;
    if (typeof each !== 'object' || each === null) return false;
    const operator = each as Record<string, unknown>;
    if (typeof operator.prefix === 'string') return value.startsWith(operator.prefix);
    if (typeof operator.wildcard === 'string') {
      const source = operator.wildcard
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
      return new RegExp(`^${source}$`).test(value);
    }
    if ('anything-but' in operator) {
      const excluded = operator['anything-but'];
      if (typeof excluded === 'object' && excluded !== null && !Array.isArray(excluded))
        return !patternValueMatches([excluded], value);
      return !(Array.isArray(excluded) ? excluded : [excluded]).includes(value);
    }
    return false;
  });
}

/** How a rule's pattern picks up GuardDuty findings, or null when it does not. */
export function findingPatternMatch(
  patternText: string | undefined,
): { via: 'guardduty' | 'securityhub'; filtered: boolean } | null {
  if (!patternText) return null;
  let pattern: unknown;
  try {
    pattern = JSON.parse(patternText);
  } catch {
    // EventBridge validates patterns on PutRule: unreadable text matches nothing we can claim.
    return null;
  }
  if (typeof pattern !== 'object' || pattern === null || Array.isArray(pattern)) return null;
  const fields = pattern as Record<string, unknown>;
  const matches = (field: string, value: string) =>
    fields[field] === undefined || patternValueMatches(fields[field], value);
  const filtered = fields.detail !== undefined;
  if (matches('source', 'aws.guardduty') && matches('detail-type', 'GuardDuty Finding'))
    return { via: 'guardduty', filtered };
  if (matches('source', 'aws.securityhub') && matches('detail-type', 'Security Hub Findings - Imported'))
    return { via: 'securityhub', filtered };
  return null;
}

/** What an EventBridge target ARN points at. */
export function targetKindOf(arn: string): TargetKind {
  const match = /^arn:[a-z-]+:([a-z0-9-]+):[a-z0-9-]*:\d{0,12}:(.*)$/.exec(arn);
  if (!match) return 'other';
  const service = match[1] as string;
  const resource = match[2] as string;
  switch (service) {
    case 'sns':
      return 'sns';
    case 'sqs':
      return 'sqs';
    case 'lambda':
      return 'lambda';
    case 'states':
      return 'step-functions';
    case 'ssm-incidents':
      return 'incident-manager';
    case 'firehose':
      return 'firehose';
    case 'kinesis':
      return 'kinesis';
    case 'logs':
      return 'logs';
    case 'events':
      if (resource.startsWith('event-bus/')) return 'event-bus';
      if (resource.startsWith('api-destination/')) return 'api-destination';
      return 'other';
    default:
      return 'other';
  }
}

/** The name part of a target ARN: the topic, queue, function, bus, destination, log group or plan. */
export function targetName(arn: string): string {
  const match = /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:(.*)$/.exec(arn);
  if (!match) return arn;
  const resource = (match[1] as string).replace(/:\*$/, '');
  const typed = /^(?:function|stateMachine|log-group):([^:]+)/.exec(resource);
  if (typed) return typed[1] as string;
  const slashed = /^(?:event-bus|api-destination|response-plan|deliverystream|stream)\/([^/]+)/.exec(
    resource,
  );
  if (slashed) return slashed[1] as string;
  return resource;
}

const kindLabel: Record<TargetKind, string> = {
  sns: 'SNS topic',
  sqs: 'SQS queue',
  lambda: 'Lambda function',
  'event-bus': 'event bus',
  'api-destination': 'API destination',
  'step-functions': 'Step Functions state machine',
  'incident-manager': 'Incident Manager response plan',
  firehose: 'Firehose stream',
  kinesis: 'Kinesis stream',
  logs: 'CloudWatch Logs group',
  other: 'target',
};

/** 'SNS topic nwv-security-alerts': what a target is, for detail messages. */
export function describeTarget(target: { arn: string; kind: TargetKind }): string {
  if (target.kind === 'other') return `target ${target.arn}`;
  const text = `${kindLabel[target.kind]} ${targetName(target.arn)}`;
  // A bus target forwards the findings: say where to, since it is often another region or account.
  if (target.kind !== 'event-bus') return text;
  const [, , , region, account] = target.arn.split(':');
  return `${text} in ${region ?? '?'} of account ${account ?? '?'}`;
}
