import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  MetadataBearer,
  Pluggable,
} from '@smithy/types';
import type { TargetConnection } from '../../kit/model';
import { DeskError } from '../../errors';
import type { AwsPartition } from './partitions';
import { awsReadOnlyGuard } from './guard';

/** What every client gets, whatever the service. */
export interface CommonAwsClientConfig {
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  maxAttempts: number;
  retryMode: 'adaptive';
  requestHandler: NonNullable<S3ClientConfig['requestHandler']>;
  /** Only when given explicitly; otherwise the SDK reads AWS_ENDPOINT_URL(_<SERVICE>) itself. */
  endpoint?: string;
}

/**
 * One line per AWS service. A builder may add service-specific settings: S3 must use path-style
 * addressing against a custom endpoint, because emulators do not serve bucket subdomains.
 */
const clientBuilders = {
  s3: (config: CommonAwsClientConfig, customEndpoint: boolean) =>
    new S3Client({ ...config, forcePathStyle: customEndpoint }),
  sts: (config: CommonAwsClientConfig) => new STSClient(config),
} as const;

export type AwsService = keyof typeof clientBuilders;
export type AwsClientOf<S extends AwsService> = ReturnType<(typeof clientBuilders)[S]>;

export interface AwsClientFactoryOptions {
  partition: AwsPartition;
  /** Region for partition-wide calls (ListBuckets, STS). */
  homeRegion: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Commands the read-only guard lets through (see awsAllowList). */
  allowList: ReadonlySet<string>;
  /** Attempts per call including the first; the SDK's adaptive retry mode spaces them. Default 5. */
  maxAttempts?: number;
  /** Per attempt, so a hung socket is retried like any transient error. Default 20 s. */
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
  /** An explicit endpoint (e.g. an emulator). Without it the SDK's own AWS_ENDPOINT_URL handling applies. */
  endpoint?: string;
  /** The environment to read AWS_ENDPOINT_URL from (to know when S3 needs path-style); default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Replaces the HTTP transport (tests use a spy to prove refused commands never reach it). */
  requestHandler?: CommonAwsClientConfig['requestHandler'];
  /** Extra middleware per client (the simulator's answering middleware). */
  plugins?: (service: AwsService, region: string) => Pluggable<object, MetadataBearer>[];
}

export interface AwsClientFactory {
  readonly provider: 'aws';
  readonly partition: AwsPartition;
  readonly homeRegion: string;
  /** The guarded client for a service in a region; one instance per (service, region), reused. */
  client<S extends AwsService>(service: S, region: string): AwsClientOf<S>;
  s3(region: string): S3Client;
  sts(region: string): STSClient;
  /** Closes every client's sockets. */
  destroy(): void;
}

/** True when the SDK will talk to a non-AWS endpoint for this service (explicit option or AWS_ENDPOINT_URL[_S3]). */
export function usesCustomEndpoint(
  service: AwsService,
  options: Pick<AwsClientFactoryOptions, 'endpoint' | 'env'>,
): boolean {
  if (options.endpoint) return true;
  const env = options.env ?? process.env;
  const serviceVariable = `AWS_ENDPOINT_URL_${service.toUpperCase()}`;
  return Boolean(env[serviceVariable] || env.AWS_ENDPOINT_URL);
}

export function createAwsClientFactory(options: AwsClientFactoryOptions): AwsClientFactory {
  const clients = new Map<string, AwsClientOf<AwsService>>();
  const requestTimeout = options.requestTimeoutMs ?? 20_000;
  const guard = awsReadOnlyGuard(options.allowList);

  const build = <S extends AwsService>(service: S, region: string): AwsClientOf<S> => {
    const config: CommonAwsClientConfig = {
      region,
      credentials: options.credentials,
      maxAttempts: options.maxAttempts ?? 5,
      retryMode: 'adaptive',
      requestHandler: options.requestHandler ?? {
        requestTimeout,
        connectionTimeout: options.connectionTimeoutMs ?? 5_000,
      },
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    };
    const client = clientBuilders[service](config, usesCustomEndpoint(service, options)) as AwsClientOf<S>;
    const stack = client.middlewareStack as unknown as {
      use(plugin: Pluggable<object, MetadataBearer>): void;
    };
    stack.use(guard);
    for (const plugin of options.plugins?.(service, region) ?? []) stack.use(plugin);
    return client;
  };

  const client = <S extends AwsService>(service: S, region: string): AwsClientOf<S> => {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region))
      throw new DeskError('BAD_INPUT', `"${region}" is not an AWS region name.`);
    const key = `${service}:${region}`;
    let existing = clients.get(key) as AwsClientOf<S> | undefined;
    if (!existing) {
      existing = build(service, region);
      clients.set(key, existing);
    }
    return existing;
  };

  return {
    provider: 'aws',
    partition: options.partition,
    homeRegion: options.homeRegion,
    client,
    s3: (region) => client('s3', region),
    sts: (region) => client('sts', region),
    destroy() {
      for (const each of clients.values()) each.destroy();
      clients.clear();
    },
  };
}

/** The AWS client factory of a connection; collectors call this to narrow TargetConnection.clients. */
export function awsClientsOf(connection: TargetConnection): AwsClientFactory {
  const clients = connection.clients as Partial<AwsClientFactory> | null;
  if (connection.provider !== 'aws' || clients?.provider !== 'aws') {
    throw new DeskError('INTERNAL', `Target "${connection.target.label}" is not an AWS connection.`);
  }
  return clients as AwsClientFactory;
}
