import { z } from 'zod';
import {
  azureLocation,
  scenarioTags,
  type AzureServiceSim,
  type AzureSimAnswer,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };
import { providerOf } from './normalize';

/**
 * Azure Resource Graph in a scenario: each subscription's resources by ARM id. The "Resources"
 * query answers rows of id, name, type (lower case, as Resource Graph writes it), location,
 * resourceGroup, subscriptionId and tags, ordered by id; the engine pages them with $top and
 * $skipToken. KQL is not interpreted: a query of another table is refused, and the projection is
 * always the inventory's.
 */

const armId = z
  .string()
  .regex(
    /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[\w.()-]{1,90}\/providers\/[A-Za-z]+\.[A-Za-z.]+(\/[^/]+\/[^/]+)+$/,
    'must be an ARM resource id (/subscriptions/<id>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>)',
  );

const scenarioResource = z.strictObject({
  id: armId,
  /** 'global' for Front Door and other non-regional resources */
  location: azureLocation,
  /** null = Resource Graph answers tags: null (a type that cannot be tagged) */
  tags: scenarioTags.nullable().default({}),
});

const subscription = { graphResources: z.array(scenarioResource).default([]) };

type ScenarioResource = z.output<typeof scenarioResource>;

function checkResources(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.azure.subscriptions.forEach((each, s) => {
    const ids = new Set<string>();
    (each.graphResources as ScenarioResource[]).forEach((resource, r) => {
      const path = ['azure', 'subscriptions', s, 'graphResources', r, 'id'];
      const owner = /^\/subscriptions\/([^/]+)\//.exec(resource.id)?.[1] ?? '';
      if (owner.toLowerCase() !== each.subscriptionId.toLowerCase())
        issue(path, `subscription ${owner} is not this subscription (${each.subscriptionId})`);
      if (!providerOf(resource.id))
        issue(path, 'must name a provider type and resource name after /providers/');
      // ARM ids are case-insensitive.
      if (ids.has(resource.id.toLowerCase())) issue(path, `${resource.id} is already listed`);
      ids.add(resource.id.toLowerCase());
    });
  });
}

function row(subscriptionId: string, resource: ScenarioResource): object {
  return {
    id: resource.id,
    name: resource.id.split('/').pop(),
    type: providerOf(resource.id)?.type,
    location: resource.location,
    resourceGroup: (/\/resourceGroups\/([^/]+)/i.exec(resource.id)?.[1] ?? '').toLowerCase(),
    subscriptionId,
    tags: resource.tags,
  };
}

export const resourceGraphSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkResources,
  answers: {
    Resources: ({ subscription: owner, body }): AzureSimAnswer => {
      const query = typeof body?.query === 'string' ? body.query.trim() : '';
      if (!/^resources\b/i.test(query))
        return {
          status: 400,
          code: 'BadRequest',
          message: 'The simulator answers queries of the Resources table only.',
        };
      return {
        list: [...owner.graphResources]
          .sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()))
          .map((resource) => row(owner.subscriptionId, resource)),
      };
    },
  },
  locations: (owner) => [
    ...new Set(owner.graphResources.map((resource) => resource.location).filter((each) => each !== 'global')),
  ],
  demo,
};
