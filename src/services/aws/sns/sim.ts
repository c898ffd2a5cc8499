import { SNSServiceException } from '@aws-sdk/client-sns';
import { z } from 'zod';
import {
  awsPage,
  awsRegion,
  awsServiceError,
  scenarioTags,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * SNS in a scenario: each account's topics, per region. Answers follow the SNS API reference (query
 * protocol, as the SDK deserializes it): ListTopics answers up to 100 topic ARNs a page and a
 * NextToken while more remain (it takes no page size); GetTopicAttributes answers string attributes,
 * leaving out KmsMasterKeyId without SSE and FifoTopic on standard topics, and always a Policy (SNS
 * writes a default one allowing {"AWS":"*"} on condition AWS:SourceOwner = the owner); an unknown
 * topic is NotFound (404), an unknown resource for ListTagsForResource ResourceNotFound (404),
 * another account's topic AuthorizationError (403). The SDK models these codes as
 * NotFoundException, ResourceNotFoundException and AuthorizationErrorException.
 * Reference: docs.aws.amazon.com/sns/latest/api (API_ListTopics, API_GetTopicAttributes,
 * API_ListTagsForResource) and sns-server-side-encryption / default access policy pages.
 */

const topicName = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{1,256}$|^[A-Za-z0-9_-]{1,251}\.fifo$/,
    'must be 1–256 letters, digits, hyphens or underscores (a FIFO topic name ends in .fifo)',
  );

const scenarioTopic = z.strictObject({
  name: topicName,
  region: awsRegion,
  fifo: z.boolean().default(false),
  tags: scenarioTags.default({}),
  displayName: z.string().max(100).default(''),
  /** KmsMasterKeyId: a key id, key ARN, alias name (alias/aws/sns = the AWS managed key) or alias ARN; null = no SSE */
  kmsKeyId: z.string().min(1).nullable().default(null),
  /** The topic policy; absent = the default policy SNS writes for a new topic */
  policy: z
    .looseObject({ Version: z.string().optional(), Statement: z.array(z.looseObject({})).min(1) })
    .optional(),
  subscriptionsConfirmed: z.number().int().min(0).default(1),
});

const account = { snsTopics: z.array(scenarioTopic).default([]) };
const organisation = {};

type ScenarioTopic = z.output<typeof scenarioTopic>;
type SnsWorld = undefined;
type Call = AwsSimCallFor<typeof account, typeof organisation, SnsWorld>;

/** The query-protocol code the SDK's modeled exception stands for. */
const wireCodes: Readonly<Record<string, string>> = {
  AuthorizationErrorException: 'AuthorizationError',
  NotFoundException: 'NotFound',
  ResourceNotFoundException: 'ResourceNotFound',
  ThrottledException: 'Throttled',
  InvalidParameterException: 'InvalidParameter',
};

const snsError = (name: string, httpStatusCode: number, message: string): Error =>
  Object.assign(awsServiceError(SNSServiceException, name, httpStatusCode, message), {
    Code: wireCodes[name] ?? name,
  });

export const topicArn = (partition: string, region: string, accountId: string, name: string): string =>
  `arn:${partition}:sns:${region}:${accountId}:${name}`;

function topicsHere(call: Call): ScenarioTopic[] {
  return call.account.snsTopics
    .filter((topic) => topic.region === call.region)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function listTopics(call: Call): object {
  const { accountId, partition } = call.account;
  const { page, next } = awsPage(topicsHere(call), call.input.NextToken, Math.min(100, call.pageSize), () =>
    snsError('InvalidParameterException', 400, 'Invalid parameter: NextToken'),
  );
  return {
    Topics: page.map((topic) => ({ TopicArn: topicArn(partition, call.region, accountId, topic.name) })),
    ...(next ? { NextToken: next } : {}),
  };
}

/** The topic an ARN names in the calling account and region. */
function resolveTopic(call: Call, arn: unknown, missing: () => Error): ScenarioTopic {
  const raw = typeof arn === 'string' ? arn : '';
  const match = /^arn:[a-z-]+:sns:([a-z0-9-]+):(\d{12}):([^:]+)$/.exec(raw);
  if (!match)
    throw snsError(
      'InvalidParameterException',
      400,
      `Invalid parameter: TopicArn Reason: ${raw} is not a valid ARN`,
    );
  const [, region, owner, name] = match as unknown as [string, string, string, string];
  if (owner !== call.account.accountId)
    throw snsError(
      'AuthorizationErrorException',
      403,
      `User: arn:${call.account.partition}:sts::${call.account.accountId}:assumed-role/PhiAuditDeskReadOnly/phi-audit-desk is not authorized to perform: SNS:GetTopicAttributes on resource: ${raw}`,
    );
  const topic = region === call.region ? topicsHere(call).find((each) => each.name === name) : undefined;
  if (!topic) throw missing();
  return topic;
}

/** The policy SNS writes for a new topic: everyone, on condition the caller's source owner is the topic owner. */
export function defaultTopicPolicy(arn: string, accountId: string): object {
  return {
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'SNS:GetTopicAttributes',
          'SNS:SetTopicAttributes',
          'SNS:AddPermission',
          'SNS:RemovePermission',
          'SNS:DeleteTopic',
          'SNS:Subscribe',
          'SNS:ListSubscriptionsByTopic',
          'SNS:Publish',
        ],
        Resource: arn,
        Condition: { StringEquals: { 'AWS:SourceOwner': accountId } },
      },
    ],
  };
}

