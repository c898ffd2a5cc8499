import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** 'subscription' | 'resourceGroup' | 'resource' | 'managementGroup' | 'root' */
export const scopeKind = z.enum(['root', 'managementGroup', 'subscription', 'resourceGroup', 'resource']);
export type ScopeKind = z.infer<typeof scopeKind>;

export const ownerSchema = z.object({
  principalId: z.string(),
  /** 'User' | 'Group' | 'ServicePrincipal' | 'ForeignGroup' | 'Device' */
  principalType: z.string(),
  /** The scope of the assignment, when it is inherited from above (management group, root) */
  inheritedFrom: z.string().optional(),
});

export const classicAdministratorSchema = z.object({
  emailAddress: z.string(),
  /** 'ServiceAdministrator;AccountAdministrator' | 'CoAdministrator' */
  role: z.string(),
});

/**
 * resource.type 'azure.authorization.scope': the subscription, and each resource group or resource
 * with Owner assignments of its own. nativeId = the scope itself (/subscriptions/{id}[/resourceGroups/…]).
 */
export const scopeSchema = z.object({
  scope: z.string(),
  scopeKind,
  /** Principals holding Owner at this scope (the subscription: including management-group and root assignments) */
  owners: z.array(ownerSchema),
  /**
   * Subscription only: ClassicAdministrators_List. An empty list also when the API answered an
   * error other than AccessDenied (classic administrators are retired): classicAdministratorsNote
   * then names it. Absent when the list was denied (a coverage gap) and on narrower scopes.
   */
  classicAdministrators: z.array(classicAdministratorSchema).optional(),
  classicAdministratorsNote: z.string().optional(),
});

export type ScopeProperties = z.infer<typeof scopeSchema>;

/**
 * resource.type 'azure.authorization.role-assignment': an Owner, Contributor or User Access
 * Administrator assignment in the subscription's view (at, above or below it). nativeId = the
 * assignment's ARM id. tags = the tags of the resource group it is scoped to (if any), so an
 * assignment on a PHI resource group is classified as PHI.
 */
export const roleAssignmentSchema = z.object({
  principalId: z.string(),
  principalType: z.string(),
  roleDefinitionId: z.string(),
  roleName: z.string(),
  scope: z.string(),
  scopeKind,
  /** properties.description, when the assignment has one */
  description: z.string().optional(),
  /** properties.condition (ABAC), when set */
  condition: z.string().optional(),
});

export type RoleAssignmentProperties = z.infer<typeof roleAssignmentSchema>;

/** resource.type 'azure.authorization.custom-role'; nativeId = the role definition's ARM id */
export const customRoleSchema = z.object({
  roleName: z.string(),
  description: z.string().optional(),
  /** Union of permissions[].actions */
  actions: z.array(z.string()),
  notActions: z.array(z.string()),
  dataActions: z.array(z.string()),
  assignableScopes: z.array(z.string()),
  /** How many assignments of the subscription's view use this role */
  assignmentCount: z.number().int(),
});

export type CustomRoleProperties = z.infer<typeof customRoleSchema>;

export const authorizationScope = defineResourceType(
  'azure.authorization.scope',
  'Access scope',
  scopeSchema,
);
export const roleAssignment = defineResourceType(
  'azure.authorization.role-assignment',
  'Role assignment',
  roleAssignmentSchema,
);
export const customRole = defineResourceType(
  'azure.authorization.custom-role',
  'Custom role',
  customRoleSchema,
);
