import { IAMServiceException, NoSuchEntityException } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { collectService, serviceRegistry, serviceScenario } from '../../../../test/support/describe-service';
import { defineService, type ScenarioBase } from '../../../kit';
import { decodePolicyDocument } from './normalize';
import type { IamAccountProperties, IamRoleProperties, IamUserProperties } from './resource';
import { encodePolicy, iamSim } from './sim';
import { iam } from '.';

const prod = '210987654321';
const shared = '345678901234';

type Run = Awaited<ReturnType<typeof collectService>>;

function find(run: Run, type: string, name: string, account = prod) {
  const resource = run.resources.find(
    (each) => each.type === type && each.name === name && each.scopeId === account,
  );
  if (!resource) throw new Error(`no ${type} ${name} in ${account}`);
  return resource;
}
const userOf = (run: Run, name: string, account = prod) =>
  find(run, 'aws.iam.user', name, account).properties as IamUserProperties;
const roleOf = (run: Run, name: string, account = prod) =>
  find(run, 'aws.iam.role', name, account).properties as IamRoleProperties;
const accountOf = (run: Run, account: string) =>
  find(run, 'aws.iam.account', `account ${account}`, account).properties as IamAccountProperties;

describe('the IAM collector against the simulated IAM', () => {
  it('reads users, groups, roles and policies from GetAccountAuthorizationDetails and each user from its own calls', async () => {
    const run = await collectService(iam, serviceScenario(iam));
    expect(run.gaps).toEqual([]);
    expect(find(run, 'aws.iam.user', 'ci-deploy')).toMatchObject({
      nativeId: `arn:aws:iam::${prod}:user/automation/ci-deploy`,
      region: 'global',
      tags: { owner: 'platform' },
    });
    // Ages are counted by the collector against the time it read the answers.
    const ci = userOf(run, 'ci-deploy');
    expect(ci.console).toEqual({ passwordSet: false, createDate: null, passwordResetRequired: null });
    expect(ci.accessKeys).toEqual([
      expect.objectContaining({
        accessKeyId: 'AKIATAK5NWVCIDEPLOY1',
        status: 'Active',
        ageDays: 412,
        lastUsed: expect.objectContaining({ daysAgo: 1, serviceName: 'lambda', region: 'us-east-1' }),
      }),
    ]);
    // A key never used: no LastUsedDate, "N/A" service and region.
    expect(userOf(run, 'legacy-reporting').accessKeys?.[0]?.lastUsed).toEqual({
      date: null,
      daysAgo: null,
      serviceName: null,
      region: null,
    });
    // An inactive key is listed but its last use is not asked.
    const exportKeys = userOf(run, 'nwv-orders-export').accessKeys ?? [];
    expect(exportKeys.find((key) => key.status === 'Inactive')?.lastUsed).toBeUndefined();
    expect(run.evidence.filter((each) => each.operation === 'GetAccessKeyLastUsed')).toHaveLength(4);
    expect(userOf(run, 'maya.chen').mfaDevices).toEqual([
      expect.objectContaining({
        kind: 'fido',
        serialNumber: expect.stringMatching(/^arn:aws:iam::210987654321:u2f\/user\/maya.chen\//),
      }),
    ]);
    expect(userOf(run, 'pat.okafor', shared).mfaDevices?.[0]).toMatchObject({
      kind: 'hardware',
      serialNumber: 'GAHT58214476',
    });
    // AdministratorAccess reached through a group.
    expect(userOf(run, 'alex.kim').permissions).toMatchObject({
      groups: ['nwv-platform-admins'],
      fullAccess: [{ name: 'AdministratorAccess', kind: 'aws-managed', viaGroup: 'nwv-platform-admins' }],
      unread: [],
    });
    // An inline "*" on "*", URL-encoded in the answer, decoded by the collector.
    expect(userOf(run, 'legacy-reporting').permissions.fullAccess).toEqual([
      { name: 'reporting-everything', arn: null, kind: 'inline', viaGroup: null, conditioned: false },
    ]);
    // Customer managed policies are judged on their default version's document.
    expect(userOf(run, 'maya.chen').permissions).toMatchObject({ fullAccess: [], unread: [] });
  });

  it('decodes the URL-encoded trust policy of each role', async () => {
    const run = await collectService(iam, serviceScenario(iam));
    const detail = run.evidence.find((each) => each.operation === 'GetAccountAuthorizationDetails')!;
    const raw = (
      detail.response as { RoleDetailList: { RoleName: string; AssumeRolePolicyDocument: string }[] }
    ).RoleDetailList.find((role) => role.RoleName === 'nwv-vendor-support-desk')!.AssumeRolePolicyDocument;
    expect(raw.startsWith('%7B%22Version%22%3A%222012-10-17%22')).toBe(true);
    expect(roleOf(run, 'nwv-vendor-support-desk').trust.principals).toEqual([
      expect.objectContaining({
        kind: 'account',
        accountId: '444455556666',
        sid: 'HelpdeskVendor',
        externalId: false,
        actions: ['sts:AssumeRole'],
      }),
    ]);
    expect(roleOf(run, 'nwv-vendor-analytics').trust.principals[0]).toMatchObject({
      accountId: '777788889999',
      externalId: true,
    });
    expect(roleOf(run, 'nwv-github-deployer').trust.principals[0]).toMatchObject({ kind: 'federated' });
    expect(roleOf(run, 'AWSServiceRoleForSupport').serviceLinked).toBe(true);
    expect(roleOf(run, 'nwv-checkout-api').lastUsed.region).toBe('us-east-1');
  });

  it('reads the root user and the password policy; no password policy is a fact, not a gap', async () => {
    const scenario = serviceScenario(iam);
    const run = await collectService(iam, scenario);
    expect(accountOf(run, prod)).toMatchObject({
      root: { mfaEnabled: true, accessKeysPresent: false },
      passwordPolicy: {
        set: true,
        minimumLength: 14,
        reusePrevention: 24,
        maxAgeDays: null,
        hardExpiry: null,
      },
    });
    expect(accountOf(run, shared)).toMatchObject({
      root: { mfaEnabled: false, accessKeysPresent: true },
      passwordPolicy: {
        set: true,
        minimumLength: 8,
        reusePrevention: null,
        maxAgeDays: 90,
        expirePasswords: true,
      },
    });
    const accounts = scenario.aws.accounts as unknown as { iam: { passwordPolicy: unknown } }[];
    accounts[1]!.iam.passwordPolicy = null;
    const none = await collectService(iam, scenario);
    expect(none.gaps).toEqual([]);
    expect(accountOf(none, shared).passwordPolicy).toMatchObject({ set: false, minimumLength: null });
    expect(
      none.evidence.find((each) => each.operation === 'GetAccountPasswordPolicy' && each.errorCode)
        ?.errorCode,
    ).toBe('NoSuchEntityException');
  });

  it('pages GetAccountAuthorizationDetails with MaxItems / Marker and IsTruncated', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(iam),
      simulation: { awsPageSize: 2, azurePageSize: 1000 },
    };
    const paged = await collectService(iam, scenario);
    const whole = await collectService(iam, serviceScenario(iam));
    expect(paged.gaps).toEqual([]);
    const summary = (run: Run) =>
      run.resources
        .map((each) => ({
          id: each.nativeId,
          permissions: (each.properties as { permissions?: unknown }).permissions,
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
    expect(summary(paged)).toEqual(summary(whole));
    const pages = paged.evidence.filter((each) => each.operation === 'GetAccountAuthorizationDetails');
    // prod: 6 users + 2 groups + 8 roles + 4 customer + 5 attached AWS managed policies = 25 items; shared: 1 + 1 + 1 + 1 = 4.
    expect(pages).toHaveLength(13 + 2);
    expect(pages.every((each) => (each.request as { MaxItems?: number }).MaxItems === 1000)).toBe(true);
    expect(pages.filter((each) => (each.request as { Marker?: string }).Marker !== undefined)).toHaveLength(
      12 + 1,
    );
  });

  it('AccessDenied on GetLoginProfile leaves the console unknown and names the user in the gap', async () => {
    const run = await collectService(
      iam,
      serviceScenario(iam, [
        { provider: 'aws', service: 'iam', operation: 'GetLoginProfile', kind: 'access_denied' },
      ]),
    );
    expect(userOf(run, 'jordan.patel').console).toBeUndefined();
    expect(userOf(run, 'jordan.patel').mfaDevices).toEqual([]);
    expect(run.gaps).toContainEqual(
      expect.objectContaining({
        operation: 'GetLoginProfile',
        reason: 'access_denied',
        message: expect.stringContaining('GetLoginProfile for IAM user jordan.patel'),
      }),
    );
  });

  it('AccessDenied on GetAccountAuthorizationDetails still reports the root user and password policy', async () => {
    const run = await collectService(
      iam,
      serviceScenario(iam, [
        {
          provider: 'aws',
          service: 'iam',
          operation: 'GetAccountAuthorizationDetails',
          kind: 'access_denied',
        },
      ]),
    );
    expect(run.resources.map((each) => each.type)).toEqual(['aws.iam.account', 'aws.iam.account']);
    expect(run.gaps.map((gap) => gap.message)).toEqual([
      expect.stringContaining(`GetAccountAuthorizationDetails for account ${prod}`),
      expect.stringContaining(`GetAccountAuthorizationDetails for account ${shared}`),
    ]);
  });

  it('drops a user deleted between GetAccountAuthorizationDetails and the per-user reads', async () => {
    const phantom = defineService({
      ...iam,
      sim: {
        ...iamSim,
        answers: {
          ...iamSim.answers,
          GetAccountAuthorizationDetails: (call) => {
            const answer = iamSim.answers.GetAccountAuthorizationDetails!(call) as {
              UserDetailList: { UserName: string; Arn: string }[];
            };
            const first = answer.UserDetailList[0]!;
            const ghost = {
              ...first,
              UserName: 'nwv-departed',
              Arn: first.Arn.replace(/[^/]+$/, 'nwv-departed'),
            };
            return { ...answer, UserDetailList: [...answer.UserDetailList, ghost] };
          },
        },
      },
    });
    const run = await collectService(phantom, serviceScenario(phantom));
    expect(run.gaps).toEqual([]);
    expect(run.resources.some((each) => each.name === 'nwv-departed')).toBe(false);
    expect(
      run.evidence.some(
        (each) =>
          each.operation === 'ListAccessKeys' &&
          (each.request as { UserName: string }).UserName === 'nwv-departed' &&
          each.errorCode === 'NoSuchEntityException',
      ),
    ).toBe(true);
  });
});

describe('the simulated IAM', () => {
  function answer(operation: keyof typeof iamSim.answers, input: Record<string, unknown>, accountId = prod) {
    const scenario = serviceScenario(iam);
    const account = scenario.aws.accounts.find((each) => each.accountId === accountId)!;
    return iamSim.answers[operation]!({
      account: account as Parameters<(typeof iamSim.answers)['GetAccountSummary']>[0]['account'],
      organisation: {},
      scenario,
      region: 'us-east-1',
      input,
      state: undefined,
      error: iamSim.error,
      pageSize: scenario.simulation.awsPageSize,
    });
  }
  const thrown = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected an error answer');
  };

  it('answers RFC 3986 URL-encoded documents and only the AWS managed policies that are attached', () => {
    const details = answer('GetAccountAuthorizationDetails', { MaxItems: 1000 }) as {
      Policies: {
        PolicyName: string;
        Arn: string;
        PolicyVersionList: { Document: string; IsDefaultVersion: boolean }[];
      }[];
      UserDetailList: Record<string, unknown>[];
      IsTruncated: boolean;
      Marker?: string;
    };
    expect(details.IsTruncated).toBe(false);
    expect(details.Marker).toBeUndefined();
    expect(
      details.Policies.map((each) => each.Arn)
        .filter((arn) => arn.includes(':aws:policy/'))
        .sort(),
    ).toEqual([
      'arn:aws:iam::aws:policy/AdministratorAccess',
      'arn:aws:iam::aws:policy/AmazonS3FullAccess',
      'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      'arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    ]);
    const admin = details.Policies.find((each) => each.PolicyName === 'AdministratorAccess')!;
    expect(admin.PolicyVersionList[0]!.Document).toBe(
      '%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D',
    );
    expect(decodePolicyDocument(encodePolicy({ a: "it's (*)" })).document).toEqual({ a: "it's (*)" });
    // Inline lists and tags appear only when not empty; group and attached lists always.
    const jordan = details.UserDetailList.find((each) => each.UserName === 'jordan.patel')!;
    expect(jordan.UserPolicyList).toBeUndefined();
    expect(jordan.GroupList).toEqual(['nwv-customer-care']);
    expect(jordan.AttachedManagedPolicies).toEqual([]);
    expect(jordan.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    const roles = answer('GetAccountAuthorizationDetails', { Filter: ['Role'] }) as Record<string, unknown[]>;
    expect(roles.UserDetailList).toEqual([]);
    expect(roles.Policies).toEqual([]);
    expect(roles.RoleDetailList).toHaveLength(8);
  });

  it("answers IAM's own errors: NoSuchEntityException as the SDK models it, ValidationError", () => {
    const missing = thrown(() => answer('GetLoginProfile', { UserName: 'ci-deploy' }));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'Login Profile for User ci-deploy cannot be found.',
    });
    expect(thrown(() => answer('ListAccessKeys', { UserName: 'nobody' }))).toMatchObject({
      message: 'The user with name nobody cannot be found.',
    });
    const invalid = thrown(() => answer('GetAccountAuthorizationDetails', { Filter: ['Users'] }));
    expect(invalid).toBeInstanceOf(IAMServiceException);
    expect(invalid).toMatchObject({ name: 'ValidationError' });
    expect(thrown(() => answer('GetAccountAuthorizationDetails', { MaxItems: 1001 }))).toMatchObject({
      name: 'ValidationError',
    });
    expect(thrown(() => answer('ListMFADevices', { UserName: 'maya.chen', Marker: 'nope' }))).toMatchObject({
      name: 'ValidationError',
    });
    // IAM user names ignore case.
    expect(answer('GetLoginProfile', { UserName: 'MAYA.CHEN' })).toMatchObject({
      LoginProfile: { UserName: 'maya.chen' },
    });
  });

  it('answers a never-used key with N/A and no LastUsedDate, and the root user in SummaryMap', () => {
    expect(answer('GetAccessKeyLastUsed', { AccessKeyId: 'AKIATAK5NWVLEGACYRP1' })).toEqual({
      UserName: 'legacy-reporting',
      AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' },
    });
    expect(answer('GetAccountSummary', {}, shared)).toMatchObject({
      SummaryMap: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1, Users: 1 },
    });
    expect(answer('GetAccountPasswordPolicy', {}, shared)).toEqual({
      PasswordPolicy: {
        MinimumPasswordLength: 8,
        RequireSymbols: false,
        RequireNumbers: true,
        RequireUppercaseCharacters: false,
        RequireLowercaseCharacters: false,
        AllowUsersToChangePassword: true,
        ExpirePasswords: true,
        MaxPasswordAge: 90,
      },
    });
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(iam);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { iam: { users: Record<string, unknown>[] } }[] };
    };
    const users = scenario.aws.accounts[0]!.iam.users;
    users[1] = { ...users[1], groups: ['nwv-nobody'], managedPolicies: ['NotAPolicy'] };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.iam\.users\[1\]\.groups\[0\]: no group nwv-nobody/,
    );
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.iam\.users\[1\]\.managedPolicies\[0\]: NotAPolicy is neither/,
    );
    users[1] = { name: 'bad name!' };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.iam\.users\[1\]\.name: must be 1–64/,
    );
  });

  it('generates users and roles per account for the benchmark', async () => {
    const registry = serviceRegistry(iam);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 6,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 7,
    });
    const run = await collectService(iam, scenario);
    expect(run.gaps).toEqual([]);
    // Per account: the account resource, 3 users and 3 roles.
    expect(run.resources).toHaveLength(2 * 7);
  });
});
