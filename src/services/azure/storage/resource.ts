import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** The blob service's soft delete and versioning, as BlobServices_GetServiceProperties reports them. */
export const blobServiceSchema = z.object({
  /** deleteRetentionPolicy.days when enabled; null when blob soft delete is off (or the policy is absent) */
  blobSoftDeleteDays: z.number().int().nullable(),
  /** containerDeleteRetentionPolicy.days when enabled; null when container soft delete is off */
  containerSoftDeleteDays: z.number().int().nullable(),
  /** isVersioningEnabled; ARM omits it until it is set, which means off */
  versioning: z.boolean(),
});

export const publicContainerSchema = z.object({
  name: z.string(),
  /** 'Blob' (anonymous read of blobs) | 'Container' (anonymous read and list) */
  publicAccess: z.string(),
});

/** One diagnostic setting on the blob service, reduced to what the logging rule reads. */
export const blobDiagnosticSettingSchema = z.object({
  name: z.string(),
  /** Whether the setting exports StorageRead (by category, or by the allLogs/audit category group) */
  storageRead: z.boolean(),
  /** 'Log Analytics workspace' | 'storage account' | 'event hub' | 'partner solution' */
  destinations: z.array(z.string()),
});

export const blobDiagnosticsSchema = z.object({ settings: z.array(blobDiagnosticSettingSchema) });

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
  /** allowSharedKeyAccess (ARM: "The default value is null, which is equivalent to true") */
  allowSharedKeyAccess: z.boolean().optional(),
  /** networkAcls.defaultAction: 'Allow' | 'Deny', when ARM reports it */
  networkDefaultAction: z.string().optional(),
  /** IP rules and virtual-network rules in networkAcls, counted */
  networkRuleCount: z.number().int().optional(),
  /**
   * The blob service's data-protection settings (BlobServices_GetServiceProperties). Absent when
   * the read failed or the account has no blob service (FileStorage).
   */
  blobService: blobServiceSchema.optional(),
  /**
   * Containers whose publicAccess is Blob or Container (BlobContainers_List); [] when none is.
   * Absent when the list failed or the account has no blob service.
   */
  publicContainers: z.array(publicContainerSchema).optional(),
  /** Containers listed in all (BlobContainers_List); absent with publicContainers */
  containerCount: z.number().int().optional(),
  /**
   * Diagnostic settings on the blob service (DiagnosticSettings_List). Absent when the read failed
   * or the account has no blob service.
   */
  blobDiagnostics: blobDiagnosticsSchema.optional(),
});

export type StorageAccountProperties = z.infer<typeof accountSchema>;

export const storageAccount = defineResourceType('azure.storage.account', 'Storage account', accountSchema);
