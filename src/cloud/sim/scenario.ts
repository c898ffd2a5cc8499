import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { DeskError } from '../../errors';
import { azurePairedRegions, isGeoRedundantSku } from './azure-regions';

/**
 * Scenario files describe a simulated organisation: its AWS accounts and buckets, its Azure
 * subscriptions and storage accounts, and the faults to inject. An absent setting means "not
 * configured", as a real bucket without that configuration answers.
 */

const awsRegion = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region name such as us-east-1');
const azureLocation = z.string().regex(/^[a-z][a-z0-9]+$/, 'must be an Azure region name such as eastus');
const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const tags = z.record(z.string().min(1).max(128), z.string().max(256));
const isoTime = z.iso.datetime({ message: 'must be an ISO 8601 timestamp such as 2024-03-01T09:00:00Z' });

const bucketSchema = z.strictObject({
  name: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be an S3 bucket name (3–63 lowercase letters, digits, dots and hyphens)',
    ),
  region: awsRegion,
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
  tags: tags.default({}),
  /** Default encryption; null = none configured (GetBucketEncryption answers ServerSideEncryptionConfigurationNotFoundError) */
  encryption: z
    .strictObject({
      algorithm: z.enum(['AES256', 'aws:kms', 'aws:kms:dsse']),
      kmsKeyId: z.string().min(1).optional(),
      bucketKeyEnabled: z.boolean().default(false),
    })
    .nullable()
    .default(null),
  /** The bucket policy document; null = none (NoSuchBucketPolicy) */
  policy: z
    .looseObject({ Version: z.string().optional(), Statement: z.array(z.looseObject({})).min(1) })
    .nullable()
    .default(null),
  /** null = none configured (NoSuchPublicAccessBlockConfiguration) */
  publicAccessBlock: z
    .strictObject({
      blockPublicAcls: z.boolean(),
      ignorePublicAcls: z.boolean(),
      blockPublicPolicy: z.boolean(),
      restrictPublicBuckets: z.boolean(),
    })
    .nullable()
    .default(null),
  /** Server access logging; null = disabled */
  logging: z
    .strictObject({ targetBucket: z.string().min(3), targetPrefix: z.string().default('') })
    .nullable()
    .default(null),
  /** null = none (ReplicationConfigurationNotFoundError) */
  replication: z
    .strictObject({
      role: z.string().regex(/^arn:aws(-us-gov)?:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN'),
      rules: z
        .array(
          z.strictObject({
            id: z.string().min(1),
            status: z.enum(['Enabled', 'Disabled']).default('Enabled'),
            /** Destination bucket name or ARN */
            destinationBucket: z.string().min(3),
            storageClass: z.string().optional(),
          }),
        )
        .min(1),
    })
    .nullable()
    .default(null),
});

const accountSchema = z.strictObject({
  accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
  label: z.string().min(1),
  alias: z.string().min(1).optional(),
  partition: z.enum(['aws', 'aws-us-gov']).default('aws'),
  /** What STS GetCallerIdentity answers; default an assumed audit role */
  callerArn: z.string().min(1).optional(),
  /** Regions enabled for the account (and assessed). A call to any other region answers as a disabled region. */
  regions: z.array(awsRegion).min(1),
  buckets: z.array(bucketSchema).default([]),
});

const externalBucketSchema = z.strictObject({
  name: bucketSchema.shape.name,
  region: awsRegion,
  /** Owner outside the scenario's accounts (e.g. a vendor's DR account) */
  ownerAccountId: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});

const storageAccountSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9]{3,24}$/, 'must be a storage account name (3–24 lowercase letters and digits)'),
  resourceGroup: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
  location: azureLocation,
  kind: z
    .enum(['StorageV2', 'Storage', 'BlobStorage', 'BlockBlobStorage', 'FileStorage'])
    .default('StorageV2'),
  sku: z
    .enum([
      'Standard_LRS',
      'Standard_ZRS',
      'Standard_GRS',
      'Standard_RAGRS',
      'Standard_GZRS',
      'Standard_RAGZRS',
      'Premium_LRS',
      'Premium_ZRS',
    ])
    .default('Standard_LRS'),
  tags: tags.default({}),
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
  httpsOnly: z.boolean().default(true),
  minimumTlsVersion: z.enum(['TLS1_0', 'TLS1_1', 'TLS1_2', 'TLS1_3']).default('TLS1_2'),
  allowBlobPublicAccess: z.boolean().default(false),
  publicNetworkAccess: z.enum(['Enabled', 'Disabled']).default('Enabled'),
  /** Secondary region of a geo-redundant SKU; defaults to the location's Azure pair */
  secondaryLocation: azureLocation.optional(),
  encryption: z
    .strictObject({
      keySource: z.enum(['Microsoft.Storage', 'Microsoft.Keyvault']).default('Microsoft.Storage'),
      requireInfrastructureEncryption: z.boolean().default(false),
    })
    .default({ keySource: 'Microsoft.Storage', requireInfrastructureEncryption: false }),
});

