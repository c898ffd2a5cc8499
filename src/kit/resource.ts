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
  /** The label for several ('KMS keys', 'GuardDuty in account regions') */
  readonly plural: string;
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
  options: { inventory?: boolean; plural?: string } = {},
): ResourceType<S> {
  if (!/^(aws|azure)\.[a-z0-9-]+\.[a-z0-9-]+$/.test(type))
    throw new Error(`Resource type "${type}" must read provider.service.kind, e.g. aws.kms.key.`);
  return {
    type,
    label,
    plural: options.plural ?? pluralLabel(label),
    schema,
    inventory: options.inventory ?? false,
    properties: (resource) => resource.properties as Partial<z.infer<S>>,
  };
}

/**
 * The plural of a resource label as people write it: 'Activity log category' → 'Activity log
 * categories', 'Elastic Load Balancer (v2)' → 'Elastic Load Balancers (v2)', 'GuardDuty in an
 * account region' → 'GuardDuty in account regions', 'IAM account settings' unchanged. A label this
 * cannot pluralize names its own (defineResourceType's `plural`).
 */
export function pluralLabel(label: string): string {
  const scoped = /^(.*) in an? (.+)$/.exec(label);
  if (scoped) return `${scoped[1]} in ${pluralLabel(scoped[2]!)}`;
  const of = /^(.*) of an? (.+)$/.exec(label);
  if (of) return `${of[1]} of ${pluralLabel(of[2]!)}`;
  const qualified = /^(.*?)( \(.*\))$/.exec(label);
  if (qualified) return `${pluralLabel(qualified[1]!)}${qualified[2]}`;
  if (/s$/.test(label)) return label;
  if (/[^aeiou]y$/i.test(label)) return `${label.slice(0, -1)}ies`;
  return `${label}s`;
}
