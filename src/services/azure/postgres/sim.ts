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

const scenarioServer = z.strictObject({
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
  version: z.enum(['13', '14', '15', '16']).default('16'),
  sku: z.string().default('Standard_D2ds_v5'),
  administratorLogin: z.string().default('pgadmin'),
  publicNetworkAccess: z.enum(['Enabled', 'Disabled']).default('Disabled'),
  /** A delegated subnet id: virtual network integration (public access is then Disabled) */
  delegatedSubnet: z.string().startsWith('/subscriptions/').optional(),
  backupRetentionDays: z.number().int().min(7).max(35).default(7),
  geoRedundantBackup: z.boolean().default(false),
  /** Absent = system-managed key; a Key Vault key URI = customer-managed */
  cmkKeyUri: z.url().optional(),
  firewallRules: z.array(scenarioFirewallRule).default([]),
  requireSecureTransport: z.enum(['on', 'off']).default('on'),
  sslMinProtocolVersion: z.enum(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']).default('TLSv1.2'),
});

export type ScenarioFirewallRule = z.output<typeof scenarioFirewallRule>;
export type ScenarioPostgresServer = z.output<typeof scenarioServer>;

const subscription = { postgresFlexibleServers: z.array(scenarioServer).default([]) };

function checkServers(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const names = new Set<string>();
  scenario.azure.subscriptions.forEach((each, s) => {
    (each.postgresFlexibleServers as ScenarioPostgresServer[]).forEach((server, v) => {
      const path = ['azure', 'subscriptions', s, 'postgresFlexibleServers', v];
      // Server names are global DNS names (<name>.postgres.database.azure.com).
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
function findServer(servers: readonly ScenarioPostgresServer[], params: Readonly<Record<string, string>>) {
  const group = (params.resourceGroupName ?? '').toLowerCase();
  const name = (params.serverName ?? '').toLowerCase();
  return servers.find((server) => server.name === name && server.resourceGroup.toLowerCase() === group);
}

const generatedLocations = ['eastus', 'eastus2', 'westus2', 'centralus', 'westeurope'] as const;

export const postgresSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkServers,
  answers: {
    Servers_List: ({ subscription: owner }) => ({
      list: [...owner.postgresFlexibleServers]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((server) => armServer(owner.subscriptionId, server)),
    }),
    FirewallRules_ListByServer: ({ subscription: owner, params }) => {
      const server = findServer(owner.postgresFlexibleServers, params);
      if (!server) return notFound(`Microsoft.DBforPostgreSQL/flexibleServers/${params.serverName ?? ''}`);
      return {
        list: server.firewallRules.map((rule) => armFirewallRule(owner.subscriptionId, server, rule)),
      };
    },
    Configurations_Get: ({ subscription: owner, params }) => {
      const server = findServer(owner.postgresFlexibleServers, params);
      if (!server) return notFound(`Microsoft.DBforPostgreSQL/flexibleServers/${params.serverName ?? ''}`);
      const name = params.configurationName ?? '';
      if (!isKnownParameter(name))
        return notFound(`Microsoft.DBforPostgreSQL/flexibleServers/${server.name}/configurations/${name}`);
      return { body: armConfiguration(owner.subscriptionId, server, name) };
    },
  },
  locations: (owner) => owner.postgresFlexibleServers.map((server) => server.location),
  demo,
  generate({ index, count, tag, random }) {
    const { chance, pick } = random;
    // One server per five resources of the size knob.
    return {
      postgresFlexibleServers: Array.from({ length: Math.ceil(count / 5) }, (_, i) => {
        const open = chance(0.4);
        return {
          name: `g${tag}pg${index}x${i}`.toLowerCase().slice(0, 63),
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
          ...(chance(0.3) ? { cmkKeyUri: `https://g${tag}kv${index}.vault.azure.net/keys/pg` } : {}),
          requireSecureTransport: chance(0.85) ? 'on' : 'off',
          sslMinProtocolVersion: chance(0.85) ? 'TLSv1.2' : pick(['TLSv1', 'TLSv1.1'] as const),
        };
      }),
    };
  },
};
