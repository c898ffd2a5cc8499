import { resourceGroupOf, type AzureCollectContext, type NormalizedResource } from '../../../kit';
import {
  normalizeAssignment,
  normalizeClassicAdministrator,
  normalizeRoleDefinition,
  resourceGroupTags,
  scopeKindOf,
  type ArmResource,
  type NormalizedAssignment,
} from './normalize';
import { ops } from './operations';
import { authorizationScope, customRole, roleAssignment, type ScopeProperties } from './resource';
import { BUILT_IN_ROLES, builtInRoleName, PRIVILEGED_ROLE_IDS, roleGuid } from './roles';

const label = (type: string): string =>
  ({ User: 'user', Group: 'group', ServicePrincipal: 'service principal', ForeignGroup: 'foreign group' })[
    type
  ] ?? type.toLowerCase();

/**
 * Role assignments, role definitions, classic administrators and resource-group tags of one
 * subscription. Resources: the subscription's access scope (Owners and classic administrators),
 * each resource group or resource with Owners of its own, each Owner / Contributor / User Access
 * Administrator assignment, and each custom role.
 */
export async function collectAuthorization(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const [assignmentList, definitionList, classicList, groupList] = await Promise.all([
    ctx.list(ops.listRoleAssignments),
    ctx.list(ops.listRoleDefinitions),
    ctx.list(ops.listClassicAdministrators),
    ctx.list(ops.listResourceGroups),
  ]);
  const subscriptionScope = `/subscriptions/${ctx.subscriptionId}`;
  const assignments = assignmentList.items.flatMap(({ item, evidenceId }) => {
    const assignment = normalizeAssignment(item as ArmResource);
    return assignment ? [{ assignment, evidenceId }] : [];
  });
  const definitions = definitionList.items.flatMap(({ item, evidenceId }) => {
    const definition = normalizeRoleDefinition(item as ArmResource);
    return definition ? [{ definition, evidenceId }] : [];
  });
  const roleNames = new Map<string, string>(
    Object.entries(BUILT_IN_ROLES).map(([name, guid]) => [guid, name]),
  );
  for (const { definition } of definitions) roleNames.set(definition.name, definition.roleName);
  const groupTags = resourceGroupTags(groupList.items.map(({ item }) => item as ArmResource));
  const groupEvidence = new Map(
    groupList.items.map(({ item, evidenceId }) => [
      String((item as ArmResource).name ?? '').toLowerCase(),
      evidenceId,
    ]),
  );

  const resources: NormalizedResource[] = [];
  if (assignmentList.status === 'ok') {
    resources.push(...scopeResources(ctx, subscriptionScope, assignments, classicProperties(classicList)));
    if (classicList.status === 'ok')
      resources[0]?.evidenceIds.push(...classicList.pages.map((page) => page.evidenceId));
  }

  for (const { assignment, evidenceId } of assignments) {
    const guid = roleGuid(assignment.roleDefinitionId);
    if (!PRIVILEGED_ROLE_IDS.has(guid)) continue;
    const kind = scopeKindOf(assignment.scope);
    const group = kind === 'resourceGroup' || kind === 'resource' ? resourceGroupOf(assignment.scope) : '';
    const tags = group ? (groupTags.get(group.toLowerCase()) ?? {}) : {};
    const roleName = builtInRoleName(assignment.roleDefinitionId) ?? roleNames.get(guid) ?? guid;
    const groupEvidenceId = group ? groupEvidence.get(group.toLowerCase()) : undefined;
    resources.push(
      ctx.resource({
        type: roleAssignment.type,
        nativeId: assignment.id,
        name: `${roleName} for ${label(assignment.principalType)} ${assignment.principalId}`,
        region: 'global',
        tags,
        properties: {
          principalId: assignment.principalId,
          principalType: assignment.principalType,
          roleDefinitionId: assignment.roleDefinitionId,
          roleName,
          scope: assignment.scope,
          scopeKind: kind,
          ...(assignment.description ? { description: assignment.description } : {}),
          ...(assignment.condition ? { condition: assignment.condition } : {}),
        },
        evidenceIds: [evidenceId, ...(groupEvidenceId !== undefined ? [groupEvidenceId] : [])],
      }),
    );
  }

  for (const { definition, evidenceId } of definitions) {
    if (definition.type !== 'CustomRole') continue;
    const uses = assignments.filter(
      ({ assignment }) => roleGuid(assignment.roleDefinitionId) === definition.name,
    );
    resources.push(
      ctx.resource({
        type: customRole.type,
        nativeId: definition.id,
        name: definition.roleName,
        region: 'global',
        tags: {},
        properties: {
          roleName: definition.roleName,
          ...(definition.description ? { description: definition.description } : {}),
          actions: definition.actions,
          notActions: definition.notActions,
          dataActions: definition.dataActions,
          assignableScopes: definition.assignableScopes,
          // Counted only when the assignment list answered in full.
          assignmentCount: uses.length,
        },
        evidenceIds: [evidenceId, ...new Set(uses.map((use) => use.evidenceId))],
      }),
    );
  }
  return resources;
}

