import { flagOf as flag, resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import { pairedRegion } from './regions';
import type { VaultProperties } from './resource';

export interface ArmResource {
  id?: unknown;
  name?: unknown;
  location?: unknown;
  tags?: unknown;
  properties?: Record<string, unknown> | null;
}

export interface NormalizedVault {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  properties: VaultProperties;
}

/** A vault of Vaults_ListBySubscriptionId with (when read) its backup storage config. */
export function normalizeVault(entry: ArmResource, storageConfig?: unknown): NormalizedVault | null {
  const id = text(entry.id);
  const name = text(entry.name);
  const location = text(entry.location)?.toLowerCase().replace(/\s+/g, '');
  if (!id || !name || !location) return null;
  const config =
    storageConfig !== undefined
      ? ((storageConfig as { properties?: Record<string, unknown> } | null)?.properties ?? {})
      : undefined;
  const model = config ? (text(config.storageModelType) ?? text(config.storageType) ?? null) : undefined;
  const state = config ? text(config.storageTypeState) : undefined;
  const crossRegion = config ? flag(config.crossRegionRestoreFlag) : undefined;
  return {
    id,
    name,
    location,
    tags: tagsOf(entry.tags),
    properties: {
      resourceGroup: resourceGroupOf(id),
      ...(model !== undefined ? { storageModel: model } : {}),
      ...(state ? { storageTypeState: state } : {}),
      // The flag is omitted by vaults that never turned Cross Region Restore on.
      ...(config ? { crossRegionRestore: crossRegion ?? false } : {}),
      secondaryLocation: pairedRegion(location),
    },
  };
}

export const isGeoRedundant = (model: string | null | undefined): boolean =>
  typeof model === 'string' && model.toLowerCase().startsWith('georedundant');
