export { SITE, siteLabel, siteProperties } from './common';

/** App Service authentication with Entra ID, required for every request (Microsoft.Web/sites/config@2023-12-01). */
export const bicepAuthSettings = `resource phiAppAuth 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: phiApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401' // RedirectToLoginPage for browser apps
      redirectToProvider: 'azureactivedirectory'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '\${environment().authentication.loginEndpoint}\${tenant().tenantId}/v2.0'
          clientId: entraClientId
          clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
        }
        validation: {
          allowedAudiences: [
            'api://\${entraClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
    httpSettings: {
      requireHttps: true
    }
  }
}`;

/** The same in azurerm 4.x (auth_settings_v2 block of azurerm_linux_web_app). */
export const terraformAuthSettings = `resource "azurerm_linux_web_app" "phi" {
  name                = var.app_name
  location            = azurerm_resource_group.phi.location
  resource_group_name = azurerm_resource_group.phi.name
  service_plan_id     = azurerm_service_plan.phi.id
  https_only          = true

  site_config {
    minimum_tls_version = "1.2"
  }

  auth_settings_v2 {
    auth_enabled           = true
    require_authentication = true
    unauthenticated_action = "Return401"
    require_https          = true

    active_directory_v2 {
      client_id                  = var.entra_client_id
      tenant_auth_endpoint       = "https://login.microsoftonline.com/\${var.tenant_id}/v2.0"
      client_secret_setting_name = "MICROSOFT_PROVIDER_AUTHENTICATION_SECRET"
      allowed_audiences          = ["api://\${var.entra_client_id}"]
    }

    login {
      token_store_enabled = true
    }
  }
}`;