const subscriptionSchema = z.strictObject({
  subscriptionId: guid,
  tenantId: guid,
  label: z.string().min(1),
  displayName: z.string().min(1).optional(),
  /** Who the simulated token says is signed in */
  principal: z.strictObject({ userPrincipalName: z.string().min(1), objectId: guid }).optional(),
  /** Regions to assess; default the storage accounts' locations */
  regions: z.array(azureLocation).optional(),
  storageAccounts: z.array(storageAccountSchema).default([]),
});

const faultSchema = z
  .strictObject({
    provider: z.enum(['aws', 'azure']),
    /** 's3', 'sts' (AWS); 'storage', 'resources' (Azure). Absent = every service */
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

const scenarioBaseSchema = z.strictObject({
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
      listBucketsMaxPage: z.number().int().min(1).max(10_000).default(10_000),
      azurePageSize: z.number().int().min(1).max(5_000).default(1_000),
    })
    .default({ listBucketsMaxPage: 10_000, azurePageSize: 1_000 }),
  aws: z
    .strictObject({
      accounts: z.array(accountSchema).default([]),
      externalBuckets: z.array(externalBucketSchema).default([]),
    })
    .default({ accounts: [], externalBuckets: [] }),
  azure: z
    .strictObject({ subscriptions: z.array(subscriptionSchema).default([]) })
    .default({ subscriptions: [] }),
  faults: z.array(faultSchema).default([]),
});

export const scenarioSchema = scenarioBaseSchema.superRefine(checkCrossReferences);

export type Scenario = z.infer<typeof scenarioBaseSchema>;
export type ScenarioAccount = Scenario['aws']['accounts'][number];
export type ScenarioBucket = ScenarioAccount['buckets'][number];
export type ScenarioSubscription = Scenario['azure']['subscriptions'][number];
export type ScenarioStorageAccount = ScenarioSubscription['storageAccounts'][number];
export type ScenarioFault = Scenario['faults'][number];

/** Rules across fields that a per-field schema cannot state. Each issue names the field's path. */
function checkCrossReferences(scenario: Scenario, ctx: z.RefinementCtx): void {
  const bucketNames = new Map<string, string>();
  const accountIds = new Set<string>();
  scenario.aws.accounts.forEach((account, a) => {
    if (accountIds.has(account.accountId))
      ctx.addIssue({
        code: 'custom',
        path: ['aws', 'accounts', a, 'accountId'],
        message: `duplicate account id ${account.accountId}`,
      });
    accountIds.add(account.accountId);
    account.buckets.forEach((bucket, b) => {
      const path = ['aws', 'accounts', a, 'buckets', b];
      if (!account.regions.includes(bucket.region)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'region'],
          message: `${bucket.region} is not one of the account's regions (${account.regions.join(', ')})`,
        });
      }
      const previous = bucketNames.get(bucket.name);
      // S3 bucket names are one namespace across all accounts.
      if (previous)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'name'],
          message: `bucket name ${bucket.name} is already used at ${previous}`,
        });
      bucketNames.set(bucket.name, formatPath(path));
    });
  });
  scenario.aws.externalBuckets.forEach((bucket, b) => {
    if (bucketNames.has(bucket.name))
      ctx.addIssue({
        code: 'custom',
        path: ['aws', 'externalBuckets', b, 'name'],
        message: `bucket name ${bucket.name} is already used`,
      });
  });
  const storageNames = new Set<string>();
  scenario.azure.subscriptions.forEach((subscription, s) => {
    subscription.storageAccounts.forEach((account, i) => {
      const path = ['azure', 'subscriptions', s, 'storageAccounts', i];
      // Storage account names are global DNS names.
      if (storageNames.has(account.name))
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'name'],
          message: `storage account name ${account.name} is already used`,
        });
      storageNames.add(account.name);
      if (
        isGeoRedundantSku(account.sku) &&
        !account.secondaryLocation &&
        !azurePairedRegions[account.location]
      ) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'secondaryLocation'],
          message: `${account.location} has no known pair: name the secondary region of this ${account.sku} account`,
        });
      }
    });
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
export function loadScenario(pathOrObject: string | unknown, sourceName?: string): Scenario {
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
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${source}: ${formatPath(issue.path)}: ${issue.message}`);
    const more = parsed.error.issues.length > 5 ? `\n(and ${parsed.error.issues.length - 5} more)` : '';
    throw new DeskError('BAD_INPUT', `Invalid scenario:\n${issues.join('\n')}${more}`);
  }
  return parsed.data;
}
