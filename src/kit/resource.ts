import type { z } from 'zod';
import type { NormalizedResource } from './model';

/**
 * One resource type of a service: its id ('aws.kms.key'), the label a report uses ('KMS key') and a
 * zod schema of its normalized properties. Rules read properties through `properties(resource)`,
 * typed from the schema; describeService checks that every normalized resource matches it.
 */
export interface ResourceType<
  S extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>,
> {
  readonly type: string;
  readonly label: string;
  readonly schema: S;
  /**
   * An inventory record (every resource a target holds, from a tagging or resource-graph listing)
   * rather than a resource a service assesses: the run's scope counts such records as "inventoried
   * only" unless an assessed resource of the same run has the same native id.
   */
  readonly inventory: boolean;
  /**
   * The collector's facts, read as Partial: a property that could not be collected is absent, and a
   * workspace written by an older collector may lack any field.
   */
  properties(resource: Pick<NormalizedResource, 'properties'>): Partial<z.infer<S>>;
}

export function defineResourceType<S extends z.ZodType<Record<string, unknown>>>(
  type: string,
  label: string,
  schema: S,
  options: { inventory?: boolean } = {},
): ResourceType<S> {
  if (!/^(aws|azure)\.[a-z0-9-]+\.[a-z0-9-]+$/.test(type))
    throw new Error(`Resource type "${type}" must read provider.service.kind, e.g. aws.kms.key.`);
  return {
    type,
    label,
    schema,
    inventory: options.inventory ?? false,
    properties: (resource) => resource.properties as Partial<z.infer<S>>,
  };
}
