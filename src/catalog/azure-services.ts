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
