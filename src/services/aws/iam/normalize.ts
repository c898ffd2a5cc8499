import type {
  AccessKeyLastUsed,
  AccessKeyMetadata,
  AttachedPolicy,
  GroupDetail,
  ManagedPolicyDetail,
  MFADevice,
  PasswordPolicy,
  PolicyDetail,
  Tag,
} from '@aws-sdk/client-iam';
import { hasPolicyCondition, policyList } from '../../../kit';
import type {
  IamAccessKey,
  IamAccountProperties,
  IamPermissions,
  IamPolicyRef,
  IamRoleProperties,
  IamTrustedPrincipal,
  IamUserProperties,
} from './resource';

/**
 * Pure conversions from IAM answers to the properties rules read, kept apart from the calls so they
 * can be tested on plain objects. GetAccountAuthorizationDetails answers every policy document
 * URL-encoded (RFC 3986: "%7B%22Version%22…"); the JavaScript SDK hands it over as received.
 */

const DAY_MS = 86_400_000;

const isoOrNull = (value: Date | undefined | null): string | null =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : null;

export { isoOrNull };

/** Whole days from `from` to `to` (never negative); null when `from` is unknown. */
export function wholeDaysBetween(from: Date | string | null | undefined, to: Date): number | null {
  if (from === null || from === undefined) return null;
  const start = from instanceof Date ? from.getTime() : Date.parse(from);
  if (!Number.isFinite(start)) return null;
  return Math.max(0, Math.floor((to.getTime() - start) / DAY_MS));
}

/** A policy document as IAM answers it: URL-encoded JSON (GetAccountAuthorizationDetails), or plain JSON. */
export function decodePolicyDocument(text: string | undefined | null): {
  parsed: boolean;
  document: unknown;
} {
  if (text === undefined || text === null || text.trim() === '') return { parsed: false, document: null };
  const attempts = [text];
  // RFC 3986 encodes a space as %20; a "+" is tried as a space only when the literal reading fails.
  for (const encoded of [text, text.replace(/\+/g, '%20')]) {
    try {
      attempts.push(decodeURIComponent(encoded));
    } catch {
      // Not percent-encoded (a stray "%"): the plain reading is the one that counts.
    }
  }
  for (const attempt of attempts) {
    try {
      const document = JSON.parse(attempt) as unknown;
      if (typeof document === 'object' && document !== null) return { parsed: true, document };
    } catch {
      // Try the next reading; a document neither reading parses is reported as unparsed.
    }
  }
  return { parsed: false, document: text };
}

type Statement = Record<string, unknown>;

export function statementsOf(document: unknown): Statement[] {
  if (typeof document !== 'object' || document === null) return [];
  return policyList((document as { Statement?: unknown }).Statement).filter(
    (each): each is Statement => typeof each === 'object' && each !== null,
  );
}

const isWildcardAction = (value: unknown): boolean => value === '*' || value === '*:*';

/**
 * Whether a document allows every action on every resource: an Allow statement whose Action holds
 * "*" and whose Resource holds "*". NotAction / NotResource statements are broad but not "*" on "*",
 * and are left to review. `conditioned` is true when every such statement carries a Condition.
 */
export function fullAccessOf(document: unknown): { full: boolean; conditioned: boolean } {
  const full = statementsOf(document).filter(
    (s) =>
      s.Effect === 'Allow' &&
      policyList(s.Action).some(isWildcardAction) &&
      policyList(s.Resource).includes('*'),
  );
  return {
    full: full.length > 0,
    conditioned: full.length > 0 && full.every((s) => hasPolicyCondition(s.Condition)),
  };
}

/** Actions that grant every action of a data store service, or every action at all. */
const dataWildcard = /^(\*|\*:\*|s3:\*|dynamodb:\*)$/i;

type DataWildcard = NonNullable<IamPermissions['dataWildcards']>[number];

/** The Allow statements of a document that grant s3:*, dynamodb:* or *, with their Resource patterns. */
export function dataWildcardsOf(document: unknown, ref: IamPolicyRef): DataWildcard[] {
  return statementsOf(document).flatMap((s) => {
    if (s.Effect !== 'Allow' || s.NotResource !== undefined) return [];
    const actions = policyList(s.Action).filter(
      (each): each is string => typeof each === 'string' && dataWildcard.test(each),
    );
    if (actions.length === 0) return [];
    const resources = policyList(s.Resource).filter((each): each is string => typeof each === 'string');
    return [{ ...ref, actions, resources, conditioned: hasPolicyCondition(s.Condition) }];
  });
}

/** arn:<partition>:iam::aws:policy/… — a policy AWS owns and maintains. */
export const isAwsManagedPolicyArn = (arn: string): boolean => /^arn:[a-z-]+:iam::aws:policy\//.test(arn);

/** The AWS managed AdministratorAccess policy (Action "*" on Resource "*"). */
export const isAdministratorAccessArn = (arn: string): boolean =>
  /^arn:[a-z-]+:iam::aws:policy\/AdministratorAccess$/.test(arn);

