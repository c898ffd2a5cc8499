import { SQSServiceException } from '@aws-sdk/client-sqs';
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
 * SQS in a scenario: each account's queues, per region. Answers follow the SQS API reference (JSON
 * protocol): ListQueues answers queue URLs, at most 1000, and a NextToken only when MaxResults
 * (1–1000) was set; GetQueueAttributes answers every attribute as a string and leaves out what is
 * not set (KmsMasterKeyId without SSE-KMS, Policy without a policy, RedrivePolicy without a
 * dead-letter queue); ListQueueTags answers a Tags map; an unknown queue is QueueDoesNotExist.
 */

const queueName = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{1,80}$|^[A-Za-z0-9_-]{1,75}\.fifo$/,
    'must be 1–80 letters, digits, hyphens or underscores (a FIFO queue name ends in .fifo)',
  );

const scenarioQueue = z.strictObject({
  name: queueName,
  region: awsRegion,
  /** Must match the name: FIFO queue names, and only they, end in .fifo */
  fifo: z.boolean().default(false),
  tags: scenarioTags.default({}),
  /** Server-side encryption; kind null = none (a queue made before SSE-SQS, or with it turned off) */
  sse: z
    .strictObject({
      kind: z.enum(['sqs', 'kms']).nullable(),
      /** Required for kind 'kms': a key id, key ARN, alias name (alias/aws/sqs = the AWS managed key) or alias ARN */
      kmsKeyId: z.string().min(1).optional(),
      dataKeyReusePeriodSeconds: z.number().int().min(60).max(86400).default(300),
    })
    .default({ kind: 'sqs', dataKeyReusePeriodSeconds: 300 }),
  /** The queue policy document; null = no policy */
  policy: z
    .looseObject({ Version: z.string().optional(), Statement: z.array(z.looseObject({})).min(1) })
    .nullable()
    .default(null),
  /** Seconds, 60 (1 minute) to 1209600 (14 days); SQS defaults to 4 days */
  messageRetentionPeriod: z.number().int().min(60).max(1_209_600).default(345_600),
  /** A dead-letter queue of the same account and region, by name */
  redrive: z
    .strictObject({ deadLetterQueue: queueName, maxReceiveCount: z.number().int().min(1).max(1000) })
    .optional(),
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
});

const account = { queues: z.array(scenarioQueue).default([]) };
const organisation = {};

type ScenarioQueue = z.output<typeof scenarioQueue>;

/** Unused derived state: queues are looked up in the calling account, as SQS does. */
type SqsWorld = undefined;

type Call = AwsSimCallFor<typeof account, typeof organisation, SqsWorld>;

const sqsError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(SQSServiceException, name, httpStatusCode, message);

export const queueUrl = (region: string, accountId: string, name: string): string =>
  `https://sqs.${region}.amazonaws.com/${accountId}/${name}`;

const queueArn = (partition: string, region: string, accountId: string, name: string): string =>
  `arn:${partition}:sqs:${region}:${accountId}:${name}`;

const invalidParameter = (message: string) => sqsError('InvalidParameterValue', 400, message);

function queuesHere(call: Call): ScenarioQueue[] {
  return call.account.queues
    .filter((queue) => queue.region === call.region)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function listQueues(call: Call): object {
  const { accountId } = call.account;
  const prefix = typeof call.input.QueueNamePrefix === 'string' ? call.input.QueueNamePrefix : '';
  // Queue names are case-sensitive, and so is the prefix.
  const queues = queuesHere(call).filter((queue) => queue.name.startsWith(prefix));
  const max = call.input.MaxResults;
  const urls = (list: readonly ScenarioQueue[]) =>
    list.map((queue) => queueUrl(call.region, accountId, queue.name));
  if (max === undefined) {
    // Without MaxResults SQS answers at most 1000 queues and never a NextToken.
    const page = queues.slice(0, 1000);
    return page.length > 0 ? { QueueUrls: urls(page) } : {};
  }
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 1000)
    throw invalidParameter(
      `Value ${String(max)} for parameter MaxResults is invalid. Reason: must be between 1 and 1000.`,
    );
  const { page, next } = awsPage(queues, call.input.NextToken, Math.min(max, call.pageSize), () =>
    invalidParameter('Invalid NextToken value.'),
  );
  return {
    ...(page.length > 0 ? { QueueUrls: urls(page) } : {}),
    ...(next ? { NextToken: next } : {}),
  };
}

