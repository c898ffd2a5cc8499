import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'azure.resourcegraph.resource': one row of the Resources table, whatever its
 * service. nativeId = the ARM resource id; name = the row's name (else the id's last segment).
 */
export const graphResourceSchema = z.object({
  /** The row's type, as Resource Graph writes it (lower case): 'microsoft.servicebus/namespaces' */
  type: z.string(),
  /** The resource provider namespace as the id spells it: 'Microsoft.ServiceBus' */
  namespace: z.string(),
  /** null when the row has no location */
  location: z.string().nullable(),
  resourceGroup: z.string().nullable(),
  subscriptionId: z.string().nullable(),
  /** The row's tags ({} when it has none, or Resource Graph answered null) */
  tags: z.record(z.string(), z.string()),
});

export type GraphResourceProperties = z.infer<typeof graphResourceSchema>;

/** An inventory record: counted as "inventoried only" unless a service module assessed the same id. */
export const graphResource = defineResourceType(
  'azure.resourcegraph.resource',
  'Azure resource',
  graphResourceSchema,
  { inventory: true },
);
