import { IAMServiceException, NoSuchEntityException } from '@aws-sdk/client-iam';
import { z } from 'zod';
import {
  awsPage,
  awsServiceError,
  scenarioTags,
  withoutStack,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };
import { awsManagedPolicies } from './sim-policies';

/**
 * IAM in a scenario: per account, the root user, the password policy, users (console password, MFA
 * devices, access keys), groups, roles and customer managed policies. Answers follow the IAM API
 * reference (query protocol, as the SDK deserializes it):
 * - GetAccountAuthorizationDetails: UserDetailList, GroupDetailList, RoleDetailList and Policies in
 *   one sequence paged by MaxItems (default 100, at most 1000) with IsTruncated/Marker; every policy
 *   document URL-encoded (RFC 3986); Policies holds customer managed policies and only the AWS
 *   managed ones attached to something; UserPolicyList / RolePolicyList / GroupPolicyList and Tags
 *   appear only when not empty.
 * - GetAccountSummary: SummaryMap with AccountMFAEnabled and AccountAccessKeysPresent (0 or 1).
 * - GetAccountPasswordPolicy: NoSuchEntity (404) when no policy is set; MaxPasswordAge,
 *   PasswordReusePrevention and HardExpiry absent when unset.
 * - ListAccessKeys / ListMFADevices: Marker paging; GetAccessKeyLastUsed: LastUsedDate absent and
 *   ServiceName/Region "N/A" for a key never used; GetLoginProfile: NoSuchEntity without a console
 *   password. An unknown user is NoSuchEntity ("The user with name … cannot be found.").
 * Times are days before the call ("createdDaysAgo"), so the demo keeps its ages whenever it runs.
 */

const DAY_MS = 86_400_000;
const daysAgo = z.number().int().min(0).max(20_000);
const iamName = (max: number) =>
  z.string().regex(new RegExp(`^[\\w+=,.@-]{1,${max}}$`), `must be 1–${max} letters, digits or +=,.@_-`);
const iamPath = z
  .string()
  .regex(/^\/(?:[\x21-\x7e]+\/)?$/, 'must start and end with / (e.g. / or /engineering/)')
  .default('/');
const policyDocument = z.looseObject({
  Version: z.string().optional(),
  Statement: z.union([z.array(z.looseObject({})).min(1), z.looseObject({})]),
});
const inlinePolicy = z.strictObject({ name: iamName(128), document: policyDocument });
/** An AWS managed policy name the simulator knows, or the name of a customer policy of the account */
const policyReference = z.string().min(1);

const accessKey = z.strictObject({
  id: z.string().regex(/^AKIA[A-Z0-9]{16}$/, 'must be an access key id: AKIA and 16 letters or digits'),
  status: z.enum(['Active', 'Inactive']).default('Active'),
  createdDaysAgo: daysAgo,
  /** null = never used since IAM began tracking */
  lastUsed: z
    .strictObject({
      daysAgo,
      service: z.string().min(1).default('s3'),
      region: z.string().min(1).default('us-east-1'),
    })
    .nullable()
    .default(null),
});

const mfaDevice = z.strictObject({
  kind: z.enum(['virtual', 'hardware', 'fido']).default('virtual'),
  /** The device name (virtual, FIDO) or serial number (hardware); default from the user name */
  name: z.string().min(1).optional(),
  enabledDaysAgo: daysAgo.default(300),
});

const user = z.strictObject({
  name: iamName(64),
  path: iamPath,
  createdDaysAgo: daysAgo.default(700),
  tags: scenarioTags.default({}),
  groups: z.array(iamName(128)).default([]),
  managedPolicies: z.array(policyReference).max(20).default([]),
  inlinePolicies: z.array(inlinePolicy).default([]),
  /** A console password (login profile); null = none */
  console: z
    .strictObject({ createdDaysAgo: daysAgo.default(300), passwordResetRequired: z.boolean().default(false) })
    .nullable()
    .default(null),
  mfaDevices: z.array(mfaDevice).max(8).default([]),
  accessKeys: z.array(accessKey).max(2, 'IAM allows at most two access keys per user').default([]),
  permissionsBoundary: policyReference.optional(),
});

