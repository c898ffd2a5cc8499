import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** resource.type 'azure.storage.account'; nativeId = ARM resource id; region = location */
export const accountSchema = z.object({
  resourceGroup: z.string(),
  /** e.g. 'StorageV2' */
  kind: z.string(),
  /** e.g. 'Standard_RAGRS' */
  skuName: z.string(),
  /** supportsHttpsTrafficOnly (ARM's default since 2019-04-01 is true when absent) */
  httpsOnly: z.boolean().optional(),
  /** 'TLS1_0' | 'TLS1_1' | 'TLS1_2' | 'TLS1_3' (ARM's documented default when absent is TLS1_0) */
  minimumTlsVersion: z.string().optional(),
  /** allowBlobPublicAccess (ARM's documented default when absent is false) */
  allowBlobPublicAccess: z.boolean().optional(),
  primaryLocation: z.string(),
  /** The paired region a geo-redundant SKU copies to; null for LRS/ZRS */
  secondaryLocation: z.string().nullable(),
  /** GRS, RA-GRS, GZRS or RA-GZRS */
  geoReplicated: z.boolean(),
  encryption: z.object({ keySource: z.string(), requireInfrastructureEncryption: z.boolean() }).optional(),
  /** 'Enabled' | 'Disabled' | 'SecuredByPerimeter', when ARM reports it */
  publicNetworkAccess: z.string().optional(),
});

export type StorageAccountProperties = z.infer<typeof accountSchema>;

export const storageAccount = defineResourceType('azure.storage.account', 'Storage account', accountSchema);
