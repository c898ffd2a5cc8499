import { flagOf as flag, textOf as text } from '../../../kit';
import type { DefenderPlanProperties } from './resource';

/** Pure conversion of policy assignments, compliance summaries and Defender pricings. */

/** The built-in "HITRUST/HIPAA" initiative (policy set definition) id. */
export const HIPAA_INITIATIVE = 'a169a624-5599-4385-a696-c8d643089fab';

/** The Defender plans that protect the services PHI is kept in, with the product name a report uses. */
export const PHI_PLANS: Readonly<Record<string, string>> = {
  StorageAccounts: 'Defender for Storage',
  SqlServers: 'Defender for Azure SQL',
  AppServices: 'Defender for App Service',
  KeyVaults: 'Defender for Key Vault',
  Arm: 'Defender for Resource Manager',
  Api: 'Defender for APIs',
};

export interface ArmResource {
  id?: unknown;
  name?: unknown;
  properties?: Record<string, unknown> | null;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : [];

export interface NormalizedAssignment {
  id: string;
  name: string;
  displayName?: string;
  policyDefinitionId: string;
  scope: string;
  notScopes: string[];
  enforcementMode?: string;
}

export function normalizeAssignment(entry: ArmResource): NormalizedAssignment | null {
  const id = text(entry.id);
  const name = text(entry.name);
  const props = entry.properties ?? {};
  const policyDefinitionId = text(props.policyDefinitionId);
  const scope = text(props.scope);
  if (!id || !name || !policyDefinitionId || !scope) return null;
  const displayName = text(props.displayName);
  const enforcementMode = text(props.enforcementMode);
  return {
    id,
    name,
    ...(displayName ? { displayName } : {}),
    policyDefinitionId,
    scope,
    notScopes: strings(props.notScopes),
    ...(enforcementMode ? { enforcementMode } : {}),
  };
}

export function isHipaaInitiative(policyDefinitionId: string): boolean {
  return (policyDefinitionId.split('/').filter(Boolean).pop() ?? '').toLowerCase() === HIPAA_INITIATIVE;
}

export interface AssignmentCompliance {
  nonCompliantResources: number;
  nonCompliantPolicies: number;
  compliantResources?: number;
}

/** The summary's per-assignment results, by assignment id in lower case (the summary lower-cases ids). */
export function complianceByAssignment(body: unknown): Map<string, AssignmentCompliance> {
  const map = new Map<string, AssignmentCompliance>();
  const summaries = record(body)?.value;
  if (!Array.isArray(summaries)) return map;
  for (const summary of summaries) {
    const assignments = record(summary)?.policyAssignments;
    if (!Array.isArray(assignments)) continue;
    for (const each of assignments) {
      const entry = record(each);
      const id = text(entry?.policyAssignmentId);
      const results = record(entry?.results);
      if (!id || !results) continue;
      const resources = results.nonCompliantResources;
      const policies = results.nonCompliantPolicies;
      const details = Array.isArray(results.resourceDetails) ? results.resourceDetails.map(record) : [];
      const compliant = details.find(
        (detail) => text(detail?.complianceState)?.toLowerCase() === 'compliant',
      )?.count;
      map.set(id.toLowerCase(), {
        nonCompliantResources: typeof resources === 'number' ? resources : 0,
        nonCompliantPolicies: typeof policies === 'number' ? policies : 0,
        ...(typeof compliant === 'number' ? { compliantResources: compliant } : {}),
      });
    }
  }
  return map;
}

export function normalizePricing(
  entry: ArmResource,
): { id: string; properties: DefenderPlanProperties } | null {
  const id = text(entry.id);
  const plan = text(entry.name);
  if (!id || !plan) return null;
  const props = entry.properties ?? {};
  const subPlan = text(props.subPlan);
  const deprecated = flag(props.deprecated);
  const replacedBy = strings(props.replacedBy);
  const inheritedFrom = text(props.inheritedFrom);
  return {
    id,
    properties: {
      plan,
      pricingTier: text(props.pricingTier) ?? null,
      ...(subPlan ? { subPlan } : {}),
      ...(deprecated !== undefined ? { deprecated } : {}),
      ...(replacedBy.length > 0 ? { replacedBy } : {}),
      ...(inheritedFrom ? { inheritedFrom } : {}),
    },
  };
}
