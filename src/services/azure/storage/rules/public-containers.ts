import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import {
  accountLabel,
  bicepAccount,
  hasBlobService,
  STORAGE_ACCOUNT,
  storageProperties,
  terraformAccount,
} from './common';

const described = (containers: readonly { name: string; publicAccess: string }[]) =>
  containers.map((each) => `${each.name} (${each.publicAccess})`).join(', ');

/**
 * 164.312(a)(1), 164.308(a)(4)(i): no container is anonymously readable. A container is reachable
 * without credentials only when its publicAccess is Blob or Container AND the account allows
 * anonymous blob access; the account setting overrides every container.
 */
export const storagePublicContainers: Rule = {
  id: 'azure.storage.public-containers',
  title: 'No blob container is readable anonymously',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internet',
  resourceType: STORAGE_ACCOUNT,
  citations: ['164.312(a)(1)', '164.308(a)(4)(i)', '164.312(b)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    "164.312(a)(1) allows access to ePHI only to persons or software programs granted access rights, and 164.308(a)(4)(i) requires that access be authorized. A container whose public access level is Blob lets anyone on the internet read every blob in it by URL; Container also lets them list the blobs. Those reads carry no identity, so the audit controls of 164.312(b) cannot say who saw what. This rule lists the account's containers (container metadata only, never a blob) and fails when a container is set to Blob or Container access while the account allows anonymous blob access, which is when Azure actually serves it anonymously. A container set public on an account that disallows anonymous access is not reachable — Azure refuses anonymous requests — and is reported as such, since turning the account setting back on would expose it at once.",
  remediation: {
    text: "Set each public container's access level to Private (publicAccess None), then disallow anonymous blob access on the account so no container can be made public again. Content that must be public belongs in a separate account holding no PHI, or behind a CDN with authenticated origin access.",
    bicep: `resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService // resource blobService '…/blobServices@2023-05-01' existing = { parent: phiStorage, name: 'default' }
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

${bicepAccount(`    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'`)}`,
    terraform: `resource "azurerm_storage_container" "phi" {
  name                  = var.container_name
  storage_account_id    = azurerm_storage_account.phi.id # storage_account_name before azurerm 4.x
  container_access_type = "private"
}

${terraformAccount(`  allow_nested_items_to_be_public = false
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"`)}`,
    cli: `# Containers and their public access level:
az storage container-rm list --storage-account <account-name> --resource-group <resource-group> --query "[].{name:name, access:publicAccess}" -o table
# Make a container private:
az storage container-rm update --storage-account <account-name> --resource-group <resource-group> --name <container-name> --public-access off
# Disallow anonymous access on the whole account:
az storage account update --name <account-name> --resource-group <resource-group> --allow-blob-public-access false`,
  },
  evaluate(resource) {
    const subject = accountLabel(resource);
    if (!hasBlobService(resource))
      return notApplicable(`${subject} is a FileStorage account: it has no blob containers.`);
    const { publicContainers, containerCount, allowBlobPublicAccess } = storageProperties(resource);
    if (publicContainers === undefined) return notAssessed('blob container access levels', subject);
    if (publicContainers.length === 0) {
      return pass(
        `${subject} has no container with public access (${containerCount ?? 0} container${containerCount === 1 ? '' : 's'} listed).`,
      );
    }
    if (allowBlobPublicAccess === undefined) return notAssessed('anonymous blob access setting', subject);
    const list = described(publicContainers);
    if (!allowBlobPublicAccess) {
      return pass(
        `${subject} has containers set to public access (${list}), but the account disallows anonymous blob access, so Azure does not serve them anonymously; they would become public if the account setting were turned on.`,
      );
    }
    return fail(
      `${subject} allows anonymous blob access and serves ${publicContainers.length === 1 ? 'a container' : `${publicContainers.length} containers`} anonymously: ${list}.${phiNote(resource)}`,
    );
  },
};
