import { z } from 'zod';
import { providerSchema } from '../../kit/model';
import { defineOperation } from './define';

export const targetScopeSchema = z.object({
  targetId: z.number(),
  provider: providerSchema,
  label: z.string(),
  cloud: z.string(),
  scopeId: z.string(),
  signedIn: z.boolean(),
  /** Why the sign-in failed; null when signed in. */
  signInError: z.string().nullable(),
  identities: z.array(z.string()),
  /** The target's regions: where regional collectors ran. */
  regions: z.array(z.string()),
  /** Regions where resources or replicas were seen outside `regions`. */
  regionsOutside: z.array(z.object({ region: z.string(), count: z.number(), what: z.array(z.string()) })),
  /** Services whose collectors ran, with every resource type they assess and the rules that judge it. */
  services: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      resourceTypes: z.array(
        z.object({
          type: z.string(),
          label: z.string(),
          plural: z.string(),
          count: z.number(),
          rules: z.array(z.string()),
        }),
      ),
    }),
  ),
  assessedResources: z.number(),
  gaps: z.array(
    z.object({
      service: z.string(),
      operation: z.string(),
      region: z.string(),
      reason: z.string(),
      message: z.string(),
    }),
  ),
  inventory: z.object({
    /** False: the inventory was not collected, so what lies outside the assessed services is unknown. */
    collected: z.boolean(),
    notAssessed: z.number(),
    groups: z.array(
      z.object({
        provider: providerSchema,
        service: z.string(),
        serviceLabel: z.string(),
        resourceType: z.string(),
        count: z.number(),
        hasCollector: z.boolean(),
      }),
    ),
    /** The inventory sources that answered, per region (empty for an inventory of one source) */
    sources: z.array(z.object({ region: z.string(), sources: z.array(z.string()) })),
    /** After 'Inventory:': 'Resource Explorer, tagging API', or what the sources miss; null: not stated */
    sourcesLine: z.string().nullable(),
  }),
});

export const runScopeSchema = z.object({
  /** The run asked for (or the default); null when no run has finished. */
  runId: z.number().nullable(),
  /** The run whose collection is described (an evaluate run judges another run's). */
  collectionRunId: z.number().nullable(),
  targets: z.array(targetScopeSchema),
  totals: z.object({
    targets: z.number(),
    signedIn: z.number(),
    assessedResources: z.number(),
    inventoriedOnly: z.number(),
    inventoriedOnlyServices: z.number(),
    gaps: z.number(),
  }),
  servicesAssessed: z.array(z.string()),
  inventoryCollected: z.boolean(),
  uncoveredServices: z.array(
    z.object({ provider: providerSchema, service: z.string(), serviceLabel: z.string(), count: z.number() }),
  ),
  summary: z.string(),
  eligibilityLists: z.array(
    z.object({
      provider: providerSchema,
      title: z.string(),
      date: z.string(),
      ageMonths: z.number(),
      warning: z.string().nullable(),
    }),
  ),
});

export const scopeOps = {
  'scope.get': defineOperation({
    summary:
      'What a run assessed and what it did not, per target: sign-in, identity, regions, services and resource types with counts, inventoried-only resources and coverage gaps.',
    input: z.object({ runId: z.number().int().optional() }),
    output: runScopeSchema,
  }),
} as const;
