import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** One firewall rule (FirewallRules_ListByServer). */
export const firewallRuleSchema = z.object({
  name: z.string(),
  startIpAddress: z.string(),
  endIpAddress: z.string(),
});

export type FirewallRule = z.infer<typeof firewallRuleSchema>;

/**
 * resource.type 'azure.mysql.flexible-server'; nativeId = ARM server id; region = location.
 * A property that could not be read is absent (the rules then answer "not assessed").
 */
export const serverSchema = z.object({
  resourceGroup: z.string(),
  /** properties.version ('8.0.21', '5.7'), when reported */
  version: z.string().optional(),
  /** properties.state ('Ready', 'Stopped', …), when reported */
  state: z.string().optional(),
  /** network.publicNetworkAccess ('Enabled' | 'Disabled'); null when ARM did not report it */
  publicNetworkAccess: z.string().nullable(),
  /** network.delegatedSubnetResourceId: the server is integrated into a virtual network */
  delegatedSubnet: z.string().nullable(),
  /** backup.geoRedundantBackup ('Enabled' | 'Disabled'); null when ARM did not report it */
  geoRedundantBackup: z.string().nullable(),
  /** backup.backupRetentionDays, when reported */
  backupRetentionDays: z.number().int().optional(),
  /** dataEncryption.type ('SystemManaged' | 'AzureKeyVault'); null when ARM did not report it */
  dataEncryptionType: z.string().nullable(),
  /** dataEncryption.primaryKeyURI, for AzureKeyVault */
  primaryKeyUri: z.string().nullable(),
  /** Every firewall rule; absent when the list could not be read completely */
  firewallRules: z.array(firewallRuleSchema).optional(),
  /** Server parameter require_secure_transport ('ON' | 'OFF'); absent when not read */
  requireSecureTransport: z.string().optional(),
  /** Server parameter tls_version, a comma list ('TLSv1.2', 'TLSv1.2,TLSv1.3', 'TLSv1,TLSv1.1,TLSv1.2'); absent when not read */
  tlsVersion: z.string().optional(),
});

export type ServerProperties = z.infer<typeof serverSchema>;

export const mysqlServer = defineResourceType(
  'azure.mysql.flexible-server',
  'Azure Database for MySQL flexible server',
  serverSchema,
);
