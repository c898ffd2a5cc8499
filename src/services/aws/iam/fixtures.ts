import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { passwordPolicyFrom, permissionsOf, trustFrom } from './normalize';
import type { IamAccessKey, IamAccountProperties, IamRoleProperties, IamUserProperties } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const OBSERVED = '2026-12-08T10:00:00.000Z';
const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

const doc = (...Statement: object[]) =>
  encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement }));

function resource(
  type: string,
  name: string,
  nativeId: string,
  properties: Record<string, unknown>,
  missing: readonly string[] = [],
): NormalizedResource {
  const copy = { ...properties };
  for (const key of missing) delete copy[key];
  return {
    provider: 'aws',
    type,
    nativeId,
    name,
    scopeId: ACCOUNT,
    region: 'global',
    tags: {},
    properties: copy,
    phi: false,
    phiReason: null,
    evidenceIds: [1],
  };
}

const compliantPasswordPolicy = passwordPolicyFrom({
  MinimumPasswordLength: 16,
  RequireSymbols: true,
  RequireNumbers: true,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true,
  ExpirePasswords: false,
  PasswordReusePrevention: 24,
});

export function accountResource(
  properties: Partial<IamAccountProperties> = {},
  missing: (keyof IamAccountProperties)[] = [],
): NormalizedResource {
  const base: IamAccountProperties = {
    accountId: ACCOUNT,
    observedAt: OBSERVED,
    root: { mfaEnabled: true, accessKeysPresent: false },
    passwordPolicy: compliantPasswordPolicy,
  };
  return resource(
    'aws.iam.account',
    `account ${ACCOUNT}`,
    `arn:aws:iam::${ACCOUNT}:root`,
    { ...base, ...properties },
    missing,
  );
}

export const key = (overrides: Partial<IamAccessKey> = {}): IamAccessKey => ({
  accessKeyId: 'AKIAEXAMPLEKEY000001',
  status: 'Active',
  createDate: '2026-11-20T10:00:00.000Z',
  ageDays: 18,
  lastUsed: { date: '2026-12-07T09:00:00.000Z', daysAgo: 1, serviceName: 's3', region: 'us-east-1' },
  ...overrides,
});

const noPermissions = permissionsOf({ attached: [], inline: [], groups: [] }, new Map(), new Map());