type Classic = Pick<ScopeProperties, 'classicAdministrators' | 'classicAdministratorsNote'>;

/** Classic administrators as the scope records them: denied = not assessed; another error = none listed, with a note. */
function classicProperties(list: Awaited<ReturnType<AzureCollectContext['list']>>): Classic {
  if (list.status === 'ok')
    return {
      classicAdministrators: list.items.flatMap(({ item }) => {
        const admin = normalizeClassicAdministrator(item as ArmResource);
        return admin ? [admin] : [];
      }),
    };
  if (list.reason === 'access_denied' || list.reason === 'throttled' || list.reason === 'timeout') return {};
  return {
    classicAdministrators: [],
    classicAdministratorsNote: `ClassicAdministrators_List answered ${list.errorCode}; classic administrators are retired, so none are counted`,
  };
}

/** The subscription scope, then each narrower scope with Owner assignments of its own. */
function scopeResources(
  ctx: AzureCollectContext,
  subscriptionScope: string,
  assignments: readonly { assignment: NormalizedAssignment; evidenceId: number }[],
  classic: Classic,
): NormalizedResource[] {
  const owners = assignments.filter(
    ({ assignment }) => roleGuid(assignment.roleDefinitionId) === BUILT_IN_ROLES.Owner,
  );
  const atOrAbove = owners.filter(({ assignment }) =>
    ['root', 'managementGroup', 'subscription'].includes(scopeKindOf(assignment.scope)),
  );
  const owner = ({ assignment }: { assignment: NormalizedAssignment }) => ({
    principalId: assignment.principalId,
    principalType: assignment.principalType,
    ...(scopeKindOf(assignment.scope) === 'subscription' ? {} : { inheritedFrom: assignment.scope }),
  });
  const firstPage = assignments[0]?.evidenceId;
  const evidence = (list: readonly { evidenceId: number }[]) => {
    const ids = [...new Set(list.map((each) => each.evidenceId))];
    return ids.length > 0 ? ids : firstPage !== undefined ? [firstPage] : [];
  };
  const subscription: ScopeProperties = {
    scope: subscriptionScope,
    scopeKind: 'subscription',
    owners: atOrAbove.map(owner),
    ...classic,
  };
  const narrower = new Map<string, { assignment: NormalizedAssignment; evidenceId: number }[]>();
  for (const each of owners) {
    const kind = scopeKindOf(each.assignment.scope);
    if (kind !== 'resourceGroup' && kind !== 'resource') continue;
    const key = each.assignment.scope.toLowerCase();
    narrower.set(key, [...(narrower.get(key) ?? []), each]);
  }
  return [
    ctx.resource({
      type: authorizationScope.type,
      nativeId: subscriptionScope,
      name: `subscription ${ctx.subscriptionId}`,
      region: 'global',
      tags: {},
      properties: { ...subscription },
      evidenceIds: evidence(atOrAbove),
    }),
    ...[...narrower.values()].map((list) => {
      const scope = list[0]!.assignment.scope;
      const kind = scopeKindOf(scope);
      return ctx.resource({
        type: authorizationScope.type,
        nativeId: scope,
        name: `${kind === 'resourceGroup' ? 'resource group' : 'resource'} ${scope.split('/').filter(Boolean).pop() ?? scope}`,
        region: 'global',
        tags: {},
        properties: { scope, scopeKind: kind, owners: list.map(owner) },
        evidenceIds: evidence(list),
      });
    }),
  ];
}
