import { z } from 'zod';
import list from './azure-services.json' with { type: 'json' };

/**
 * The Azure services the product knows, by name and ARM provider namespace, with the source and
 * date of the list. Per-service BAA scope is not verified (see the source note): a service here is
 * known, not confirmed in scope; the product says so wherever it uses the list.
 */
const schema = z.strictObject({
  source: z.strictObject({
    title: z.string(),
    compiledOn: z.iso.date(),
    namespacesFrom: z.string(),
    baaScope: z.string(),
  }),
  services: z.array(
    z.strictObject({ name: z.string().min(1), namespaces: z.array(z.string().min(1)).min(1) }),
  ),
});

const parsed = schema.parse(list);

export type AzureServiceEntry = (typeof parsed.services)[number];
export const azureServicesSource = parsed.source;
export const azureServices: readonly AzureServiceEntry[] = parsed.services;

const byName = new Map(azureServices.map((service) => [service.name.toLowerCase(), service]));

export function azureServiceByName(name: string): AzureServiceEntry | undefined {
  return byName.get(name.trim().toLowerCase());
}

const byNamespace = new Map<string, AzureServiceEntry[]>();
for (const service of azureServices)
  for (const namespace of service.namespaces) {
    const key = namespace.toLowerCase();
    byNamespace.set(key, [...(byNamespace.get(key) ?? []), service]);
  }

/** The services of an ARM provider namespace ('Microsoft.ServiceBus'), case-insensitively; empty when unknown. */
export function azureServicesByNamespace(namespace: string): readonly AzureServiceEntry[] {
  return byNamespace.get(namespace.trim().toLowerCase()) ?? [];
}

/** Microsoft's HIPAA offering page named in the list's BAA scope note: where a user confirms scope. */
export const azureHipaaScopeUrl: string =
  /https:\/\/\S+/.exec(azureServicesSource.baaScope)?.[0] ??
  'https://learn.microsoft.com/en-us/azure/compliance/offerings/offering-hipaa-us';