export function userResource(
  name: string,
  properties: Partial<IamUserProperties> = {},
  missing: (keyof IamUserProperties)[] = [],
): NormalizedResource {
  const base: IamUserProperties = {
    userName: name,
    userId: 'AIDAEXAMPLEUSER00001',
    path: '/',
    createDate: '2025-01-10T10:00:00.000Z',
    observedAt: OBSERVED,
    console: { passwordSet: true, createDate: '2025-01-10T10:00:00.000Z', passwordResetRequired: false },
    mfaDevices: [
      {
        serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${name}`,
        kind: 'virtual',
        enableDate: '2025-01-11T10:00:00.000Z',
      },
    ],
    accessKeys: [],
    permissions: noPermissions,
  };
  return resource(
    'aws.iam.user',
    name,
    `arn:aws:iam::${ACCOUNT}:user/${name}`,
    { ...base, ...properties },
    missing,
  );
}

const serviceTrust = trustFrom(
  doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
);

export function roleResource(
  name: string,
  properties: Partial<IamRoleProperties> = {},
  missing: (keyof IamRoleProperties)[] = [],
): NormalizedResource {
  const base: IamRoleProperties = {
    roleName: name,
    roleId: 'AROAEXAMPLEROLE00001',
    path: '/',
    createDate: '2025-01-10T10:00:00.000Z',
    serviceLinked: false,
    trust: serviceTrust,
    permissions: noPermissions,
    lastUsed: { date: null, region: null },
  };
  return resource(
    'aws.iam.role',
    name,
    `arn:aws:iam::${ACCOUNT}:role/${name}`,
    { ...base, ...properties },
    missing,
  );
}

const consoleOff = { console: { passwordSet: false, createDate: null, passwordResetRequired: null } };
const adminAttached = permissionsOf(
  { attached: [{ PolicyName: 'AdministratorAccess', PolicyArn: ADMIN_ARN }], inline: [] },
  new Map(),
  new Map(),
);
const viaGroup = permissionsOf(
  { attached: [], inline: [], groups: ['platform-admins'] },
  new Map([
    [
      'platform-admins',
      {
        GroupName: 'platform-admins',
        AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: ADMIN_ARN }],
      },
    ],
  ]),
  new Map(),
);
const inlineStar = permissionsOf(
  {
    attached: [],
    inline: [
      { PolicyName: 'everything', PolicyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
    ],
  },
  new Map(),
  new Map(),
);
const scoped = permissionsOf(
  {
    attached: [{ PolicyName: 'orders-read', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/orders-read` }],
    inline: [],
  },
  new Map(),
  new Map([
    [
      `arn:aws:iam::${ACCOUNT}:policy/orders-read`,
      { Statement: [{ Effect: 'Allow', Action: 'dynamodb:Query', Resource: '*' }] },
    ],
  ]),
);
const unreadPolicy = permissionsOf(
  { attached: [{ PolicyName: 'mystery', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/mystery` }], inline: [] },
  new Map(),
  new Map(),
);
const trustOf = (...statements: object[]) => trustFrom(doc(...statements));

/** A PHI-classified S3 bucket of the run, as the S3 collector and the orchestrator leave it. */
const phiBucket = (name: string, scopeId = ACCOUNT): NormalizedResource => ({
  provider: 'aws',
  type: 'aws.s3.bucket',
  nativeId: `arn:aws:s3:::${name}`,
  name,
  scopeId,
  region: 'us-east-1',
  tags: { phi: 'true' },
  properties: {},
  phi: true,
  phiReason: 'tag phi=true',
  evidenceIds: [9],
});
const phiTable: NormalizedResource = {
  ...phiBucket('intake'),
  type: 'aws.dynamodb.table',
  nativeId: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/intake`,
};
const inline = (name: string, ...statements: object[]) =>
  permissionsOf(
    { attached: [], inline: [{ PolicyName: name, PolicyDocument: doc(...statements) }] },
    new Map(),
    new Map(),
  );
const s3StarOnTelemetry = inline('telemetry', {
  Effect: 'Allow',
  Action: 's3:*',
  Resource: ['arn:aws:s3:::telemetry-raw', 'arn:aws:s3:::telemetry-raw/*'],
});
const s3FullAccess = permissionsOf(
  {
    attached: [{ PolicyName: 'AmazonS3FullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }],
    inline: [],
  },
  new Map(),
  new Map([
    [
      'arn:aws:iam::aws:policy/AmazonS3FullAccess',
      { Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }] },
    ],
  ]),
);
const phiContext = {
  resources: [
    phiBucket('telemetry-raw'),
    phiBucket('patient-exports'),
    phiTable,
    phiBucket('telemetry-raw-x', '999988887777'),
  ],
};
const assume = (principal: unknown, condition?: object) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 'sts:AssumeRole',
  ...(condition ? { Condition: condition } : {}),
});

const phiWildcardCases = (
  make: (name: string, properties: Partial<IamUserProperties & IamRoleProperties>) => NormalizedResource,
) => ({
  pass: [
    {
      name: 'no wildcard grant',
      resource: make('checkout', { permissions: scoped }),
      context: phiContext,
      detail: 'grants s3:*, dynamodb:* or * on any resource',
    },
    {
      name: 's3:* on a bucket not classified as PHI',
      resource: make('assets', {
        permissions: inline('assets', {
          Effect: 'Allow',
          Action: 's3:*',
          Resource: 'arn:aws:s3:::storefront-assets/*',
        }),
      }),
      context: phiContext,
      detail: 'name no bucket or table this run classified as PHI',
    },
    {
      name: 'dynamodb:* on a table does not reach a PHI bucket of the same name pattern',
      resource: make('tables', {
        permissions: inline('t', {
          Effect: 'Allow',
          Action: 'dynamodb:*',
          Resource: 'arn:aws:s3:::telemetry-raw',
        }),
      }),
      context: phiContext,
      detail: 'name no bucket or table',
    },
  ],
  fail: [
    {
      name: 's3:* on a PHI bucket and its objects',
      resource: make('etl', { permissions: s3StarOnTelemetry }),
      context: phiContext,
      detail:
        /may perform every action on PHI store\(s\) telemetry-raw through s3:\* on arn:aws:s3:::telemetry-raw, arn:aws:s3:::telemetry-raw\/\* \(inline policy telemetry\)/,
    },
    {
      name: 'AmazonS3FullAccess reaches every PHI bucket of the account, not the table',
      resource: make('notebook', { permissions: s3FullAccess }),
      context: phiContext,
      detail:
        /PHI store\(s\) patient-exports, telemetry-raw through s3:\* on \* \(policy AmazonS3FullAccess\)\.$/,
    },
    {
      name: 'AdministratorAccess through a group reaches the table too',
      resource: make('sam', { permissions: viaGroup }),
      context: phiContext,
      detail:
        'PHI store(s) intake, patient-exports, telemetry-raw through * on * (policy AdministratorAccess through group platform-admins)',
    },
    {
      name: 's3:* on "*" with no PHI store seen in the run',
      resource: make('notebook', { permissions: s3FullAccess }),
      detail:
        'every bucket or table of the account, present and future (no S3 bucket or DynamoDB table of this account classified as PHI was seen in this run)',
    },
  ],
  notApplicable: [
    {
      name: 'an older workspace without the wildcard grants',
      resource: make('old', { permissions: { ...scoped, dataWildcards: undefined } as never }),
      detail: /^Not assessed: the policies of .* were collected without their wildcard grants/,
    },
    {
      name: 'an unread policy and no failing grant',
      resource: make('bob', { permissions: unreadPolicy }),
      context: phiContext,
      detail: /^Not assessed: the policies of IAM (user|role) bob/,
    },
  ],
});

export const iamFixtures: ServiceFixtures = {
  'aws.iam.root-mfa': {
    pass: [
      { name: 'root MFA on', resource: accountResource(), detail: 'has MFA enabled (AccountMFAEnabled 1)' },
    ],
    fail: [
      {
        name: 'root MFA off',
        resource: accountResource({ root: { mfaEnabled: false, accessKeysPresent: false } }),
        detail: /root user of AWS account 111122223333 has no MFA device/,
      },
    ],
    notApplicable: [
      {
        name: 'GetAccountSummary refused',
        resource: accountResource({}, ['root']),
        detail: /^Not assessed: the root user MFA status \(GetAccountSummary\) of AWS account 111122223333/,
      },
    ],
  },
  'aws.iam.root-access-keys': {
    pass: [{ name: 'no root keys', resource: accountResource(), detail: 'has no access keys' }],
    fail: [
      {
        name: 'root keys present',
        resource: accountResource({ root: { mfaEnabled: true, accessKeysPresent: true } }),
        detail: /has access keys \(GetAccountSummary AccountAccessKeysPresent 1\)/,
      },
    ],
    notApplicable: [
      {
        name: 'GetAccountSummary refused',
        resource: accountResource({}, ['root']),
        detail: /^Not assessed: the root user access keys/,
      },
    ],
  },
  'aws.iam.password-policy': {
    pass: [
      {
        name: 'length 16, reuse 24',
        resource: accountResource(),
        detail:
          /requires at least 16 characters and prevents reuse of the last 24 passwords \(character classes required: uppercase, lowercase, numbers, symbols; expiry: none\)/,
      },
    ],
    fail: [
      {
        name: 'no password policy (NoSuchEntity)',
        resource: accountResource({ passwordPolicy: passwordPolicyFrom(null) }),
        detail: /has no IAM password policy \(GetAccountPasswordPolicy NoSuchEntity\)/,
      },
      {
        name: 'length 8, no reuse prevention',
        resource: accountResource({
          passwordPolicy: passwordPolicyFrom({
            MinimumPasswordLength: 8,
            RequireNumbers: true,
            ExpirePasswords: true,
            MaxPasswordAge: 90,
          }),
        }),
        detail:
          /is weak: minimum length 8 \(below 14\); no password reuse prevention \(character classes required: numbers; expiry: 90 days\)/,
      },
      {
        name: 'length 14 but reuse prevention of 5',
        resource: accountResource({
          passwordPolicy: passwordPolicyFrom({ MinimumPasswordLength: 14, PasswordReusePrevention: 5 }),
        }),
        detail: 'reuse prevention of only the last 5 (below 24)',
      },
    ],
    notApplicable: [
      {
        name: 'GetAccountPasswordPolicy refused',
        resource: accountResource({}, ['passwordPolicy']),
        detail: /^Not assessed: the password policy/,
      },
    ],
  },
  'aws.iam.user-console-mfa': {
    pass: [
      {
        name: 'console user with a virtual MFA device',
        resource: userResource('maya'),
        detail: 'has a console password and 1 MFA device(s) (virtual)',
      },
    ],
    fail: [
      {
        name: 'console user without MFA',
        resource: userResource('jordan', { mfaDevices: [] }),
        detail: /IAM user jordan in account 111122223333 has a console password and no MFA device/,
      },
    ],
    notApplicable: [
      {
        name: 'no console password',
        resource: userResource('ci-bot', { ...consoleOff, mfaDevices: [] }),
        detail: 'has no console password',
      },
      {
        name: 'GetLoginProfile refused',
        resource: userResource('jordan', { mfaDevices: [] }, ['console']),
        detail: /^Not assessed: the console password \(GetLoginProfile\)/,
      },
      {
        name: 'ListMFADevices refused',
        resource: userResource('jordan', {}, ['mfaDevices']),
        detail: /^Not assessed: the MFA devices \(ListMFADevices\)/,
      },
    ],
  },
  'aws.iam.access-key-rotation': {
    pass: [
      {
        name: 'key 18 days old, used yesterday',
        resource: userResource('orders-export', { ...consoleOff, accessKeys: [key()] }),
        detail:
          /has 1 active access key\(s\) as of 2026-12-08, each younger than 90 days and AKIAEXAMPLEKEY000001 used 1 day\(s\) earlier/,
      },
      {
        name: 'fresh key not used yet',
        resource: userResource('new-bot', {
          ...consoleOff,
          accessKeys: [
            key({ ageDays: 3, lastUsed: { date: null, daysAgo: null, serviceName: null, region: null } }),
          ],
        }),
        detail: 'not used yet (created 3 day(s) earlier)',
      },
    ],
    fail: [
      {
        name: 'key 412 days old, used daily',
        resource: userResource('ci-deploy', {
          ...consoleOff,
          accessKeys: [key({ ageDays: 412, createDate: '2025-10-22T10:00:00.000Z' })],
        }),
        detail: /AKIAEXAMPLEKEY000001 created 412 days earlier \(2025-10-22\)/,
      },
      {
        name: 'key never used, 200 days old',
        resource: userResource('legacy', {
          ...consoleOff,
          accessKeys: [
            key({ ageDays: 200, lastUsed: { date: null, daysAgo: null, serviceName: null, region: null } }),
          ],
        }),
        detail: /created 200 days earlier \(2026-11-20\), never used/,
      },
      {
        name: 'young key (60 days) unused for 95 days cannot be; a rotated key unused for 100 days',
        resource: userResource('idle', {
          ...consoleOff,
          accessKeys: [
            key({
              ageDays: 80,
              lastUsed: {
                date: '2026-08-30T10:00:00.000Z',
                daysAgo: 100,
                serviceName: 's3',
                region: 'us-east-1',
              },
            }),
          ],
        }),
        detail: 'last used 100 days earlier (2026-08-30)',
      },
      {
        name: 'old key fails on its age even when its last use could not be read',
        resource: userResource('ci-deploy', {
          ...consoleOff,
          accessKeys: [key({ ageDays: 120, lastUsed: undefined })],
        }),
        detail: 'created 120 days earlier',
      },
    ],
    notApplicable: [
      {
        name: 'no active key (one inactive)',
        resource: userResource('bob', { accessKeys: [key({ status: 'Inactive', ageDays: 400 })] }),
        detail: 'has no active access key (1 inactive)',
      },
      {
        name: 'ListAccessKeys refused',
        resource: userResource('bob', {}, ['accessKeys']),
        detail: /^Not assessed: the access keys \(ListAccessKeys\)/,
      },
      {
        name: 'young key whose last use could not be read',
        resource: userResource('bob', { ...consoleOff, accessKeys: [key({ lastUsed: undefined })] }),
        detail: /^Not assessed: the access key last use \(GetAccessKeyLastUsed\)/,
      },
    ],
  },
  'aws.iam.console-user-access-keys': {
    pass: [
      {
        name: 'console user without keys',
        resource: userResource('maya'),
        detail: 'signs in to the console and holds no active access key.',
      },
      {
        name: 'console user with only an inactive key',
        resource: userResource('maya', { accessKeys: [key({ status: 'Inactive' })] }),
        detail: '(1 inactive key(s) remain; delete them)',
      },
    ],
    fail: [
      {
        name: 'console user with an active key',
        resource: userResource('alex', { accessKeys: [key()] }),
        detail:
          /IAM user alex in account 111122223333 signs in to the console and also holds 1 active access key\(s\): AKIAEXAMPLEKEY000001 \(created 2026-11-20\)/,
      },
    ],
    notApplicable: [
      {
        name: 'machine user',
        resource: userResource('ci-bot', { ...consoleOff, accessKeys: [key()] }),
        detail: 'not a console user',
      },
      {
        name: 'ListAccessKeys refused',
        resource: userResource('alex', {}, ['accessKeys']),
        detail: /^Not assessed: the access keys/,
      },
    ],
  },
  'aws.iam.user-admin-access': {
    pass: [
      {
        name: 'user with a scoped customer policy',
        resource: userResource('orders-export', { permissions: scoped }),
        detail:
          'None of the 1 policies of IAM user orders-export in account 111122223333 allows every action on every resource.',
      },
    ],
    fail: [
      {
        name: 'AdministratorAccess attached directly',
        resource: userResource('alex', { permissions: adminAttached }),
        detail: 'AWS managed policy AdministratorAccess attached directly',
      },
      {
        name: 'AdministratorAccess through a group',
        resource: userResource('sam', { permissions: viaGroup }),
        detail: 'AdministratorAccess through group platform-admins',
      },
      {
        name: 'inline "*" on "*"',
        resource: userResource('legacy', { permissions: inlineStar }),
        detail: 'inline policy everything attached directly',
      },
    ],
    notApplicable: [
      {
        name: 'a policy document missing from the answer',
        resource: userResource('bob', { permissions: unreadPolicy }),
        detail: /^Not assessed: the policies of IAM user bob .*arn:aws:iam::111122223333:policy\/mystery/,
      },
    ],
  },
  'aws.iam.role-admin-access': {
    pass: [
      {
        name: 'role with a scoped policy',
        resource: roleResource('checkout-api', { permissions: scoped }),
        detail: 'None of the 1 policies of IAM role checkout-api',
      },
    ],
    fail: [
      {
        name: 'AdministratorAccess on a role',
        resource: roleResource('OrganizationAccountAccessRole', { permissions: adminAttached }),
        detail: 'is granted every action on every resource by AWS managed policy AdministratorAccess',
      },
    ],
    notApplicable: [
      {
        name: 'service-linked role',
        resource: roleResource('AWSServiceRoleForSupport', {
          serviceLinked: true,
          permissions: adminAttached,
        }),
        detail: 'is a service-linked role',
      },
    ],
  },
  'aws.iam.user-phi-wildcard-access': phiWildcardCases((name, properties) => userResource(name, properties)),
  'aws.iam.role-phi-wildcard-access': {
    ...phiWildcardCases((name, properties) => roleResource(name, properties)),
    notApplicable: [
      ...phiWildcardCases((name, properties) => roleResource(name, properties)).notApplicable,
      {
        name: 'service-linked role',
        resource: roleResource('AWSServiceRoleForSupport', {
          serviceLinked: true,
          permissions: adminAttached,
        }),
        detail: 'is a service-linked role',
      },
    ],
  },
  'aws.iam.role-trust-external-id': {
    pass: [
      {
        name: 'vendor account with an ExternalId',
        resource: roleResource('vendor-analytics', {
          trust: trustOf(
            assume(
              { AWS: 'arn:aws:iam::777788889999:role/ingest' },
              { StringEquals: { 'sts:ExternalId': 'x-1' } },
            ),
          ),
        }),
        detail: 'lets in only account 777788889999 with an sts:ExternalId condition',
      },
      {
        name: 'same account',
        resource: roleResource('break-glass', {
          trust: trustOf(assume({ AWS: `arn:aws:iam::${ACCOUNT}:root` })),
        }),
        detail: `lets in only its own account (arn:aws:iam::${ACCOUNT}:root)`,
      },
      {
        name: 'another account of the assessment',
        resource: roleResource('org-access', { trust: trustOf(assume({ AWS: '345678901234' })) }),
        context: { resources: [accountResource(), { ...accountResource(), scopeId: '345678901234' }] },
        detail: 'account 345678901234, another account of this assessment',
      },
      {
        name: 'an organisation condition',
        resource: roleResource('org-reader', {
          trust: trustOf(
            assume(
              { AWS: 'arn:aws:iam::999900001111:root' },
              { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
            ),
          ),
        }),
        detail: 'account 999900001111 limited to an AWS organisation',
      },
    ],
    fail: [
      {
        name: 'vendor account without an ExternalId',
        resource: roleResource('vendor-support', {
          trust: trustOf({ Sid: 'Helpdesk', ...assume({ AWS: 'arn:aws:iam::444455556666:root' }) }),
        }),
        detail:
          /lets account 444455556666 \(arn:aws:iam::444455556666:root, statement "Helpdesk"\) assume it with no sts:ExternalId/,
      },
      {
        name: 'Principal "*" with no restricting condition',
        resource: roleResource('open-role', {
          trust: trustOf(assume('*', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } })),
        }),
        detail: 'any AWS account (Principal "*")',
      },
    ],
    notApplicable: [
      {
        name: 'service principal only',
        resource: roleResource('checkout-api'),
        detail: 'trusts no other AWS account (only lambda.amazonaws.com)',
      },
      {
        name: 'unreadable trust policy',
        resource: roleResource('odd', { trust: trustFrom('%7Bnot json') }),
        detail: /^Not assessed: the trust policy/,
      },
    ],
  },
};
