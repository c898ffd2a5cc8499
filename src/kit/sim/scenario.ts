import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { DeskError } from '../../errors';
import type { ScenarioIssue } from './types';

/**
 * Scenario files describe a simulated organisation: its AWS accounts, its Azure subscriptions, the
 * resources of each service in them, and the faults to inject. The schema is composed from the
 * service modules' fragments (src/kit/registry.ts); this file holds the parts no service owns. An
 * absent setting means "not configured", as a real resource without that configuration answers.
 */

export const awsRegion = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region name such as us-east-1');
export const azureLocation = z
  .string()
  .regex(/^[a-z][a-z0-9]+$/, 'must be an Azure region name such as eastus');
export const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
export const scenarioTags = z.record(z.string().min(1).max(128), z.string().max(256));
export const isoTime = z.iso.datetime({
  message: 'must be an ISO 8601 timestamp such as 2024-03-01T09:00:00Z',
});
export const accountId = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id');

export const accountBaseShape = {
  accountId,
  label: z.string().min(1),
  alias: z.string().min(1).optional(),
  partition: z.enum(['aws', 'aws-us-gov']).default('aws'),
  /** What STS GetCallerIdentity answers; default an assumed audit role */
  callerArn: z.string().min(1).optional(),
  /** Regions enabled for the account (and assessed). A call to any other region answers as a disabled region. */
  regions: z.array(awsRegion).min(1),
};

export const subscriptionBaseShape = {
  subscriptionId: guid,
  tenantId: guid,
  label: z.string().min(1),
  displayName: z.string().min(1).optional(),
  /** Who the simulated token says is signed in */
  principal: z.strictObject({ userPrincipalName: z.string().min(1), objectId: guid }).optional(),
  /** Subscriptions - List's state: Disabled and Deleted ones are listed but not assessed */
  state: z.enum(['Enabled', 'Warned', 'PastDue', 'Disabled', 'Deleted']).default('Enabled'),
  /** Regions to assess; default the locations of the subscription's resources */
  regions: z.array(azureLocation).optional(),
};

export const faultSchema = z
  .strictObject({
    provider: z.enum(['aws', 'azure']),
    /** A service module's short name ('s3', 'kms', 'storage', 'keyvault'), or 'sts' / 'resources' for sign-in. Absent = every service */
    service: z.string().min(1).optional(),
    /** 'GetBucketLogging' (AWS, with or without the Command suffix); 'StorageAccounts_List' (Azure). Absent = every operation */
    operation: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    /** AWS account id or Azure subscription id. Absent = every account */
    account: z.string().min(1).optional(),
    kind: z.enum(['latency', 'throttle', 'access_denied', 'region_disabled']),
    /** latency: the delay per call. throttle (Azure): the Retry-After hint. */
    ms: z.number().int().min(0).max(600_000).optional(),
    /** How many matching calls the fault hits before it clears; absent = every call */
    times: z.number().int().min(1).optional(),
  })
  .refine((fault) => fault.kind !== 'latency' || fault.ms !== undefined, {
    message: 'a latency fault needs ms',
    path: ['ms'],
  });

/**
 * The scenario's AWS Organization (for `--aws-org`): the management account that answers
 * Organizations ListAccounts, and member accounts beyond the scenario's own (which all belong to it):
 * suspended or closed ones, and ones whose audit role cannot be assumed (absent from `accounts`).
 */
export const awsOrganizationShape = z.strictObject({
  id: z.string().regex(/^o-[a-z0-9]{10,32}$/, 'must be an organization id such as o-a1b2c3d4e5'),
  managementAccountId: accountId,
  members: z
    .array(
      z.strictObject({
        accountId,
        name: z.string().min(1),
        state: z.enum(['PENDING_ACTIVATION', 'ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE', 'CLOSED']),
      }),
    )
    .default([]),
});

