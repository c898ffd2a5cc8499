import { resourceGroupOf, tagsOf, textOf } from '../../../kit';
import type { GraphResourceProperties } from './resource';

/**
 * Pure conversion of Resource Graph rows (resultFormat objectArray) into inventory resources. A
 * row has the projected columns; any may be absent or null (tags is null on some resource types,
 * location on others).
 */

export interface GraphRow {
  id?: unknown;
  name?: unknown;
  type?: unknown;
  location?: unknown;
  resourceGroup?: unknown;
  subscriptionId?: unknown;
  tags?: unknown;
}

export interface GraphEntry {
  id: string;
  name: string;
  location: string | null;
  tags: Record<string, string>;
  properties: GraphResourceProperties;
}

/**
 * The resource provider namespace and type of an ARM id, from its last /providers/ segment (an
 * extension resource names its own provider after its parent's):
 * '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/app' → Microsoft.Web, microsoft.web/sites.
 */
export function providerOf(id: string): { namespace: string; type: string } | null {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  if (at < 0) return null;
  const [namespace, ...segments] = id.slice(at + '/providers/'.length).split('/');
  if (!namespace) return null;
  // type segments alternate with names: sites/app/slots/staging → sites/slots
  const types = segments.filter((_, index) => index % 2 === 0);
  if (types.length === 0 || segments.length % 2 !== 0) return null;
  return { namespace, type: `${namespace}/${types.join('/')}`.toLowerCase() };
}

export function graphEntry(row: GraphRow): GraphEntry | null {
  const id = textOf(row.id);
  if (!id) return null;
  const provider = providerOf(id);
  const type = textOf(row.type)?.toLowerCase() ?? provider?.type;
  if (!provider || !type) return null;
  const name = textOf(row.name) ?? id.split('/').pop() ?? id;
  const location = textOf(row.location) ?? null;
  const tags = tagsOf(row.tags);
  return {
    id,
    name,
    location,
    tags,
    properties: {
      type,
      namespace: provider.namespace,
      location,
      resourceGroup: textOf(row.resourceGroup) ?? (resourceGroupOf(id) || null),
      subscriptionId: textOf(row.subscriptionId) ?? /^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? null,
      tags,
    },
  };
}