/**
 * The queue a QueueUrl names, in the calling account and region. Another account's queue is
 * refused (this role has no cross-account grant); an unknown one does not exist.
 */
function resolveQueue(call: Call): ScenarioQueue {
  const raw = typeof call.input.QueueUrl === 'string' ? call.input.QueueUrl : '';
  const match =
    /^https?:\/\/(?:sqs\.([a-z0-9-]+)\.amazonaws\.com|([a-z0-9-]+)\.queue\.amazonaws\.com)\/(\d{12})\/([^/?#]+)\/?$/.exec(
      raw,
    );
  if (!match) throw sqsError('InvalidAddress', 400, `The address ${raw} is not valid for this endpoint.`);
  const region = match[1] ?? match[2];
  const owner = match[3] as string;
  const name = decodeURIComponent(match[4] as string);
  if (owner !== call.account.accountId) {
    const action = call.input.AttributeNames === undefined ? 'sqs:ListQueueTags' : 'sqs:GetQueueAttributes';
    throw sqsError(
      'AccessDenied',
      403,
      `User: arn:${call.account.partition}:sts::${call.account.accountId}:assumed-role/PhiAuditDeskReadOnly/phi-audit-desk is not authorized to perform: ${action} on resource: ${queueArn(call.account.partition, region ?? call.region, owner, name)} because no resource-based policy allows the ${action} action`,
    );
  }
  const queue = region === call.region ? queuesHere(call).find((each) => each.name === name) : undefined;
  if (!queue)
    throw Object.assign(sqsError('QueueDoesNotExist', 400, 'The specified queue does not exist.'), {
      // The query-compatible code the JSON protocol answers beside the modeled name.
      Code: 'AWS.SimpleQueueService.NonExistentQueue',
    });
  return queue;
}

const epochSeconds = (iso: string): string => String(Math.floor(Date.parse(iso) / 1000));

/** Every attribute 'All' returns for a queue, as strings; unset ones are left out. */
function allAttributes(call: Call, queue: ScenarioQueue): Record<string, string> {
  const { accountId, partition } = call.account;
  const attributes: Record<string, string> = {
    QueueArn: queueArn(partition, queue.region, accountId, queue.name),
    ApproximateNumberOfMessages: '0',
    ApproximateNumberOfMessagesNotVisible: '0',
    ApproximateNumberOfMessagesDelayed: '0',
    CreatedTimestamp: epochSeconds(queue.createdAt),
    LastModifiedTimestamp: epochSeconds(queue.createdAt),
    VisibilityTimeout: '30',
    MaximumMessageSize: '262144',
    MessageRetentionPeriod: String(queue.messageRetentionPeriod),
    DelaySeconds: '0',
    ReceiveMessageWaitTimeSeconds: '0',
    SqsManagedSseEnabled: queue.sse.kind === 'sqs' ? 'true' : 'false',
  };
  if (queue.sse.kind === 'kms' && queue.sse.kmsKeyId) {
    attributes.KmsMasterKeyId = queue.sse.kmsKeyId;
    attributes.KmsDataKeyReusePeriodSeconds = String(queue.sse.dataKeyReusePeriodSeconds);
  }
  if (queue.policy) attributes.Policy = JSON.stringify(queue.policy);
  if (queue.redrive)
    attributes.RedrivePolicy = JSON.stringify({
      deadLetterTargetArn: queueArn(partition, queue.region, accountId, queue.redrive.deadLetterQueue),
      maxReceiveCount: queue.redrive.maxReceiveCount,
    });
  if (queue.fifo) {
    attributes.FifoQueue = 'true';
    attributes.ContentBasedDeduplication = 'false';
    attributes.DeduplicationScope = 'queue';
    attributes.FifoThroughputLimit = 'perQueue';
  }
  return attributes;
}

function getQueueAttributes(call: Call): object {
  const queue = resolveQueue(call);
  const all = allAttributes(call, queue);
  const names = Array.isArray(call.input.AttributeNames) ? (call.input.AttributeNames as unknown[]) : [];
  if (names.length === 0) return {};
  if (names.includes('All')) return { Attributes: all };
  const picked: Record<string, string> = {};
  for (const name of names) {
    if (typeof name !== 'string') throw sqsError('InvalidAttributeName', 400, 'Unknown Attribute.');
    if (all[name] !== undefined) picked[name] = all[name];
  }
  return Object.keys(picked).length > 0 ? { Attributes: picked } : {};
}

function listQueueTags(call: Call): object {
  const queue = resolveQueue(call);
  return Object.keys(queue.tags).length > 0 ? { Tags: { ...queue.tags } } : {};
}

function checkQueues(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const queues = each.queues as ScenarioQueue[];
    const seen = new Map<string, number>();
    queues.forEach((queue, q) => {
      const path = ['aws', 'accounts', a, 'queues', q];
      if (!each.regions.includes(queue.region))
        issue(
          [...path, 'region'],
          `${queue.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      const scoped = `${queue.region}|${queue.name}`;
      const previous = seen.get(scoped);
      if (previous !== undefined)
        issue(
          [...path, 'name'],
          `queue ${queue.name} already exists in ${queue.region} at queues[${previous}]`,
        );
      seen.set(scoped, q);
      if (queue.name.endsWith('.fifo') !== queue.fifo)
        issue([...path, 'fifo'], 'FIFO queues, and only they, have names ending in .fifo');
      if (queue.sse.kind === 'kms' && !queue.sse.kmsKeyId)
        issue([...path, 'sse', 'kmsKeyId'], "SSE-KMS (kind 'kms') needs the kmsKeyId of the key");
      if (queue.sse.kind !== 'kms' && queue.sse.kmsKeyId !== undefined)
        issue([...path, 'sse', 'kmsKeyId'], "only SSE-KMS (kind 'kms') names a kmsKeyId");
      if (queue.redrive) {
        const target = queues.find(
          (other) => other.region === queue.region && other.name === queue.redrive?.deadLetterQueue,
        );
        if (!target)
          issue(
            [...path, 'redrive', 'deadLetterQueue'],
            `no queue ${queue.redrive.deadLetterQueue} in ${queue.region} of this account`,
          );
        else if (target.fifo !== queue.fifo)
          issue(
            [...path, 'redrive', 'deadLetterQueue'],
            'the dead-letter queue of a FIFO queue must be FIFO, and of a standard queue standard',
          );
      }
    });
  });
}

export const sqsSim: AwsServiceSim<typeof account, typeof organisation, SqsWorld> = {
  account,
  organisation,
  check: checkQueues,
  error: sqsError,
  // SQS words these in its own codes (the JSON protocol's query-compatible names).
  faults: {
    throttle: { name: 'RequestThrottled', status: 400, message: 'Request is throttled.' },
    access_denied: {
      name: 'AccessDenied',
      status: 403,
      message: 'Access to the resource https://sqs.amazonaws.com/ is denied.',
    },
  },
  answers: {
    ListQueues: listQueues,
    GetQueueAttributes: getQueueAttributes,
    ListQueueTags: listQueueTags,
  },
  demo,
  generate({ index, regions, perRegion, random }) {
    const { chance, pick, hex } = random;
    const apps = ['support-tickets', 'order-events', 'telemetry-ingest', 'intake-forms', 'notifications'];
    const queues = regions.flatMap((region) =>
      Array.from({ length: Math.max(1, Math.ceil(perRegion / 3)) }, (_, k) => {
        const app = pick(apps);
        const phi = chance(0.4);
        const fifo = chance(0.15);
        const sse = chance(0.15)
          ? { kind: null }
          : chance(0.4)
            ? { kind: 'kms' as const, kmsKeyId: chance(0.3) ? 'alias/aws/sqs' : `alias/gen-a${index}-${app}` }
            : { kind: 'sqs' as const };
        const statements: Record<string, unknown>[] = [];
        if (chance(0.5))
          statements.push({
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 'sqs:*',
            Resource: '*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          });
        if (chance(0.05))
          statements.push({
            Sid: 'Open',
            Effect: 'Allow',
            Principal: '*',
            Action: 'sqs:SendMessage',
            Resource: '*',
          });
        return {
          name: `gen-a${index}-${app}-${k}-${hex(4)}${fifo ? '.fifo' : ''}`,
          region,
          fifo,
          tags: chance(0.15) ? {} : { app, ...(phi ? { phi: 'true' } : {}) },
          sse,
          policy: statements.length > 0 ? { Version: '2012-10-17', Statement: statements } : null,
        };
      }),
    );
    return { queues };
  },
};
