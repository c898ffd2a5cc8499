import { z } from 'zod';
import {
  azureLocation,
  guid,
  isoTime,
  scenarioTags,
  type AzureServiceSim,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };
import { BUILT_IN_ROLES, type BuiltInRoleName } from './roles';

/**
 * Microsoft.Authorization as ARM answers it: role assignments and definitions at 2022-04-01
 * (authorization-RoleAssignmentsCalls.json / authorization-RoleDefinitionsCalls.json examples),
 * classic administrators at 2015-07-01, resource groups at 2021-04-01.
 */

const scenarioAssignment = z.strictObject({
  /** The assignment's name (a GUID) */
  id: guid,
  principalId: guid,
  principalType: z.enum(['User', 'Group', 'ServicePrincipal', 'ForeignGroup', 'Device']),
  /** A built-in role name (Owner, Contributor, User Access Administrator, Reader) or a custom role's roleName */
  role: z.string().min(1),
  /** Scope: absent = the subscription; managementGroup or root = above it; resourceGroup [+ resource] = below */
  managementGroup: z.string().min(1).optional(),
  root: z.literal(true).optional(),
  resourceGroup: z
    .string()
    .regex(/^[\w.()-]{1,90}$/, 'must be a resource group name')
    .optional(),
  /** A resource below the resource group: 'Microsoft.Storage/storageAccounts/nwvclinicalnotes' */
  resource: z
    .string()
    .regex(/^Microsoft\.[A-Za-z]+\/[A-Za-z]+\/[^/]+$/, 'must be Provider/type/name')
    .optional(),
  description: z.string().min(1).optional(),
  createdOn: isoTime.default('2023-01-15T10:00:00Z'),
});

const scenarioCustomRole = z.strictObject({
  /** The definition's name (a GUID) */
  id: guid,
  roleName: z.string().min(1),
  description: z.string().default(''),
  actions: z.array(z.string().min(1)).default([]),
  notActions: z.array(z.string().min(1)).default([]),
  dataActions: z.array(z.string().min(1)).default([]),
  notDataActions: z.array(z.string().min(1)).default([]),
});

const scenarioClassicAdmin = z.strictObject({
  id: guid,
  emailAddress: z.email(),
  role: z.enum(['ServiceAdministrator;AccountAdministrator', 'ServiceAdministrator', 'CoAdministrator']),
});

const scenarioResourceGroup = z.strictObject({
  name: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
  location: azureLocation,
  tags: scenarioTags.default({}),
});

export type ScenarioAssignment = z.output<typeof scenarioAssignment>;
export type ScenarioCustomRole = z.output<typeof scenarioCustomRole>;

const subscription = {
  roleAssignments: z.array(scenarioAssignment).default([]),
  customRoleDefinitions: z.array(scenarioCustomRole).default([]),
  classicAdministrators: z.array(scenarioClassicAdmin).default([]),
  /** How ClassicAdministrators_List fails (e.g. 400 after the 2024 retirement); absent = it answers */
  classicAdministratorsError: z
    .strictObject({
      status: z.number().int().min(400).max(599),
      code: z.string().min(1),
      message: z.string().min(1),
    })
    .optional(),
  resourceGroups: z.array(scenarioResourceGroup).default([]),
};

type Owner = ScenarioBase['azure']['subscriptions'][number] & {
  roleAssignments: ScenarioAssignment[];
  customRoleDefinitions: ScenarioCustomRole[];
};

const isBuiltIn = (role: string): role is BuiltInRoleName => role in BUILT_IN_ROLES;

function roleGuidOf(owner: Owner, role: string): string | undefined {
  if (isBuiltIn(role)) return BUILT_IN_ROLES[role];
  return owner.customRoleDefinitions.find((each) => each.roleName === role)?.id;
}

function scopeOf(subscriptionId: string, assignment: ScenarioAssignment): string {
  if (assignment.root) return '/';
  if (assignment.managementGroup)
    return `/providers/Microsoft.Management/managementGroups/${assignment.managementGroup}`;
  const base = `/subscriptions/${subscriptionId}`;
  if (!assignment.resourceGroup) return base;
  const group = `${base}/resourceGroups/${assignment.resourceGroup}`;
  return assignment.resource ? `${group}/providers/${assignment.resource}` : group;
}

function checkAuthorization(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.azure.subscriptions.forEach((each, s) => {
    const owner = each as Owner;
    owner.roleAssignments.forEach((assignment, a) => {
      const path = ['azure', 'subscriptions', s, 'roleAssignments', a];
      if (!roleGuidOf(owner, assignment.role))
        issue(
          [...path, 'role'],
          `role ${assignment.role} is neither a built-in role the simulator knows nor a custom role of the subscription`,
        );
      if (assignment.resource && !assignment.resourceGroup)
        issue([...path, 'resource'], 'a resource scope needs its resourceGroup');
      const above = [assignment.root, assignment.managementGroup].filter(Boolean).length;
      if (above > 1 || (above === 1 && assignment.resourceGroup))
        issue(path, 'an assignment has one scope: root, a management group, the subscription or below it');
    });
  });
}

