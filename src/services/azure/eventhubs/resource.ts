import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** The namespace's network rule set ('default'), as Namespaces_GetNetworkRuleSet answers it. */
export const networkRuleSetSchema = z.object({
  /** 'Allow' | 'Deny'; null when ARM omitted it */
  defaultAction: z.string().nullable(),
  /** The rule set's copy of publicNetworkAccess, when reported */
  publicNetworkAccess: z.string().optional(),
  ipRuleCount: z.number().int(),
  virtualNetworkRuleCount: z.number().int(),
  trustedServiceAccessEnabled: z.boolean().optional(),
});

export type NetworkRuleSet = z.infer<typeof networkRuleSetSchema>;

/** resource.type 'azure.eventhubs.namespace'; nativeId = ARM resource id; region = location (normalized) */
export const namespaceSchema = z.object({
  resourceGroup: z.string(),
  /** sku.name: 'Basic' | 'Standard' | 'Premium' */
  skuName: z.string(),
  /** properties.minimumTlsVersion ('1.0' | '1.1' | '1.2'); null when ARM did not report it */
  minimumTlsVersion: z.string().nullable(),
  /** properties.publicNetworkAccess; null when ARM omitted it (its documented default is Enabled) */
  publicNetworkAccess: z.string().nullable(),
  /** properties.disableLocalAuth; null when ARM omitted it (SAS then works: the default is false) */
  disableLocalAuth: z.boolean().nullable(),
  /** properties.encryption.keySource; null when the namespace has no encryption block (Microsoft-managed keys) */
  encryptionKeySource: z.string().nullable(),
  /** The Key Vault URI and key name of a customer-managed key, when one is set */
  customerManagedKey: z
    .object({ keyVaultUri: z.string().nullable(), keyName: z.string().nullable() })
    .optional(),
  requireInfrastructureEncryption: z.boolean().optional(),
  privateEndpointConnectionCount: z.number().int(),
  /** Absent when Namespaces_GetNetworkRuleSet failed (a coverage gap) */
  networkRuleSet: networkRuleSetSchema.optional(),
});

export type NamespaceProperties = z.infer<typeof namespaceSchema>;

export const eventHubNamespace = defineResourceType(
  'azure.eventhubs.namespace',
  'Event Hubs namespace',
  namespaceSchema,
);
