import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { logGroupCategory } from './normalize';
import type { LogGroupProperties } from './resource';

/** Log groups as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-44cd-96ef-1234567890ab';

function group(
  name: string,
  overrides: Partial<LogGroupProperties> = {},
  options: { phi?: boolean; missing?: (keyof LogGroupProperties)[] } = {},
): NormalizedResource {
  const phi = options.phi ?? false;
  const properties: Record<string, unknown> = {
    logGroupName: name,
    kmsKeyId: KEY,
    retentionInDays: 365,
    logGroupClass: 'STANDARD',
    storedBytes: 1024,
    category: logGroupCategory(name),
    tagsCollected: true,
    ...overrides,
  };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.logs.log-group',
    nativeId: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`,
    name,
    scopeId: ACCOUNT,
    region: 'us-east-1',
    tags: phi ? { phi: 'true' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2],
  };
}

export const logsFixtures: ServiceFixtures = {
  'aws.logs.application-logs-cmk': {
    pass: [
      {
        name: 'Lambda log group under a customer managed key',
        resource: group('/aws/lambda/nwv-telehealth-notes-sync', { retentionInDays: 2192 }, { phi: true }),
        detail: `is encrypted with the customer managed KMS key ${KEY}. Retention: events kept 2192 days.`,
      },
    ],
    fail: [
      {
        name: 'PHI Lambda log group on CloudWatch keys, never expiring',
        resource: group(
          '/aws/lambda/nwv-support-ticket-intake',
          { kmsKeyId: null, retentionInDays: null },
          { phi: true },
        ),
        detail:
          "is encrypted only with CloudWatch Logs' own keys (no kmsKeyId): anyone allowed to read log events can read it, and no key use is logged. Retention: events never expire. It is classified as PHI",
      },
      {
        name: 'an application group named outside /aws/',
        resource: group('/nwv/orders-api', { kmsKeyId: null }),
        detail: "encrypted only with CloudWatch Logs' own keys",
      },
      {
        name: 'an AWS service group tagged as PHI',
        resource: group('/aws/events/intake-forms', { kmsKeyId: null }, { phi: true }),
        detail: 'no kmsKeyId',
      },
    ],
    notApplicable: [
      {
        name: 'a flow log group',
        resource: group('/nwv/vpc/flow-logs', { kmsKeyId: null }),
        detail: 'is an audit (flow log or CloudTrail) log group, not tagged as PHI',
      },
      {
        name: 'an AWS service group whose tags are unknown',
        resource: group('/aws/events/rules', { kmsKeyId: null, tagsCollected: false }),
        detail: /Not assessed:.*ListTagsForResource/,
      },
      {
        name: 'an AWS service group, tags read',
        resource: group('/aws/events/rules', { kmsKeyId: null }),
        detail: 'is an AWS service log group',
      },
    ],
  },
  'aws.logs.audit-log-retention': {
    pass: [
      {
        name: 'CloudTrail group kept 7 years',
        resource: group('nwv-prod-cloudtrail', { retentionInDays: 2557 }),
        detail: 'keeps audit events for 2557 days',
      },
      {
        name: 'flow logs never expire',
        resource: group('/nwv/vpc/flow-logs', { retentionInDays: null }),
        detail: 'without expiry',
      },
    ],
    fail: [
      {
        name: 'flow logs kept 30 days',
        resource: group('/nwv/vpc/flow-logs', { retentionInDays: 30 }),
        detail: 'deletes audit events after 30 days, less than 365',
      },
    ],
    notApplicable: [
      {
        name: 'an application group',
        resource: group('/ecs/nwv-checkout-api', { retentionInDays: 14 }),
        detail: 'is not a flow log or CloudTrail log group',
      },
      {
        name: 'settings unread',
        resource: group('/nwv/vpc/flow-logs', {}, { missing: ['retentionInDays'] }),
        detail: 'Not assessed:',
      },
    ],
  },
};
