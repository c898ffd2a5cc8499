import type { NormalizedResource } from '../../../../kit';
import { apimApi, apimService, type ApiProperties, type OperationFacts } from '../resource';

export const SERVICE = apimService.type;
export const API = apimApi.type;

export const serviceProperties = apimService.properties;
export const apiProperties = apimApi.properties;

export function serviceLabel(resource: NormalizedResource): string {
  return `API Management service ${resource.name}`;
}

export function apiLabel(resource: NormalizedResource): string {
  const { serviceName, path } = apiProperties(resource);
  const at = path !== undefined ? ` (/${path.replace(/^\/+/, '')})` : '';
  return `API ${resource.name}${at} of API Management service ${serviceName ?? '?'}`;
}

/** "GET /orders/{orderId}": the operation's method and full gateway path. */
export function operationLabel(api: Partial<ApiProperties>, operation: OperationFacts): string {
  const path = `/${[api.path ?? '', operation.urlTemplate]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return `${operation.method} ${path}`;
}

const HEALTH =
  /^(health|healthz|healthcheck|health-check|status|ping|live|liveness|livez|ready|readiness|readyz|heartbeat)$/i;

const segments = (path: string) => path.split(/[/?]/).filter(Boolean);

/**
 * A health endpoint: the operation's own path starts with a health word (/health, /status/live,
 * /ping), or the API itself is a health API (path 'health'). '/orders/{id}/status' is an order's
 * status, not a health endpoint.
 */
export function isHealthOperation(api: Partial<ApiProperties>, operation: OperationFacts): boolean {
  const first = segments(operation.urlTemplate)[0];
  const apiLast = segments(api.path ?? '').pop();
  return (first !== undefined && HEALTH.test(first)) || (apiLast !== undefined && HEALTH.test(apiLast));
}

export type Reachability =
  | { kind: 'key' }
  | { kind: 'auth'; policy: string; scope: 'operation' | 'API' | 'all APIs' }
  | { kind: 'anonymous' }
  | { kind: 'unknown'; missing: string };

/**
 * How a caller reaches one operation: with a subscription key, through a caller-authentication
 * policy in effect (the operation's own inbound, then — through <base /> — the API's, then the
 * all-APIs policy), or anonymously. A scope without a policy behaves as <base /> alone.
 */
export function reachability(api: Partial<ApiProperties>, operation: OperationFacts): Reachability {
  if (api.subscriptionRequired !== false) return { kind: 'key' };
  const scopes: [PolicyScope, 'operation' | 'API' | 'all APIs', string][] = [
    [operation.policy, 'operation', 'operation policy'],
    [api.apiPolicy, 'API', 'API policy'],
    [api.globalPolicy, 'all APIs', 'all-APIs policy'],
  ];
  for (const [policy, scope, label] of scopes) {
    if (policy === undefined) return { kind: 'unknown', missing: label };
    if (policy === null) continue;
    const [first] = policy.inboundAuth;
    if (first) return { kind: 'auth', policy: first, scope };
    if (!policy.inheritsBase) return { kind: 'anonymous' };
  }
  return { kind: 'anonymous' };
}

type PolicyScope = OperationFacts['policy'];

/** A validate-jwt policy in Bicep (Microsoft.ApiManagement/service/apis/policies@2022-08-01). */
export const bicepJwtPolicy = `resource ordersApiPolicy 'Microsoft.ApiManagement/service/apis/policies@2022-08-01' = {
  parent: ordersApi
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '''
<policies>
  <inbound>
    <base />
    <validate-azure-ad-token tenant-id="<tenant-id>" header-name="Authorization" failed-validation-httpcode="401">
      <client-application-ids>
        <application-id><storefront-client-id></application-id>
      </client-application-ids>
      <audiences>
        <audience>api://nwv-orders</audience>
      </audiences>
    </validate-azure-ad-token>
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
  <on-error><base /></on-error>
</policies>
'''
  }
}`;

/** The same in Terraform (azurerm 4.x). */
export const terraformJwtPolicy = `resource "azurerm_api_management_api_policy" "orders" {
  api_name            = azurerm_api_management_api.orders.name
  api_management_name = azurerm_api_management.nwv.name
  resource_group_name = azurerm_resource_group.apis.name

  xml_content = <<XML
<policies>
  <inbound>
    <base />
    <validate-jwt header-name="Authorization" failed-validation-httpcode="401" require-scheme="Bearer">
      <openid-config url="https://login.microsoftonline.com/\${var.tenant_id}/v2.0/.well-known/openid-configuration" />
      <audiences>
        <audience>api://nwv-orders</audience>
      </audiences>
    </validate-jwt>
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
  <on-error><base /></on-error>
</policies>
XML
}`;
