import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { AccountProperties } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const subscription = '00000000-0000-0000-0000-000000000001';
const accountPath = (name: string) =>
  `/subscriptions/${subscription}/resourceGroups/rg-phi/providers/Microsoft.DocumentDB/databaseAccounts/${name}`;

export function compliantAccountProperties(): AccountProperties {
  return {
    resourceGroup: 'rg-phi',
    kind: 'GlobalDocumentDB',
    publicNetworkAccess: 'Disabled',
    virtualNetworkFilterEnabled: false,
    ipRules: [],
    virtualNetworkRuleCount: 0,
    minimalTlsVersion: 'Tls12',
    disableLocalAuth: true,
    keyVaultKeyUri: 'https://nwv-kv-phi.vault.azure.net/keys/cosmos',
    locations: [
      { location: 'eastus2', failoverPriority: 0 },
      { location: 'centralus', failoverPriority: 1 },
    ],
    backupPolicyType: 'Periodic',
    backupStorageRedundancy: 'Geo',
  };
}

interface Options {
  name?: string;
  phi?: boolean;
  region?: string;
  properties?: Partial<Record<keyof AccountProperties, unknown>>;
  missing?: (keyof AccountProperties)[];
}

export function account(options: Options = {}): NormalizedResource {
  const name = options.name ?? 'nwv-cosmos-phi';
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = { ...compliantAccountProperties(), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'azure',
    type: 'azure.cosmos.account',
    nativeId: accountPath(name),
    name,
    scopeId: subscription,
    // eastus2 pairs with centralus: both approved in the demo engagement (`approved` below).
    region: options.region ?? 'eastus2',
    tags: phi ? { 'data-classification': 'phi' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag data-classification=phi' : null,
    evidenceIds: [11],
  };
}

/** The demo engagement's Azure regions (FIXTURE_APPROVED_REGIONS has no eastus2 or centralus). */
const approved = { approvedRegions: ['eastus', 'westus2', 'eastus2', 'centralus'] };
const open = { publicNetworkAccess: 'Enabled' };

export const cosmosFixtures: ServiceFixtures = {
  'azure.cosmos.min-tls': {
    pass: [
      {
        name: 'Tls12',
        resource: account(),
        detail: 'Cosmos DB account nwv-cosmos-phi requires TLS 1.2 or later (minimalTlsVersion Tls12).',
      },
    ],
    fail: [
      {
        name: 'Tls (1.0)',
        resource: account({ properties: { minimalTlsVersion: 'Tls' } }),
        detail:
          'Cosmos DB account nwv-cosmos-phi has minimal TLS version Tls (TLS 1.0): it accepts TLS below 1.2. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'Tls11',
        resource: account({ phi: false, properties: { minimalTlsVersion: 'Tls11' } }),
        detail: 'has minimal TLS version Tls11 (TLS 1.1): it accepts TLS below 1.2.',
      },
    ],
    notApplicable: [
      {
        name: 'not reported',
        resource: account({ properties: { minimalTlsVersion: null } }),
        detail: 'reports no minimal TLS version',
      },
      {
        name: 'not collected',
        resource: account({ missing: ['minimalTlsVersion'] }),
        detail: /^Not assessed: the minimal TLS version of Cosmos DB account nwv-cosmos-phi/,
      },
    ],
  },
  'azure.cosmos.open-to-internet': {
    pass: [
      {
        name: 'public access disabled',
        resource: account({ properties: { ipRules: [] } }),
        detail:
          'Cosmos DB account nwv-cosmos-phi has public network access disabled: it is reachable through private endpoints only.',
      },
      {
        name: 'public, IP rules and virtual network filter',
        resource: account({
          properties: { ...open, ipRules: ['0.0.0.0', '203.0.113.10'], virtualNetworkFilterEnabled: true },
        }),
        detail: 'restricts public access with 2 IP rules and the virtual network filter.',
      },
      {
        name: 'secured by perimeter',
        resource: account({ properties: { publicNetworkAccess: 'SecuredByPerimeter' } }),
        detail: 'is secured by a network security perimeter.',
      },
    ],
    fail: [
      {
        name: 'all networks',
        resource: account({ properties: open }),
        detail:
          'Cosmos DB account nwv-cosmos-phi accepts connections from every network: public network access is Enabled, with no IP rule and the virtual network filter off. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'an IP rule of 0.0.0.0/0',
        resource: account({ phi: false, properties: { ...open, ipRules: ['0.0.0.0/0'] } }),
        detail:
          'accepts connections from the internet: IP rule 0.0.0.0/0 is wider than a /8, and public network access is Enabled.',
      },
    ],
    notApplicable: [
      {
        name: 'not collected',
        resource: account({ missing: ['ipRules'] }),
        detail: /^Not assessed: the network settings of Cosmos DB account nwv-cosmos-phi/,
      },
    ],
  },
  'azure.cosmos.allows-all-azure': {
    pass: [
      {
        name: 'public with named addresses only',
        resource: account({ properties: { ...open, ipRules: ['203.0.113.10'] } }),
        detail: 'Cosmos DB account nwv-cosmos-phi has no IP rule admitting all of Azure (0.0.0.0).',
      },
      {
        name: 'public access disabled',
        resource: account({ properties: { ipRules: ['0.0.0.0'] } }),
        detail: 'has public network access disabled: its IP rules admit no one.',
      },
    ],
    fail: [
      {
        name: '0.0.0.0',
        resource: account({ properties: { ...open, ipRules: ['0.0.0.0', '104.42.195.92'] } }),
        detail:
          "Cosmos DB account nwv-cosmos-phi has IP rule 0.0.0.0, which admits requests from every Azure tenant's resources. It is classified as PHI (tag data-classification=phi).",
      },
    ],
    notApplicable: [
      {
        name: 'every network (judged elsewhere)',
        resource: account({ properties: open }),
        detail:
          'accepts connections from every network, not only Azure (judged by azure.cosmos.open-to-internet).',
      },
      {
        name: 'not collected',
        resource: account({ missing: ['publicNetworkAccess'] }),
        detail: /^Not assessed: the network settings/,
      },
    ],
  },
  'azure.cosmos.local-auth': {
    pass: [
      {
        name: 'keys refused',
        resource: account(),
        detail:
          'Cosmos DB account nwv-cosmos-phi refuses account keys: only Microsoft Entra identities are accepted.',
      },
    ],
    fail: [
      {
        name: 'keys accepted',
        resource: account({ properties: { disableLocalAuth: false } }),
        detail:
          'Cosmos DB account nwv-cosmos-phi accepts its account keys (local authentication is not disabled). It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'not collected',
        resource: account({ missing: ['disableLocalAuth'] }),
        detail: /^Not assessed: the local authentication setting of Cosmos DB account nwv-cosmos-phi/,
      },
    ],
  },
  'azure.cosmos.customer-managed-key': {
    pass: [
      {
        name: 'Key Vault key',
        resource: account(),
        detail:
          'Cosmos DB account nwv-cosmos-phi encrypts its data with customer-managed key https://nwv-kv-phi.vault.azure.net/keys/cosmos.',
      },
    ],
    fail: [
      {
        name: 'service-managed only',
        resource: account({ properties: { keyVaultKeyUri: null } }),
        detail:
          'Cosmos DB account nwv-cosmos-phi encrypts its data with service-managed keys only, not a customer-managed key. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'not collected',
        resource: account({ missing: ['keyVaultKeyUri'] }),
        detail: /^Not assessed: the encryption key setting of Cosmos DB account nwv-cosmos-phi/,
      },
    ],
  },
  'azure.cosmos.replica-region': {
    pass: [
      {
        name: 'approved regions only',
        context: approved,
        resource: account(),
        detail:
          'Cosmos DB account nwv-cosmos-phi keeps its data only in approved regions: eastus2, centralus.',
      },
    ],
    fail: [
      {
        name: 'a replica in northeurope',
        context: approved,
        resource: account({
          properties: {
            locations: [
              { location: 'eastus2', failoverPriority: 0 },
              { location: 'northeurope', failoverPriority: 1 },
            ],
          },
        }),
        detail:
          'Cosmos DB account nwv-cosmos-phi replicates its data to northeurope, outside the approved regions (eastus, westus2, eastus2, centralus); its regions are eastus2, northeurope. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'no approved regions',
        resource: account(),
        context: { approvedRegions: [] },
        detail: 'no approved regions set for this engagement',
      },
      {
        name: 'no regions reported',
        context: approved,
        resource: account({ properties: { locations: [] } }),
        detail: 'reports no replicated regions',
      },
      {
        name: 'not collected',
        context: approved,
        resource: account({ missing: ['locations'] }),
        detail: /^Not assessed: the replicated regions of Cosmos DB account nwv-cosmos-phi/,
      },
    ],
  },
  'azure.cosmos.backup-region': {
    pass: [
      {
        name: 'Geo from eastus2 to centralus',
        context: approved,
        resource: account(),
        detail:
          'Cosmos DB account nwv-cosmos-phi keeps geo-redundant periodic backups in centralus, an approved region.',
      },
    ],
    fail: [
      {
        name: 'Geo from westus2 to westcentralus',
        context: approved,
        resource: account({ region: 'westus2' }),
        detail:
          'Cosmos DB account nwv-cosmos-phi keeps geo-redundant periodic backups: they are copied to westcentralus, the pair of westus2, outside the approved regions (eastus, westus2, eastus2, centralus). It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'continuous backup',
        context: approved,
        resource: account({ properties: { backupPolicyType: 'Continuous', backupStorageRedundancy: null } }),
        detail: "uses Continuous backup: its backups stay in the account's own regions.",
      },
      {
        name: 'zone-redundant periodic backup',
        context: approved,
        resource: account({ properties: { backupStorageRedundancy: 'Zone' } }),
        detail: 'keeps its periodic backups in eastus2 (Zone redundancy).',
      },
      {
        name: 'not collected',
        context: approved,
        resource: account({ missing: ['backupPolicyType'] }),
        detail: /^Not assessed: the backup policy of Cosmos DB account nwv-cosmos-phi/,
      },
    ],
  },
};
