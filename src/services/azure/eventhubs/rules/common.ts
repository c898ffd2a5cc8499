import type { NormalizedResource } from '../../../../kit';
import { eventHubNamespace } from '../resource';

export const EVENT_HUB_NAMESPACE = eventHubNamespace.type;

/** The collector's facts about a namespace; a field left undefined could not be collected. */
export const namespaceProperties = eventHubNamespace.properties;

/** "Event Hubs namespace nwv-wearable-telemetry", the subject of every detail message. */
export function namespaceLabel(resource: NormalizedResource): string {
  return `Event Hubs namespace ${resource.name}`;
}

/** A Premium namespace in Bicep (Microsoft.EventHub/namespaces@2024-01-01), the base each snippet adjusts. */
export function bicepNamespace(properties: string, identity = ''): string {
  return `resource telemetryHub 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
${identity}  sku: {
    name: 'Premium'
    tier: 'Premium'
    capacity: 1
  }
  properties: {
${properties}
  }
}`;
}

/** A Premium azurerm_eventhub_namespace (azurerm provider 4.x argument names). */
export function terraformNamespace(settings: string): string {
  return `resource "azurerm_eventhub_namespace" "telemetry" {
  name                = var.namespace_name
  location            = azurerm_resource_group.phi.location
  resource_group_name = azurerm_resource_group.phi.name
  sku                 = "Premium"
  capacity            = 1
${settings}
}`;
}