export const scenarioRootShape = {
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().min(1),
  /** Where the scenario's facts come from and when it was written (data files carry their source and date). */
  source: z.string().optional(),
  /** Engagement settings the scenario was written for (the demo uses them). */
  engagement: z
    .strictObject({
      approvedRegions: z.array(z.string().min(1)).default([]),
      phiTagKeys: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  /** Server-side page sizes: small values exercise pagination in tests */
  simulation: z
    .strictObject({
      /** At most this many items per page of any AWS list (the API's own limit applies too) */
      awsPageSize: z.number().int().min(1).max(10_000).default(10_000),
      azurePageSize: z.number().int().min(1).max(5_000).default(1_000),
    })
    .default({ awsPageSize: 10_000, azurePageSize: 1_000 }),
  faults: z.array(faultSchema).default([]),
};

export type ScenarioAccountBase = z.output<z.ZodObject<typeof accountBaseShape>> & Record<string, unknown>;
export type ScenarioSubscriptionBase = z.output<z.ZodObject<typeof subscriptionBaseShape>> &
  Record<string, unknown>;
export type ScenarioFault = z.output<typeof faultSchema>;

/** A validated scenario; each service reads its own fields through its fragment's types. */
export interface ScenarioBase {
  $schema?: string | undefined;
  name: string;
  description: string;
  source?: string | undefined;
  engagement?: { approvedRegions: string[]; phiTagKeys?: string[] | undefined } | undefined;
  simulation: { awsPageSize: number; azurePageSize: number };
  aws: { accounts: ScenarioAccountBase[]; organization?: z.output<typeof awsOrganizationShape> } & Record<
    string,
    unknown
  >;
  azure: { subscriptions: ScenarioSubscriptionBase[] };
  faults: ScenarioFault[];
}

export interface ScenarioFragments {
  /** Every AWS service's account fields, merged */
  account: z.ZodRawShape;
  /** Every AWS service's organisation-wide fields, merged */
  organisation: z.ZodRawShape;
  /** Every Azure service's subscription fields, merged */
  subscription: z.ZodRawShape;
  checks: readonly ((scenario: ScenarioBase, issue: ScenarioIssue) => void)[];
}

/** The scenario schema of a set of services: the root, plus each service's fields where it put them. */
export function composeScenarioSchema(fragments: ScenarioFragments): z.ZodType<ScenarioBase> {
  const account = z.strictObject({ ...accountBaseShape, ...fragments.account });
  const subscription = z.strictObject({ ...subscriptionBaseShape, ...fragments.subscription });
  const organisation = { ...fragments.organisation };
  const root = z.strictObject({
    ...scenarioRootShape,
    aws: z
      .strictObject({
        accounts: z.array(account).default([]),
        organization: awsOrganizationShape.optional(),
        ...organisation,
      })
      .prefault({}),
    azure: z.strictObject({ subscriptions: z.array(subscription).default([]) }).prefault({}),
  });
  return root.superRefine((raw, ctx) => {
    const scenario = raw as unknown as ScenarioBase;
    const issue: ScenarioIssue = (path, message) =>
      ctx.addIssue({ code: 'custom', path: [...path], message });
    checkIdentities(scenario, issue);
    for (const check of fragments.checks) check(scenario, issue);
  }) as unknown as z.ZodType<ScenarioBase>;
}

function checkIdentities(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const accountIds = new Set<string>();
  scenario.aws.accounts.forEach((account, a) => {
    if (accountIds.has(account.accountId))
      issue(['aws', 'accounts', a, 'accountId'], `duplicate account id ${account.accountId}`);
    accountIds.add(account.accountId);
  });
  const organization = scenario.aws.organization;
  if (organization) {
    if (!accountIds.has(organization.managementAccountId))
      issue(
        ['aws', 'organization', 'managementAccountId'],
        `the management account ${organization.managementAccountId} must be one of aws.accounts`,
      );
    organization.members.forEach((member, m) => {
      if (accountIds.has(member.accountId))
        issue(
          ['aws', 'organization', 'members', m, 'accountId'],
          `${member.accountId} is in aws.accounts already (every account there is a member)`,
        );
      accountIds.add(member.accountId);
    });
  }
  const subscriptionIds = new Set<string>();
  scenario.azure.subscriptions.forEach((subscription, s) => {
    const id = subscription.subscriptionId.toLowerCase();
    if (subscriptionIds.has(id))
      issue(['azure', 'subscriptions', s, 'subscriptionId'], `duplicate subscription id ${id}`);
    subscriptionIds.add(id);
  });
}

/** ['aws', 'accounts', 0, 'buckets', 2, 'region'] → 'aws.accounts[0].buckets[2].region' */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text === '' ? '(top level)' : text;
}

/**
 * Loads and validates a scenario from a JSON file path or an already-parsed object. A bad file is
 * refused with the file name and the path of each bad field, e.g.
 * `demo.json: aws.accounts[0].buckets[2].region: must be an AWS region name such as us-east-1`.
 */
export function parseScenario(
  schema: z.ZodType<ScenarioBase>,
  pathOrObject: string | unknown,
  sourceName?: string,
): ScenarioBase {
  let raw: unknown = pathOrObject;
  let source = sourceName ?? 'scenario';
  if (typeof pathOrObject === 'string') {
    source = sourceName ?? basename(pathOrObject);
    let text: string;
    try {
      text = readFileSync(pathOrObject, 'utf8');
    } catch (error) {
      throw new DeskError(
        'BAD_INPUT',
        `Cannot read scenario file ${pathOrObject}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    try {
      raw = JSON.parse(text) as unknown;
    } catch (error) {
      throw new DeskError('BAD_INPUT', `${source} is not valid JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${source}: ${formatPath(issue.path)}: ${issue.message}`);
    const more = parsed.error.issues.length > 5 ? `\n(and ${parsed.error.issues.length - 5} more)` : '';
    throw new DeskError('BAD_INPUT', `Invalid scenario:\n${issues.join('\n')}${more}`);
  }
  return parsed.data;
}

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (
  value: infer I,
) => void
  ? I
  : never;
type Fields<Shape> = Shape extends z.ZodRawShape ? z.output<z.ZodObject<Shape>> : object;

/**
 * The scenario type of a list of service modules: every account carries the AWS services' fields,
 * every subscription the Azure services' fields, scenario.aws the organisation-wide ones.
 */
export type ComposedScenario<Services> = Omit<ScenarioBase, 'aws' | 'azure'> & {
  aws: {
    accounts: (ScenarioAccountBase &
      UnionToIntersection<
        Services extends readonly (infer M)[]
          ? M extends { provider: 'aws'; sim: { account: infer A } }
            ? Fields<A>
            : never
          : never
      >)[];
  } & UnionToIntersection<
    Services extends readonly (infer M)[]
      ? M extends { provider: 'aws'; sim: { organisation?: infer O } }
        ? Fields<NonNullable<O>>
        : never
      : never
  >;
  azure: {
    subscriptions: (ScenarioSubscriptionBase &
      UnionToIntersection<
        Services extends readonly (infer M)[]
          ? M extends { provider: 'azure'; sim: { subscription: infer F } }
            ? Fields<F>
            : never
          : never
      >)[];
  };
};
