import type { NormalizedResource } from '../../../../kit';
import { serviceBusNamespace } from '../resource';

export const SERVICE_BUS_NAMESPACE = serviceBusNamespace.type;

/** The collector's facts about a namespace; a field left undefined could not be collected. */
export const namespaceProperties = serviceBusNamespace.properties;

/** "Service Bus namespace nwv-sb-support-tickets", the subject of every detail message. */
export function namespaceLabel(resource: NormalizedResource): string {
  return `Service Bus namespace ${resource.name}`;
}

/** A Premium namespace in Bicep (Microsoft.ServiceBus/namespaces@2024-01-01), the base each snippet adjusts. */
export function bicepNamespace(properties: string, identity = ''): string {
  return `resource supportBus 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
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

/** A Premium azurerm_servicebus_namespace (azurerm provider 4.x argument names). */
export function terraformNamespace(settings: string): string {
  return `resource "azurerm_servicebus_namespace" "support" {
  name                = var.namespace_name
  location            = azurerm_resource_group.phi.location
  resource_group_name = azurerm_resource_group.phi.name
  sku                 = "Premium"
  capacity            = 1
${settings}
}`;
}
