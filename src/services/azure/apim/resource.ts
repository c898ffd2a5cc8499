import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * One protocol switch of customProperties: true = enabled, false = disabled, null = the service
 * does not report it (its documented default then depends on the creation date).
 */
const protocolSwitch = z.boolean().nullable();

/** resource.type 'azure.apim.service'; nativeId = ARM service id; region = location */
export const serviceSchema = z.object({
  resourceGroup: z.string(),
  /** 'Developer' | 'Basic' | 'Standard' | 'Premium' | 'Consumption' | 'BasicV2' | 'StandardV2' */
  skuName: z.string(),
  /** properties.createdAtUtc, when reported */
  createdAtUtc: z.string().optional(),
  gatewayUrl: z.string().optional(),
  /** Client-side (gateway) protocols; absent when customProperties was not reported at all */
  gatewayProtocols: z
    .object({ tls10: protocolSwitch, tls11: protocolSwitch, ssl30: protocolSwitch })
    .optional(),
  /** Gateway-to-backend protocols */
  backendProtocols: z
    .object({ tls10: protocolSwitch, tls11: protocolSwitch, ssl30: protocolSwitch })
    .optional(),
});

/** What one policy document does for caller authentication, read from its <inbound> section. */
export const policySchema = z.object({
  /** Inbound caller-authentication policies: validate-jwt, validate-azure-ad-token, validate-client-certificate */
  inboundAuth: z.array(z.string()),
  /** <base /> in <inbound>: the enclosing scope's inbound policies run too */
  inheritsBase: z.boolean(),
});

export type PolicyFacts = z.infer<typeof policySchema>;

export const operationSchema = z.object({
  /** The operation's name (id) */
  name: z.string(),
  displayName: z.string().nullable(),
  method: z.string(),
  urlTemplate: z.string(),
  /** Its own policy; null when it has none; absent when the read failed */
  policy: policySchema.nullable().optional(),
});

export type OperationFacts = z.infer<typeof operationSchema>;

/** resource.type 'azure.apim.api'; nativeId = ARM API id; region = the service's location */
export const apiSchema = z.object({
  resourceGroup: z.string(),
  serviceName: z.string(),
  displayName: z.string().nullable(),
  /** The API's URL suffix on the gateway ('orders') */
  path: z.string(),
  /** ['https'] or ['http', 'https'] */
  protocols: z.array(z.string()),
  /** properties.subscriptionRequired (ARM's default true when omitted) */
  subscriptionRequired: z.boolean(),
  apiType: z.string().optional(),
  // Read only when subscriptionRequired is false (absent otherwise, or when the read failed):
  /** The service's all-APIs policy; null when none */
  globalPolicy: policySchema.nullable().optional(),
  /** The API's policy; null when none */
  apiPolicy: policySchema.nullable().optional(),
  operations: z.array(operationSchema).optional(),
});

export type ServiceProperties = z.infer<typeof serviceSchema>;
export type ApiProperties = z.infer<typeof apiSchema>;

export const apimService = defineResourceType('azure.apim.service', 'API Management service', serviceSchema);
export const apimApi = defineResourceType('azure.apim.api', 'API Management API', apiSchema);
