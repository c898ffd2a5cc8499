import { EventBridgeServiceException } from '@aws-sdk/client-eventbridge';
import { GuardDutyServiceException } from '@aws-sdk/client-guardduty';
import { z } from 'zod';
import {
  awsPage,
  awsRegion,
  awsServiceError,
  isoTime,
  scenarioTags,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * GuardDuty and EventBridge in a scenario: each account's detectors (at most one per region) and the
 * rules of each region's default event bus. Answers follow the API references:
 * - GuardDuty ListDetectors: GET /detector?maxResults&nextToken, MaxResults 1–50 (default 50),
 *   { DetectorIds, NextToken }; an empty list where no detector exists.
 * - GuardDuty GetDetector: Status ENABLED | DISABLED, Features [{ Name, Status, UpdatedAt }] (S3_DATA_EVENTS
 *   is S3 protection), the deprecated DataSources still answered beside it (S3Logs.Status), CreatedAt
 *   and UpdatedAt as strings; an id not owned by the caller is BadRequestException (400).
 * - EventBridge ListRules / ListTargetsByRule: Limit 1–100, NextToken; EventPattern a JSON string,
 *   absent on a schedule rule; an unknown rule is ResourceNotFoundException ("Rule … does not exist
 *   on EventBus default."), an unknown bus too ("Event bus … does not exist.").
 */

const detectorId = z
  .string()
  .regex(/^[a-z0-9]{32}$/, 'must be a GuardDuty detector id: 32 lowercase letters or digits');

const scenarioDetector = z.strictObject({
  region: awsRegion,
  detectorId,
  /** ENABLED, or DISABLED for a suspended detector */
  status: z.enum(['ENABLED', 'DISABLED']).default('ENABLED'),
  /** The S3_DATA_EVENTS feature (S3 protection) */
  s3Protection: z.boolean().default(true),
  findingPublishingFrequency: z.enum(['FIFTEEN_MINUTES', 'ONE_HOUR', 'SIX_HOURS']).default('SIX_HOURS'),
  createdAt: isoTime.default('2023-03-01T09:00:00Z'),
  tags: scenarioTags.default({}),
});

const ruleName = z
  .string()
  .regex(/^[.\-_A-Za-z0-9]{1,64}$/, 'must be an EventBridge rule name: 1–64 letters, digits, . - or _');

const scenarioRule = z.strictObject({
  name: ruleName,
  region: awsRegion,
  /** The event pattern as an object (answered as a JSON string); null for a schedule rule */
  eventPattern: z.looseObject({}).nullable().default(null),
  scheduleExpression: z.string().optional(),
  state: z.enum(['ENABLED', 'DISABLED']).default('ENABLED'),
  description: z.string().optional(),
  targets: z
    .array(
      z.strictObject({
        id: z
          .string()
          .regex(/^[.\-_A-Za-z0-9]{1,64}$/, 'must be a target id: 1–64 letters, digits, . - or _'),
        arn: z.string().regex(/^arn:aws(-us-gov)?:[a-z0-9-]+:/, 'must be an ARN'),
      }),
    )
    .max(5)
    .default([]),
});

const account = {
  guardDutyDetectors: z.array(scenarioDetector).default([]),
  /** Rules of each region's default event bus (any pattern, not only GuardDuty's) */
  eventBridgeRules: z.array(scenarioRule).default([]),
};
const organisation = {};

type ScenarioDetector = z.output<typeof scenarioDetector>;
type ScenarioRule = z.output<typeof scenarioRule>;
type Call = AwsSimCallFor<typeof account, typeof organisation, undefined>;

const eventBridgeOperations = new Set(['ListRules', 'ListTargetsByRule']);

function guardDutyError(name: string, status: number, message: string, operation?: string): Error {
  return operation && eventBridgeOperations.has(operation)
    ? awsServiceError(EventBridgeServiceException, name, status, message)
    : awsServiceError(GuardDutyServiceException, name, status, message);
}

const badRequest = (message: string) => guardDutyError('BadRequestException', 400, message, 'ListDetectors');
const validation = (message: string) => guardDutyError('ValidationException', 400, message, 'ListRules');

function detectorsHere(call: Call): ScenarioDetector[] {
  return call.account.guardDutyDetectors.filter((each) => each.region === call.region);
}

function listDetectors(call: Call): object {
  const max = call.input.MaxResults ?? 50;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 50)
    throw badRequest(
      'The request is rejected because an invalid or out-of-range value is specified as an input parameter.',
    );
  const { page, next } = awsPage(
    detectorsHere(call),
    call.input.NextToken,
    Math.min(max, call.pageSize),
    () => badRequest('The request is rejected because the input nextToken is not valid.'),
  );
  return { DetectorIds: page.map((each) => each.detectorId), ...(next ? { NextToken: next } : {}) };
}

const featureNames = [
  'CLOUD_TRAIL',
  'DNS_LOGS',
  'FLOW_LOGS',
  'S3_DATA_EVENTS',
  'EKS_AUDIT_LOGS',
  'EBS_MALWARE_PROTECTION',
  'RDS_LOGIN_EVENTS',
  'EKS_RUNTIME_MONITORING',
  'LAMBDA_NETWORK_LOGS',
  'RUNTIME_MONITORING',
];

function getDetector(call: Call): object {
  const id = typeof call.input.DetectorId === 'string' ? call.input.DetectorId : '';
  const detector = detectorsHere(call).find((each) => each.detectorId === id);
  if (!detector)
    throw badRequest(
      'The request is rejected because the input detectorId is not owned by the current account.',
    );
  const updated = new Date('2026-10-02T14:30:00Z');
  const statusOf = (name: string) =>
    name === 'S3_DATA_EVENTS'
      ? detector.s3Protection
        ? 'ENABLED'
        : 'DISABLED'
      : ['CLOUD_TRAIL', 'DNS_LOGS', 'FLOW_LOGS'].includes(name)
        ? 'ENABLED'
        : 'DISABLED';
  const s3 = detector.s3Protection ? 'ENABLED' : 'DISABLED';
  return {
    CreatedAt: detector.createdAt,
    UpdatedAt: updated.toISOString(),
    FindingPublishingFrequency: detector.findingPublishingFrequency,
    ServiceRole: `arn:${call.account.partition}:iam::${call.account.accountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
    Status: detector.status,
    DataSources: {
      CloudTrail: { Status: 'ENABLED' },
      DNSLogs: { Status: 'ENABLED' },
      FlowLogs: { Status: 'ENABLED' },
      S3Logs: { Status: s3 },
      Kubernetes: { AuditLogs: { Status: 'DISABLED' } },
      MalwareProtection: {
        ScanEc2InstanceWithFindings: { EbsVolumes: { Status: 'DISABLED' } },
        ServiceRole: `arn:${call.account.partition}:iam::${call.account.accountId}:role/aws-service-role/malware-protection.guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDutyMalwareProtection`,
      },
    },
    Features: featureNames.map((Name) => ({ Name, Status: statusOf(Name), UpdatedAt: updated })),
    Tags: { ...detector.tags },
  };
}

function checkBus(call: Call): void {
  const bus = call.input.EventBusName;
  if (
    bus === undefined ||
    bus === 'default' ||
    bus === `arn:${call.account.partition}:events:${call.region}:${call.account.accountId}:event-bus/default`
  )
    return;
  throw guardDutyError(
    'ResourceNotFoundException',
    400,
    `Event bus ${String(bus)} does not exist.`,
    'ListRules',
  );
}

function limitOf(call: Call): number {
  const limit = call.input.Limit ?? 100;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100)
    throw validation(
      `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100`,
    );
  return Math.min(limit, call.pageSize);
}

const ruleArn = (call: Call, rule: ScenarioRule) =>
  `arn:${call.account.partition}:events:${rule.region}:${call.account.accountId}:rule/${rule.name}`;

function rulesHere(call: Call): ScenarioRule[] {
  return call.account.eventBridgeRules
    .filter((rule) => rule.region === call.region)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function listRules(call: Call): object {
  checkBus(call);
  const prefix = typeof call.input.NamePrefix === 'string' ? call.input.NamePrefix : '';
  const rules = rulesHere(call).filter((rule) => rule.name.startsWith(prefix));
  const { page, next } = awsPage(rules, call.input.NextToken, limitOf(call), () =>
    guardDutyError('InvalidToken', 400, 'The NextToken is invalid or expired.', 'ListRules'),
  );
  return {
    Rules: page.map((rule) => ({
      Name: rule.name,
      Arn: ruleArn(call, rule),
      ...(rule.eventPattern ? { EventPattern: JSON.stringify(rule.eventPattern) } : {}),
      ...(rule.scheduleExpression ? { ScheduleExpression: rule.scheduleExpression } : {}),
      State: rule.state,
      ...(rule.description ? { Description: rule.description } : {}),
      EventBusName: 'default',
    })),
    ...(next ? { NextToken: next } : {}),
  };
}

function listTargetsByRule(call: Call): object {
  checkBus(call);
  const name = typeof call.input.Rule === 'string' ? call.input.Rule : '';
  const rule = rulesHere(call).find((each) => each.name === name);
  if (!rule)
    throw guardDutyError(
      'ResourceNotFoundException',
      400,
      `Rule ${name} does not exist on EventBus default.`,
      'ListTargetsByRule',
    );
  const { page, next } = awsPage(rule.targets, call.input.NextToken, limitOf(call), () =>
    guardDutyError('InvalidToken', 400, 'The NextToken is invalid or expired.', 'ListTargetsByRule'),
  );
  return {
    Targets: page.map((target) => ({ Id: target.id, Arn: target.arn })),
    ...(next ? { NextToken: next } : {}),
  };
}

function checkGuardDuty(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const regions = new Map<string, number>();
    (each.guardDutyDetectors as ScenarioDetector[]).forEach((detector, d) => {
      const path = ['aws', 'accounts', a, 'guardDutyDetectors', d];
      if (!each.regions.includes(detector.region))
        issue(
          [...path, 'region'],
          `${detector.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      const previous = regions.get(detector.region);
      if (previous !== undefined)
        issue(
          [...path, 'region'],
          `GuardDuty allows one detector per region: ${detector.region} already has guardDutyDetectors[${previous}]`,
        );
      regions.set(detector.region, d);
    });
    const names = new Map<string, number>();
    (each.eventBridgeRules as ScenarioRule[]).forEach((rule, r) => {
      const path = ['aws', 'accounts', a, 'eventBridgeRules', r];
      if (!each.regions.includes(rule.region))
        issue(
          [...path, 'region'],
          `${rule.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      const key = `${rule.region}|${rule.name}`;
      const previous = names.get(key);
      if (previous !== undefined)
        issue(
          [...path, 'name'],
          `rule ${rule.name} already exists in ${rule.region} at eventBridgeRules[${previous}]`,
        );
      names.set(key, r);
      if ((rule.eventPattern === null) === (rule.scheduleExpression === undefined))
        issue(
          [...path, 'eventPattern'],
          'a rule has an event pattern or a schedule expression (exactly one here)',
        );
    });
  });
}

const guardDutyDenied = (operation: string) => ({
  name: 'AccessDeniedException',
  status: 403,
  message: `User is not authorized to perform: guardduty:${operation}`,
});

export const guardDutySim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkGuardDuty,
  error: guardDutyError,
  // GuardDuty (REST-JSON) answers AccessDeniedException with 403; EventBridge keeps the common wording.
  faults: (operation) =>
    eventBridgeOperations.has(operation) ? undefined : { access_denied: guardDutyDenied(operation) },
  answers: {
    ListDetectors: listDetectors,
    GetDetector: getDetector,
    ListRules: listRules,
    ListTargetsByRule: listTargetsByRule,
  },
  demo,
  generate({ index, accountId, partition, regions, tag, random }) {
    const { chance, hex } = random;
    const guardDutyDetectors: Record<string, unknown>[] = [];
    const eventBridgeRules: Record<string, unknown>[] = [];
    for (const region of regions) {
      if (!chance(0.8)) continue;
      guardDutyDetectors.push({
        region,
        detectorId: `${hex(16)}${hex(16)}`.toLowerCase(),
        status: chance(0.9) ? 'ENABLED' : 'DISABLED',
        s3Protection: chance(0.7),
      });
      if (chance(0.6))
        eventBridgeRules.push({
          name: `gen-${tag}-a${index}-guardduty-findings`,
          region,
          eventPattern: { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] },
          state: chance(0.9) ? 'ENABLED' : 'DISABLED',
          targets: [
            {
              id: 'alerts',
              arn: `arn:${partition}:sns:${region}:${accountId}:gen-${tag}-a${index}-security-alerts`,
            },
          ],
        });
      if (chance(0.5))
        eventBridgeRules.push({
          name: `gen-${tag}-a${index}-nightly-export`,
          region,
          scheduleExpression: 'cron(0 3 * * ? *)',
          targets: [
            {
              id: 'export',
              arn: `arn:${partition}:lambda:${region}:${accountId}:function:gen-${tag}-a${index}-export`,
            },
          ],
        });
    }
    return { guardDutyDetectors, eventBridgeRules };
  },
};
