import { STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
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
  requestHandler: NonNullable<STSClientConfig['requestHandler']>;
  /** Only when given explicitly; otherwise the SDK reads AWS_ENDPOINT_URL(_<SERVICE>) itself. */
  endpoint?: string;
}

/** What the factory needs of an SDK v3 client. */
export interface AwsSdkClient {
  send(command: object, options?: { abortSignal?: AbortSignal }): Promise<object>;
  destroy(): void;
  readonly middlewareStack: unknown;
}

/** An SDK v3 client class (S3Client, KMSClient, …): the factory's key. */
export type AwsClientClass<C extends AwsSdkClient = AwsSdkClient> = new (config: never) => C;

/** A service's own client settings, e.g. S3's path-style addressing against a custom endpoint. */
export type AwsClientConfigHook = (setting: { customEndpoint: boolean }) => Record<string, unknown>;

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
  /** Extra middleware per client (the simulator's answering middleware), by client class name. */
  plugins?: (clientName: string, region: string) => Pluggable<object, MetadataBearer>[];
}

export interface AwsClientFactory {
  readonly provider: 'aws';
  readonly partition: AwsPartition;
  readonly homeRegion: string;
  /**
   * The guarded client of an SDK client class in a region; one instance per (class, region),
   * reused. `configure` adds the service's own settings (given once per class).
   */
  client<C extends AwsSdkClient>(
    Client: AwsClientClass<C>,
    region: string,
    configure?: AwsClientConfigHook,
  ): C;
  /** STS for connectTarget's GetCallerIdentity (sign-in). */
  sts(region: string): STSClient;
  /** Closes every client's sockets. */
  destroy(): void;
}

/**
 * True when the SDK will talk to a non-AWS endpoint for this client (explicit option,
 * AWS_ENDPOINT_URL, or AWS_ENDPOINT_URL_<SERVICE> named after the client class: S3Client → S3).
 */
export function usesCustomEndpoint(
  clientName: string,
  options: Pick<AwsClientFactoryOptions, 'endpoint' | 'env'>,
): boolean {
  if (options.endpoint) return true;
  const env = options.env ?? process.env;
  const serviceVariable = `AWS_ENDPOINT_URL_${clientName.replace(/Client$/, '').toUpperCase()}`;
  return Boolean(env[serviceVariable] || env.AWS_ENDPOINT_URL);
}

export function createAwsClientFactory(options: AwsClientFactoryOptions): AwsClientFactory {
  const clients = new Map<AwsClientClass, Map<string, AwsSdkClient>>();
  const requestTimeout = options.requestTimeoutMs ?? 20_000;
  const guard = awsReadOnlyGuard(options.allowList);

  const build = <C extends AwsSdkClient>(
    Client: AwsClientClass<C>,
    region: string,
    configure?: AwsClientConfigHook,
  ): C => {
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
    const own = configure?.({ customEndpoint: usesCustomEndpoint(Client.name, options) }) ?? {};
    const client = new Client({ ...own, ...config } as never);
    const stack = client.middlewareStack as {
      use(plugin: Pluggable<object, MetadataBearer>): void;
    };
    stack.use(guard);
    for (const plugin of options.plugins?.(Client.name, region) ?? []) stack.use(plugin);
    return client;
  };

  const client = <C extends AwsSdkClient>(
    Client: AwsClientClass<C>,
    region: string,
    configure?: AwsClientConfigHook,
  ): C => {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region))
      throw new DeskError('BAD_INPUT', `"${region}" is not an AWS region name.`);
    let byRegion = clients.get(Client as AwsClientClass);
    if (!byRegion) {
      byRegion = new Map();
      clients.set(Client as AwsClientClass, byRegion);
    }
    let existing = byRegion.get(region) as C | undefined;
    if (!existing) {
      existing = build(Client, region, configure);
      byRegion.set(region, existing);
    }
    return existing;
  };

  return {
    provider: 'aws',
    partition: options.partition,
    homeRegion: options.homeRegion,
    client,
    sts: (region) => client(STSClient as unknown as AwsClientClass<STSClient & AwsSdkClient>, region),
    destroy() {
      for (const byRegion of clients.values()) for (const each of byRegion.values()) each.destroy();
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
