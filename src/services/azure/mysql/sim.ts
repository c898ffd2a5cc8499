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
import { armConfiguration, armFirewallRule, armServer, isKnownParameter } from './arm';
import demo from './demo.json' with { type: 'json' };

const ipv4Text = z.ipv4({ message: 'must be an IPv4 address such as 203.0.113.10' });

const scenarioFirewallRule = z.strictObject({
  name: z.string().regex(/^[-\w]{1,128}$/, 'must be a firewall rule name (letters, digits, - and _)'),
  startIpAddress: ipv4Text,
  endIpAddress: ipv4Text,
});

const scenarioServer = z
  .strictObject({
    name: z
      .string()
      .regex(
        /^(?!-)[a-z0-9-]{3,63}(?<!-)$/,
        'must be a flexible server name (3–63 lowercase letters, digits and hyphens)',
      ),
    resourceGroup: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
    location: azureLocation,
    tags: scenarioTags.default({}),
    createdAt: isoTime.default('2023-01-15T10:00:00Z'),
    version: z.enum(['5.7', '8.0.21']).default('8.0.21'),
    sku: z.string().default('Standard_D2ds_v4'),
    administratorLogin: z.string().default('mysqladmin'),
    publicNetworkAccess: z.enum(['Enabled', 'Disabled']).default('Disabled'),
    /** A delegated subnet id: virtual network integration (public access is then Disabled) */
    delegatedSubnet: z.string().startsWith('/subscriptions/').optional(),
    backupRetentionDays: z.number().int().min(7).max(35).default(7),
    geoRedundantBackup: z.boolean().default(false),
    /** Absent = system-managed key; a Key Vault key URI = customer-managed */
    cmkKeyUri: z.url().optional(),
    firewallRules: z.array(scenarioFirewallRule).default([]),
    requireSecureTransport: z.enum(['ON', 'OFF']).default('ON'),
    /** tls_version: a comma list of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3 (the default depends on the version) */
    tlsVersion: z
      .string()
      .regex(
        /^TLSv1(\.[123])?(,TLSv1(\.[123])?)*$/,
        'must be a comma list of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3',
      )
      .optional(),
  })
  // tls_version's default depends on the major version (MySQL 5.7 has no TLS 1.3).
  .transform((server) => ({
    ...server,
    tlsVersion: server.tlsVersion ?? (server.version === '5.7' ? 'TLSv1.2' : 'TLSv1.2,TLSv1.3'),
  }));

export type ScenarioFirewallRule = z.output<typeof scenarioFirewallRule>;
export type ScenarioMySqlServer = z.output<typeof scenarioServer>;

const subscription = { mysqlFlexibleServers: z.array(scenarioServer).default([]) };

function checkServers(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const names = new Set<string>();
  scenario.azure.subscriptions.forEach((each, s) => {
    (each.mysqlFlexibleServers as ScenarioMySqlServer[]).forEach((server, v) => {
      const path = ['azure', 'subscriptions', s, 'mysqlFlexibleServers', v];
      // Server names are global DNS names (<name>.mysql.database.azure.com).
      if (names.has(server.name))
        issue([...path, 'name'], `flexible server name ${server.name} is already used`);
      names.add(server.name);
      if (server.delegatedSubnet && server.publicNetworkAccess === 'Enabled')
        issue(
          [...path, 'publicNetworkAccess'],
          'a server integrated into a virtual network has public access Disabled',
        );
      if (server.delegatedSubnet && server.firewallRules.length > 0)
        issue([...path, 'firewallRules'], 'a server integrated into a virtual network has no firewall rules');
    });
  });
}

const notFound = (what: string): AzureSimAnswer => ({
  status: 404,
  code: 'ResourceNotFound',
  message: `The Resource '${what}' under resource group was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
});

/** The server a path names: ARM matches resource group and server names case-insensitively. */
function findServer(servers: readonly ScenarioMySqlServer[], params: Readonly<Record<string, string>>) {
  const group = (params.resourceGroupName ?? '').toLowerCase();
  const name = (params.serverName ?? '').toLowerCase();
  return servers.find((server) => server.name === name && server.resourceGroup.toLowerCase() === group);
}

const generatedLocations = ['eastus', 'eastus2', 'westus2', 'centralus', 'westeurope'] as const;

export const mysqlSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkServers,
  answers: {
    Servers_List: ({ subscription: owner }) => ({
      list: [...owner.mysqlFlexibleServers]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((server) => armServer(owner.subscriptionId, server)),
    }),
    FirewallRules_ListByServer: ({ subscription: owner, params }) => {
      const server = findServer(owner.mysqlFlexibleServers, params);
      if (!server) return notFound(`Microsoft.DBforMySQL/flexibleServers/${params.serverName ?? ''}`);
      return {
        list: server.firewallRules.map((rule) => armFirewallRule(owner.subscriptionId, server, rule)),
      };
    },
    Configurations_Get: ({ subscription: owner, params }) => {
      const server = findServer(owner.mysqlFlexibleServers, params);
      if (!server) return notFound(`Microsoft.DBforMySQL/flexibleServers/${params.serverName ?? ''}`);
      const name = params.configurationName ?? '';
      if (!isKnownParameter(name))
        return notFound(`Microsoft.DBforMySQL/flexibleServers/${server.name}/configurations/${name}`);
      return { body: armConfiguration(owner.subscriptionId, server, name) };
    },
  },
  locations: (owner) => owner.mysqlFlexibleServers.map((server) => server.location),
  demo,
  generate({ index, count, tag, random }) {
    const { chance, pick } = random;
    // One server per five resources of the size knob.
    return {
      mysqlFlexibleServers: Array.from({ length: Math.ceil(count / 5) }, (_, i) => {
        const open = chance(0.4);
        return {
          name: `g${tag}mysql${index}x${i}`.toLowerCase().slice(0, 63),
          resourceGroup: `rg-generated-${i % 10}`,
          location: pick(generatedLocations),
          tags: chance(0.4) ? { phi: 'true' } : {},
          publicNetworkAccess: open ? 'Enabled' : 'Disabled',
          firewallRules: open
            ? pick([
                [],
                [
                  {
                    name: 'AllowAllAzureServicesAndResourcesWithinAzureIps',
                    startIpAddress: '0.0.0.0',
                    endIpAddress: '0.0.0.0',
                  },
                ],
                [{ name: 'any', startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' }],
              ] as const)
            : [],
          geoRedundantBackup: chance(0.3),
          ...(chance(0.3) ? { cmkKeyUri: `https://g${tag}kv${index}.vault.azure.net/keys/mysql` } : {}),
          requireSecureTransport: chance(0.85) ? 'ON' : 'OFF',
          ...(chance(0.15) ? { version: '5.7', tlsVersion: 'TLSv1,TLSv1.1,TLSv1.2' } : {}),
        };
      }),
    };
  },
};
