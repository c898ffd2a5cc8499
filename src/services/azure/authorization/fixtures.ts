import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { CustomRoleProperties, RoleAssignmentProperties, ScopeProperties } from './resource';

const subscription = '00000000-0000-0000-0000-000000000001';
const sub = `/subscriptions/${subscription}`;
const phiGroup = `${sub}/resourceGroups/rg-phi`;
const OWNER = `${sub}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`;
const CONTRIBUTOR = `${sub}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`;

interface Options<P> {
  name?: string;
  nativeId?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof P, unknown>>;
  missing?: (keyof P)[];
}

function build<P extends object>(
  type: string,
  base: P,
  name: string,
  nativeId: string,
  options: Options<P>,
): NormalizedResource {
  const phi = options.phi ?? false;
  const properties: Record<string, unknown> = { ...(base as Record<string, unknown>), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key as string];
  return {
    provider: 'azure',
    type,
    nativeId: options.nativeId ?? nativeId,
    name: options.name ?? name,
    scopeId: subscription,
    region: 'global',
    tags: phi ? { 'data-classification': 'phi' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag data-classification=phi' : null,
    evidenceIds: [5],
  };
}

const owner = (n: number, principalType = 'User', inheritedFrom?: string) => ({
  principalId: `00000000-0000-4000-8000-00000000000${n}`,
  principalType,
  ...(inheritedFrom ? { inheritedFrom } : {}),
});

export function subscriptionScope(options: Options<ScopeProperties> = {}): NormalizedResource {
  const base: ScopeProperties = {
    scope: sub,
    scopeKind: 'subscription',
    owners: [owner(1), owner(2, 'Group')],
    classicAdministrators: [],
  };
  return build('azure.authorization.scope', base, `subscription ${subscription}`, sub, options);
}

export function groupScope(options: Options<ScopeProperties> = {}): NormalizedResource {
  const base: ScopeProperties = { scope: phiGroup, scopeKind: 'resourceGroup', owners: [owner(3, 'Group')] };
  return build('azure.authorization.scope', base, 'resource group rg-phi', phiGroup, options);
}

export function assignment(options: Options<RoleAssignmentProperties> = {}): NormalizedResource {
  const base: RoleAssignmentProperties = {
    principalId: '00000000-0000-4000-8000-0000000000aa',
    principalType: 'Group',
    roleDefinitionId: OWNER,
    roleName: 'Owner',
    scope: phiGroup,
    scopeKind: 'resourceGroup',
  };
  const properties = { ...base, ...options.properties };
  const type = String(properties.principalType);
  const who = type === 'ServicePrincipal' ? 'service principal' : type.toLowerCase();
  return build(
    'azure.authorization.role-assignment',
    base,
    `${String(properties.roleName)} for ${who} ${String(properties.principalId)}`,
    `${phiGroup}/providers/Microsoft.Authorization/roleAssignments/11111111-2222-4333-8444-555555555555`,
    options,
  );
}

export function role(options: Options<CustomRoleProperties> = {}): NormalizedResource {
  const base: CustomRoleProperties = {
    roleName: 'NWV Ops Operator',
    actions: ['*/read', 'Microsoft.Web/sites/restart/action'],
    notActions: [],
    dataActions: [],
    assignableScopes: [sub],
    assignmentCount: 1,
  };
  return build(
    'azure.authorization.custom-role',
    base,
    String(options.properties?.roleName ?? base.roleName),
    `${sub}/providers/Microsoft.Authorization/roleDefinitions/6a0e1b7c-2d3f-4a5b-9c8d-7e6f5a4b3c21`,
    options,
  );
}

const phiAccount = {
  provider: 'azure' as const,
  type: 'azure.storage.account',
  nativeId: `${phiGroup}/providers/Microsoft.Storage/storageAccounts/nwvclinicalnotes`,
  name: 'nwvclinicalnotes',
  scopeId: subscription,
  region: 'eastus',
  tags: { phi: 'true' },
  properties: {},
  phi: true,
  phiReason: 'tag phi=true',
  evidenceIds: [1],
};

export const authorizationFixtures: ServiceFixtures = {
  'azure.authorization.owner-count': {
    pass: [
      {
        name: 'two Owners and no classic administrators',
        resource: subscriptionScope(),
        detail: `The subscription ${subscription} has 2 Owners (1 user, 1 group) at subscription scope and no classic administrators.`,
      },
      {
        name: 'classic administrator API retired',
        resource: subscriptionScope({
          properties: {
            classicAdministratorsNote:
              'ClassicAdministrators_List answered BadRequest; classic administrators are retired, so none are counted',
          },
        }),
        detail: 'no classic administrators (ClassicAdministrators_List answered BadRequest;',
      },
      {
        name: 'a resource group with one Owner group',
        resource: groupScope(),
        detail: 'The resource group rg-phi has 1 Owner (1 group) assigned at resource group rg-phi.',
      },
    ],
    fail: [
      {
        name: 'five Owners, one inherited',
        resource: subscriptionScope({
          properties: {
            owners: [
              owner(1),
              owner(2),
              owner(3),
              owner(4, 'Group'),
              owner(5, 'Group', '/providers/Microsoft.Management/managementGroups/root-mg'),
            ],
          },
        }),
        detail: `The subscription ${subscription} has 5 Owners (3 users, 2 groups; 1 inherited from above) at subscription scope: 5 principals control it, more than 3.`,
      },
      {
        name: 'a classic Co-Administrator',
        resource: subscriptionScope({
          properties: {
            classicAdministrators: [{ emailAddress: 'ops@example.com', role: 'CoAdministrator' }],
          },
        }),
        detail:
          'and 1 classic administrator with Owner-equivalent access (ops@example.com (CoAdministrator)), a role Azure retired in 2024.',
      },
      {
        name: 'four Owners on a resource group',
        resource: groupScope({ properties: { owners: [owner(1), owner(2), owner(3), owner(4)] } }),
        detail: 'has 4 Owners (4 users) assigned at resource group rg-phi, more than 3.',
      },
      {
        name: 'many Owners while the classic list was denied',
        resource: subscriptionScope({
          properties: { owners: [owner(1), owner(2), owner(3), owner(4)] },
          missing: ['classicAdministrators'],
        }),
        detail: 'more than 3 (classic administrators could not be read).',
      },
    ],
    notApplicable: [
      {
        name: 'few Owners and the classic list denied',
        resource: subscriptionScope({ missing: ['classicAdministrators'] }),
        detail:
          /^Not assessed: the classic administrators \(ClassicAdministrators_List\) of the subscription/,
      },
      {
        name: 'assignments not collected',
        resource: subscriptionScope({ missing: ['owners'] }),
        detail: /^Not assessed: the Owner role assignments of the subscription/,
      },
    ],
  },
  'azure.authorization.service-principal-broad-role': {
    pass: [
      {
        name: 'Contributor on a resource group',
        resource: assignment({
          properties: {
            principalType: 'ServicePrincipal',
            roleName: 'Contributor',
            roleDefinitionId: CONTRIBUTOR,
          },
        }),
        detail: 'is limited to resource group rg-phi.',
      },
    ],
    fail: [
      {
        name: 'Contributor on the subscription',
        resource: assignment({
          properties: {
            principalType: 'ServicePrincipal',
            roleName: 'Contributor',
            roleDefinitionId: CONTRIBUTOR,
            scope: sub,
            scopeKind: 'subscription',
            description: 'GitHub Actions deploy',
          },
        }),
        detail:
          'Role assignment Contributor for service principal 00000000-0000-4000-8000-0000000000aa ("GitHub Actions deploy") gives a service principal Contributor at subscription scope: its credential controls every resource below it.',
      },
      {
        name: 'Owner on a management group',
        resource: assignment({
          properties: {
            principalType: 'ServicePrincipal',
            scope: '/providers/Microsoft.Management/managementGroups/nwv-root',
            scopeKind: 'managementGroup',
          },
        }),
        detail: 'gives a service principal Owner at management group nwv-root',
      },
    ],
    notApplicable: [
      { name: 'held by a group', resource: assignment(), detail: 'is not held by a service principal.' },
      {
        name: 'scope not collected',
        resource: assignment({ missing: ['scope'] }),
        detail: /^Not assessed: the principal type and scope of Role assignment/,
      },
    ],
  },
  'azure.authorization.phi-scope-user-privileged': {
    pass: [
      {
        name: 'Owner through a group on a PHI resource group (tagged)',
        resource: assignment({ phi: true }),
        detail:
          'grants Owner through a group where resource group rg-phi is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'group on the resource group of a PHI resource of the run',
        resource: assignment(),
        context: { resources: [phiAccount] },
        detail: 'where resource group rg-phi holds PHI (nwvclinicalnotes: tag phi=true).',
      },
    ],
    fail: [
      {
        name: 'Owner to a user on a PHI resource group',
        resource: assignment({ phi: true, properties: { principalType: 'User' } }),
        detail:
          'Role assignment Owner for user 00000000-0000-4000-8000-0000000000aa gives an individual user Owner where resource group rg-phi is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'Contributor to a user on a PHI storage account',
        resource: assignment({
          properties: {
            principalType: 'User',
            roleName: 'Contributor',
            roleDefinitionId: CONTRIBUTOR,
            scope: phiAccount.nativeId,
            scopeKind: 'resource',
          },
        }),
        context: { resources: [phiAccount] },
        detail:
          'gives an individual user Contributor where resource nwvclinicalnotes (resource group rg-phi) holds PHI',
      },
    ],
    notApplicable: [
      {
        name: 'not a PHI scope',
        resource: assignment({ properties: { principalType: 'User' } }),
        detail: 'is not on a resource or resource group classified as PHI.',
      },
      {
        name: 'subscription scope',
        resource: assignment({
          properties: { principalType: 'User', scope: sub, scopeKind: 'subscription' },
        }),
        detail: 'is not scoped to a resource group or resource.',
      },
      {
        name: 'a service principal',
        resource: assignment({ phi: true, properties: { principalType: 'ServicePrincipal' } }),
        detail: 'is held by a ServicePrincipal, not a user or group.',
      },
    ],
  },
  'azure.authorization.custom-role-wildcard': {
    pass: [
      {
        name: 'read wildcard and named actions',
        resource: role(),
        detail: 'Custom role NWV Ops Operator grants 2 named actions and no all-provider wildcard.',
      },
    ],
    fail: [
      {
        name: "actions '*'",
        resource: role({ properties: { roleName: 'NWV Legacy Admin', actions: ['*'], assignmentCount: 2 } }),
        detail:
          "Custom role NWV Legacy Admin grants '*': every action of every resource provider. It has 2 assignments in this subscription's view.",
      },
      {
        name: "'*/write'",
        resource: role({ properties: { actions: ['*/read', '*/write'] } }),
        detail: "grants '*/write'",
      },
    ],
    notApplicable: [
      {
        name: 'permissions not collected',
        resource: role({ missing: ['actions'] }),
        detail: /^Not assessed: the permissions of Custom role NWV Ops Operator/,
      },
    ],
  },
};
