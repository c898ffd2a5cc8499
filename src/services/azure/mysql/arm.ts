import type { ScenarioFirewallRule, ScenarioMySqlServer } from './sim';

/**
 * ARM JSON as Microsoft.DBforMySQL/flexibleServers answers it at api-version 2023-12-30
 * (Microsoft Learn REST reference for MySQL flexible servers, "Servers - List", "Firewall Rules -
 * List By Server", "Configurations - Get" and their examples): the location is a display name
 * ('East US'), network carries delegatedSubnetResourceId and privateDnsZoneResourceId only for
 * servers integrated into a virtual network, dataEncryption carries primaryKeyURI only for
 * AzureKeyVault, and a configuration answers value, defaultValue, dataType, allowedValues and source.
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

export function serverId(subscriptionId: string, server: ScenarioMySqlServer): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${server.resourceGroup}/providers/Microsoft.DBforMySQL/flexibleServers/${server.name}`;
}

export function armServer(subscriptionId: string, server: ScenarioMySqlServer): object {
  const earliest = new Date(Date.parse('2026-12-01T00:00:00Z') - server.backupRetentionDays * 86_400_000);
  return {
    sku: { name: server.sku, tier: server.sku.startsWith('Standard_B') ? 'Burstable' : 'GeneralPurpose' },
    systemData: { createdAt: server.createdAt },
    properties: {
      administratorLogin: server.administratorLogin,
      version: server.version,
      state: 'Ready',
      fullyQualifiedDomainName: `${server.name}.mysql.database.azure.com`,
      storage: {
        storageSizeGB: 128,
        iops: 684,
        autoGrow: 'Enabled',
        autoIoScaling: 'Disabled',
        logOnDisk: 'Disabled',
        storageSku: 'Premium_LRS',
      },
      dataEncryption: server.cmkKeyUri
        ? {
            type: 'AzureKeyVault',
            primaryKeyURI: server.cmkKeyUri,
            primaryUserAssignedIdentityId: `/subscriptions/${subscriptionId}/resourceGroups/${server.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${server.name}-cmk`,
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
            privateDnsZoneResourceId: `/subscriptions/${subscriptionId}/resourceGroups/${server.resourceGroup}/providers/Microsoft.Network/privateDnsZones/${server.name}.private.mysql.database.azure.com`,
          }
        : { publicNetworkAccess: server.publicNetworkAccess },
      highAvailability: { mode: 'Disabled', state: 'NotEnabled' },
      maintenanceWindow: { customWindow: 'Disabled', dayOfWeek: 0, startHour: 0, startMinute: 0 },
      replicationRole: 'None',
      replicaCapacity: 10,
      availabilityZone: '1',
      privateEndpointConnections: [],
    },
    location: DISPLAY_NAMES[server.location] ?? server.location,
    ...(Object.keys(server.tags).length > 0 ? { tags: server.tags } : {}),
    id: serverId(subscriptionId, server),
    name: server.name,
    type: 'Microsoft.DBforMySQL/flexibleServers',
  };
}

export function armFirewallRule(
  subscriptionId: string,
  server: ScenarioMySqlServer,
  rule: ScenarioFirewallRule,
): object {
  return {
    properties: { startIpAddress: rule.startIpAddress, endIpAddress: rule.endIpAddress },
    id: `${serverId(subscriptionId, server)}/firewallRules/${rule.name}`,
    name: rule.name,
    type: 'Microsoft.DBforMySQL/flexibleServers/firewallRules',
  };
}

/** The server parameters the simulator knows, with MySQL flexible server's own metadata per major version. */
function parameter(server: ScenarioMySqlServer, name: KnownParameter) {
  const mysql57 = server.version === '5.7';
  if (name === 'require_secure_transport')
    return {
      value: server.requireSecureTransport,
      description:
        'Whether client connections to the server are required to use some form of secure transport.',
      defaultValue: 'ON',
      dataType: 'Enumeration',
      allowedValues: 'ON,OFF',
      isDynamicConfig: 'True',
    };
  return {
    value: server.tlsVersion,
    description: 'Which protocols the server permits for encrypted connections.',
    defaultValue: mysql57 ? 'TLSv1.2' : 'TLSv1.2,TLSv1.3',
    dataType: 'Set',
    allowedValues: mysql57 ? 'TLSv1,TLSv1.1,TLSv1.2' : 'TLSv1.2,TLSv1.3',
    isDynamicConfig: 'False',
  };
}

const KNOWN = ['require_secure_transport', 'tls_version'] as const;
export type KnownParameter = (typeof KNOWN)[number];

export function isKnownParameter(name: string): name is KnownParameter {
  return (KNOWN as readonly string[]).includes(name);
}

export function armConfiguration(
  subscriptionId: string,
  server: ScenarioMySqlServer,
  name: KnownParameter,
): object {
  const { value, description, defaultValue, dataType, allowedValues, isDynamicConfig } = parameter(
    server,
    name,
  );
  return {
    properties: {
      value,
      description,
      defaultValue,
      dataType,
      allowedValues,
      source: value === defaultValue ? 'system-default' : 'user-override',
      isReadOnly: 'False',
      isConfigPendingRestart: 'False',
      isDynamicConfig,
      documentationLink: 'https://dev.mysql.com/doc/refman/8.0/en/server-system-variables.html',
    },
    id: `${serverId(subscriptionId, server)}/configurations/${name}`,
    name,
    type: 'Microsoft.DBforMySQL/flexibleServers/configurations',
  };
}
