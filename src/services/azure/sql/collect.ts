import { mapWithConcurrency, type AzureCollectContext, type NormalizedResource } from '../../../kit';
import {
  isSystemDatabase,
  normalizeAuditing,
  normalizeDatabase,
  normalizeEncryptionProtector,
  normalizeEntraOnly,
  normalizeFirewallRule,
  normalizeReplicationLink,
  normalizeServer,
  type ArmResource,
  type NormalizedParts,
  type ServerBase,
} from './normalize';
import { ops } from './operations';
import {
  sqlDatabase,
  sqlServer,
  type FirewallRule,
  type ReplicationLink,
  type ServerProperties,
} from './resource';

/** Servers and databases in flight at once; ctx schedules every call within the run's limits as well. */
const PARALLEL = 8;

type Server = NormalizedParts<ServerBase>;

const items = (listed: { items: { item: unknown }[] }) => listed.items.map(({ item }) => item as ArmResource);

/** The evidence ids of a list's pages (a list with no items still has its page as evidence). */
const pageIds = (listed: { pages: { evidenceId: number }[] }) => listed.pages.map((page) => page.evidenceId);

/**
 * The server's own settings, each read once. A list that failed on any page is left absent: an
 * unseen page might hold the open firewall rule or the unapproved replica.
 */
async function readServerSettings(ctx: AzureCollectContext, server: Server) {
  const params = { resourceGroupName: server.properties.resourceGroup, serverName: server.name };
  const options = { region: server.location, subject: `SQL server ${server.name}` };
  const [firewall, entraOnly, auditing, protector, links] = await Promise.all([
    ctx.list(ops.listFirewallRules, params, options),
    ctx.list(ops.listEntraOnlyAuthentications, params, options),
    ctx.get(ops.getAuditing, params, options),
    ctx.get(ops.getEncryptionProtector, params, options),
    ctx.list(ops.listReplicationLinks, params, options),
  ]);
  const properties: Partial<ServerProperties> = {};
  const evidenceIds: number[] = [];
  if (firewall.status === 'ok') {
    properties.firewallRules = items(firewall)
      .map(normalizeFirewallRule)
      .filter((rule): rule is FirewallRule => rule !== null);
    evidenceIds.push(...pageIds(firewall));
  }
  if (entraOnly.status === 'ok') {
    properties.entraOnlyAuthentication = normalizeEntraOnly(items(entraOnly));
    evidenceIds.push(...pageIds(entraOnly));
  }
  if (auditing.status === 'ok') {
    const read = normalizeAuditing(auditing.body as ArmResource);
    if (read) properties.auditing = read;
    evidenceIds.push(auditing.evidenceId);
  }
  if (protector.status === 'ok') {
    const read = normalizeEncryptionProtector(protector.body as ArmResource);
    if (read) properties.encryptionProtector = read;
    evidenceIds.push(protector.evidenceId);
  }
  if (links.status === 'ok') {
    properties.replicationLinks = items(links)
      .map(normalizeReplicationLink)
      .filter((link): link is ReplicationLink => link !== null);
    evidenceIds.push(...pageIds(links));
  }
  return { properties, evidenceIds };
}

async function collectDatabases(
  ctx: AzureCollectContext,
  server: Server,
  serverEvidenceId: number,
): Promise<NormalizedResource[]> {
  const params = { resourceGroupName: server.properties.resourceGroup, serverName: server.name };
  const subject = `SQL server ${server.name}`;
  // A failed page is a coverage gap; databases of the pages before it are still assessed.
  const listed = await ctx.list(ops.listDatabases, params, { region: server.location, subject });
  const databases = await mapWithConcurrency(listed.items, PARALLEL, async ({ item, evidenceId }) => {
    const entry = item as ArmResource;
    const name = typeof entry.name === 'string' ? entry.name : '';
    if (!name || isSystemDatabase(name)) return null;
    const tde = await ctx.get(
      ops.getTransparentDataEncryption,
      { ...params, databaseName: name },
      { region: server.location, subject: `database ${name} on ${subject}` },
    );
    const database = normalizeDatabase(
      { database: entry, ...(tde.status === 'ok' ? { tde: tde.body as ArmResource } : {}) },
      server,
    );
    if (!database) return null;
    return ctx.resource({
      type: sqlDatabase.type,
      nativeId: database.id,
      name: database.name,
      region: database.location,
      tags: database.tags,
      properties: { ...database.properties },
      // The server's answer is evidence too: the database's inherited tags come from it.
      evidenceIds: [serverEvidenceId, evidenceId, ...(tde.status === 'ok' ? [tde.evidenceId] : [])],
    });
  });
  return databases.filter((database): database is NormalizedResource => database !== null);
}

/**
 * Azure SQL logical servers of one subscription (every page of Servers_List), each server's
 * firewall rules, Entra-only setting, auditing, encryption protector and replication links, then
 * its databases (without master) and each database's TDE state. Resources are built from the raw
 * ARM JSON the evidence stores, so evidence and resource agree.
 */
export async function collectSqlServers(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const listed = await ctx.list(ops.listServers);
  const servers = listed.items.flatMap(({ item, evidenceId }) => {
    const server = normalizeServer(item as ArmResource);
    return server ? [{ server, evidenceId }] : [];
  });
  const perServer = await mapWithConcurrency(servers, PARALLEL, async ({ server, evidenceId }) => {
    const [settings, databases] = await Promise.all([
      readServerSettings(ctx, server),
      collectDatabases(ctx, server, evidenceId),
    ]);
    return [
      ctx.resource({
        type: sqlServer.type,
        nativeId: server.id,
        name: server.name,
        region: server.location,
        tags: server.tags,
        properties: { ...server.properties, ...settings.properties },
        evidenceIds: [evidenceId, ...settings.evidenceIds],
      }),
      ...databases,
    ];
  });
  return perServer.flat();
}
