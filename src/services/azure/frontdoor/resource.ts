import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** resource.type 'azure.frontdoor.profile'; a Front Door Standard/Premium profile (region 'global') */
export const profileSchema = z.object({
  resourceGroup: z.string(),
  /** 'Standard_AzureFrontDoor' | 'Premium_AzureFrontDoor' */
  skuName: z.string(),
  /** properties.frontDoorId: the X-Azure-FDID header value origins can check */
  frontDoorId: z.string().optional(),
  /** Tag keys the profile's endpoints, routes and domains inherit */
  inheritedTagKeys: z.array(z.string()).optional(),
});

/** Caching as a route or a rule's RouteConfigurationOverride sets it (null = caching off). */
export const cachingSchema = z.object({
  /** IgnoreQueryString | UseQueryString | IgnoreSpecifiedQueryStrings | IncludeSpecifiedQueryStrings */
  queryStringCachingBehavior: z.string().nullable(),
  queryParameters: z.string().nullable(),
  /** Rule overrides only: HonorOrigin | OverrideAlways | OverrideIfOriginMissing */
  cacheBehavior: z.string().nullable(),
  cacheDuration: z.string().nullable(),
});

export type Caching = z.infer<typeof cachingSchema>;

/** One rule condition as the caching rule reads it. */
export const conditionSchema = z.object({
  /** 'UrlPath', 'UrlFileExtension', 'RequestHeader', … */
  name: z.string(),
  operator: z.string().nullable(),
  negate: z.boolean(),
  matchValues: z.array(z.string()),
});

export type Condition = z.infer<typeof conditionSchema>;

/** A rule of a rule set attached to the route: its conditions and what it does to caching. */
export const routeRuleSchema = z.object({
  ruleSet: z.string(),
  name: z.string(),
  order: z.number(),
  conditions: z.array(conditionSchema),
  /**
   * The RouteConfigurationOverride action's caching: an object turns caching on for the matched
   * requests, null turns it off; absent when the rule has no such action.
   */
  caching: cachingSchema.nullable().optional(),
  /** matchProcessingBehavior Stop: later rules do not run */
  stops: z.boolean(),
});

export type RouteRule = z.infer<typeof routeRuleSchema>;

/** resource.type 'azure.frontdoor.route'; nativeId = ARM route id */
export const routeSchema = z.object({
  resourceGroup: z.string(),
  profileName: z.string(),
  endpointName: z.string(),
  endpointHostName: z.string().optional(),
  /** 'Enabled' | 'Disabled' */
  enabledState: z.string().optional(),
  patternsToMatch: z.array(z.string()),
  /** ['Http', 'Https'] */
  supportedProtocols: z.array(z.string()).optional(),
  /** 'Enabled' | 'Disabled' */
  httpsRedirect: z.string().optional(),
  /** 'HttpOnly' | 'HttpsOnly' | 'MatchRequest' */
  forwardingProtocol: z.string().optional(),
  /** properties.cacheConfiguration; null = caching off (the API's "do not provide" convention) */
  caching: cachingSchema.nullable().optional(),
  /** Names of the rule sets attached to the route */
  ruleSetNames: z.array(z.string()),
  /** Their rules in the order Front Door runs them; absent when a rule set could not be read */
  ruleSetRules: z.array(routeRuleSchema).optional(),
  /** Custom domain host names the route serves (ids when the domain list could not be read) */
  customDomains: z.array(z.string()),
  /** linkToDefaultDomain: the route also serves the endpoint's *.azurefd.net host name */
  linkToDefaultDomain: z.boolean().optional(),
});

/** One WAF association of a security policy that reaches the endpoint. */
export const wafAssociationSchema = z.object({
  policyName: z.string(),
  wafPolicyId: z.string().nullable(),
  /** Domains (host names, or ids when unknown) the association covers */
  domains: z.array(z.string()),
  patternsToMatch: z.array(z.string()),
});

/** A route as the endpoint's WAF rule needs it. */
export const endpointRouteSchema = z.object({
  name: z.string(),
  enabled: z.boolean(),
  patternsToMatch: z.array(z.string()),
  /** Host names the route serves: custom domains and, with linkToDefaultDomain, the endpoint's own */
  hostNames: z.array(z.string()),
});

/** resource.type 'azure.frontdoor.endpoint'; nativeId = ARM afdEndpoint id */
export const endpointSchema = z.object({
  resourceGroup: z.string(),
  profileName: z.string(),
  hostName: z.string().optional(),
  enabledState: z.string().optional(),
  /** Absent when Routes_ListByEndpoint failed */
  routes: z.array(endpointRouteSchema).optional(),
  /** Absent when SecurityPolicies_ListByProfile failed */
  wafAssociations: z.array(wafAssociationSchema).optional(),
});

/** resource.type 'azure.frontdoor.custom-domain'; nativeId = ARM customDomain id */
export const customDomainSchema = z.object({
  resourceGroup: z.string(),
  profileName: z.string(),
  hostName: z.string(),
  /** tlsSettings.minimumTlsVersion: 'TLS10' | 'TLS12' | 'TLS13'; null when not reported */
  minimumTlsVersion: z.string().nullable(),
  /** tlsSettings.certificateType */
  certificateType: z.string().nullable(),
  /** domainValidationState ('Approved', 'Pending', …) */
  validationState: z.string().optional(),
});

export type RouteProperties = z.infer<typeof routeSchema>;
export type EndpointProperties = z.infer<typeof endpointSchema>;
export type CustomDomainProperties = z.infer<typeof customDomainSchema>;
export type ProfileProperties = z.infer<typeof profileSchema>;

export const frontDoorProfile = defineResourceType(
  'azure.frontdoor.profile',
  'Front Door profile',
  profileSchema,
);
export const frontDoorEndpoint = defineResourceType(
  'azure.frontdoor.endpoint',
  'Front Door endpoint',
  endpointSchema,
);
export const frontDoorRoute = defineResourceType('azure.frontdoor.route', 'Front Door route', routeSchema);
export const frontDoorCustomDomain = defineResourceType(
  'azure.frontdoor.custom-domain',
  'Front Door custom domain',
  customDomainSchema,
);
