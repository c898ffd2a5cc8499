import type { NormalizedResource } from '../../../../kit';
import { frontDoorCustomDomain, frontDoorEndpoint, frontDoorRoute } from '../resource';

export const ROUTE = frontDoorRoute.type;
export const ENDPOINT = frontDoorEndpoint.type;
export const CUSTOM_DOMAIN = frontDoorCustomDomain.type;

export const routeProperties = frontDoorRoute.properties;
export const endpointProperties = frontDoorEndpoint.properties;
export const customDomainProperties = frontDoorCustomDomain.properties;

/** "Route account on endpoint nwv-shop (Front Door profile nwv-fd-shop)" */
export function routeLabel(resource: NormalizedResource): string {
  const { endpointName, profileName } = routeProperties(resource);
  return `Route ${resource.name} on endpoint ${endpointName ?? '?'} (Front Door profile ${profileName ?? '?'})`;
}

export function endpointLabel(resource: NormalizedResource): string {
  const { hostName, profileName } = endpointProperties(resource);
  const host = hostName ? ` (${hostName})` : '';
  return `Front Door endpoint ${resource.name}${host} of profile ${profileName ?? '?'}`;
}

export function customDomainLabel(resource: NormalizedResource): string {
  const { hostName, profileName } = customDomainProperties(resource);
  return `Front Door custom domain ${hostName ?? resource.name} (${resource.name}, profile ${profileName ?? '?'})`;
}

/** A route in Bicep (Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01), the base each snippet adjusts. */
export function bicepRoute(name: string, patterns: string, properties: string): string {
  return `resource ${name}Route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: '${name}'
  properties: {
    originGroup: {
      id: originGroup.id
    }
    patternsToMatch: [
${patterns}
    ]
    linkToDefaultDomain: 'Enabled'
${properties}
  }
}`;
}

/** An azurerm_cdn_frontdoor_route (azurerm 4.x), the base each snippet adjusts. */
export function terraformRoute(name: string, patterns: string, settings: string): string {
  return `resource "azurerm_cdn_frontdoor_route" "${name}" {
  name                          = "${name}"
  cdn_frontdoor_endpoint_id     = azurerm_cdn_frontdoor_endpoint.shop.id
  cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.app.id
  cdn_frontdoor_origin_ids      = [azurerm_cdn_frontdoor_origin.app.id]
  patterns_to_match             = [${patterns}]
  link_to_default_domain        = true
${settings}
}`;
}