function armAssignment(subscriptionId: string, owner: Owner, assignment: ScenarioAssignment): object {
  const scope = scopeOf(subscriptionId, assignment);
  const prefix = scope === '/' ? '' : scope;
  return {
    properties: {
      roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuidOf(owner, assignment.role) ?? ''}`,
      principalId: assignment.principalId,
      principalType: assignment.principalType,
      scope,
      condition: null,
      conditionVersion: null,
      createdOn: assignment.createdOn,
      updatedOn: assignment.createdOn,
      createdBy: null,
      updatedBy: null,
      delegatedManagedIdentityResourceId: null,
      description: assignment.description ?? null,
    },
    id: `${prefix}/providers/Microsoft.Authorization/roleAssignments/${assignment.id}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name: assignment.id,
  };
}

/** The built-in roles the simulator lists (the real list holds several hundred). */
const builtInPermissions: Record<
  BuiltInRoleName,
  { description: string; actions: string[]; notActions: string[] }
> = {
  Owner: {
    description:
      'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
    actions: ['*'],
    notActions: [],
  },
  Contributor: {
    description:
      'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.',
    actions: ['*'],
    notActions: [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action',
      'Microsoft.Blueprint/blueprintAssignments/write',
      'Microsoft.Blueprint/blueprintAssignments/delete',
      'Microsoft.Compute/galleries/share/action',
    ],
  },
  'User Access Administrator': {
    description: 'Lets you manage user access to Azure resources.',
    actions: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*'],
    notActions: [],
  },
  Reader: {
    description: 'View all resources, but does not allow you to make any changes.',
    actions: ['*/read'],
    notActions: [],
  },
};

function armRoleDefinition(
  subscriptionId: string,
  definition: {
    id: string;
    roleName: string;
    type: string;
    description: string;
    actions: string[];
    notActions: string[];
    dataActions: string[];
    notDataActions: string[];
  },
): object {
  return {
    properties: {
      roleName: definition.roleName,
      type: definition.type,
      description: definition.description,
      assignableScopes: definition.type === 'BuiltInRole' ? ['/'] : [`/subscriptions/${subscriptionId}`],
      permissions: [
        {
          actions: definition.actions,
          notActions: definition.notActions,
          dataActions: definition.dataActions,
          notDataActions: definition.notDataActions,
        },
      ],
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2021-11-11T20:13:47.8628684Z',
      createdBy: null,
      updatedBy: null,
    },
    id: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${definition.id}`,
    type: 'Microsoft.Authorization/roleDefinitions',
    name: definition.id,
  };
}

export const authorizationSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkAuthorization,
  answers: {
    RoleAssignments_ListForSubscription: ({ subscription: owner }) => ({
      list: owner.roleAssignments.map((assignment) => armAssignment(owner.subscriptionId, owner, assignment)),
    }),
    RoleDefinitions_List: ({ subscription: owner }) => ({
      list: [
        ...(Object.keys(BUILT_IN_ROLES) as BuiltInRoleName[]).map((roleName) =>
          armRoleDefinition(owner.subscriptionId, {
            id: BUILT_IN_ROLES[roleName],
            roleName,
            type: 'BuiltInRole',
            ...builtInPermissions[roleName],
            dataActions: [],
            notDataActions: [],
          }),
        ),
        ...owner.customRoleDefinitions.map((role) =>
          armRoleDefinition(owner.subscriptionId, { ...role, type: 'CustomRole' }),
        ),
      ],
    }),
    ClassicAdministrators_List: ({ subscription: owner }) => {
      if (owner.classicAdministratorsError) return owner.classicAdministratorsError;
      return {
        list: owner.classicAdministrators.map((admin) => ({
          id: `/subscriptions/${owner.subscriptionId}/providers/Microsoft.Authorization/classicAdministrators/${admin.id}`,
          name: admin.id,
          type: 'Microsoft.Authorization/classicAdministrators',
          properties: { emailAddress: admin.emailAddress, role: admin.role },
        })),
      };
    },
    ResourceGroups_List: ({ subscription: owner }) => ({
      list: owner.resourceGroups.map((group) => ({
        id: `/subscriptions/${owner.subscriptionId}/resourceGroups/${group.name}`,
        name: group.name,
        type: 'Microsoft.Resources/resourceGroups',
        location: group.location,
        ...(Object.keys(group.tags).length > 0 ? { tags: group.tags } : {}),
        properties: { provisioningState: 'Succeeded' },
      })),
    }),
  },
  locations: (owner) => owner.resourceGroups.map((group) => group.location),
  demo,
  generate({ count, random }) {
    const { chance, pick, hex } = random;
    const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
    const groups = Array.from({ length: 10 }, (_, i) => ({
      name: `rg-generated-${i}`,
      location: pick(['eastus', 'eastus2', 'westus2', 'centralus'] as const),
      tags: chance(0.3) ? { phi: 'true' } : {},
    }));
    return {
      resourceGroups: groups,
      roleAssignments: Array.from({ length: Math.max(4, Math.ceil(count / 4)) }, (_, i) => ({
        id: uuid(),
        principalId: uuid(),
        principalType: pick(['User', 'User', 'Group', 'ServicePrincipal'] as const),
        role: pick(['Owner', 'Contributor', 'Reader', 'Reader', 'User Access Administrator'] as const),
        ...(chance(0.6) ? { resourceGroup: `rg-generated-${i % 10}` } : {}),
      })),
    };
  },
};