const group = z.strictObject({
  name: iamName(128),
  path: iamPath,
  createdDaysAgo: daysAgo.default(900),
  managedPolicies: z.array(policyReference).max(10).default([]),
  inlinePolicies: z.array(inlinePolicy).default([]),
});

const role = z.strictObject({
  name: iamName(64),
  path: iamPath,
  createdDaysAgo: daysAgo.default(500),
  tags: scenarioTags.default({}),
  /** The trust policy (AssumeRolePolicyDocument) */
  trust: policyDocument,
  managedPolicies: z.array(policyReference).max(20).default([]),
  inlinePolicies: z.array(inlinePolicy).default([]),
  /** null = not used within IAM's tracking period */
  lastUsedDaysAgo: daysAgo.nullable().default(null),
  lastUsedRegion: z.string().min(1).default('us-east-1'),
  permissionsBoundary: policyReference.optional(),
});

const customerPolicy = z.strictObject({
  name: iamName(128),
  path: iamPath,
  description: z.string().max(1000).optional(),
  createdDaysAgo: daysAgo.default(600),
  /** How many versions exist; the last one is the default */
  versions: z.number().int().min(1).max(5).default(1),
  document: policyDocument,
});

const passwordPolicy = z.strictObject({
  minimumLength: z.number().int().min(6).max(128).default(8),
  requireSymbols: z.boolean().default(false),
  requireNumbers: z.boolean().default(false),
  requireUppercase: z.boolean().default(false),
  requireLowercase: z.boolean().default(false),
  allowUsersToChangePassword: z.boolean().default(false),
  /** Days, 1–1095; absent = passwords do not expire */
  maxAgeDays: z.number().int().min(1).max(1095).optional(),
  /** 1–24 previous passwords; absent = reuse allowed */
  reusePrevention: z.number().int().min(1).max(24).optional(),
  hardExpiry: z.boolean().optional(),
});

const iamOfAccount = z
  .strictObject({
    root: z
      .strictObject({
        mfa: z.boolean().default(true),
        /** How many access keys the root user has (0–2) */
        accessKeys: z.number().int().min(0).max(2).default(0),
      })
      .prefault({}),
    /** null = no password policy set (GetAccountPasswordPolicy answers NoSuchEntity) */
    passwordPolicy: passwordPolicy.nullable().default(null),
    users: z.array(user).default([]),
    groups: z.array(group).default([]),
    roles: z.array(role).default([]),
    policies: z.array(customerPolicy).default([]),
  })
  .prefault({});

const account = { iam: iamOfAccount };
const organisation = {};

type ScenarioIam = z.output<typeof iamOfAccount>;
type ScenarioUser = ScenarioIam['users'][number];
type ScenarioPolicyDocument = z.output<typeof policyDocument>;
type IamWorld = undefined;
type Call = AwsSimCallFor<typeof account, typeof organisation, IamWorld>;

/** IAM's own errors: NoSuchEntity as the SDK's modeled NoSuchEntityException, the rest as IAMServiceException. */
function iamError(name: string, httpStatusCode: number, message: string): Error {
  if (name === 'NoSuchEntityException' || name === 'NoSuchEntity')
    return Object.assign(
      withoutStack(
        () =>
          new NoSuchEntityException({ message, $metadata: { httpStatusCode: 404, requestId: 'SIMULATED' } }),
      ),
      { Code: 'NoSuchEntity' },
    );
  return awsServiceError(IAMServiceException, name, httpStatusCode, message);
}

const noSuchEntity = (message: string) => iamError('NoSuchEntityException', 404, message);
const validationError = (message: string) => iamError('ValidationError', 400, message);

