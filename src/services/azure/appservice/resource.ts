import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** One access-restriction rule of SiteConfig.ipSecurityRestrictions (the implicit catch-all entry removed). */
export const accessRuleSchema = z.object({
  name: z.string().nullable(),
  /** 'Allow' | 'Deny' */
  action: z.string(),
  priority: z.number().nullable(),
  /** What the rule matches: an IP range, a service tag ('AzureFrontDoor.Backend') or a subnet id */
  source: z.string().nullable(),
  /** 'Default' (IP range) | 'ServiceTag' | 'XffProxy'; 'Subnet' when the rule names a subnet */
  kind: z.string(),
  /** headers['x-azure-fdid']: the Front Door profiles a rule admits (absent when the rule checks no such header) */
  frontDoorIds: z.array(z.string()).optional(),
});

export type AccessRule = z.infer<typeof accessRuleSchema>;

/** App Service authentication (authsettingsV2), as far as the rules read it. */
export const authenticationSchema = z.object({
  /** platform.enabled: App Service authentication on */
  enabled: z.boolean(),
  /** globalValidation.requireAuthentication; null when not reported */
  requireAuthentication: z.boolean().nullable(),
  /** globalValidation.unauthenticatedClientAction: RedirectToLoginPage | AllowAnonymous | Return401 | Return403 | Return404 */
  unauthenticatedClientAction: z.string().nullable(),
  /** globalValidation.excludedPaths: paths served without authentication */
  excludedPaths: z.array(z.string()),
  /** Identity providers whose settings are enabled (azureActiveDirectory, …) */
  identityProviders: z.array(z.string()),
});

export type Authentication = z.infer<typeof authenticationSchema>;

/** resource.type 'azure.appservice.site'; nativeId = ARM site id; region = location (normalized, 'eastus') */
export const siteSchema = z.object({
  resourceGroup: z.string(),
  /** ARM kind: 'app', 'app,linux', 'functionapp,linux', … */
  kind: z.string(),
  /** kind names a function app */
  functionApp: z.boolean(),
  /** properties.state ('Running', 'Stopped'), when reported */
  state: z.string().optional(),
  defaultHostName: z.string().optional(),
  /** properties.httpsOnly */
  httpsOnly: z.boolean().optional(),
  clientCertEnabled: z.boolean().optional(),
  /** properties.publicNetworkAccess ('Enabled' | 'Disabled'); null when the site does not report it */
  publicNetworkAccess: z.string().nullable().optional(),
  // From WebApps_GetConfiguration (absent when that read failed):
  /** '1.0' | '1.1' | '1.2' | '1.3'; null when not reported */
  minTlsVersion: z.string().nullable().optional(),
  scmMinTlsVersion: z.string().nullable().optional(),
  /** 'AllAllowed' | 'FtpsOnly' | 'Disabled'; null when not reported */
  ftpsState: z.string().nullable().optional(),
  http20Enabled: z.boolean().optional(),
  /** null when no health check path is set */
  healthCheckPath: z.string().nullable().optional(),
  /** The explicit access-restriction rules of the main site */
  accessRestrictions: z.array(accessRuleSchema).optional(),
  /** What happens to a request no rule matches: 'Allow' | 'Deny' */
  accessRestrictionsDefaultAction: z.string().optional(),
  /** The same for the SCM (Kudu) site; scmIpSecurityRestrictionsUseMain applies the main site's */
  scmAccessRestrictions: z.array(accessRuleSchema).optional(),
  scmAccessRestrictionsDefaultAction: z.string().optional(),
  scmUsesMainRestrictions: z.boolean().optional(),
  // From WebApps_GetAuthSettingsV2WithoutSecrets (absent when that read failed):
  authentication: authenticationSchema.optional(),
});

export type SiteProperties = z.infer<typeof siteSchema>;

export const appServiceSite = defineResourceType('azure.appservice.site', 'App Service app', siteSchema);