/** The default version's document of each managed policy the answer carried, by ARN. */
export function managedPolicyDocuments(policies: readonly ManagedPolicyDetail[]): Map<string, unknown> {
  const documents = new Map<string, unknown>();
  for (const policy of policies) {
    if (!policy.Arn) continue;
    const version =
      policy.PolicyVersionList?.find((each) => each.IsDefaultVersion === true) ??
      policy.PolicyVersionList?.find((each) => each.VersionId === policy.DefaultVersionId);
    const decoded = decodePolicyDocument(version?.Document);
    if (decoded.parsed) documents.set(policy.Arn, decoded.document);
  }
  return documents;
}

interface PrincipalPolicies {
  attached: readonly AttachedPolicy[] | undefined;
  inline: readonly PolicyDetail[] | undefined;
  groups?: readonly string[] | undefined;
  permissionsBoundaryArn?: string | undefined;
}

/**
 * A user's or role's policies (directly, and through each group a user belongs to) and which of them
 * allow "*" on "*". A managed policy whose document the answer did not carry is `unread`, never
 * assumed harmless; AdministratorAccess is recognised by its ARN even then.
 */
export function permissionsOf(
  principal: PrincipalPolicies,
  groups: ReadonlyMap<string, GroupDetail>,
  documents: ReadonlyMap<string, unknown>,
): IamPermissions {
  const policies: IamPolicyRef[] = [];
  const fullAccess: IamPermissions['fullAccess'] = [];
  const dataWildcards: DataWildcard[] = [];
  const unread: string[] = [];
  const add = (
    attached: readonly AttachedPolicy[] | undefined,
    inline: readonly PolicyDetail[] | undefined,
    viaGroup: string | null,
  ) => {
    for (const each of attached ?? []) {
      const arn = each.PolicyArn ?? '';
      const ref: IamPolicyRef = {
        name: each.PolicyName ?? arn,
        arn,
        kind: isAwsManagedPolicyArn(arn) ? 'aws-managed' : 'customer-managed',
        viaGroup,
      };
      policies.push(ref);
      if (isAdministratorAccessArn(arn)) {
        fullAccess.push({ ...ref, conditioned: false });
        dataWildcards.push({ ...ref, actions: ['*'], resources: ['*'], conditioned: false });
        continue;
      }
      if (!documents.has(arn)) {
        unread.push(arn);
        continue;
      }
      dataWildcards.push(...dataWildcardsOf(documents.get(arn), ref));
      const verdict = fullAccessOf(documents.get(arn));
      if (verdict.full) fullAccess.push({ ...ref, conditioned: verdict.conditioned });
    }
    for (const each of inline ?? []) {
      const ref: IamPolicyRef = { name: each.PolicyName ?? '(unnamed)', arn: null, kind: 'inline', viaGroup };
      policies.push(ref);
      const decoded = decodePolicyDocument(each.PolicyDocument);
      if (!decoded.parsed) {
        unread.push(`inline ${ref.name}${viaGroup ? ` of group ${viaGroup}` : ''}`);
        continue;
      }
      dataWildcards.push(...dataWildcardsOf(decoded.document, ref));
      const verdict = fullAccessOf(decoded.document);
      if (verdict.full) fullAccess.push({ ...ref, conditioned: verdict.conditioned });
    }
  };
  add(principal.attached, principal.inline, null);
  for (const name of principal.groups ?? []) {
    const group = groups.get(name);
    if (!group) {
      unread.push(`group ${name}`);
      continue;
    }
    add(group.AttachedManagedPolicies, group.GroupPolicyList, name);
  }
  return {
    groups: [...(principal.groups ?? [])],
    policies,
    fullAccess,
    unread,
    permissionsBoundary: principal.permissionsBoundaryArn ?? null,
    dataWildcards,
  };
}

const accountArn = /^arn:[a-z-]+:(?:iam|sts)::(\d{12}):/;
/** IAM replaces a deleted principal in a policy with its unique id: AIDA… (user), AROA… (role). */
const uniqueId = /^A(?:IDA|ROA|GPA)[A-Z0-9]{12,}$/;

function principalsOf(principal: unknown): { kind: IamTrustedPrincipal['kind']; value: string }[] {
  if (principal === '*') return [{ kind: 'everyone', value: '*' }];
  if (typeof principal !== 'object' || principal === null) return [];
  const found: { kind: IamTrustedPrincipal['kind']; value: string }[] = [];
  for (const [type, values] of Object.entries(principal)) {
    for (const value of policyList(values)) {
      if (typeof value !== 'string') continue;
      if (type === 'AWS')
        found.push({
          kind:
            value === '*'
              ? 'everyone'
              : uniqueId.test(value)
                ? 'deleted'
                : /^\d{12}$/.test(value) || accountArn.test(value)
                  ? 'account'
                  : 'other',
          value,
        });
      else if (type === 'Service') found.push({ kind: 'service', value });
      else if (type === 'Federated') found.push({ kind: 'federated', value });
      else found.push({ kind: 'other', value: `${type}:${value}` });
    }
  }
  return found;
}

