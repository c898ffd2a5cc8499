import {
  coversAllActions,
  deniesInsecureTransport,
  hasPolicyCondition,
  isEveryonePrincipal,
  policyList,
} from '../../../kit';
import type { SnsTopicProperties } from './resource';

/**
 * Pure conversions from SNS answers (query protocol) to SnsTopicProperties. GetTopicAttributes
 * answers string attributes and leaves out what is not set: KmsMasterKeyId without SSE, FifoTopic on
 * standard topics. Policy is always there: SNS gives each new topic a default policy that allows
 * {"AWS":"*"} with the condition AWS:SourceOwner = the owner account.
 */

type Encryption = NonNullable<SnsTopicProperties['encryption']>;
type Policy = NonNullable<SnsTopicProperties['policy']>;
type PublicGrant = Policy['publicGrants'][number];

/** arn:aws:sns:us-east-1:111122223333:name → name */
export function topicName(topicArn: string): string {
  return topicArn.split(':').pop() ?? topicArn;
}

export function isAwsManagedSnsKey(keyId: string): boolean {
  return /(^|:)alias\/aws\/sns$/.test(keyId);
}

export function encryptionFrom(attributes: Readonly<Record<string, string>>): Encryption {
  const key = attributes.KmsMasterKeyId?.trim();
  return key
    ? { kmsMasterKeyId: key, awsManagedKey: isAwsManagedSnsKey(key) }
    : { kmsMasterKeyId: null, awsManagedKey: false };
}

export function numberOrNull(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
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

/** The statement's Action names sns:Publish (any case) */
function coversPublish(action: unknown): boolean {
  return policyList(action).some((each) => typeof each === 'string' && each.toLowerCase() === 'sns:publish');
}

export const noPolicy: Policy = {
  present: false,
  parsed: true,
  publicGrants: [],
  conditionedPublicGrants: 0,
  denyInsecureTransport: 'none',
  document: null,
};

/** The Policy attribute's JSON text → what the rules read, as the policy words it. */
export function policyFrom(policyText: string | undefined): Policy {
  if (!policyText || policyText.trim() === '') return noPolicy;
  let document: unknown;
  try {
    document = JSON.parse(policyText);
  } catch {
    // SNS validates policies on write: a corrupt answer is kept, and nothing is claimed from it.
    return { ...noPolicy, present: true, parsed: false, document: policyText };
  }
  if (typeof document !== 'object' || document === null)
    return { ...noPolicy, present: true, parsed: false, document };
  const statements = policyList((document as { Statement?: unknown }).Statement).filter(
    (each): each is Record<string, unknown> => typeof each === 'object' && each !== null,
  );
  const toEveryone = statements.filter((s) => s.Effect === 'Allow' && isEveryonePrincipal(s.Principal));
  const tlsDenies = statements.filter(
    (s) => s.Effect === 'Deny' && isEveryonePrincipal(s.Principal) && deniesInsecureTransport(s.Condition),
  );
  return {
    present: true,
    parsed: true,
    publicGrants: toEveryone.filter((s) => !hasPolicyCondition(s.Condition)).map(publicGrantOf),
    conditionedPublicGrants: toEveryone.filter((s) => hasPolicyCondition(s.Condition)).length,
    denyInsecureTransport: tlsDenies.some((s) => coversAllActions(s.Action, 'sns'))
      ? 'all-actions'
      : tlsDenies.some((s) => coversPublish(s.Action))
        ? 'publish'
        : 'none',
    document,
  };
}
