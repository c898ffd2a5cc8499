import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** One server-level firewall rule (FirewallRules_ListByServer). */
export const firewallRuleSchema = z.object({
  name: z.string(),
  startIpAddress: z.string(),
  endIpAddress: z.string(),
});

export type FirewallRule = z.infer<typeof firewallRuleSchema>;

/** One geo-replication link of a database on this server (ReplicationLinks_ListByServer). */
export const replicationLinkSchema = z.object({
  /** The database on this server the link belongs to */
  databaseName: z.string(),
  partnerServer: z.string(),
  partnerDatabase: z.string().nullable(),
  /** partnerLocation as ARM words it: a display name ("West Europe") or a location ("westeurope") */
  partnerLocation: z.string().nullable(),
  /** 'Primary' | 'Secondary' | … : this database's role */
  role: z.string().nullable(),
  /** 'GEO' | 'NAMED' | 'STANDBY' */
  linkType: z.string().nullable(),
});

export type ReplicationLink = z.infer<typeof replicationLinkSchema>;

/** auditingSettings/default as ARM reports it. */
export const auditingSchema = z.object({
  /** 'Enabled' | 'Disabled' */
  state: z.string(),
  /** retentionDays; 0 = keep forever; null when ARM omits it */
  retentionDays: z.number().int().nullable(),
  /** The storage account blob endpoint audit logs go to; null when none */
  storageEndpoint: z.string().nullable(),
  /** isAzureMonitorTargetEnabled: audit records also go to Log Analytics / Event Hubs */
  azureMonitorTarget: z.boolean(),
});

export type Auditing = z.infer<typeof auditingSchema>;

/** encryptionProtector/current: the key TDE's database encryption keys are wrapped with. */
export const encryptionProtectorSchema = z.object({
  /** 'ServiceManaged' | 'AzureKeyVault' */
  serverKeyType: z.string(),
  serverKeyName: z.string().nullable(),
  /** The Key Vault key URI, for AzureKeyVault */
  uri: z.string().nullable(),
  autoRotationEnabled: z.boolean().nullable(),
});

export type EncryptionProtector = z.infer<typeof encryptionProtectorSchema>;

/**
 * resource.type 'azure.sql.server'; nativeId = ARM server id; region = location.
 * A property that could not be read is absent (the rules then answer "not assessed").
 */
export const serverSchema = z.object({
  resourceGroup: z.string(),
  fullyQualifiedDomainName: z.string().optional(),
  /**
   * properties.minimalTlsVersion ('1.2', '1.3', 'None', '1.0', '1.1'); null when the server was
   * read and ARM did not report one (servers that never set a minimum).
   */
  minimalTlsVersion: z.string().nullable(),
  /** 'Enabled' | 'Disabled' | 'SecuredByPerimeter'; null when ARM did not report it */
  publicNetworkAccess: z.string().nullable(),
  /** Every server-level firewall rule; absent when the list could not be read completely */
  firewallRules: z.array(firewallRuleSchema).optional(),
  /** The Default azureADOnlyAuthentications entry; false when ARM answered without one */
  entraOnlyAuthentication: z.boolean().optional(),
  auditing: auditingSchema.optional(),
  encryptionProtector: encryptionProtectorSchema.optional(),
  /** Every replication link of the server's databases; absent when the list could not be read completely */
  replicationLinks: z.array(replicationLinkSchema).optional(),
});

export type ServerProperties = z.infer<typeof serverSchema>;

/** resource.type 'azure.sql.database'; nativeId = ARM database id; region = location. */
export const databaseSchema = z.object({
  serverName: z.string(),
  serverId: z.string(),
  resourceGroup: z.string(),
  /** properties.status ('Online', 'Paused', …), when reported */
  status: z.string().optional(),
  /** sku.name ('GP_Gen5_2', 'S0', …), when reported */
  skuName: z.string().optional(),
  /** transparentDataEncryption/current properties.state ('Enabled' | 'Disabled'); absent when not read */
  transparentDataEncryption: z.string().optional(),
  /**
   * properties.currentBackupStorageRedundancy ('Geo', 'GeoZone', 'Local', 'Zone'), or
   * requestedBackupStorageRedundancy when the current one is not reported; null when neither is.
   */
  backupStorageRedundancy: z.string().nullable(),
  /** Tag keys copied from the server: the database's own tags win */
  inheritedTagKeys: z.array(z.string()),
});

export type DatabaseProperties = z.infer<typeof databaseSchema>;

export const sqlServer = defineResourceType('azure.sql.server', 'Azure SQL logical server', serverSchema);
export const sqlDatabase = defineResourceType('azure.sql.database', 'Azure SQL database', databaseSchema);
