/**
 * A service module (ARCHITECTURE.md "Services are folders"): one folder per cloud service under
 * src/services/<provider>/<service>/, defined with defineService. Everything else — collectors,
 * rules, resource types, guards, access kit, scenario schema, demo, generator — is derived from the
 * list in src/services/index.ts by src/kit/registry.ts.
 */
import type { z } from 'zod';
import type { AwsClientClass, AwsClientConfigHook, AwsSdkClient } from '../cloud/aws/clients';
import { createAwsCollectContext, type AwsCollectContext } from './aws/context';
import { createAzureCollectContext, type AzureCollectContext } from './azure/context';
import type { Collector, DeclaredOperation, NormalizedResource } from './model';
import { declareAws, declareAzure, type AwsOperation, type AzureOperation } from './operations';
import type { ResourceType } from './resource';
import type { Rule } from './rule';
import type { AwsServiceSim, AzureServiceSim } from './sim/types';

interface ServiceBase {
  /** '<provider>.<service>', e.g. 'aws.kms'; the collector id */
  id: string;
  /** Short name for progress, limits, evidence and faults, e.g. 'kms' */
  service: string;
  /** The provider's product name, e.g. 'AWS Key Management Service' */
  title: string;
  /**
   * The name under which the dated HIPAA list knows the service: an AWS eligible-services code or
   * name ('kms'), or the Azure service name in src/catalog's Azure service list ('Key Vault').
   */
  hipaaListName: string;
  /** 'global': once per target (S3 ListBuckets, ARM subscription-wide lists); 'regional': per region */
  scope: 'global' | 'regional';
  resources: readonly ResourceType[];
  rules: readonly Rule[];
  /**
   * An inventory service's sources, each named by the operation whose answer lists a region's
   * resources ('ListResources' → 'Resource Explorer'), in the order to print; `misses` says what a
   * source alone cannot see. The run's scope names the sources that answered per region.
   */
  inventorySources?: readonly InventorySourceSpec[];
}

export interface InventorySourceSpec {
  operation: string;
  label: string;
  misses?: string;
}

export interface AwsServiceSpec<A extends z.ZodRawShape, O extends z.ZodRawShape, S> extends ServiceBase {
  provider: 'aws';
  /**
   * The SDK v3 client class of the operations that name none; the guard keys on the client name
   * plus the command's. An operation of another API names its own (awsOperation(…, { client })).
   */
  client: AwsClientClass<AwsSdkClient>;
  /** The service's own client settings (S3: path-style against a custom endpoint), for every client */
  clientConfig?: AwsClientConfigHook;
  operations: readonly AwsOperation[];
  collect(ctx: AwsCollectContext): Promise<NormalizedResource[]>;
  sim: AwsServiceSim<A, O, S>;
}

export interface AzureServiceSpec<F extends z.ZodRawShape, S> extends ServiceBase {
  provider: 'azure';
  /** The ARM resource provider namespace, e.g. 'Microsoft.KeyVault' */
  namespace: string;
  operations: readonly AzureOperation[];
  collect(ctx: AzureCollectContext): Promise<NormalizedResource[]>;
  sim: AzureServiceSim<F, S>;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a module list holds services of any fragment type */
export type AwsServiceModule<
  A extends z.ZodRawShape = any,
  O extends z.ZodRawShape = any,
  S = any,
> = AwsServiceSpec<A, O, S> & {
  readonly declared: readonly DeclaredOperation[];
  readonly collector: Collector;
  /** The name of `client` */
  readonly clientName: string;
  /** Every client its operations are sent through (the simulator dispatches each to the service) */
  readonly clientNames: readonly string[];
};
export type AzureServiceModule<F extends z.ZodRawShape = any, S = any> = AzureServiceSpec<F, S> & {
  readonly declared: readonly DeclaredOperation[];
  readonly collector: Collector;
};
/* eslint-enable @typescript-eslint/no-explicit-any */
export type ServiceModule = AwsServiceModule | AzureServiceModule;

function checkBase(spec: ServiceBase & { provider: string }): void {
  if (spec.id !== `${spec.provider}.${spec.service}`)
    throw new Error(`Service id "${spec.id}" must be "${spec.provider}.${spec.service}".`);
  for (const resource of spec.resources)
    if (!resource.type.startsWith(`${spec.id}.`))
      throw new Error(`Resource type ${resource.type} of ${spec.id} must start with "${spec.id}."`);
  const types = new Set(spec.resources.map((resource) => resource.type));
  for (const rule of spec.rules) {
    if (!types.has(rule.resourceType))
      throw new Error(`Rule ${rule.id} judges ${rule.resourceType}, which ${spec.id} does not declare.`);
    if (!rule.id.startsWith(`${spec.id}.`))
      throw new Error(`Rule id ${rule.id} must start with "${spec.id}."`);
  }
}

export function defineService<A extends z.ZodRawShape, O extends z.ZodRawShape, S>(
  spec: AwsServiceSpec<A, O, S>,
): AwsServiceModule<A, O, S>;
export function defineService<F extends z.ZodRawShape, S>(
  spec: AzureServiceSpec<F, S>,
): AzureServiceModule<F, S>;
export function defineService(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: AwsServiceSpec<any, any, any> | AzureServiceSpec<any, any>,
): ServiceModule {
  checkBase(spec);
  const resourceTypes = spec.resources.map((resource) => resource.type);
  if (spec.provider === 'aws') {
    const clientName = spec.client.name;
    const declared = spec.operations.map((op) => declareAws(spec.service, clientName, op));
    const clientNames = [...new Set(declared.map((op) => (op.provider === 'aws' ? op.client : clientName)))];
    const module: AwsServiceModule = {
      ...spec,
      clientName,
      clientNames,
      declared,
      collector: {
        id: spec.id,
        provider: 'aws',
        service: spec.service,
        scope: spec.scope,
        operations: declared,
        resourceTypes,
        collect: (ctx) => spec.collect(createAwsCollectContext(ctx, module)),
      },
    };
    return module;
  }
  const declared = spec.operations.map((op) => declareAzure(spec.service, op));
  const module: AzureServiceModule = {
    ...spec,
    declared,
    collector: {
      id: spec.id,
      provider: 'azure',
      service: spec.service,
      scope: spec.scope,
      operations: declared,
      resourceTypes,
      collect: (ctx) => spec.collect(createAzureCollectContext(ctx, module)),
    },
  };
  return module;
}
