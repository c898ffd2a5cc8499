import { mapWithConcurrency, type AzureCollectContext, type NormalizedResource } from '../../../kit';
import {
  isFrontDoorProfile,
  normalizeCustomDomain,
  normalizeEndpoint,
  normalizeProfile,
  normalizeRoute,
  normalizeRule,
  wafAssociations,
  type ArmResource,
  type NormalizedProfile,
} from './normalize';
import { ops } from './operations';
import {
  frontDoorCustomDomain,
  frontDoorEndpoint,
  frontDoorProfile,
  frontDoorRoute,
  type RouteRule,
} from './resource';

/** Profiles, rule sets and endpoints in flight at once; ctx schedules every call within the run's limits too. */
const PARALLEL = 6;
const REGION = 'global';

const pageIds = (pages: readonly { evidenceId: number }[]) => pages.map((page) => page.evidenceId);

/** Every rule of every rule set; a rule set whose rules could not all be read is left out (its routes: not assessed). */
async function collectRuleSets(
  ctx: AzureCollectContext,
  profile: NormalizedProfile,
  ruleSets: readonly ArmResource[],
): Promise<{ rules: Map<string, RouteRule[]>; evidence: Map<string, number[]> }> {
  const params = { resourceGroupName: profile.resourceGroup, profileName: profile.name };
  const rules = new Map<string, RouteRule[]>();
  const evidence = new Map<string, number[]>();
  await mapWithConcurrency(ruleSets, PARALLEL, async (ruleSet) => {
    const name = typeof ruleSet.name === 'string' ? ruleSet.name : '';
    if (!name) return;
    const listed = await ctx.list(
      ops.listRules,
      { ...params, ruleSetName: name },
      { region: REGION, subject: `rule set ${name} of Front Door profile ${profile.name}` },
    );
    evidence.set(name.toLowerCase(), pageIds(listed.pages));
    if (listed.status !== 'ok') return;
    rules.set(
      name.toLowerCase(),
      listed.items.flatMap(({ item }) => {
        const rule = normalizeRule(item as ArmResource, name);
        return rule ? [rule] : [];
      }),
    );
  });
  return { rules, evidence };
}

