import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { NamespaceProperties } from './resource';

/** Namespaces as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const subscription = '00000000-0000-0000-0000-000000000001';

export function compliantNamespaceProperties(): NamespaceProperties {
  return {
    resourceGroup: 'rg-phi',
    skuName: 'Premium',
    minimumTlsVersion: '1.2',
    publicNetworkAccess: 'Disabled',
    disableLocalAuth: true,
    encryptionKeySource: 'Microsoft.KeyVault',
    customerManagedKey: {
      keyVaultUri: 'https://nwv-kv-phi.vault.azure.net',
      keyName: 'telemetry-stream-cmk',
    },
    requireInfrastructureEncryption: true,
    privateEndpointConnectionCount: 1,
    networkRuleSet: {
      defaultAction: 'Deny',
      publicNetworkAccess: 'Disabled',
      ipRuleCount: 0,
      virtualNetworkRuleCount: 0,
      trustedServiceAccessEnabled: true,
    },
  };
}

interface Options {
  name?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof NamespaceProperties, unknown>>;
  missing?: (keyof NamespaceProperties)[];
}

export function namespace(options: Options = {}): NormalizedResource {
  const name = options.name ?? 'nwv-eh-telemetry';
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = { ...compliantNamespaceProperties(), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'azure',
    type: 'azure.eventhubs.namespace',
    nativeId: `/subscriptions/${subscription}/resourceGroups/rg-phi/providers/Microsoft.EventHub/namespaces/${name}`,
    name,
    scopeId: subscription,
    region: 'eastus',
    tags: phi ? { 'data-classification': 'phi' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag data-classification=phi' : null,
    evidenceIds: [7],
  };
}

const openRules = {
  defaultAction: 'Allow',
  publicNetworkAccess: 'Enabled',
  ipRuleCount: 0,
  virtualNetworkRuleCount: 0,
  trustedServiceAccessEnabled: false,
};

export const eventHubFixtures: ServiceFixtures = {
  'azure.eventhubs.min-tls-1-2': {
    pass: [
      {
        name: 'TLS 1.2',
        resource: namespace(),
        detail: 'Event Hubs namespace nwv-eh-telemetry requires TLS 1.2 or newer.',
      },
    ],
    fail: [
      {
        name: 'TLS 1.0',
        resource: namespace({ properties: { minimumTlsVersion: '1.0' } }),
        detail:
          'Event Hubs namespace nwv-eh-telemetry accepts TLS 1.0: its minimum TLS version is 1.0, below 1.2. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'TLS 1.1 on a namespace not classified as PHI',
        resource: namespace({ phi: false, properties: { minimumTlsVersion: '1.1' } }),
        detail: 'accepts TLS 1.1: its minimum TLS version is 1.1, below 1.2.',
      },
      {
        name: 'an unrecognised value',
        resource: namespace({ properties: { minimumTlsVersion: 'legacy' } }),
        detail: "reports minimum TLS version 'legacy', which is not a recognised",
      },
    ],
    notApplicable: [
      {
        name: 'ARM did not report minimumTlsVersion',
        resource: namespace({ properties: { minimumTlsVersion: null } }),
        detail:
          /^Not assessed: the minimum TLS version \(ARM did not report minimumTlsVersion\) of Event Hubs namespace nwv-eh-telemetry/,
      },
      {
        name: 'property absent',
        resource: namespace({ missing: ['minimumTlsVersion'] }),
        detail: /^Not assessed: the minimum TLS version of Event Hubs namespace nwv-eh-telemetry/,
      },
    ],
  },
  'azure.eventhubs.public-network-access': {
    pass: [
      {
        name: 'public network access disabled',
        resource: namespace(),
        detail:
          'Event Hubs namespace nwv-eh-telemetry has public network access disabled (1 private endpoint connection).',
      },
      {
        name: 'public, deny by default with IP rules',
        resource: namespace({
          properties: {
            publicNetworkAccess: 'Enabled',
            networkRuleSet: { ...openRules, defaultAction: 'Deny', ipRuleCount: 2 },
          },
        }),
        detail:
          'has public network access Enabled but its network rule set denies by default (2 IP rules, 0 virtual-network rules).',
      },
      {
        name: 'network security perimeter',
        resource: namespace({ properties: { publicNetworkAccess: 'SecuredByPerimeter' } }),
        detail: 'is reachable only as its network security perimeter allows (SecuredByPerimeter).',
      },
    ],
    fail: [
      {
        name: 'public and default action Allow',
        resource: namespace({ properties: { publicNetworkAccess: 'Enabled', networkRuleSet: openRules } }),
        detail:
          "Event Hubs namespace nwv-eh-telemetry has public network access Enabled and its network rule set's default action is Allow: it accepts connections from any network address (credentials are still required). It is classified as PHI (tag data-classification=phi).",
      },
      {
        name: 'publicNetworkAccess not reported, default action Allow',
        resource: namespace({
          properties: {
            publicNetworkAccess: null,
            networkRuleSet: { ...openRules, publicNetworkAccess: undefined },
          },
        }),
        detail: 'has public network access not reported (ARM default Enabled) and its network rule set',
      },
    ],
    notApplicable: [
      {
        name: 'public access on, rule set not read',
        resource: namespace({ properties: { publicNetworkAccess: 'Enabled' }, missing: ['networkRuleSet'] }),
        detail:
          /^Not assessed: the network rule set default action \(Namespaces_GetNetworkRuleSet\) of Event Hubs namespace nwv-eh-telemetry/,
      },
      {
        name: 'nothing collected',
        resource: namespace({ missing: ['publicNetworkAccess', 'networkRuleSet'] }),
        detail: /^Not assessed: the public network access setting/,
      },
    ],
  },
  'azure.eventhubs.local-auth-disabled': {
    pass: [
      {
        name: 'local auth disabled',
        resource: namespace(),
        detail: 'Event Hubs namespace nwv-eh-telemetry has local (SAS) authentication disabled',
      },
    ],
    fail: [
      {
        name: 'disableLocalAuth false',
        resource: namespace({ properties: { disableLocalAuth: false } }),
        detail:
          'Event Hubs namespace nwv-eh-telemetry has disableLocalAuth false: SAS keys and connection strings are accepted alongside Microsoft Entra ID. It is classified as PHI',
      },
      {
        name: 'disableLocalAuth not reported',
        resource: namespace({ phi: false, properties: { disableLocalAuth: null } }),
        detail:
          'does not report disableLocalAuth (default false): SAS keys and connection strings are accepted',
      },
    ],
    notApplicable: [
      {
        name: 'setting not collected',
        resource: namespace({ missing: ['disableLocalAuth'] }),
        detail:
          /^Not assessed: the local \(SAS\) authentication setting of Event Hubs namespace nwv-eh-telemetry/,
      },
    ],
  },
  'azure.eventhubs.phi-customer-managed-key': {
    pass: [
      {
        name: 'customer-managed key',
        resource: namespace(),
        detail:
          'Event Hubs namespace nwv-eh-telemetry encrypts events at rest with a customer-managed key in Key Vault (key telemetry-stream-cmk).',
      },
    ],
    fail: [
      {
        name: 'Microsoft-managed keys on a Standard PHI namespace',
        resource: namespace({
          properties: { skuName: 'Standard', encryptionKeySource: null, customerManagedKey: undefined },
        }),
        detail:
          'Event Hubs namespace nwv-eh-telemetry is classified as PHI (tag data-classification=phi) and encrypts events with Microsoft-managed keys only (no customer-managed key). Customer-managed keys need the Premium tier; this namespace is Standard.',
      },
      {
        name: 'Microsoft-managed keys on a Premium PHI namespace',
        resource: namespace({ properties: { encryptionKeySource: null, customerManagedKey: undefined } }),
        detail: /Microsoft-managed keys only \(no customer-managed key\)\.$/,
      },
    ],
    notApplicable: [
      {
        name: 'not classified as PHI',
        resource: namespace({ phi: false, properties: { encryptionKeySource: null } }),
        detail: 'Event Hubs namespace nwv-eh-telemetry is not classified as PHI.',
      },
      {
        name: 'encryption not collected',
        resource: namespace({ missing: ['encryptionKeySource'] }),
        detail: /^Not assessed: the encryption settings of Event Hubs namespace nwv-eh-telemetry/,
      },
    ],
  },
};
