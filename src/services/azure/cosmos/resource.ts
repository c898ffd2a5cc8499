import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** One region the account is replicated to (properties.locations). */
export const replicaLocationSchema = z.object({
  /** The location as a name ('eastus'), from ARM's display name ('East US') */
  location: z.string(),
  /** 0 = the write region (single-write accounts) */
  failoverPriority: z.number().int().nullable(),
});

export type ReplicaLocation = z.infer<typeof replicaLocationSchema>;

/**
 * resource.type 'azure.cosmos.account'; nativeId = ARM account id; region = location.
 * A setting ARM did not report is null; the account list is the only read, so nothing is absent
 * unless it came from an older collector.
 */
export const accountSchema = z.object({
  resourceGroup: z.string(),
  /** kind: 'GlobalDocumentDB' | 'MongoDB' | 'Parse' */
  kind: z.string().optional(),
  /** 'Enabled' | 'Disabled' | 'SecuredByPerimeter'; null when not reported */
  publicNetworkAccess: z.string().nullable(),
  /** isVirtualNetworkFilterEnabled; null when not reported */
  virtualNetworkFilterEnabled: z.boolean().nullable(),
  /** ipRules[].ipAddressOrRange */
  ipRules: z.array(z.string()),
  /** How many virtual network rules the account has */
  virtualNetworkRuleCount: z.number().int(),
  /** 'Tls' (1.0) | 'Tls11' | 'Tls12'; null when not reported */
  minimalTlsVersion: z.string().nullable(),
  /** disableLocalAuth: true = account keys and resource tokens are refused */
  disableLocalAuth: z.boolean(),
  /** keyVaultKeyUri; null = service-managed keys */
  keyVaultKeyUri: z.string().nullable(),
  /** Every region holding a replica, in failover priority order */
  locations: z.array(replicaLocationSchema),
  /** backupPolicy.type: 'Periodic' | 'Continuous'; null when not reported */
  backupPolicyType: z.string().nullable(),
  /** backupPolicy.periodicModeProperties.backupStorageRedundancy: 'Geo' | 'Local' | 'Zone'; null when not reported */
  backupStorageRedundancy: z.string().nullable(),
});

export type AccountProperties = z.infer<typeof accountSchema>;

export const cosmosAccount = defineResourceType('azure.cosmos.account', 'Cosmos DB account', accountSchema);
