import { azureOperation } from '../../../kit';

/**
 * Every ARM read the App Service collector makes (management.azure.com only, never the app's own
 * host or its Kudu/SCM site). api-version 2023-12-01 (azure-rest-api-specs,
 * Microsoft.Web/stable/2023-12-01/WebApps.json): the first stable version whose SiteConfig carries
 * ipSecurityRestrictionsDefaultAction beside minTlsVersion, scmMinTlsVersion, ftpsState,
 * http20Enabled, healthCheckPath and the access-restriction lists.
 *
 * - WebApps_List: web and function apps of the subscription (kind 'app', 'app,linux',
 *   'functionapp,linux', …) with properties.httpsOnly and clientCertEnabled. The siteConfig a list
 *   entry carries is mostly null, so the settings the rules need come from WebApps_GetConfiguration.
 * - WebApps_GetConfiguration (GET …/config/web): the site configuration. It holds no app settings
 *   or connection strings (those are POST …/config/appsettings/list, never declared).
 * - WebApps_GetAuthSettingsV2WithoutSecrets (GET …/config/authsettingsV2): App Service
 *   authentication ("Easy Auth") in the V2 format. Its sibling WebApps_GetAuthSettingsV2 is
 *   GET …/config/authsettingsV2/list and may return secret values; it is never declared. The
 *   without-secrets answer names identity providers and the app setting that holds a client secret
 *   (clientSecretSettingName), never the secret.
 *
 * Both config reads need Microsoft.Web/sites/config/read (in the Reader role); the secret-bearing
 * reads need Microsoft.Web/sites/config/list/action, which the access kit never asks for. Deployment
 * slots (sites/{name}/slots) are not read.
 */
export const ops = {
  listSites: azureOperation({
    id: 'WebApps_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Web/sites',
    apiVersion: '2023-12-01',
    permission: 'Microsoft.Web/sites/read',
  }),
  getSiteConfig: azureOperation({
    id: 'WebApps_GetConfiguration',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Web/sites/{name}/config/web',
    apiVersion: '2023-12-01',
    permission: 'Microsoft.Web/sites/config/read',
  }),
  getAuthSettingsV2: azureOperation({
    id: 'WebApps_GetAuthSettingsV2WithoutSecrets',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Web/sites/{name}/config/authsettingsV2',
    apiVersion: '2023-12-01',
    permission: 'Microsoft.Web/sites/config/read',
  }),
};
