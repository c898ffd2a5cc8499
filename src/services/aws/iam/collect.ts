import type {
  AccessKeyLastUsed,
  GroupDetail,
  ManagedPolicyDetail,
  RoleDetail,
  UserDetail,
} from '@aws-sdk/client-iam';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import {
  accessKeyFrom,
  isoOrNull,
  managedPolicyDocuments,
  mfaDeviceFrom,
  passwordPolicyFrom,
  permissionsOf,
  rootFrom,
  tagsFrom,
  trustFrom,
} from './normalize';
import { ops } from './operations';
import {
  iamAccount,
  iamRole,
  iamUser,
  type IamAccountProperties,
  type IamRoleProperties,
  type IamUserProperties,
} from './resource';

/** GetAccountAuthorizationDetails page size asked (1–1000; IAM may answer fewer and say IsTruncated). */
const detailsPageSize = 1000;
/** Users read at once (three calls each, plus one per active key); the orchestrator's limiter is the real bound. */
const userFanOut = 8;
/**
 * NoSuchEntity as the SDK names it (NoSuchEntityException, from the query error code NoSuchEntity):
 * no password policy, no console password, or a user deleted since it was listed.
 */
const noSuchEntity = ['NoSuchEntityException', 'NoSuchEntity'];
/** Everything but the full list of AWS managed policies: IAM answers only the attached ones. */
const entityFilter = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;

interface Details {
  users: { detail: UserDetail; evidenceId: number }[];
  roles: { detail: RoleDetail; evidenceId: number }[];
  groups: Map<string, GroupDetail>;
  policies: ManagedPolicyDetail[];
  /** False when a page failed: what the later pages held is unknown */
  complete: boolean;
}

async function readDetails(ctx: AwsCollectContext): Promise<Details> {
  const { pages, complete } = await ctx.pages(
    ops.getAccountAuthorizationDetails.command,
    { Filter: [...entityFilter], MaxItems: detailsPageSize },
    {
      inputToken: 'Marker',
      outputToken: 'Marker',
      moreFlag: 'IsTruncated',
      subject: `account ${ctx.accountId}`,
    },
  );
  const details: Details = { users: [], roles: [], groups: new Map(), policies: [], complete };
  for (const page of pages) {
    for (const detail of page.output.UserDetailList ?? [])
      details.users.push({ detail, evidenceId: page.evidenceId });
    for (const detail of page.output.RoleDetailList ?? [])
      details.roles.push({ detail, evidenceId: page.evidenceId });
    for (const group of page.output.GroupDetailList ?? [])
      if (group.GroupName) details.groups.set(group.GroupName, group);
    details.policies.push(...(page.output.Policies ?? []));
  }
  return details;
}

async function readAccount(ctx: AwsCollectContext): Promise<NormalizedResource | null> {
  const subject = `account ${ctx.accountId}`;
  const [summary, passwordPolicy] = await Promise.all([
    ctx.call(ops.getAccountSummary.command, {}, { subject }),
    ctx.call(ops.getAccountPasswordPolicy.command, {}, { subject, notConfigured: noSuchEntity }),
  ]);
  const properties: IamAccountProperties = { accountId: ctx.accountId, observedAt: new Date().toISOString() };
  if (summary.status === 'ok') {
    const root = rootFrom(summary.output.SummaryMap);
    if (root) properties.root = root;
  }
  if (passwordPolicy.status === 'not_configured') properties.passwordPolicy = passwordPolicyFrom(null);
  else if (passwordPolicy.status === 'ok' && passwordPolicy.output.PasswordPolicy)
    properties.passwordPolicy = passwordPolicyFrom(passwordPolicy.output.PasswordPolicy);
  // Both reads refused or failed: recorded gaps, and no account to judge.
  if (summary.status === 'gap' && passwordPolicy.status === 'gap') return null;
  return ctx.resource({
    type: iamAccount.type,
    nativeId: `arn:${ctx.partition}:iam::${ctx.accountId}:root`,
    name: subject,
    region: 'global',
    tags: {},
    properties: { ...properties },
    evidenceIds: [summary.evidenceId, passwordPolicy.evidenceId],
  });
}

