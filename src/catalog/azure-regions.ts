/**
 * Azure region pairs: where a geo-redundant storage account (GRS, RA-GRS, GZRS, RA-GZRS) keeps its
 * secondary copy. Source: Microsoft Learn, "Azure region pairs and nonpaired regions"
 * (https://learn.microsoft.com/azure/reliability/regions-paired), as of 2026-11.
 * Pairs are mostly symmetric; westus3 → eastus and the Brazil/US-Gov exceptions are one-way.
 */
export const azurePairedRegions: Readonly<Record<string, string>> = {
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
  swedencentral: 'swedensouth',
  switzerlandnorth: 'switzerlandwest',
  australiaeast: 'australiasoutheast',
  australiasoutheast: 'australiaeast',
  japaneast: 'japanwest',
  japanwest: 'japaneast',
  southeastasia: 'eastasia',
  eastasia: 'southeastasia',
  centralindia: 'southindia',
  koreacentral: 'koreasouth',
  usgovvirginia: 'usgovtexas',
  usgovtexas: 'usgovarizona',
  usgovarizona: 'usgovtexas',
};

export const geoRedundantSkus = [
  'Standard_GRS',
  'Standard_RAGRS',
  'Standard_GZRS',
  'Standard_RAGZRS',
] as const;

export function isGeoRedundantSku(sku: string): boolean {
  return (geoRedundantSkus as readonly string[]).includes(sku);
}