function conditionKeysOf(condition: unknown): string[] {
  if (typeof condition !== 'object' || condition === null) return [];
  const keys = new Set<string>();
  for (const values of Object.values(condition))
    if (typeof values === 'object' && values !== null)
      for (const key of Object.keys(values)) keys.add(key.toLowerCase());
  return [...keys].sort();
}

/** The role's trust policy (AssumeRolePolicyDocument, URL-encoded): who its Allow statements let in. */
export function trustFrom(text: string | undefined): IamRoleProperties['trust'] {
  const decoded = decodePolicyDocument(text);
  if (!decoded.parsed) return { parsed: false, principals: [], document: decoded.document };
  const principals: IamTrustedPrincipal[] = [];
  for (const statement of statementsOf(decoded.document)) {
    if (statement.Effect !== 'Allow') continue;
    const keys = conditionKeysOf(statement.Condition);
    const actions = policyList(statement.Action).filter((each): each is string => typeof each === 'string');
    for (const each of principalsOf(statement.Principal)) {
      const match = accountArn.exec(each.value);
      principals.push({
        sid: typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : null,
        kind: each.kind,
        value: each.value,
        accountId:
          each.kind === 'account' ? (/^\d{12}$/.test(each.value) ? each.value : (match?.[1] ?? null)) : null,
        actions,
        externalId: keys.includes('sts:externalid'),
        organisationCondition: keys.includes('aws:principalorgid') || keys.includes('aws:principalorgpaths'),
        conditionKeys: keys,
      });
    }
  }
  return { parsed: true, principals, document: decoded.document };
}

/** GetAccountSummary's SummaryMap: AccountMFAEnabled and AccountAccessKeysPresent are 0 or 1. */
export function rootFrom(
  summary: Readonly<Record<string, number>> | undefined,
): IamAccountProperties['root'] {
  const mfa = summary?.AccountMFAEnabled;
  const keys = summary?.AccountAccessKeysPresent;
  if (typeof mfa !== 'number' || typeof keys !== 'number') return undefined;
  return { mfaEnabled: mfa > 0, accessKeysPresent: keys > 0 };
}

/** GetAccountPasswordPolicy; null (NoSuchEntity) = no policy set. Unset optional fields are absent. */
export function passwordPolicyFrom(
  policy: PasswordPolicy | null,
): NonNullable<IamAccountProperties['passwordPolicy']> {
  if (policy === null)
    return {
      set: false,
      minimumLength: null,
      requireSymbols: null,
      requireNumbers: null,
      requireUppercase: null,
      requireLowercase: null,
      allowUsersToChangePassword: null,
      expirePasswords: null,
      maxAgeDays: null,
      reusePrevention: null,
      hardExpiry: null,
    };
  return {
    set: true,
    minimumLength: policy.MinimumPasswordLength ?? null,
    requireSymbols: policy.RequireSymbols ?? null,
    requireNumbers: policy.RequireNumbers ?? null,
    requireUppercase: policy.RequireUppercaseCharacters ?? null,
    requireLowercase: policy.RequireLowercaseCharacters ?? null,
    allowUsersToChangePassword: policy.AllowUsersToChangePassword ?? null,
    expirePasswords: policy.ExpirePasswords ?? null,
    maxAgeDays: policy.MaxPasswordAge ?? null,
    reusePrevention: policy.PasswordReusePrevention ?? null,
    hardExpiry: policy.HardExpiry ?? null,
  };
}

const notApplicableText = (value: string | undefined): string | null =>
  value === undefined || value === '' || value === 'N/A' ? null : value;

/** One ListAccessKeys entry, with GetAccessKeyLastUsed's answer when it was read; ages count to observedAt. */
export function accessKeyFrom(
  metadata: AccessKeyMetadata,
  lastUsed: AccessKeyLastUsed | undefined | 'not-read',
  observedAt: Date,
): IamAccessKey {
  const key: IamAccessKey = {
    accessKeyId: metadata.AccessKeyId ?? '(unknown)',
    status: metadata.Status ?? 'Unknown',
    createDate: isoOrNull(metadata.CreateDate),
    ageDays: wholeDaysBetween(metadata.CreateDate, observedAt),
  };
  if (lastUsed === 'not-read') return key;
  const date = isoOrNull(lastUsed?.LastUsedDate);
  key.lastUsed = {
    date,
    daysAgo: wholeDaysBetween(date, observedAt),
    serviceName: notApplicableText(lastUsed?.ServiceName),
    region: notApplicableText(lastUsed?.Region),
  };
  return key;
}

export function mfaDeviceFrom(device: MFADevice): NonNullable<IamUserProperties['mfaDevices']>[number] {
  const serial = device.SerialNumber ?? '';
  return {
    serialNumber: serial,
    kind: /^arn:[a-z-]+:iam::\d{12}:u2f\//.test(serial)
      ? 'fido'
      : /^arn:[a-z-]+:iam::\d{12}:mfa\//.test(serial)
        ? 'virtual'
        : 'hardware',
    enableDate: isoOrNull(device.EnableDate),
  };
}

export function tagsFrom(tags: readonly Tag[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key) map[tag.Key] = tag.Value ?? '';
  return map;
}
