import type { AzureCollectContext, NormalizedResource } from '../../../kit';
import {
  complianceByAssignment,
  isHipaaInitiative,
  normalizeAssignment,
  normalizePricing,
  PHI_PLANS,
  type ArmResource,
  type AssignmentCompliance,
  type NormalizedAssignment,
} from './normalize';
import { ops } from './operations';
import { defenderPlan, policyScope, type PolicyScopeProperties } from './resource';

function kindOf(
  scope: string,
  subscriptionScope: string,
): 'above' | 'subscription' | 'resourceGroup' | 'resource' {
  const lower = scope.toLowerCase().replace(/\/+$/, '');
  const sub = subscriptionScope.toLowerCase();
  if (!lower.startsWith(sub)) return 'above';
  if (lower === sub) return 'subscription';
  return /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+$/.test(lower) ? 'resourceGroup' : 'resource';
}

/**
 * Policy assignments (the HITRUST/HIPAA initiative), the subscription's latest compliance summary
 * and Defender for Cloud pricings. Resources: the subscription's policy scope, each narrower scope
 * with a HITRUST/HIPAA assignment, and each Defender plan that protects a PHI service.
 */
export async function collectPolicy(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const [assignmentList, summary, pricingList] = await Promise.all([
    ctx.list(ops.listPolicyAssignments),
    ctx.query(ops.summarizeCompliance, {}),
    ctx.list(ops.listPricings),
  ]);
  const resources: NormalizedResource[] = [];
  const subscriptionScope = `/subscriptions/${ctx.subscriptionId}`;
  const summaryPage = summary.pages[0];
  const compliance: Map<string, AssignmentCompliance> | null =
    summary.status === 'ok' && summaryPage ? complianceByAssignment(summaryPage.body) : null;

  if (assignmentList.status === 'ok') {
    const assignments = assignmentList.items.flatMap(({ item, evidenceId }) => {
      const assignment = normalizeAssignment(item as ArmResource);
      return assignment ? [{ assignment, evidenceId }] : [];
    });
    const hipaa = assignments.filter(({ assignment }) => isHipaaInitiative(assignment.policyDefinitionId));
    const entry = ({ assignment }: { assignment: NormalizedAssignment }) => ({
      id: assignment.id,
      name: assignment.name,
      ...(assignment.displayName ? { displayName: assignment.displayName } : {}),
      scope: assignment.scope,
      notScopes: assignment.notScopes,
      ...(assignment.enforcementMode ? { enforcementMode: assignment.enforcementMode } : {}),
      ...(compliance ? { compliance: compliance.get(assignment.id.toLowerCase()) ?? null } : {}),
    });
    const applying = hipaa.filter(({ assignment }) =>
      ['above', 'subscription'].includes(kindOf(assignment.scope, subscriptionScope)),
    );
    const narrower = hipaa.filter(({ assignment }) =>
      ['resourceGroup', 'resource'].includes(kindOf(assignment.scope, subscriptionScope)),
    );
    const evidence = (list: readonly { evidenceId: number }[]) => [
      ...new Set([
        ...(list.length > 0
          ? list.map((each) => each.evidenceId)
          : assignmentList.pages.slice(0, 1).map((page) => page.evidenceId)),
        ...(summaryPage && summary.status === 'ok' ? [summaryPage.evidenceId] : []),
      ]),
    ];
    const subscription: PolicyScopeProperties = {
      scope: subscriptionScope,
      scopeKind: 'subscription',
      hipaaAssignments: applying.map(entry),
      narrowerHipaaScopes: [...new Set(narrower.map(({ assignment }) => assignment.scope))],
      assignmentCount: assignments.length,
      complianceRead: compliance !== null,
    };
    resources.push(
      ctx.resource({
        type: policyScope.type,
        nativeId: subscriptionScope,
        name: `subscription ${ctx.subscriptionId}`,
        region: 'global',
        tags: {},
        properties: { ...subscription },
        evidenceIds: evidence(applying),
      }),
    );
    const byScope = new Map<string, typeof narrower>();
    for (const each of narrower) {
      const key = each.assignment.scope.toLowerCase();
      byScope.set(key, [...(byScope.get(key) ?? []), each]);
    }
    for (const list of byScope.values()) {
      const scope = list[0]!.assignment.scope;
      const kind = kindOf(scope, subscriptionScope);
      // What applies here: the narrower assignments and any that apply to the whole subscription.
      const all = [...applying, ...list];
      resources.push(
        ctx.resource({
          type: policyScope.type,
          nativeId: scope,
          name: `${kind === 'resourceGroup' ? 'resource group' : 'resource'} ${scope.split('/').filter(Boolean).pop() ?? scope}`,
          region: 'global',
          tags: {},
          properties: {
            scope,
            scopeKind: kind,
            hipaaAssignments: all.map(entry),
            assignmentCount: assignments.length,
            complianceRead: compliance !== null,
          },
          evidenceIds: evidence(all),
        }),
      );
    }
  }

  for (const { item, evidenceId } of pricingList.items) {
    const pricing = normalizePricing(item as ArmResource);
    if (!pricing) continue;
    const product = PHI_PLANS[pricing.properties.plan];
    if (!product) continue;
    resources.push(
      ctx.resource({
        type: defenderPlan.type,
        nativeId: pricing.id,
        name: product,
        region: 'global',
        tags: {},
        properties: { ...pricing.properties },
        evidenceIds: [evidenceId],
      }),
    );
  }
  return resources;
}
