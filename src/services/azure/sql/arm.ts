import type { ScenarioDatabase, ScenarioFirewallRule, ScenarioSqlServer } from './sim';

/**
 * ARM JSON as Microsoft.Sql answers it at api-version 2023-08-01 (Microsoft Learn REST reference:
 * Servers - List, Firewall Rules - List By Server, Server Azure AD Only Authentications - List By
 * Server, Server Blob Auditing Policies - Get, Encryption Protectors - Get, Replication Links - List
 * By Server, Databases - List By Server, Transparent Data Encryptions - Get, and their examples).
 * minimalTlsVersion is omitted on a server that never set one; a disabled auditing policy answers
 * state Disabled, retentionDays 0 and an empty storage endpoint; replication links name the
 * partner's location by its display name ("West Europe").
 */

/** Display names ARM uses in partnerLocation; other locations are answered as their name. */
const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  eastus: 'East US',
  eastus2: 'East US 2',
  westus: 'West US',
  westus2: 'West US 2',
  westus3: 'West US 3',
  centralus: 'Central US',
  westcentralus: 'West Central US',
  northeurope: 'North Europe',
  westeurope: 'West Europe',
  uksouth: 'UK South',
};

const displayName = (location: string): string => DISPLAY_NAMES[location] ?? location;

/** A stable GUID from a seed (FNV-1a, repeated): the same scenario, the same ids. */
function stableGuid(seed: string): string {
  let out = '';
  let hash = 0x811c9dc5;
  for (let round = 0; out.length < 32; round += 1) {
    for (const char of `${seed}#${round}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, '0');
  }
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-4${out.slice(13, 16)}-8${out.slice(17, 20)}-${out.slice(20, 32)}`;
}

export function serverId(subscriptionId: string, server: ScenarioSqlServer): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${server.resourceGroup}/providers/Microsoft.Sql/servers/${server.name}`;
}

const databaseId = (subscriptionId: string, server: ScenarioSqlServer, name: string) =>
  `${serverId(subscriptionId, server)}/databases/${name}`;

export function armServer(subscriptionId: string, server: ScenarioSqlServer): object {
  return {
    kind: 'v12.0',
    properties: {
      administratorLogin: server.administratorLogin,
      version: '12.0',
      state: 'Ready',
      fullyQualifiedDomainName: `${server.name}.database.windows.net`,
      privateEndpointConnections: [],
      // Omitted on servers that never set a minimum.
      ...(server.minimalTlsVersion !== null ? { minimalTlsVersion: server.minimalTlsVersion } : {}),
      publicNetworkAccess: server.publicNetworkAccess,
      restrictOutboundNetworkAccess: 'Disabled',
    },
    location: server.location,
    ...(Object.keys(server.tags).length > 0 ? { tags: server.tags } : {}),
    id: serverId(subscriptionId, server),
    name: server.name,
    type: 'Microsoft.Sql/servers',
  };
}

export function armFirewallRule(
  subscriptionId: string,
  server: ScenarioSqlServer,
  rule: ScenarioFirewallRule,
): object {
  return {
    properties: { startIpAddress: rule.startIpAddress, endIpAddress: rule.endIpAddress },
    id: `${serverId(subscriptionId, server)}/firewallRules/${rule.name}`,
    name: rule.name,
    type: 'Microsoft.Sql/servers/firewallRules',
  };
}

export function armEntraOnly(subscriptionId: string, server: ScenarioSqlServer): object {
  return {
    properties: { azureADOnlyAuthentication: server.entraOnlyAuthentication },
    id: `${serverId(subscriptionId, server)}/azureADOnlyAuthentications/Default`,
    name: 'Default',
    type: 'Microsoft.Sql/servers/azureADOnlyAuthentications',
  };
}

export function armAuditing(subscriptionId: string, server: ScenarioSqlServer): object {
  const { auditing } = server;
  const enabled = auditing.state === 'Enabled';
  return {
    properties: {
      retentionDays: auditing.retentionDays,
      auditActionsAndGroups: enabled
        ? [
            'SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP',
            'FAILED_DATABASE_AUTHENTICATION_GROUP',
            'BATCH_COMPLETED_GROUP',
          ]
        : [],
      isStorageSecondaryKeyInUse: false,
      isAzureMonitorTargetEnabled: auditing.azureMonitor,
      isManagedIdentityInUse: enabled && auditing.storageAccount !== undefined,
      state: auditing.state,
      storageEndpoint: auditing.storageAccount
        ? `https://${auditing.storageAccount}.blob.core.windows.net/`
        : '',
      storageAccountSubscriptionId: auditing.storageAccount
        ? subscriptionId
        : '00000000-0000-0000-0000-000000000000',
    },
    id: `${serverId(subscriptionId, server)}/auditingSettings/Default`,
    name: 'Default',
    type: 'Microsoft.Sql/servers/auditingSettings',
  };
}

