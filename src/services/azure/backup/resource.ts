import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** resource.type 'azure.backup.vault'; nativeId = ARM resource id; region = location */
export const vaultSchema = z.object({
  resourceGroup: z.string(),
  /** storageModelType (else storageType) of the vault's backup storage config; absent when that read failed */
  storageModel: z.string().nullable().optional(),
  /** 'Locked' once items are protected (the redundancy can then no longer change) */
  storageTypeState: z.string().optional(),
  /** crossRegionRestoreFlag; absent when the storage config could not be read */
  crossRegionRestore: z.boolean().optional(),
  /** The paired region a geo-redundant vault replicates to; null when the location has no known pair */
  secondaryLocation: z.string().nullable(),
});

export type VaultProperties = z.infer<typeof vaultSchema>;

export const recoveryVault = defineResourceType('azure.backup.vault', 'Recovery Services vault', vaultSchema);