async function readUser(
  ctx: AwsCollectContext,
  listed: Details['users'][number],
  details: Details,
  documents: ReadonlyMap<string, unknown>,
): Promise<NormalizedResource | null> {
  const { detail } = listed;
  const userName = detail.UserName ?? '';
  const subject = `IAM user ${userName}`;
  const input = { UserName: userName };
  const pageOptions = {
    inputToken: 'Marker' as const,
    outputToken: 'Marker',
    moreFlag: 'IsTruncated',
    subject,
    notConfigured: noSuchEntity,
  };
  const [keys, devices, login] = await Promise.all([
    ctx.pages(ops.listAccessKeys.command, input, pageOptions),
    ctx.pages(ops.listMfaDevices.command, input, pageOptions),
    ctx.call(ops.getLoginProfile.command, input, { subject, notConfigured: noSuchEntity }),
  ]);
  // A complete listing with no page at all was a NoSuchEntity: the user was deleted since it was listed.
  if ((keys.complete && keys.pages.length === 0) || (devices.complete && devices.pages.length === 0))
    return null;
  const metadata = keys.pages.flatMap((page) => page.output.AccessKeyMetadata ?? []);
  // Last use matters for active keys only: an inactive key cannot sign a request.
  const lastUsed = await Promise.all(
    metadata.map(async (key) => {
      if (key.Status !== 'Active' || !key.AccessKeyId)
        return { answer: 'not-read' as const, evidenceId: null };
      const answer = await ctx.call(
        ops.getAccessKeyLastUsed.command,
        { AccessKeyId: key.AccessKeyId },
        { subject: `access key ${key.AccessKeyId} of IAM user ${userName}` },
      );
      const used: AccessKeyLastUsed | undefined | 'not-read' =
        answer.status === 'ok' ? answer.output.AccessKeyLastUsed : 'not-read';
      return { answer: used, evidenceId: answer.evidenceId };
    }),
  );
  // Ages count to the moment this user's answers were in: the evidence time, not the rule's.
  const observedAt = new Date();
  const properties: IamUserProperties = {
    userName,
    userId: detail.UserId ?? '',
    path: detail.Path ?? '/',
    createDate: isoOrNull(detail.CreateDate),
    observedAt: observedAt.toISOString(),
    permissions: permissionsOf(
      {
        attached: detail.AttachedManagedPolicies,
        inline: detail.UserPolicyList,
        groups: detail.GroupList,
        permissionsBoundaryArn: detail.PermissionsBoundary?.PermissionsBoundaryArn,
      },
      details.groups,
      documents,
    ),
  };
  if (keys.complete)
    properties.accessKeys = metadata.map((key, index) =>
      accessKeyFrom(key, lastUsed[index] ? lastUsed[index].answer : 'not-read', observedAt),
    );
  if (devices.complete)
    properties.mfaDevices = devices.pages.flatMap((page) =>
      (page.output.MFADevices ?? []).map(mfaDeviceFrom),
    );
  if (login.status === 'not_configured')
    properties.console = { passwordSet: false, createDate: null, passwordResetRequired: null };
  else if (login.status === 'ok')
    properties.console = {
      passwordSet: true,
      createDate: isoOrNull(login.output.LoginProfile?.CreateDate),
      passwordResetRequired: login.output.LoginProfile?.PasswordResetRequired ?? null,
    };
  return ctx.resource({
    type: iamUser.type,
    nativeId: detail.Arn ?? `arn:${ctx.partition}:iam::${ctx.accountId}:user${detail.Path ?? '/'}${userName}`,
    name: userName,
    region: 'global',
    tags: tagsFrom(detail.Tags),
    properties: { ...properties },
    evidenceIds: [
      listed.evidenceId,
      ...keys.pages.map((page) => page.evidenceId),
      ...devices.pages.map((page) => page.evidenceId),
      login.evidenceId,
      ...lastUsed.flatMap((each) => (each.evidenceId === null ? [] : [each.evidenceId])),
    ],
  });
}

function roleResource(
  ctx: AwsCollectContext,
  listed: Details['roles'][number],
  details: Details,
  documents: ReadonlyMap<string, unknown>,
): NormalizedResource {
  const { detail } = listed;
  const roleName = detail.RoleName ?? '';
  const path = detail.Path ?? '/';
  const properties: IamRoleProperties = {
    roleName,
    roleId: detail.RoleId ?? '',
    path,
    createDate: isoOrNull(detail.CreateDate),
    serviceLinked: path.startsWith('/aws-service-role/'),
    trust: trustFrom(detail.AssumeRolePolicyDocument),
    permissions: permissionsOf(
      {
        attached: detail.AttachedManagedPolicies,
        inline: detail.RolePolicyList,
        permissionsBoundaryArn: detail.PermissionsBoundary?.PermissionsBoundaryArn,
      },
      details.groups,
      documents,
    ),
    lastUsed: {
      date: isoOrNull(detail.RoleLastUsed?.LastUsedDate),
      region: detail.RoleLastUsed?.Region ?? null,
    },
  };
  return ctx.resource({
    type: iamRole.type,
    nativeId: detail.Arn ?? `arn:${ctx.partition}:iam::${ctx.accountId}:role${path}${roleName}`,
    name: roleName,
    region: 'global',
    tags: tagsFrom(detail.Tags),
    properties: { ...properties },
    evidenceIds: [listed.evidenceId],
  });
}

/**
 * IAM of one account (scope 'global'): users, groups, roles and attached policies from
 * GetAccountAuthorizationDetails, the root user and password policy from GetAccountSummary and
 * GetAccountPasswordPolicy, then each user's access keys (and their last use), MFA devices and
 * console password.
 */
export async function collectIam(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const details = await readDetails(ctx);
  const documents = managedPolicyDocuments(details.policies);
  const [account, users] = await Promise.all([
    readAccount(ctx),
    mapWithConcurrency(details.users, userFanOut, (each) => readUser(ctx, each, details, documents)),
  ]);
  const roles = details.roles.map((each) => roleResource(ctx, each, details, documents));
  return [
    ...(account ? [account] : []),
    ...users.filter((each): each is NormalizedResource => each !== null),
    ...roles,
  ];
}
