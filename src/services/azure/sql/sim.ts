import { z } from 'zod';
import {
  azureLocation,
  isoTime,
  scenarioTags,
  type AzureServiceSim,
  type AzureSimAnswer,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import {
  armAuditing,
  armDatabase,
  armEncryptionProtector,
  armEntraOnly,
  armFirewallRule,
  armMasterDatabase,
  armReplicationLink,
  armServer,
  armTde,
  replicationLinksOf,
} from './arm';
import demo from './demo.json' with { type: 'json' };

const ipv4Text = z.ipv4({ message: 'must be an IPv4 address such as 203.0.113.10' });

const scenarioFirewallRule = z.strictObject({
  name: z.string().regex(/^[^<>*%&:;\\/?]{1,128}$/, 'must be a firewall rule name'),
  startIpAddress: ipv4Text,
  endIpAddress: ipv4Text,
});

const scenarioGeoReplica = z.strictObject({
  /** The partner server (in this subscription or elsewhere) */
  partnerServer: z.string(),
  partnerLocation: azureLocation,
  /** This database's role in the link */
  role: z.enum(['Primary', 'Secondary']).default('Primary'),
});

const scenarioDatabase = z.strictObject({
  name: z.string().regex(/^[^<>*%&:\\/?]{1,128}$/, 'must be a database name'),
  sku: z.string().default('GP_Gen5_2'),
  tags: scenarioTags.default({}),
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
  /** transparentDataEncryption/current state */
  tde: z.enum(['Enabled', 'Disabled']).default('Enabled'),
  /** Geo is the service default for new databases */
  backupStorageRedundancy: z.enum(['Geo', 'GeoZone', 'Local', 'Zone']).default('Geo'),
  geoReplicas: z.array(scenarioGeoReplica).default([]),
});

const scenarioServer = z.strictObject({
  name: z
    .string()
    .regex(
      /^(?!-)[a-z0-9-]{1,63}(?<!-)$/,
      'must be a SQL server name (lowercase letters, digits and hyphens)',
    ),
  resourceGroup: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
  location: azureLocation,
  tags: scenarioTags.default({}),
  administratorLogin: z.string().default('sqladmin'),
  /** null = ARM omits minimalTlsVersion, as on servers that never set one */
  minimalTlsVersion: z.enum(['None', '1.0', '1.1', '1.2', '1.3']).nullable().default('1.2'),
  publicNetworkAccess: z.enum(['Enabled', 'Disabled', 'SecuredByPerimeter']).default('Enabled'),
  firewallRules: z.array(scenarioFirewallRule).default([]),
  entraOnlyAuthentication: z.boolean().default(false),
  auditing: z
    .strictObject({
      state: z.enum(['Enabled', 'Disabled']),
      /** 0 = keep forever */
      retentionDays: z.number().int().min(0).max(3285).default(0),
      /** The audit storage account name (its blob endpoint is reported); absent = no storage target */
      storageAccount: z.string().optional(),
      azureMonitor: z.boolean().default(false),
    })
    .default({ state: 'Disabled', retentionDays: 0, azureMonitor: false }),
  /** Absent = service-managed TDE protector; a Key Vault key URI = customer-managed */
  tdeKeyUri: z.url().optional(),
  databases: z.array(scenarioDatabase).default([]),
});

export type ScenarioFirewallRule = z.output<typeof scenarioFirewallRule>;
export type ScenarioDatabase = z.output<typeof scenarioDatabase>;
export type ScenarioSqlServer = z.output<typeof scenarioServer>;

const subscription = { sqlServers: z.array(scenarioServer).default([]) };

function checkServers(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const names = new Set<string>();
  scenario.azure.subscriptions.forEach((each, s) => {
    (each.sqlServers as ScenarioSqlServer[]).forEach((server, v) => {
      const path = ['azure', 'subscriptions', s, 'sqlServers', v];
      // Server names are global DNS names (<name>.database.windows.net).
      if (names.has(server.name)) issue([...path, 'name'], `SQL server name ${server.name} is already used`);
      names.add(server.name);
      const databases = new Set<string>();
      server.databases.forEach((database, d) => {
        const name = database.name.toLowerCase();
        if (name === 'master')
          issue([...path, 'databases', d, 'name'], 'master is created with every server');
        if (databases.has(name))
          issue([...path, 'databases', d, 'name'], `database ${database.name} is already on ${server.name}`);
        databases.add(name);
      });
      if (
        server.auditing.state === 'Enabled' &&
        !server.auditing.storageAccount &&
        !server.auditing.azureMonitor
      )
        issue([...path, 'auditing'], 'enabled auditing needs a storage account or the Azure Monitor target');
    });
  });
}

/** ARM's answer when a server named in the path is not in the subscription's resource group. */
const serverNotFound = (serverName: string): AzureSimAnswer => ({
  status: 404,
  code: 'ResourceNotFound',
  message: `The Resource 'Microsoft.Sql/servers/${serverName}' under resource group was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
});

/** The server a path names: ARM matches resource group and server names case-insensitively. */
function findServer(servers: readonly ScenarioSqlServer[], params: Readonly<Record<string, string>>) {
  const group = (params.resourceGroupName ?? '').toLowerCase();
  const name = (params.serverName ?? '').toLowerCase();
  return servers.find((server) => server.name === name && server.resourceGroup.toLowerCase() === group);
}

type Call = Parameters<AzureServiceSim<typeof subscription, undefined>['answers'][string]>[0];

/** Answers a per-server read, or ARM's 404 when the server is gone. */
function perServer(build: (call: Call, server: ScenarioSqlServer) => AzureSimAnswer) {
  return (call: Call): AzureSimAnswer => {
    const server = findServer(call.subscription.sqlServers, call.params);
    return server ? build(call, server) : serverNotFound(call.params.serverName ?? '');
  };
}

const generatedLocations = ['eastus', 'eastus2', 'westus2', 'centralus', 'westeurope'] as const;

export const sqlSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkServers,
  answers: {
    Servers_List: ({ subscription: owner }) => ({
      list: [...owner.sqlServers]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((server) => armServer(owner.subscriptionId, server)),
    }),
    FirewallRules_ListByServer: perServer(({ subscription: owner }, server) => ({
      list: server.firewallRules.map((rule) => armFirewallRule(owner.subscriptionId, server, rule)),
    })),
    ServerAzureADOnlyAuthentications_ListByServer: perServer(({ subscription: owner }, server) => ({
      list: [armEntraOnly(owner.subscriptionId, server)],
    })),
    ServerBlobAuditingPolicies_Get: perServer(({ subscription: owner }, server) => ({
      body: armAuditing(owner.subscriptionId, server),
    })),
    EncryptionProtectors_Get: perServer(({ subscription: owner }, server) => ({
      body: armEncryptionProtector(owner.subscriptionId, server),
    })),
    ReplicationLinks_ListByServer: perServer(({ subscription: owner }, server) => ({
      list: replicationLinksOf(owner.sqlServers, server).map((link) =>
        armReplicationLink(owner.subscriptionId, server, link),
      ),
    })),
    Databases_ListByServer: perServer(({ subscription: owner }, server) => ({
      // Every logical server lists its master database first, as ARM does.
      list: [
        armMasterDatabase(owner.subscriptionId, server),
        ...server.databases.map((database) => armDatabase(owner.subscriptionId, server, database)),
      ],
    })),
    TransparentDataEncryptions_Get: perServer(({ subscription: owner, params }, server) => {
      const wanted = (params.databaseName ?? '').toLowerCase();
      const database = server.databases.find((each) => each.name.toLowerCase() === wanted);
      if (!database)
        return {
          status: 404,
          code: 'ResourceNotFound',
          message: `The requested resource of type 'Microsoft.Sql/servers/databases' with name '${params.databaseName ?? ''}' was not found.`,
        };
      return { body: armTde(owner.subscriptionId, server, database) };
    }),
  },
  locations: (owner) => owner.sqlServers.map((server) => server.location),
  demo,
  generate({ index, count, tag, random }) {
    const { chance, pick } = random;
    // One server per five resources of the size knob, 1–3 databases each.
    return {
      sqlServers: Array.from({ length: Math.ceil(count / 5) }, (_, i) => ({
        name: `g${tag}sql${index}x${i}`.toLowerCase().slice(0, 63),
        resourceGroup: `rg-generated-${i % 10}`,
        location: pick(generatedLocations),
        tags: chance(0.4) ? { phi: 'true' } : {},
        minimalTlsVersion: chance(0.8) ? '1.2' : pick(['None', null] as const),
        publicNetworkAccess: chance(0.5) ? 'Disabled' : 'Enabled',
        firewallRules: chance(0.2)
          ? [{ name: 'AllowAllWindowsAzureIps', startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }]
          : chance(0.1)
            ? [{ name: 'any', startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' }]
            : [],
        entraOnlyAuthentication: chance(0.6),
        auditing: chance(0.7)
          ? {
              state: 'Enabled',
              azureMonitor: true,
              storageAccount: `g${tag}audit${index}`,
              retentionDays: pick([0, 30, 90, 365] as const),
            }
          : { state: 'Disabled' },
        ...(chance(0.4) ? { tdeKeyUri: `https://g${tag}kv${index}.vault.azure.net/keys/tde` } : {}),
        databases: Array.from({ length: 1 + Math.floor(random.next() * 3) }, (_, d) => ({
          name: `db-${d}`,
          tde: chance(0.9) ? 'Enabled' : 'Disabled',
          backupStorageRedundancy: pick(['Geo', 'Zone', 'Local'] as const),
          geoReplicas: chance(0.15)
            ? [{ partnerServer: `g${tag}sql${index}x${i}-dr`, partnerLocation: pick(generatedLocations) }]
            : [],
        })),
      })),
    };
  },
};