async function collectProfile(
  ctx: AzureCollectContext,
  profile: NormalizedProfile,
  profileEvidence: number,
): Promise<NormalizedResource[]> {
  const params = { resourceGroupName: profile.resourceGroup, profileName: profile.name };
  const options = { region: REGION, subject: `Front Door profile ${profile.name}` };
  const [endpoints, ruleSets, domains, policies] = await Promise.all([
    ctx.list(ops.listEndpoints, params, options),
    ctx.list(ops.listRuleSets, params, options),
    ctx.list(ops.listCustomDomains, params, options),
    ctx.list(ops.listSecurityPolicies, params, options),
  ]);
  const resources: NormalizedResource[] = [
    ctx.resource({
      type: frontDoorProfile.type,
      nativeId: profile.id,
      name: profile.name,
      region: REGION,
      tags: profile.tags,
      properties: {
        resourceGroup: profile.resourceGroup,
        skuName: profile.skuName,
        ...(profile.frontDoorId ? { frontDoorId: profile.frontDoorId } : {}),
      },
      evidenceIds: [profileEvidence],
    }),
  ];

  // Host names by resource id: security policies and routes name domains and endpoints by id.
  const hostNames = new Map<string, string>();
  for (const { item, evidenceId } of domains.items) {
    const domain = normalizeCustomDomain(item as ArmResource, profile);
    if (!domain) continue;
    hostNames.set(domain.id.toLowerCase(), domain.properties.hostName);
    resources.push(
      ctx.resource({
        type: frontDoorCustomDomain.type,
        nativeId: domain.id,
        name: domain.name,
        region: REGION,
        tags: domain.tags,
        properties: { ...domain.properties },
        evidenceIds: [profileEvidence, evidenceId],
      }),
    );
  }
  for (const { item } of endpoints.items) {
    const endpoint = item as ArmResource;
    const host = endpoint.properties?.hostName;
    if (typeof endpoint.id === 'string' && typeof host === 'string')
      hostNames.set(endpoint.id.toLowerCase(), host);
  }
  const domainNames = new Map([...hostNames].filter(([id]) => id.includes('/customdomains/')));

  const sets = await collectRuleSets(
    ctx,
    profile,
    ruleSets.items.map(({ item }) => item as ArmResource),
  );
  const rulesByRuleSet = ruleSets.status === 'ok' ? sets.rules : undefined;
  const waf =
    policies.status === 'ok'
      ? wafAssociations(
          policies.items.map(({ item }) => item as ArmResource),
          hostNames,
        )
      : undefined;

  const perEndpoint = await mapWithConcurrency(endpoints.items, PARALLEL, async ({ item, evidenceId }) => {
    const endpoint = item as ArmResource;
    const endpointName = typeof endpoint.name === 'string' ? endpoint.name : '';
    if (!endpointName) return [];
    const endpointHostName =
      typeof endpoint.properties?.hostName === 'string' ? endpoint.properties.hostName : undefined;
    const listed = await ctx.list(
      ops.listRoutes,
      { ...params, endpointName },
      { region: REGION, subject: `endpoint ${endpointName} of Front Door profile ${profile.name}` },
    );
    const routes = listed.items.flatMap(({ item: route, evidenceId: routeEvidence }) => {
      const normalized = normalizeRoute(route as ArmResource, {
        profile,
        endpointName,
        ...(endpointHostName ? { endpointHostName } : {}),
        domainNames,
        rulesByRuleSet,
      });
      return normalized ? [{ route: normalized, evidenceId: routeEvidence }] : [];
    });
    const normalizedEndpoint = normalizeEndpoint(
      endpoint,
      profile,
      listed.status === 'ok' ? routes.map(({ route }) => route) : undefined,
      waf,
    );
    const out: NormalizedResource[] = [];
    if (normalizedEndpoint)
      out.push(
        ctx.resource({
          type: frontDoorEndpoint.type,
          nativeId: normalizedEndpoint.id,
          name: normalizedEndpoint.name,
          region: REGION,
          tags: normalizedEndpoint.tags,
          properties: { ...normalizedEndpoint.properties },
          evidenceIds: [profileEvidence, evidenceId, ...pageIds(listed.pages), ...pageIds(policies.pages)],
        }),
      );
    for (const { route, evidenceId: routeEvidence } of routes) {
      const ruleEvidence = route.properties.ruleSetNames.flatMap(
        (name) => sets.evidence.get(name.toLowerCase()) ?? [],
      );
      out.push(
        ctx.resource({
          type: frontDoorRoute.type,
          nativeId: route.id,
          name: route.name,
          region: REGION,
          tags: route.tags,
          properties: { ...route.properties },
          evidenceIds: [profileEvidence, evidenceId, routeEvidence, ...ruleEvidence],
        }),
      );
    }
    return out;
  });
  return [...resources, ...perEndpoint.flat()];
}

/**
 * Front Door Standard/Premium profiles of one subscription (every page of Profiles_List, classic
 * CDN profiles skipped), then per profile its endpoints, rule sets and their rules, custom domains
 * and security policies, and per endpoint its routes. A failed read is a coverage gap naming the
 * profile, endpoint or rule set; the properties it would have given stay absent ("not assessed").
 */
export async function collectFrontDoor(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const listed = await ctx.list(ops.listProfiles);
  const profiles = listed.items.flatMap(({ item, evidenceId }) => {
    const profile = normalizeProfile(item as ArmResource);
    return profile && isFrontDoorProfile(profile) ? [{ profile, evidenceId }] : [];
  });
  const perProfile = await mapWithConcurrency(profiles, PARALLEL, ({ profile, evidenceId }) =>
    collectProfile(ctx, profile, evidenceId),
  );
  return perProfile.flat();
}
