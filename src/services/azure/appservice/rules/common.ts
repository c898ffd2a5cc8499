import type { NormalizedResource } from '../../../../kit';
import { appServiceSite } from '../resource';

export const SITE = appServiceSite.type;

/** The collector's facts about an app; a field left undefined could not be collected. */
export const siteProperties = appServiceSite.properties;

/** "App Service app nwv-patient-portal" / "Function app nwv-order-events", the subject of every detail. */
export function siteLabel(resource: NormalizedResource): string {
  return siteProperties(resource).functionApp
    ? `Function app ${resource.name}`
    : `App Service app ${resource.name}`;
}

/** A web app in Bicep (Microsoft.Web/sites@2023-12-01), the base each snippet adjusts. */
export function bicepSite(properties: string, siteConfig: string): string {
  return `resource phiApp 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: appServicePlan.id
${properties}
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
${siteConfig}
    }
  }
}`;
}

/** An azurerm_linux_web_app (azurerm provider 4.x argument names), the base each snippet adjusts. */
export function terraformSite(settings: string, siteConfig: string): string {
  return `resource "azurerm_linux_web_app" "phi" {
  name                = var.app_name
  location            = azurerm_resource_group.phi.location
  resource_group_name = azurerm_resource_group.phi.name
  service_plan_id     = azurerm_service_plan.phi.id
${settings}

  site_config {
${siteConfig}
  }
}`;
}

/** `az` for a function app is `az functionapp`, for a web app `az webapp`; both take the same flags here. */
export const CLI_NOTE = '# For a function app use `az functionapp` in place of `az webapp`.';
