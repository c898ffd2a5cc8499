import type { ScenarioFirewallRule, ScenarioPostgresServer } from './sim';

/**
 * ARM JSON as Microsoft.DBforPostgreSQL/flexibleServers answers it at api-version 2024-08-01
 * (Microsoft Learn REST reference "Servers - List", "Firewall Rules - List By Server",
 * "Configurations - Get" and their examples): the location is a display name ('East US'), network
 * carries delegatedSubnetResourceId and privateDnsZoneArmResourceId only for servers integrated
 * into a virtual network, dataEncryption carries primaryKeyURI only for AzureKeyVault, and a
 * configuration answers value, defaultValue, dataType, allowedValues and source.
 */

const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  eastus: 'East US',
  eastus2: 'East US 2',
  westus: 'West US',
  westus2: 'West US 2',
  westus3: 'West US 3',
  centralus: 'Central US',
  northeurope: 'North Europe',
  westeurope: 'West Europe',
};

export function serverId(subscriptionId: string, server: ScenarioPostgresServer): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${server.resourceGroup}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${server.name}`;
}

export function armServer(subscriptionId: string, server: ScenarioPostgresServer): object {
  const earliest = new Date(Date.parse('2026-12-01T00:00:00Z') - server.backupRetentionDays * 86_400_000);
  return {
    sku: { name: server.sku, tier: server.sku.includes('_E') ? 'MemoryOptimized' : 'GeneralPurpose' },
    systemData: { createdAt: server.createdAt },
    properties: {
      administratorLogin: server.administratorLogin,
      version: server.version,
      minorVersion: server.version === '16' ? '4' : '9',
      state: 'Ready',
      fullyQualifiedDomainName: `${server.name}.postgres.database.azure.com`,
      storage: { storageSizeGB: 512, autoGrow: 'Disabled', tier: 'P20', iops: 2300 },
      authConfig: { activeDirectoryAuth: 'Enabled', passwordAuth: 'Enabled', tenantId: '' },
      dataEncryption: server.cmkKeyUri
        ? {
            type: 'AzureKeyVault',
            primaryKeyURI: server.cmkKeyUri,
            primaryUserAssignedIdentityId: `/subscriptions/${subscriptionId}/resourceGroups/${server.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${server.name}-cmk`,
            primaryEncryptionKeyStatus: 'Valid',
          }
        : { type: 'SystemManaged' },
      backup: {
        backupRetentionDays: server.backupRetentionDays,
        geoRedundantBackup: server.geoRedundantBackup ? 'Enabled' : 'Disabled',
        earliestRestoreDate: earliest.toISOString(),
      },
      network: server.delegatedSubnet
        ? {
            publicNetworkAccess: 'Disabled',
            delegatedSubnetResourceId: server.delegatedSubnet,
            privateDnsZoneArmResourceId: `/subscriptions/${subscriptionId}/resourceGroups/${server.resourceGroup}/providers/Microsoft.Network/privateDnsZones/${server.name}.private.postgres.database.azure.com`,
          }
        : { publicNetworkAccess: server.publicNetworkAccess },
      highAvailability: { mode: 'Disabled', state: 'NotEnabled' },
      maintenanceWindow: { customWindow: 'Disabled', dayOfWeek: 0, startHour: 0, startMinute: 0 },
      replicationRole: 'Primary',
      replicaCapacity: 5,
      replica: { role: 'Primary', capacity: 5 },
      availabilityZone: '1',
    },
    location: DISPLAY_NAMES[server.location] ?? server.location,
    ...(Object.keys(server.tags).length > 0 ? { tags: server.tags } : {}),
    id: serverId(subscriptionId, server),
    name: server.name,
    type: 'Microsoft.DBforPostgreSQL/flexibleServers',
  };
}

export function armFirewallRule(
  subscriptionId: string,
  server: ScenarioPostgresServer,
  rule: ScenarioFirewallRule,
): object {
  return {
    properties: { startIpAddress: rule.startIpAddress, endIpAddress: rule.endIpAddress },
    id: `${serverId(subscriptionId, server)}/firewallRules/${rule.name}`,
    name: rule.name,
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
  };
}

/** The server parameters the simulator knows, with PostgreSQL flexible server's own metadata. */
const PARAMETERS = {
  require_secure_transport: {
    description:
      'Whether client connections to the server are required to use some form of secure transport.',
    defaultValue: 'on',
    dataType: 'Boolean',
    allowedValues: 'on,off',
  },
  ssl_min_protocol_version: {
    description: 'Sets the minimum SSL/TLS protocol version to use.',
    defaultValue: 'TLSv1.2',
    dataType: 'Enumeration',
    allowedValues: 'TLSv1,TLSv1.1,TLSv1.2,TLSv1.3',
  },
} as const;

export type KnownParameter = keyof typeof PARAMETERS;

export function isKnownParameter(name: string): name is KnownParameter {
  return name in PARAMETERS;
}

export function armConfiguration(
  subscriptionId: string,
  server: ScenarioPostgresServer,
  name: KnownParameter,
): object {
  const meta = PARAMETERS[name];
  const value =
    name === 'require_secure_transport' ? server.requireSecureTransport : server.sslMinProtocolVersion;
  return {
    properties: {
      value,
      description: meta.description,
      defaultValue: meta.defaultValue,
      dataType: meta.dataType,
      allowedValues: meta.allowedValues,
      source: value === meta.defaultValue ? 'system-default' : 'user-override',
      isDynamicConfig: true,
      isReadOnly: false,
      isConfigPendingRestart: false,
      documentationLink: 'https://www.postgresql.org/docs/16/runtime-config-connection.html',
    },
    id: `${serverId(subscriptionId, server)}/configurations/${name}`,
    name,
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
  };
}