/** RFC 3986 encoding, as IAM answers policy documents in GetAccountAuthorizationDetails. */
export function encodePolicy(document: unknown): string {
  return encodeURIComponent(JSON.stringify(document)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A stable IAM unique id: prefix (AIDA user, AROA role, AGPA group, ANPA policy) + 17 characters. */
function uniqueId(prefix: string, seed: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let hash = 2166136261;
  let id = '';
  for (let round = 0; id.length < 17; round += 1) {
    for (const char of `${seed}#${round}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    id += alphabet[hash % 32];
  }
  return `${prefix}${id}`;
}

/** A time `days` before now, at whole seconds (IAM timestamps have no milliseconds). */
const ago = (days: number): Date => new Date(Math.floor((Date.now() - days * DAY_MS) / 1000) * 1000);

const iamArn = (call: Call, kind: string, path: string, name: string) =>
  `arn:${call.account.partition}:iam::${call.account.accountId}:${kind}${path}${name}`;

interface ResolvedPolicy {
  name: string;
  arn: string;
  path: string;
  awsManaged: boolean;
  document: ScenarioPolicyDocument;
  versionId: string;
  description?: string | undefined;
  createdDaysAgo: number;
}

function resolvePolicy(call: Call, reference: string): ResolvedPolicy | undefined {
  const own = call.account.iam.policies.find((policy) => policy.name === reference);
  if (own)
    return {
      name: own.name,
      arn: iamArn(call, 'policy', own.path, own.name),
      path: own.path,
      awsManaged: false,
      document: own.document,
      versionId: `v${own.versions}`,
      description: own.description,
      createdDaysAgo: own.createdDaysAgo,
    };
  const managed = awsManagedPolicies[reference];
  if (!managed) return undefined;
  return {
    name: reference,
    arn: `arn:${call.account.partition}:iam::aws:policy${managed.path}${reference}`,
    path: managed.path,
    awsManaged: true,
    document: managed.document,
    versionId: managed.versionId,
    description: managed.description,
    createdDaysAgo: 2500,
  };
}

const attached = (call: Call, references: readonly string[]) =>
  references.flatMap((reference) => {
    const policy = resolvePolicy(call, reference);
    return policy ? [{ PolicyName: policy.name, PolicyArn: policy.arn }] : [];
  });

const inlineList = (policies: readonly { name: string; document: ScenarioPolicyDocument }[]) =>
  policies.map((policy) => ({ PolicyName: policy.name, PolicyDocument: encodePolicy(policy.document) }));

const tagList = (tags: Readonly<Record<string, string>>) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

const boundary = (call: Call, reference: string | undefined) => {
  const policy = reference ? resolvePolicy(call, reference) : undefined;
  return policy
    ? {
        PermissionsBoundary: {
          PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
          PermissionsBoundaryArn: policy.arn,
        },
      }
    : {};
};

const entityTypes = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'];

function pageLimit(call: Call, defaultSize = 100): number {
  const max = call.input.MaxItems;
  if (max === undefined) return Math.min(defaultSize, call.pageSize);
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 1000)
    throw validationError(
      `1 validation error detected: Value '${String(max)}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
    );
  return Math.min(max, call.pageSize);
}

function paged<T>(
  call: Call,
  items: readonly T[],
): { page: T[]; more: { IsTruncated: boolean; Marker?: string } } {
  const { page, next } = awsPage(items, call.input.Marker, pageLimit(call), () =>
    validationError('Invalid Marker.'),
  );
  return { page, more: next ? { IsTruncated: true, Marker: next } : { IsTruncated: false } };
}

type DetailItem =
  | { kind: 'user'; value: object }
  | { kind: 'group'; value: object }
  | { kind: 'role'; value: object }
  | { kind: 'policy'; value: object };

function getAccountAuthorizationDetails(call: Call): object {
  const filter = Array.isArray(call.input.Filter) ? (call.input.Filter as unknown[]) : [];
  for (const each of filter)
    if (typeof each !== 'string' || !entityTypes.includes(each))
      throw validationError(
        `1 validation error detected: Value '[${String(each)}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [LocalManagedPolicy, Group, AWSManagedPolicy, User, Role]]`,
      );
  const wants = (type: string) => filter.length === 0 || filter.includes(type);
  const { iam } = call.account;
  const items: DetailItem[] = [];
  if (wants('User'))
    for (const each of iam.users)
      items.push({
        kind: 'user',
        value: {
          Path: each.path,
          UserName: each.name,
          UserId: uniqueId('AIDA', `${call.account.accountId}/user/${each.name}`),
          Arn: iamArn(call, 'user', each.path, each.name),
          CreateDate: ago(each.createdDaysAgo),
          ...(each.inlinePolicies.length > 0 ? { UserPolicyList: inlineList(each.inlinePolicies) } : {}),
          GroupList: [...each.groups],
          AttachedManagedPolicies: attached(call, each.managedPolicies),
          ...boundary(call, each.permissionsBoundary),
          ...(Object.keys(each.tags).length > 0 ? { Tags: tagList(each.tags) } : {}),
        },
      });
  if (wants('Group'))
    for (const each of iam.groups)
      items.push({
        kind: 'group',
        value: {
          Path: each.path,
          GroupName: each.name,
          GroupId: uniqueId('AGPA', `${call.account.accountId}/group/${each.name}`),
          Arn: iamArn(call, 'group', each.path, each.name),
          CreateDate: ago(each.createdDaysAgo),
          ...(each.inlinePolicies.length > 0 ? { GroupPolicyList: inlineList(each.inlinePolicies) } : {}),
          AttachedManagedPolicies: attached(call, each.managedPolicies),
        },
      });
  if (wants('Role'))
    for (const each of iam.roles)
      items.push({
        kind: 'role',
        value: {
          Path: each.path,
          RoleName: each.name,
          RoleId: uniqueId('AROA', `${call.account.accountId}/role/${each.name}`),
          Arn: iamArn(call, 'role', each.path, each.name),
          CreateDate: ago(each.createdDaysAgo),
          AssumeRolePolicyDocument: encodePolicy(each.trust),
          InstanceProfileList: [],
          ...(each.inlinePolicies.length > 0 ? { RolePolicyList: inlineList(each.inlinePolicies) } : {}),
          AttachedManagedPolicies: attached(call, each.managedPolicies),
          ...boundary(call, each.permissionsBoundary),
          ...(Object.keys(each.tags).length > 0 ? { Tags: tagList(each.tags) } : {}),
          RoleLastUsed:
            each.lastUsedDaysAgo === null
              ? {}
              : { LastUsedDate: ago(each.lastUsedDaysAgo), Region: each.lastUsedRegion },
        },
      });
  // Customer managed policies always; AWS managed ones only when attached to something here.
  const references = [
    ...iam.users.flatMap((each) => [
      ...each.managedPolicies,
      ...(each.permissionsBoundary ? [each.permissionsBoundary] : []),
    ]),
    ...iam.groups.flatMap((each) => each.managedPolicies),
    ...iam.roles.flatMap((each) => [
      ...each.managedPolicies,
      ...(each.permissionsBoundary ? [each.permissionsBoundary] : []),
    ]),
  ];
  const count = (reference: string) => references.filter((each) => each === reference).length;
  const policyNames = [
    ...(wants('LocalManagedPolicy') ? iam.policies.map((policy) => policy.name) : []),
    ...(wants('AWSManagedPolicy')
      ? Object.keys(awsManagedPolicies).filter(
          (name) => count(name) > 0 && !iam.policies.some((policy) => policy.name === name),
        )
      : []),
  ];
  for (const name of policyNames) {
    const policy = resolvePolicy(call, name);
    if (!policy) continue;
    const created = ago(policy.createdDaysAgo);
    items.push({
      kind: 'policy',
      value: {
        PolicyName: policy.name,
        PolicyId: uniqueId('ANPA', policy.arn),
        Arn: policy.arn,
        Path: policy.path,
        DefaultVersionId: policy.versionId,
        AttachmentCount: count(name),
        PermissionsBoundaryUsageCount: 0,
        IsAttachable: true,
        ...(policy.description ? { Description: policy.description } : {}),
        CreateDate: created,
        UpdateDate: created,
        PolicyVersionList: [
          {
            Document: encodePolicy(policy.document),
            VersionId: policy.versionId,
            IsDefaultVersion: true,
            CreateDate: created,
          },
        ],
      },
    });
  }
  const { page, more } = paged(call, items);
  const of = (kind: DetailItem['kind']) =>
    page.filter((each) => each.kind === kind).map((each) => each.value);
  return {
    UserDetailList: of('user'),
    GroupDetailList: of('group'),
    RoleDetailList: of('role'),
    Policies: of('policy'),
    ...more,
  };
}

function getAccountSummary(call: Call): object {
  const { iam } = call.account;
  const devices = iam.users.reduce((sum, each) => sum + each.mfaDevices.length, 0);
  return {
    SummaryMap: {
      Users: iam.users.length,
      UsersQuota: 5000,
      Groups: iam.groups.length,
      GroupsQuota: 300,
      Roles: iam.roles.length,
      RolesQuota: 1000,
      Policies: iam.policies.length,
      PoliciesQuota: 1500,
      MFADevices: devices + (iam.root.mfa ? 1 : 0),
      MFADevicesInUse: devices + (iam.root.mfa ? 1 : 0),
      AccountMFAEnabled: iam.root.mfa ? 1 : 0,
      AccountAccessKeysPresent: iam.root.accessKeys > 0 ? 1 : 0,
      AccountPasswordPresent: 1,
      AccountSigningCertificatesPresent: 0,
      AccessKeysPerUserQuota: 2,
      AttachedPoliciesPerUserQuota: 10,
      AttachedPoliciesPerGroupQuota: 10,
      AttachedPoliciesPerRoleQuota: 10,
      GroupsPerUserQuota: 10,
      PolicySizeQuota: 6144,
      PolicyVersionsInUse: iam.policies.reduce((sum, each) => sum + each.versions, 0),
      PolicyVersionsInUseQuota: 10000,
      ServerCertificates: 0,
      ServerCertificatesQuota: 20,
      SigningCertificatesPerUserQuota: 2,
      UserPolicySizeQuota: 2048,
      GroupPolicySizeQuota: 5120,
      InstanceProfiles: 0,
      InstanceProfilesQuota: 1000,
      Providers: 0,
      GlobalEndpointTokenVersion: 1,
      VersionsPerPolicyQuota: 5,
    },
  };
}

function getAccountPasswordPolicy(call: Call): object {
  const policy = call.account.iam.passwordPolicy;
  if (!policy)
    throw noSuchEntity(`The Password Policy with domain name ${call.account.accountId} cannot be found.`);
  return {
    PasswordPolicy: {
      MinimumPasswordLength: policy.minimumLength,
      RequireSymbols: policy.requireSymbols,
      RequireNumbers: policy.requireNumbers,
      RequireUppercaseCharacters: policy.requireUppercase,
      RequireLowercaseCharacters: policy.requireLowercase,
      AllowUsersToChangePassword: policy.allowUsersToChangePassword,
      ExpirePasswords: policy.maxAgeDays !== undefined,
      ...(policy.maxAgeDays !== undefined ? { MaxPasswordAge: policy.maxAgeDays } : {}),
      ...(policy.reusePrevention !== undefined ? { PasswordReusePrevention: policy.reusePrevention } : {}),
      ...(policy.hardExpiry !== undefined ? { HardExpiry: policy.hardExpiry } : {}),
    },
  };
}

/** The user a call names; IAM user names are unique regardless of case. */
function userOf(call: Call): ScenarioUser {
  const name = typeof call.input.UserName === 'string' ? call.input.UserName : '';
  if (name === '')
    // The simulated caller is a role, which has no access keys or MFA devices of its own.
    throw validationError('Must specify userName when calling with non-User credentials');
  const found = call.account.iam.users.find((each) => each.name.toLowerCase() === name.toLowerCase());
  if (!found) throw noSuchEntity(`The user with name ${name} cannot be found.`);
  return found;
}

function listAccessKeys(call: Call): object {
  const each = userOf(call);
  const { page, more } = paged(call, each.accessKeys);
  return {
    AccessKeyMetadata: page.map((key) => ({
      UserName: each.name,
      AccessKeyId: key.id,
      Status: key.status,
      CreateDate: ago(key.createdDaysAgo),
    })),
    ...more,
  };
}

function getAccessKeyLastUsed(call: Call): object {
  const id = typeof call.input.AccessKeyId === 'string' ? call.input.AccessKeyId : '';
  for (const each of call.account.iam.users) {
    const key = each.accessKeys.find((candidate) => candidate.id === id);
    if (!key) continue;
    return {
      UserName: each.name,
      AccessKeyLastUsed: key.lastUsed
        ? {
            LastUsedDate: ago(key.lastUsed.daysAgo),
            ServiceName: key.lastUsed.service,
            Region: key.lastUsed.region,
          }
        : { ServiceName: 'N/A', Region: 'N/A' },
    };
  }
  throw noSuchEntity(`The Access Key with id ${id} cannot be found.`);
}

function serialOf(
  call: Call,
  owner: ScenarioUser,
  device: ScenarioUser['mfaDevices'][number],
  index: number,
): string {
  const name = device.name ?? `${owner.name}${index > 0 ? `-${index + 1}` : ''}`;
  const { partition, accountId } = call.account;
  if (device.kind === 'virtual') return `arn:${partition}:iam::${accountId}:mfa/${name}`;
  if (device.kind === 'fido')
    return `arn:${partition}:iam::${accountId}:u2f/user/${owner.name}/${name}-${uniqueId('', `${owner.name}/${index}`).slice(0, 26)}`;
  return device.name ?? `GAHT${String(100000000 + index * 7919 + owner.name.length * 104729).slice(0, 8)}`;
}

function listMfaDevices(call: Call): object {
  const each = userOf(call);
  const devices = each.mfaDevices.map((device, index) => ({ device, index }));
  const { page, more } = paged(call, devices);
  return {
    MFADevices: page.map(({ device, index }) => ({
      UserName: each.name,
      SerialNumber: serialOf(call, each, device, index),
      EnableDate: ago(device.enabledDaysAgo),
    })),
    ...more,
  };
}

function getLoginProfile(call: Call): object {
  const each = userOf(call);
  if (!each.console) throw noSuchEntity(`Login Profile for User ${each.name} cannot be found.`);
  return {
    LoginProfile: {
      UserName: each.name,
      CreateDate: ago(each.console.createdDaysAgo),
      PasswordResetRequired: each.console.passwordResetRequired,
    },
  };
}

function checkIam(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const iam = each.iam as ScenarioIam;
    const base = ['aws', 'accounts', a, 'iam'];
    const known = (reference: string) =>
      iam.policies.some((policy) => policy.name === reference) || reference in awsManagedPolicies;
    const checkReferences = (path: (string | number)[], references: readonly string[]) =>
      references.forEach((reference, r) => {
        if (!known(reference))
          issue(
            [...path, r],
            `${reference} is neither a customer policy of this account nor an AWS managed policy the simulator knows (${Object.keys(awsManagedPolicies).join(', ')})`,
          );
      });
    const unique = (kind: string, names: readonly string[]) => {
      const seen = new Map<string, number>();
      names.forEach((name, i) => {
        const key = name.toLowerCase();
        const previous = seen.get(key);
        if (previous !== undefined)
          issue(
            [...base, kind, i, 'name'],
            `${name} is already used at ${kind}[${previous}] (IAM names ignore case)`,
          );
        seen.set(key, i);
      });
    };
    unique(
      'users',
      iam.users.map((u) => u.name),
    );
    unique(
      'groups',
      iam.groups.map((g) => g.name),
    );
    unique(
      'roles',
      iam.roles.map((r) => r.name),
    );
    unique(
      'policies',
      iam.policies.map((p) => p.name),
    );
    const keyIds = new Set<string>();
    iam.users.forEach((u, i) => {
      checkReferences([...base, 'users', i, 'managedPolicies'], u.managedPolicies);
      if (u.permissionsBoundary) checkReferences([...base, 'users', i], [u.permissionsBoundary]);
      u.groups.forEach((name, g) => {
        if (!iam.groups.some((candidate) => candidate.name === name))
          issue([...base, 'users', i, 'groups', g], `no group ${name} in this account`);
      });
      u.accessKeys.forEach((key, k) => {
        if (keyIds.has(key.id))
          issue([...base, 'users', i, 'accessKeys', k, 'id'], `access key ${key.id} is used twice`);
        keyIds.add(key.id);
        if (key.lastUsed && key.lastUsed.daysAgo > key.createdDaysAgo)
          issue(
            [...base, 'users', i, 'accessKeys', k, 'lastUsed', 'daysAgo'],
            'a key cannot be used before it was created',
          );
      });
    });
    iam.groups.forEach((g, i) =>
      checkReferences([...base, 'groups', i, 'managedPolicies'], g.managedPolicies),
    );
    iam.roles.forEach((r, i) => {
      checkReferences([...base, 'roles', i, 'managedPolicies'], r.managedPolicies);
      if (r.permissionsBoundary) checkReferences([...base, 'roles', i], [r.permissionsBoundary]);
    });
  });
}

export const iamSim: AwsServiceSim<typeof account, typeof organisation, IamWorld> = {
  account,
  organisation,
  check: checkIam,
  error: iamError,
  faults: {
    throttle: { name: 'Throttling', status: 400, message: 'Rate exceeded' },
    access_denied: {
      name: 'AccessDenied',
      status: 403,
      message: 'User is not authorized to perform this IAM action because no identity-based policy allows it',
    },
  },
  answers: {
    GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
    GetAccountSummary: getAccountSummary,
    GetAccountPasswordPolicy: getAccountPasswordPolicy,
    ListAccessKeys: listAccessKeys,
    GetAccessKeyLastUsed: getAccessKeyLastUsed,
    ListMFADevices: listMfaDevices,
    GetLoginProfile: getLoginProfile,
  },
  demo,
  generate({ index, perRegion, random }) {
    const { chance, pick, hex } = random;
    const teams = ['support', 'orders', 'telemetry', 'platform', 'analytics'];
    const count = Math.max(2, Math.ceil(perRegion / 2));
    const keyId = () =>
      `AKIA${hex(16)
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '0')}`;
    const users = Array.from({ length: count }, (_, k) => {
      const human = chance(0.5);
      const keys =
        !human || chance(0.2)
          ? [
              {
                id: keyId(),
                createdDaysAgo: chance(0.3) ? 200 + k : 10 + k,
                lastUsed: chance(0.2) ? null : { daysAgo: chance(0.1) ? 120 : 1 },
              },
            ]
          : [];
      return {
        name: `gen-a${index}-${human ? 'person' : 'svc'}-${k}-${hex(4)}`,
        groups: human && chance(0.2) ? ['gen-admins'] : [],
        managedPolicies: [pick(['ReadOnlyAccess', 'AmazonS3ReadOnlyAccess', 'SecurityAudit'])],
        console: human ? { createdDaysAgo: 100 } : null,
        mfaDevices: human && chance(0.7) ? [{ kind: 'virtual' as const }] : [],
        accessKeys: keys.map((key) => ({
          ...key,
          lastUsed: key.lastUsed && {
            ...key.lastUsed,
            daysAgo: Math.min(key.lastUsed.daysAgo, key.createdDaysAgo),
          },
        })),
      };
    });
    const roles = Array.from({ length: count }, (_, k) => {
      const vendor = chance(0.15);
      const principal = vendor
        ? { AWS: `arn:aws:iam::${String(100000000000 + index * 1000 + k).padStart(12, '0')}:root` }
        : { Service: 'lambda.amazonaws.com' };
      return {
        name: `gen-a${index}-${pick(teams)}-role-${k}-${hex(4)}`,
        trust: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: principal,
              Action: 'sts:AssumeRole',
              ...(vendor && chance(0.5)
                ? { Condition: { StringEquals: { 'sts:ExternalId': hex(12) } } }
                : {}),
            },
          ],
        },
        managedPolicies: [chance(0.05) ? 'AdministratorAccess' : 'AWSLambdaBasicExecutionRole'],
      };
    });
    return {
      iam: {
        root: { mfa: chance(0.8), accessKeys: chance(0.1) ? 1 : 0 },
        passwordPolicy: chance(0.5)
          ? { minimumLength: 14, reusePrevention: 24 }
          : chance(0.5)
            ? { minimumLength: 8 }
            : null,
        users,
        groups: [{ name: 'gen-admins', managedPolicies: ['AdministratorAccess'] }],
        roles,
        policies: [],
      },
    };
  },
};
