import {
  coversAllActions,
  deniesInsecureTransport,
  hasPolicyCondition,
  isEveryonePrincipal,
  policyList,
} from '../../../kit';
import type { SqsQueueProperties } from './resource';

/**
 * Pure conversions from SQS API answers to SqsQueueProperties, kept apart from the calls so they
 * can be tested on plain objects. GetQueueAttributes answers every attribute as a string; an
 * attribute that is not set is absent (KmsMasterKeyId without SSE-KMS, Policy without a policy).
 */

type Encryption = NonNullable<SqsQueueProperties['encryption']>;
type Policy = NonNullable<SqsQueueProperties['policy']>;
type PublicGrant = Policy['publicGrants'][number];

/** Where a queue URL points: https://sqs.<region>.amazonaws.com/<account>/<name> (or a legacy <region>.queue.amazonaws.com host). */
export function queueUrlParts(url: string): { accountId: string; name: string } | null {
  const match = /^https?:\/\/[^/]+\/(\d{12})\/([^/?#]+)\/?$/.exec(url);
  if (!match) return null;
  return { accountId: match[1] as string, name: decodeURIComponent(match[2] as string) };
}

export function sqsQueueArn(partition: string, region: string, accountId: string, name: string): string {
  return `arn:${partition}:sqs:${region}:${accountId}:${name}`;
}

/** The AWS managed key for SQS, as KmsMasterKeyId may name it. */
export function isAwsManagedSqsKey(keyId: string): boolean {
  return /(^|:)alias\/aws\/sqs$/.test(keyId);
}

const numberOrNull = (value: string | undefined): number | null => {
  if (value === undefined || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

/**
 * SSE-KMS when KmsMasterKeyId is set; SSE-SQS when SqsManagedSseEnabled is 'true'; otherwise none.
 * Queues created before SSE-SQS existed (2021) may lack SqsManagedSseEnabled: absent counts as off.
 */
export function encryptionFrom(attributes: Readonly<Record<string, string>>): Encryption {
  const key = attributes.KmsMasterKeyId?.trim();
  if (key)
    return {
      kind: 'sse-kms',
      kmsMasterKeyId: key,
      awsManagedKey: isAwsManagedSqsKey(key),
      dataKeyReusePeriodSeconds: numberOrNull(attributes.KmsDataKeyReusePeriodSeconds),
    };
  const sqsManaged = attributes.SqsManagedSseEnabled?.toLowerCase() === 'true';
  return {
    kind: sqsManaged ? 'sse-sqs' : 'none',
    kmsMasterKeyId: null,
    awsManagedKey: false,
    dataKeyReusePeriodSeconds: null,
  };
}

export function retentionFrom(attributes: Readonly<Record<string, string>>): number | null {
  return numberOrNull(attributes.MessageRetentionPeriod);
}

/** RedrivePolicy is a JSON string: {"deadLetterTargetArn":"arn:…","maxReceiveCount":5}. */
export function deadLetterTargetFrom(attributes: Readonly<Record<string, string>>): string | null {
  const text = attributes.RedrivePolicy;
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as { deadLetterTargetArn?: unknown };
    return typeof parsed.deadLetterTargetArn === 'string' ? parsed.deadLetterTargetArn : null;
  } catch {
    // SQS validates the redrive policy on write; an unreadable one names no target.
    return null;
  }
}

function publicGrantOf(statement: Record<string, unknown>): PublicGrant {
  const notAction = statement.NotAction !== undefined;
  return {
    sid: typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : null,
    actions: policyList(notAction ? statement.NotAction : statement.Action).filter(
      (each): each is string => typeof each === 'string',
    ),
    notAction,
  };
}

export const noPolicy: Policy = {
  present: false,
  parsed: true,
  publicGrants: [],
  conditionedPublicGrants: 0,
  denyInsecureTransport: false,
  document: null,
};

/** The Policy attribute's JSON text → what the rules read, as the policy words it. */
export function policyFrom(policyText: string | undefined): Policy {
  if (!policyText || policyText.trim() === '') return noPolicy;
  let document: unknown;
  try {
    document = JSON.parse(policyText);
  } catch {
    // SQS validates policies on write, so this is a corrupt answer: keep the text, claim nothing.
    return { ...noPolicy, present: true, parsed: false, document: policyText };
  }
  if (typeof document !== 'object' || document === null)
    return { ...noPolicy, present: true, parsed: false, document };
  const statements = policyList((document as { Statement?: unknown }).Statement).filter(
    (each): each is Record<string, unknown> => typeof each === 'object' && each !== null,
  );
  const toEveryone = statements.filter((s) => s.Effect === 'Allow' && isEveryonePrincipal(s.Principal));
  return {
    present: true,
    parsed: true,
    publicGrants: toEveryone.filter((s) => !hasPolicyCondition(s.Condition)).map(publicGrantOf),
    conditionedPublicGrants: toEveryone.filter((s) => hasPolicyCondition(s.Condition)).length,
    denyInsecureTransport: statements.some(
      (s) =>
        s.Effect === 'Deny' &&
        isEveryonePrincipal(s.Principal) &&
        coversAllActions(s.Action, 'sqs') &&
        deniesInsecureTransport(s.Condition),
    ),
    document,
  };
}
