import { mapWithConcurrency, type AzureCollectContext, type NormalizedResource } from '../../../kit';
import {
  configurationValue,
  normalizeFirewallRule,
  normalizeServer,
  type ArmResource,
  type NormalizedServer,
} from './normalize';
import { CONFIGURATIONS, ops } from './operations';
import { mysqlServer, type FirewallRule, type ServerProperties } from './resource';

/** Servers in flight at once; ctx schedules every call within the run's limits as well. */
const PARALLEL = 8;

/** Where each server parameter lands in the resource's properties. */
const PROPERTY_OF = {
  require_secure_transport: 'requireSecureTransport',
  tls_version: 'tlsVersion',
} as const satisfies Record<(typeof CONFIGURATIONS)[number], keyof ServerProperties>;

/**
 * A server's firewall rules (absent unless every page was read: an unseen page might hold the open
 * rule) and its server parameters, one Configurations_Get each.
 */
async function readServerSettings(ctx: AzureCollectContext, server: NormalizedServer) {
  const params = { resourceGroupName: server.properties.resourceGroup, serverName: server.name };
  const subject = `MySQL server ${server.name}`;
  const options = { region: server.location, subject };
  const [firewall, ...configurations] = await Promise.all([
    ctx.list(ops.listFirewallRules, params, options),
    ...CONFIGURATIONS.map((configurationName) =>
      ctx.get(
        ops.getConfiguration,
        { ...params, configurationName },
        { region: server.location, subject: `parameter ${configurationName} of ${subject}` },
      ),
    ),
  ]);
  const properties: Partial<ServerProperties> = {};
  const evidenceIds: number[] = [];
  if (firewall.status === 'ok') {
    properties.firewallRules = firewall.items
      .map(({ item }) => normalizeFirewallRule(item as ArmResource))
      .filter((rule): rule is FirewallRule => rule !== null);
    evidenceIds.push(...firewall.pages.map((page) => page.evidenceId));
  }
  CONFIGURATIONS.forEach((name, index) => {
    const answer = configurations[index];
    if (answer?.status !== 'ok') return;
    const value = configurationValue(answer.body as ArmResource);
    if (value !== undefined) properties[PROPERTY_OF[name]] = value;
    evidenceIds.push(answer.evidenceId);
  });
  return { properties, evidenceIds };
}

/**
 * MySQL flexible servers of one subscription (every page of Servers_List), then each server's
 * firewall rules and the server parameters the rules need. Resources are built from the raw ARM
 * JSON the evidence stores, so evidence and resource agree.
 */
export async function collectMySqlServers(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const listed = await ctx.list(ops.listServers);
  const servers = listed.items.flatMap(({ item, evidenceId }) => {
    const server = normalizeServer(item as ArmResource);
    return server ? [{ server, evidenceId }] : [];
  });
  return mapWithConcurrency(servers, PARALLEL, async ({ server, evidenceId }) => {
    const settings = await readServerSettings(ctx, server);
    return ctx.resource({
      type: mysqlServer.type,
      nativeId: server.id,
      name: server.name,
      region: server.location,
      tags: server.tags,
      properties: { ...server.properties, ...settings.properties },
      evidenceIds: [evidenceId, ...settings.evidenceIds],
    });
  });
}
