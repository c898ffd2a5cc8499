/**
 * Azure region pairs (Microsoft Learn, "Azure region pairs and nonpaired regions"): the secondary
 * region a geo-redundant Recovery Services vault replicates backup data to. Regions without a pair
 * (e.g. westus3's pair is eastus; newer regions such as italynorth have none) are absent: a vault
 * there is not assessed rather than guessed.
 */
export const PAIRED_REGIONS: Readonly<Record<string, string>> = {
  eastus: 'westus',
  westus: 'eastus',
  eastus2: 'centralus',
  centralus: 'eastus2',
  northcentralus: 'southcentralus',
  southcentralus: 'northcentralus',
  westus2: 'westcentralus',
  westcentralus: 'westus2',
  westus3: 'eastus',
  canadacentral: 'canadaeast',
  canadaeast: 'canadacentral',
  brazilsouth: 'southcentralus',
  northeurope: 'westeurope',
  westeurope: 'northeurope',
  uksouth: 'ukwest',
  ukwest: 'uksouth',
  francecentral: 'francesouth',
  germanywestcentral: 'germanynorth',
  switzerlandnorth: 'switzerlandwest',
  norwayeast: 'norwaywest',
  swedencentral: 'swedensouth',
  australiaeast: 'australiasoutheast',
  australiasoutheast: 'australiaeast',
  japaneast: 'japanwest',
  japanwest: 'japaneast',
  koreacentral: 'koreasouth',
  southeastasia: 'eastasia',
  eastasia: 'southeastasia',
  centralindia: 'southindia',
  southindia: 'centralindia',
  uaenorth: 'uaecentral',
  southafricanorth: 'southafricawest',
};

export function pairedRegion(location: string): string | null {
  return PAIRED_REGIONS[location.toLowerCase().replace(/\s+/g, '')] ?? null;
}
