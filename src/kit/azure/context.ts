import {
  getAzure,
  listAzure,
  queryAzure,
  type AzureCallResult,
  type AzureListResult,
} from '../../cloud/azure/call';
import { azureClientsOf } from '../../cloud/azure/clients';
import type { CollectorContext, NormalizedResource } from '../model';
import { fillArmPath, type AzureOperation } from '../operations';
import type { AzureServiceModule } from '../service';

export type { AzureCallResult, AzureListResult } from '../../cloud/azure/call';

export interface AzureCallOptions {
  /** Evidence region: 'global' for subscription-wide reads (default), a location for one resource */
  region?: string;
  /** The resource the call is about, named in a coverage gap */
  subject?: string;
  /** HTTP statuses that mean "not configured" (get only) */
  notConfiguredStatuses?: readonly number[];
}

/**
 * What a service's collect() gets for Azure: ARM REST reads of declared operations by their path
 * pattern, with {subscriptionId} filled in. Each answer is recorded as evidence exactly as ARM sent
 * it, pages are followed, and a failure is a coverage gap — the helpers never throw for a cloud error.
 */
export interface AzureCollectContext {
  readonly base: CollectorContext;
  readonly subscriptionId: string;
  readonly region: string;
  readonly signal: AbortSignal;
  /** Every page of a list operation */
  list(
    operation: AzureOperation,
    params?: Readonly<Record<string, string>>,
    options?: AzureCallOptions,
  ): Promise<AzureListResult>;
  /** One GET */
  get(
    operation: AzureOperation,
    params?: Readonly<Record<string, string>>,
    options?: AzureCallOptions,
  ): Promise<AzureCallResult>;
  /**
   * Every page of a declared POST query (Resource Graph): the body is sent as given, the answer's
   * $skipToken is sent back as options.$skipToken, and each page is evidence with the body sent.
   */
  query(
    operation: AzureOperation,
    body: Record<string, unknown>,
    options?: AzureCallOptions,
  ): Promise<AzureListResult>;
  resource(parts: Omit<NormalizedResource, 'provider' | 'scopeId' | 'phi' | 'phiReason'>): NormalizedResource;
}

export function createAzureCollectContext(
  base: CollectorContext,
  service: AzureServiceModule,
): AzureCollectContext {
  const clients = azureClientsOf(base.connection);
  const subscriptionId = base.connection.target.scopeId;
  const spec = (
    operation: AzureOperation,
    params: Readonly<Record<string, string>>,
    options: AzureCallOptions,
  ) => ({
    service: service.service,
    operation: operation.name,
    region: options.region ?? 'global',
    path: fillArmPath(operation.path, { subscriptionId, ...params }),
    apiVersion: operation.apiVersion,
    ...(options.subject ? { subject: options.subject } : {}),
    ...(options.notConfiguredStatuses ? { notConfiguredStatuses: options.notConfiguredStatuses } : {}),
  });
  return {
    base,
    subscriptionId,
    region: base.region,
    signal: base.signal,
    list: (operation, params = {}, options = {}) =>
      listAzure(base, clients, spec(operation, params, options)),
    get: (operation, params = {}, options = {}) => getAzure(base, clients, spec(operation, params, options)),
    query(operation, body, options = {}) {
      if (operation.method !== 'POST')
        throw new Error(`${operation.name} is a ${operation.method} operation; query() sends POST only.`);
      return queryAzure(base, clients, { ...spec(operation, {}, options), body });
    },
    resource(parts) {
      return { provider: 'azure', scopeId: subscriptionId, phi: false, phiReason: null, ...parts };
    },
  };
}