function getTopicAttributes(call: Call): object {
  const topic = resolveTopic(call, call.input.TopicArn, () =>
    snsError('NotFoundException', 404, 'Topic does not exist'),
  );
  const { accountId, partition } = call.account;
  const arn = topicArn(partition, topic.region, accountId, topic.name);
  const attributes: Record<string, string> = {
    Policy: JSON.stringify(topic.policy ?? defaultTopicPolicy(arn, accountId)),
    Owner: accountId,
    SubscriptionsPending: '0',
    TopicArn: arn,
    EffectiveDeliveryPolicy: JSON.stringify({
      http: {
        defaultHealthyRetryPolicy: {
          minDelayTarget: 20,
          maxDelayTarget: 20,
          numRetries: 3,
          numMaxDelayRetries: 0,
          numNoDelayRetries: 0,
          numMinDelayRetries: 0,
          backoffFunction: 'linear',
        },
        disableSubscriptionOverrides: false,
        defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
      },
    }),
    SubscriptionsConfirmed: String(topic.subscriptionsConfirmed),
    DisplayName: topic.displayName,
    SubscriptionsDeleted: '0',
  };
  if (topic.kmsKeyId) attributes.KmsMasterKeyId = topic.kmsKeyId;
  if (topic.fifo) {
    attributes.FifoTopic = 'true';
    attributes.ContentBasedDeduplication = 'false';
  }
  return { Attributes: attributes };
}

function listTagsForResource(call: Call): object {
  const topic = resolveTopic(call, call.input.ResourceArn, () =>
    snsError('ResourceNotFoundException', 404, 'Resource does not exist'),
  );
  // Query protocol: an empty <Tags/> element, which the SDK reads as [].
  return { Tags: Object.entries(topic.tags).map(([Key, Value]) => ({ Key, Value })) };
}

function checkTopics(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const topics = each.snsTopics as ScenarioTopic[];
    const seen = new Map<string, number>();
    topics.forEach((topic, t) => {
      const path = ['aws', 'accounts', a, 'snsTopics', t];
      if (!each.regions.includes(topic.region))
        issue(
          [...path, 'region'],
          `${topic.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      const key = `${topic.region}|${topic.name}`;
      const previous = seen.get(key);
      if (previous !== undefined)
        issue(
          [...path, 'name'],
          `topic ${topic.name} already exists in ${topic.region} at snsTopics[${previous}]`,
        );
      seen.set(key, t);
      if (topic.name.endsWith('.fifo') !== topic.fifo)
        issue([...path, 'fifo'], 'FIFO topics, and only they, have names ending in .fifo');
    });
  });
}

export const snsSim: AwsServiceSim<typeof account, typeof organisation, SnsWorld> = {
  account,
  organisation,
  check: checkTopics,
  error: snsError,
  faults: {
    throttle: { name: 'ThrottledException', status: 429, message: 'Rate exceeded' },
    access_denied: {
      name: 'AuthorizationErrorException',
      status: 403,
      message: 'User is not authorized to perform this action on this resource.',
    },
  },
  answers: {
    ListTopics: listTopics,
    GetTopicAttributes: getTopicAttributes,
    ListTagsForResource: listTagsForResource,
  },
  demo,
  generate({ index, regions, perRegion, random }) {
    const { chance, pick, hex } = random;
    const apps = [
      'support-ticket-created',
      'order-status',
      'telemetry-alerts',
      'appointment-events',
      'ops-alarms',
    ];
    const snsTopics = regions.flatMap((region) =>
      Array.from({ length: Math.max(1, Math.ceil(perRegion / 4)) }, (_, k) => {
        const app = pick(apps);
        const phi = chance(0.35);
        const statements: Record<string, unknown>[] = [];
        if (chance(0.4))
          statements.push({
            Sid: 'AllowPublishThroughSSLOnly',
            Effect: 'Deny',
            Principal: '*',
            Action: 'SNS:Publish',
            Resource: '*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          });
        if (chance(0.05))
          statements.push({
            Sid: 'Open',
            Effect: 'Allow',
            Principal: '*',
            Action: 'SNS:Subscribe',
            Resource: '*',
          });
        return {
          name: `gen-a${index}-${app}-${k}-${hex(4)}`,
          region,
          tags: chance(0.2) ? {} : { app, ...(phi ? { phi: 'true' } : {}) },
          kmsKeyId: chance(0.3) ? null : chance(0.4) ? 'alias/aws/sns' : `alias/gen-a${index}-${app}`,
          ...(statements.length > 0 ? { policy: { Version: '2012-10-17', Statement: statements } } : {}),
        };
      }),
    );
    return { snsTopics };
  },
};
