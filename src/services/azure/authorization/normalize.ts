import { resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import type { ScopeKind } from './resource';

/** Pure conversion of Microsoft.Authorization / Microsoft.Resources JSON. */

export interface ArmResource {
  id?: unknown;
  name?: unknown;
  location?: unknown;
  tags?: unknown;
  properties?: Record<string, unknown> | null;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : [];

/** The kind of an ARM scope: '/', a management group, the subscription, a resource group or a resource. */
export function scopeKindOf(scope: string): ScopeKind {
  const path = scope.trim().replace(/\/+$/, '');
  if (path === '') return 'root';
  if (/^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/i.test(path)) return 'managementGroup';
  if (/^\/subscriptions\/[^/]+$/i.test(path)) return 'subscription';
  if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(path)) return 'resourceGroup';
  return 'resource';
}

/** "subscription scope", "resource group rg-nwv-phi-prod", "resource nwvclinicalnotes", … */
export function describeScope(scope: string): string {
  const kind = scopeKindOf(scope);
  const last = scope.split('/').filter(Boolean).pop() ?? scope;
  switch (kind) {
    case 'root':
      return 'the tenant root scope (/)';
    case 'managementGroup':
      return `management group ${last}`;
    case 'subscription':
      return 'subscription scope';
    case 'resourceGroup':
      return `resource group ${last}`;
    default:
      return `resource ${last} (resource group ${resourceGroupOf(scope)})`;
  }
}

export interface NormalizedAssignment {
  id: string;
  principalId: string;
  principalType: string;
  roleDefinitionId: string;
  scope: string;
  description?: string;
  condition?: string;
}

export function normalizeAssignment(entry: ArmResource): NormalizedAssignment | null {
  const id = text(entry.id);
  const props = entry.properties ?? {};
  const principalId = text(props.principalId);
  const roleDefinitionId = text(props.roleDefinitionId);
  const scope = typeof props.scope === 'string' ? props.scope : undefined;
  if (!id || !principalId || !roleDefinitionId || scope === undefined) return null;
  const description = text(props.description);
  const condition = text(props.condition);
  return {
    id,
    principalId,
    // principalType is optional in the spec; older assignments may lack it.
    principalType: text(props.principalType) ?? 'Unknown',
    roleDefinitionId,
    scope: scope === '' ? '/' : scope,
    ...(description ? { description } : {}),
    ...(condition ? { condition } : {}),
  };
}

export interface NormalizedRoleDefinition {
  id: string;
  /** The GUID */
  name: string;
  roleName: string;
  /** 'BuiltInRole' | 'CustomRole' */
  type: string;
  description?: string;
  actions: string[];
  notActions: string[];
  dataActions: string[];
  assignableScopes: string[];
}

export function normalizeRoleDefinition(entry: ArmResource): NormalizedRoleDefinition | null {
  const id = text(entry.id);
  const name = text(entry.name);
  const props = entry.properties ?? {};
  const roleName = text(props.roleName);
  if (!id || !name || !roleName) return null;
  const permissions = Array.isArray(props.permissions) ? props.permissions.map(record) : [];
  const description = text(props.description);
  return {
    id,
    name: name.toLowerCase(),
    roleName,
    type: text(props.type) ?? 'unknown',
    ...(description ? { description } : {}),
    actions: permissions.flatMap((each) => strings(each?.actions)),
    notActions: permissions.flatMap((each) => strings(each?.notActions)),
    dataActions: permissions.flatMap((each) => strings(each?.dataActions)),
    assignableScopes: strings(props.assignableScopes),
  };
}

export function normalizeClassicAdministrator(
  entry: ArmResource,
): { emailAddress: string; role: string } | null {
  const props = entry.properties ?? {};
  const emailAddress = text(props.emailAddress);
  const role = text(props.role);
  return emailAddress && role ? { emailAddress, role } : null;
}

/** ResourceGroups_List entries as name (lower case) → tags. */
export function resourceGroupTags(entries: readonly ArmResource[]): Map<string, Record<string, string>> {
  const map = new Map<string, Record<string, string>>();
  for (const entry of entries) {
    const name = text(entry.name);
    if (name) map.set(name.toLowerCase(), tagsOf(entry.tags));
  }
  return map;
}

/** A role definition's actions that grant everything on every resource provider: '*' itself, or a write, delete or action wildcard over all providers. */
export function wildcardActions(actions: readonly string[]): string[] {
  return actions.filter((action) => {
    const value = action.trim().toLowerCase();
    return value === '*' || (value.startsWith('*/') && value !== '*/read');
  });
}
