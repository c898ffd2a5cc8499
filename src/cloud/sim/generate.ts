import { DeskError } from '../../errors';
import { loadScenario, type Scenario } from './scenario';

/** The 17 AWS commercial regions enabled by default in every account (no opt-in needed). */
export const defaultAwsRegions = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'sa-east-1',
] as const;

const azureLocations = [
  'eastus',
  'westus2',
  'eastus2',
  'centralus',
  'westeurope',
  'northeurope',
  'uksouth',
  'japaneast',
] as const;
const azureSkus = [
  'Standard_LRS',
  'Standard_ZRS',
  'Standard_GRS',
  'Standard_RAGRS',
  'Standard_GZRS',
] as const;

export interface GenerateScenarioOptions {
  awsAccounts: number;
  /** How many of defaultAwsRegions each account uses, or the region names */
  regions: number | readonly string[];
  bucketsPerRegion: number;
  azureSubscriptions: number;
  storageAccountsPerSubscription: number;
  /** Latency added to every simulated call (AWS and Azure) */
  latencyMs: number;
  /** Same seed, same organisation */
  seed: number;
}

/** mulberry32: a small, fast, seeded generator; the benchmark needs the same organisation every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function count(value: number, what: string, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new DeskError('BAD_INPUT', `${what} must be a whole number from 0 to ${max}, not ${value}.`);
  return value;
}

/**
 * A large, deterministic organisation for the benchmark: N accounts × regions × buckets and M
 * subscriptions × storage accounts, a realistic share of them failing, with latency on every call.
 */
export function generateScenario(options: GenerateScenarioOptions): Scenario {
  const rng = random(options.seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rng() * values.length)] as T;
  const chance = (p: number): boolean => rng() < p;
  const hex = (length: number): string =>
    Array.from({ length }, () => Math.floor(rng() * 16).toString(16)).join('');
  const tag = (options.seed >>> 0).toString(36).slice(0, 6);
  const regions =
    typeof options.regions === 'number'
      ? defaultAwsRegions.slice(0, count(options.regions, 'regions', defaultAwsRegions.length))
      : [...options.regions];
  const accountBase = ((options.seed >>> 0) % 800_000_000) * 1_000 + 100_000_000_000;

  const accounts = Array.from({ length: count(options.awsAccounts, 'awsAccounts', 999) }, (_, a) => {
    const accountId = String(accountBase + a);
    const buckets = regions.flatMap((region) =>
      Array.from({ length: count(options.bucketsPerRegion, 'bucketsPerRegion', 1_000) }, (_, b) => {
        const name = `gen-${tag}-a${a}-${region}-b${b}`;
        const phi = chance(0.4);
        const otherRegion = regions.length > 1 ? pick(regions.filter((each) => each !== region)) : undefined;
        return {
          name,
          region,
          tags: chance(0.15)
            ? {}
            : {
                app: pick(['checkout', 'support-tickets', 'telemetry', 'analytics', 'storefront']),
                ...(phi ? { phi: 'true' } : {}),
              },
          encryption: chance(0.85)
            ? chance(0.5)
              ? {
                  algorithm: 'aws:kms' as const,
                  kmsKeyId: `arn:aws:kms:${region}:${accountId}:key/${hex(8)}`,
                  bucketKeyEnabled: true,
                }
              : { algorithm: 'AES256' as const, bucketKeyEnabled: false }
            : null,
          policy: chance(0.75)
            ? {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Deny',
                    Principal: '*',
                    Action: 's3:*',
                    Resource: [`arn:aws:s3:::${name}/*`],
                    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                  },
                ],
              }
            : null,
          publicAccessBlock: chance(0.85)
            ? {
                blockPublicAcls: true,
                ignorePublicAcls: true,
                blockPublicPolicy: true,
                restrictPublicBuckets: true,
              }
            : chance(0.5)
              ? {
                  blockPublicAcls: true,
                  ignorePublicAcls: true,
                  blockPublicPolicy: false,
                  restrictPublicBuckets: false,
                }
              : null,
          logging: chance(0.7) ? { targetBucket: `gen-${tag}-a${a}-logs`, targetPrefix: `${name}/` } : null,
          replication:
            otherRegion && b + 1 < options.bucketsPerRegion && chance(0.2)
              ? {
                  role: `arn:aws:iam::${accountId}:role/replication`,
                  rules: [
                    {
                      id: 'dr',
                      status: 'Enabled' as const,
                      destinationBucket: `gen-${tag}-a${a}-${otherRegion}-b${b + 1}`,
                    },
                  ],
                }
              : null,
        };
      }),
    );
    return { accountId, label: `Generated account ${a + 1}`, regions, buckets };
  });

  const subscriptions = Array.from(
    { length: count(options.azureSubscriptions, 'azureSubscriptions', 999) },
    (_, s) => ({
      subscriptionId: `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
      tenantId: `${hex(8)}-${hex(4)}-4${hex(3)}-9${hex(3)}-${hex(12)}`,
      label: `Generated subscription ${s + 1}`,
      storageAccounts: Array.from(
        { length: count(options.storageAccountsPerSubscription, 'storageAccountsPerSubscription', 5_000) },
        (_, i) => ({
          name: `g${tag}s${s}a${i}`.slice(0, 24),
          resourceGroup: `rg-generated-${i % 10}`,
          location: pick(azureLocations),
          sku: pick(azureSkus),
          tags: chance(0.4) ? { phi: 'true' } : {},
          httpsOnly: chance(0.9),
          minimumTlsVersion: chance(0.8) ? ('TLS1_2' as const) : pick(['TLS1_0', 'TLS1_1'] as const),
          allowBlobPublicAccess: chance(0.15),
        }),
      ),
    }),
  );

  const latency =
    options.latencyMs > 0
      ? [
          { provider: 'aws' as const, kind: 'latency' as const, ms: options.latencyMs },
          { provider: 'azure' as const, kind: 'latency' as const, ms: options.latencyMs },
        ]
      : [];
  return loadScenario(
    {
      name: `Generated organisation (seed ${options.seed})`,
      description: `${options.awsAccounts} AWS accounts × ${regions.length} regions × ${options.bucketsPerRegion} buckets; ${options.azureSubscriptions} Azure subscriptions × ${options.storageAccountsPerSubscription} storage accounts.`,
      source: 'src/cloud/sim/generate.ts (deterministic from the seed)',
      aws: { accounts },
      azure: { subscriptions },
      faults: latency,
    },
    'generated scenario',
  );
}
