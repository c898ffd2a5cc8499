/**
 * Declared operations, each spelled once: an AWS operation from its SDK command class (the
 * operation name is the class name) and its IAM action; an Azure operation from its REST operation
 * id, ARM path pattern, api-version and RBAC action. The service id and the AWS client are filled in
 * by defineService, so a service's operations.ts names nothing twice.
 */
import type { AwsClientClass, AwsSdkClient } from '../cloud/aws/clients';
import type { AzureDeclaredOperation, AwsDeclaredOperation } from './model';

/** An SDK v3 command class: `new GetBucketEncryptionCommand(input)`. */
export interface AwsCommandClass {
  new (input: never): { readonly input: object };
  readonly name: string;
}

type CommandInstance<C> = C extends new (...args: never) => infer R ? R : never;

/** The input type of an SDK v3 command class. */
export type CommandInput<C> = CommandInstance<C> extends { readonly input: infer I } ? I : never;

/** The output type of an SDK v3 command class (what `client.send` resolves to). */
export type CommandOutput<C> =
  CommandInstance<C> extends {
    resolveMiddleware(...args: never): (...args: never) => Promise<{ output: infer O }>;
  }
    ? O
    : never;

export interface AwsOperation<C extends AwsCommandClass = AwsCommandClass> {
  readonly provider: 'aws';
  readonly command: C;
  /** 'GetBucketEncryption' */
  readonly name: string;
  readonly iamAction: string;
  /** The SDK client that sends it, when not the service's own `client` (a service of several APIs) */
  readonly client?: AwsClientClass<AwsSdkClient>;
}

export interface AzureOperation {
  readonly provider: 'azure';
  /** 'StorageAccounts_List' */
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly apiVersion: string;
  readonly permission: string;
}

export type Operation = AwsOperation | AzureOperation;

/** 'GetBucketEncryptionCommand' → 'GetBucketEncryption' */
export function commandOperationName(commandName: string): string {
  return commandName.endsWith('Command') ? commandName.slice(0, -'Command'.length) : commandName;
}

export function awsOperation<C extends AwsCommandClass>(
  command: C,
  iamAction: string,
  options: { client?: AwsClientClass<AwsSdkClient> } = {},
): AwsOperation<C> {
  if (!/^[a-z0-9-]+:[A-Za-z0-9]+$/.test(iamAction))
    throw new Error(`"${iamAction}" is not an IAM action (service:Action).`);
  return {
    provider: 'aws',
    command,
    name: commandOperationName(command.name),
    iamAction,
    ...(options.client ? { client: options.client } : {}),
  };
}

export function azureOperation(spec: {
  /** The REST operation id, e.g. 'Vaults_ListBySubscription' */
  id: string;
  path: string;
  apiVersion: string;
  permission: string;
  method?: 'GET' | 'POST';
}): AzureOperation {
  if (!spec.path.startsWith('/')) throw new Error(`ARM path "${spec.path}" must start with /.`);
  if (!/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(spec.apiVersion))
    throw new Error(`"${spec.apiVersion}" is not an ARM api-version.`);
  return {
    provider: 'azure',
    name: spec.id,
    method: spec.method ?? 'GET',
    path: spec.path,
    apiVersion: spec.apiVersion,
    permission: spec.permission,
  };
}

/** `defaultClient`: the service's own client name, for an operation that names none. */
export function declareAws(service: string, defaultClient: string, op: AwsOperation): AwsDeclaredOperation {
  const client = op.client?.name ?? defaultClient;
  return { provider: 'aws', service, client, command: op.command.name, iamAction: op.iamAction };
}

export function declareAzure(service: string, op: AzureOperation): AzureDeclaredOperation {
  return {
    provider: 'azure',
    service,
    operationId: op.name,
    method: op.method,
    path: op.path,
    apiVersion: op.apiVersion,
    permission: op.permission,
  };
}

/**
 * An ARM path pattern as a case-insensitive regular expression: '{name}' matches one path segment.
 * ARM paths are case-insensitive (the SDKs and portal spell providers differently).
 */
export function armPathPattern(path: string): RegExp {
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

/** The placeholder names of an ARM path pattern, in order: ['subscriptionId', 'resourceGroupName', 'vaultName'] */
export function armPathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
}

/** Fills an ARM path pattern; every value is URI-encoded (resource names may hold spaces or parentheses). */
export function fillArmPath(path: string, values: Readonly<Record<string, string>>): string {
  return path.replace(/\{([^}]+)\}/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`ARM path ${path} needs {${key}}.`);
    return encodeURIComponent(value);
  });
}
