import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { graphEntry } from './normalize';

const subscription = '00000000-0000-4000-8000-000000000001';

/** A resource as the collector and the orchestrator hand it to rules, from a Resource Graph row. */
export function graphResourceOf(
  path: string,
  options: { phi?: boolean; location?: string | null; tags?: Record<string, string> } = {},
): NormalizedResource {
  const phi = options.phi ?? true;
  const entry = graphEntry({
    id: `/subscriptions/${subscription}/resourceGroups/rg-phi/providers/${path}`,
    location: options.location === undefined ? 'eastus' : options.location,
    tags: options.tags ?? (phi ? { phi: 'true' } : { team: 'web' }),
  });
  if (!entry) throw new Error(`not an ARM id: ${path}`);
  return {
    provider: 'azure',
    type: 'azure.resourcegraph.resource',
    nativeId: entry.id,
    name: entry.name,
    scopeId: subscription,
    region: entry.location ?? 'global',
    tags: entry.tags,
    properties: { ...entry.properties },
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1],
  };
}

const scopeUrl = 'https://learn.microsoft.com/en-us/azure/compliance/offerings/offering-hipaa-us';

export const resourceGraphFixtures: ServiceFixtures = {
  'azure.resourcegraph.phi-in-unlisted-service': {
    pass: [
      {
        name: 'PHI Service Bus namespace: known, scope not verified',
        resource: graphResourceOf('Microsoft.ServiceBus/namespaces/support-bus'),
        detail: `microsoft.servicebus/namespaces support-bus in eastus runs on Microsoft.ServiceBus (Service Bus), among the Azure services this product knows; per-service HIPAA BAA scope is not verified (2026-12-07): confirm it at ${scopeUrl}.`,
      },
      {
        name: 'namespace matched case-insensitively, shared by two services',
        resource: graphResourceOf('microsoft.cdn/profiles/frontdoor', { phi: false, location: null }),
        detail:
          'microsoft.cdn/profiles frontdoor in global runs on microsoft.cdn (Azure Front Door, Content Delivery Network)',
      },
    ],
    fail: [
      {
        name: 'PHI in Azure Communication Services',
        resource: graphResourceOf('Microsoft.Communication/communicationServices/appointment-sms', {
          location: 'global',
        }),
        detail: `microsoft.communication/communicationservices appointment-sms in global is classified as PHI (tag phi=true), but Microsoft.Communication is not among the Azure services this product knows; confirm it is in Microsoft's HIPAA BAA scope: ${scopeUrl}`,
      },
      {
        name: 'a child resource names its own namespace',
        resource: graphResourceOf('Microsoft.CognitiveServices/accounts/triage-bot/deployments/gpt', {}),
        detail: /^microsoft\.cognitiveservices\/accounts\/deployments gpt in eastus is classified as PHI/,
      },
    ],
    notApplicable: [
      {
        name: 'unlisted namespace without PHI asks to confirm',
        resource: graphResourceOf('Microsoft.SignalRService/SignalR/storefront-live', { phi: false }),
        detail:
          'microsoft.signalrservice/signalr storefront-live in eastus: Microsoft.SignalRService is not among the Azure services this product knows; confirm no PHI is stored here.',
      },
      {
        name: 'a workspace without the namespace: not assessed',
        resource: { ...graphResourceOf('Microsoft.ServiceBus/namespaces/support-bus'), properties: {} },
        detail:
          /^Not assessed: the resource provider namespace \(from the id\) of Azure resource support-bus/,
      },
    ],
  },
};
