import type { NormalizedResource, Rule, RuleResult } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { accountLabel, bicepBlobService, hasBlobService, STORAGE_ACCOUNT, storageProperties } from './common';

/** Shared by the three blob-service data-protection rules: the blob service's settings, or why they are not judged. */
function withBlobService(
  resource: NormalizedResource,
  judge: (
    service: NonNullable<ReturnType<typeof storageProperties>['blobService']>,
    subject: string,
  ) => RuleResult,
): RuleResult {
  const subject = accountLabel(resource);
  if (!hasBlobService(resource))
    return notApplicable(`${subject} is a FileStorage account: it has no blob service.`);
  const { blobService } = storageProperties(resource);
  if (blobService === undefined) return notAssessed('blob service data-protection settings', subject);
  return judge(blobService, subject);
}

const azcli = (flags: string) =>
  `az storage account blob-service-properties update --account-name <account-name> --resource-group <resource-group> ${flags}`;

const common = {
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'internal',
  resourceType: STORAGE_ACCOUNT,
  citations: ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
  failurePattern: failurePatterns.missingBackups,
} as const;

/** 164.308(a)(7)(ii)(A), 164.312(c)(1): a deleted or overwritten blob can be recovered for a while. */
export const storageBlobSoftDelete: Rule = {
  ...common,
  citations: [...common.citations],
  id: 'azure.storage.blob-soft-delete',
  title: 'Blob soft delete is on',
  rationale:
    "The data backup plan (164.308(a)(7)(ii)(A)) must keep retrievable exact copies of ePHI, and 164.312(c)(1) protects ePHI from improper alteration or destruction. Without blob soft delete (deleteRetentionPolicy), a blob deleted by a mistaken script, a compromised credential or ransomware is gone at once; with it, the blob and its snapshots stay recoverable for the retention period. This rule reads the blob service's deleteRetentionPolicy; ARM reports it disabled when it was never turned on.",
  remediation: {
    text: 'Turn on blob soft delete with a retention that covers the time it takes to notice a deletion (Microsoft suggests at least 7 days; 14–30 is common for PHI). Soft-deleted data is billed at the rate of active data.',
    bicep: bicepBlobService(`    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }`),
    terraform: `resource "azurerm_storage_account" "phi" {
  # … the account's other arguments
  blob_properties {
    delete_retention_policy {
      days = 14
    }
  }
}`,
    cli: azcli('--enable-delete-retention true --delete-retention-days 14'),
  },
  evaluate(resource) {
    return withBlobService(resource, ({ blobSoftDeleteDays }, subject) =>
      blobSoftDeleteDays === null
        ? fail(`${subject} has blob soft delete off: a deleted blob cannot be recovered.${phiNote(resource)}`)
        : pass(`${subject} keeps deleted blobs for ${blobSoftDeleteDays} days (blob soft delete).`),
    );
  },
};

/** 164.308(a)(7)(ii)(A), 164.312(c)(1): a deleted container can be restored with its blobs. */
export const storageContainerSoftDelete: Rule = {
  ...common,
  citations: [...common.citations],
  id: 'azure.storage.container-soft-delete',
  title: 'Container soft delete is on',
  rationale:
    "Deleting a container deletes every blob in it in one call, and blob soft delete does not bring them back: only container soft delete (containerDeleteRetentionPolicy) keeps a deleted container, with its blobs, restorable for the retention period. For the data backup plan (164.308(a)(7)(ii)(A)) and the integrity of ePHI (164.312(c)(1)), one mistaken or malicious delete must not destroy a whole container of records. This rule reads the blob service's containerDeleteRetentionPolicy; ARM reports it disabled when it was never turned on.",
  remediation: {
    text: 'Turn on container soft delete with a retention of at least 7 days (14–30 for PHI). A deleted container can then be restored with az storage container restore during the retention period.',
    bicep: bicepBlobService(`    containerDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }`),
    terraform: `resource "azurerm_storage_account" "phi" {
  # … the account's other arguments
  blob_properties {
    container_delete_retention_policy {
      days = 14
    }
  }
}`,
    cli: azcli('--enable-container-delete-retention true --container-delete-retention-days 14'),
  },
  evaluate(resource) {
    return withBlobService(resource, ({ containerSoftDeleteDays }, subject) =>
      containerSoftDeleteDays === null
        ? fail(
            `${subject} has container soft delete off: a deleted container and its blobs cannot be restored.${phiNote(resource)}`,
          )
        : pass(
            `${subject} keeps deleted containers for ${containerSoftDeleteDays} days (container soft delete).`,
          ),
    );
  },
};

/** 164.312(c)(1), 164.308(a)(7)(ii)(A): an overwritten blob keeps its earlier versions. */
export const storageBlobVersioning: Rule = {
  ...common,
  citations: ['164.312(c)(1)', '164.308(a)(7)(ii)(A)'],
  id: 'azure.storage.blob-versioning',
  title: 'Blob versioning is on',
  rationale:
    '164.312(c)(1) requires protecting ePHI from improper alteration. Soft delete covers deletions; an overwrite — a bug that rewrites a record, ransomware that encrypts blobs in place — replaces the content with no copy left. Blob versioning (isVersioningEnabled) keeps every previous version of a blob automatically, so an altered record can be compared with and restored to its earlier state, which also serves the data backup plan (164.308(a)(7)(ii)(A)). ARM omits isVersioningEnabled until it is set, which means off.',
  remediation: {
    text: 'Turn on blob versioning, together with a lifecycle management rule that deletes old versions after the retention the backup plan sets (versions are billed as data). Versioning is not available on accounts with a hierarchical namespace (Data Lake Storage); use soft delete and backups there.',
    bicep: bicepBlobService(`    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }`),
    terraform: `resource "azurerm_storage_account" "phi" {
  # … the account's other arguments
  blob_properties {
    versioning_enabled = true
  }
}`,
    cli: azcli('--enable-versioning true'),
  },
  evaluate(resource) {
    return withBlobService(resource, ({ versioning }, subject) =>
      versioning
        ? pass(`${subject} keeps previous versions of every blob (versioning on).`)
        : fail(
            `${subject} has blob versioning off: an overwritten blob keeps no earlier version.${phiNote(resource)}`,
          ),
    );
  },
};