export function armEncryptionProtector(subscriptionId: string, server: ScenarioSqlServer): object {
  const uri = server.tdeKeyUri;
  const keyName = uri
    ? (() => {
        // '<vault>_<key>_<version>', as SQL names a Key Vault server key.
        const url = new URL(uri);
        const [, , key = 'key', version = 'current'] = url.pathname.split('/');
        return `${url.hostname.split('.')[0] ?? 'vault'}_${key}_${version}`;
      })()
    : 'ServiceManaged';
  return {
    kind: uri ? 'azurekeyvault' : 'servicemanaged',
    location: server.location,
    properties: {
      serverKeyName: keyName,
      serverKeyType: uri ? 'AzureKeyVault' : 'ServiceManaged',
      ...(uri ? { uri, thumbprint: stableGuid(uri).replace(/-/g, '').toUpperCase().slice(0, 40) } : {}),
      autoRotationEnabled: uri !== undefined,
    },
    id: `${serverId(subscriptionId, server)}/encryptionProtector/current`,
    name: 'current',
    type: 'Microsoft.Sql/servers/encryptionProtector',
  };
}

function databaseProperties(database: ScenarioDatabase | null, redundancy: string, created: string): object {
  return {
    collation: 'SQL_Latin1_General_CP1_CI_AS',
    maxSizeBytes: database ? 34359738368 : 32212254720,
    status: 'Online',
    creationDate: created,
    currentServiceObjectiveName: database?.sku ?? 'System0',
    requestedServiceObjectiveName: database?.sku ?? 'System0',
    catalogCollation: 'SQL_Latin1_General_CP1_CI_AS',
    zoneRedundant: false,
    readScale: 'Disabled',
    currentBackupStorageRedundancy: redundancy,
    requestedBackupStorageRedundancy: redundancy,
    isLedgerOn: false,
  };
}

export function armMasterDatabase(subscriptionId: string, server: ScenarioSqlServer): object {
  return {
    sku: { name: 'System', tier: 'System', capacity: 0 },
    kind: 'v12.0,system',
    managedBy: serverId(subscriptionId, server),
    properties: databaseProperties(null, 'Local', '2023-01-15T10:00:00Z'),
    location: server.location,
    id: databaseId(subscriptionId, server, 'master'),
    name: 'master',
    type: 'Microsoft.Sql/servers/databases',
  };
}

export function armDatabase(
  subscriptionId: string,
  server: ScenarioSqlServer,
  database: ScenarioDatabase,
): object {
  const tier = database.sku.startsWith('BC_')
    ? 'BusinessCritical'
    : database.sku.startsWith('HS_')
      ? 'Hyperscale'
      : 'GeneralPurpose';
  return {
    sku: {
      name: database.sku,
      tier,
      family: 'Gen5',
      capacity: Number(/_(\d+)$/.exec(database.sku)?.[1] ?? 2),
    },
    kind: 'v12.0,user,vcore',
    properties: {
      ...databaseProperties(database, database.backupStorageRedundancy, database.createdAt),
      databaseId: stableGuid(databaseId(subscriptionId, server, database.name)),
    },
    location: server.location,
    ...(Object.keys(database.tags).length > 0 ? { tags: database.tags } : {}),
    id: databaseId(subscriptionId, server, database.name),
    name: database.name,
    type: 'Microsoft.Sql/servers/databases',
  };
}

export function armTde(
  subscriptionId: string,
  server: ScenarioSqlServer,
  database: ScenarioDatabase,
): object {
  return {
    properties: { state: database.tde },
    id: `${databaseId(subscriptionId, server, database.name)}/transparentDataEncryption/Current`,
    name: 'Current',
    type: 'Microsoft.Sql/servers/databases/transparentDataEncryption',
  };
}

export interface SimLink {
  databaseName: string;
  partnerServer: string;
  partnerLocation: string;
  role: 'Primary' | 'Secondary';
}

/**
 * The links ReplicationLinks_ListByServer answers for a server: its databases' own geo-replicas,
 * and the reverse side of links declared on another server of the subscription that names it.
 */
export function replicationLinksOf(
  servers: readonly ScenarioSqlServer[],
  server: ScenarioSqlServer,
): SimLink[] {
  const own = server.databases.flatMap((database) =>
    database.geoReplicas.map((replica) => ({
      databaseName: database.name,
      partnerServer: replica.partnerServer,
      partnerLocation: replica.partnerLocation,
      role: replica.role,
    })),
  );
  const reverse = servers
    .filter((other) => other !== server)
    .flatMap((other) =>
      other.databases.flatMap((database) =>
        database.geoReplicas
          .filter((replica) => replica.partnerServer === server.name)
          .map((replica) => ({
            databaseName: database.name,
            partnerServer: other.name,
            partnerLocation: other.location,
            role: replica.role === 'Primary' ? ('Secondary' as const) : ('Primary' as const),
          })),
      ),
    );
  return [...own, ...reverse];
}

export function armReplicationLink(subscriptionId: string, server: ScenarioSqlServer, link: SimLink): object {
  const id = databaseId(subscriptionId, server, link.databaseName);
  const name = stableGuid(`${id}->${link.partnerServer}`);
  return {
    properties: {
      partnerServer: link.partnerServer,
      partnerDatabase: link.databaseName,
      partnerLocation: displayName(link.partnerLocation),
      role: link.role,
      partnerRole: link.role === 'Primary' ? 'Secondary' : 'Primary',
      replicationMode: 'ASYNC',
      startTime: '2024-06-21T08:11:46.907Z',
      percentComplete: 100,
      replicationState: 'CATCH_UP',
      isTerminationAllowed: true,
      linkType: 'GEO',
    },
    id: `${id}/replicationLinks/${name}`,
    name,
    type: 'Microsoft.Sql/servers/databases/replicationLinks',
  };
}
