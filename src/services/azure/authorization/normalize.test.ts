import { describe, expect, it } from 'vitest';
import {
  describeScope,
  normalizeAssignment,
  normalizeRoleDefinition,
  scopeKindOf,
  wildcardActions,
} from './normalize';
import { builtInRoleName, roleGuid } from './roles';

describe('scopes', () => {
  it('tells root, management group, subscription, resource group and resource apart', () => {
    expect(scopeKindOf('/')).toBe('root');
    expect(scopeKindOf('/providers/Microsoft.Management/managementGroups/mg1')).toBe('managementGroup');
    expect(scopeKindOf('/subscriptions/s')).toBe('subscription');
    expect(scopeKindOf('/subscriptions/s/resourcegroups/rg')).toBe('resourceGroup');
    expect(
      scopeKindOf('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a'),
    ).toBe('resource');
    expect(
      describeScope('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a'),
    ).toBe('resource a (resource group rg)');
  });
});

describe('normalizeAssignment', () => {
  it('reads the 2022-04-01 shape and leaves null description and condition out', () => {
    expect(
      normalizeAssignment({
        id: '/subscriptions/s/providers/Microsoft.Authorization/roleAssignments/b0f43c54',
        properties: {
          roleDefinitionId:
            '/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/8E3AF657-A8FF-443C-A75C-2FE8C4BCB635',
          principalId: 'ce2ce14e-85d7-4629-bdbc-454d0519d987',
          principalType: 'User',
          scope: '/subscriptions/s',
          condition: null,
          description: null,
        },
      }),
    ).toEqual({
      id: '/subscriptions/s/providers/Microsoft.Authorization/roleAssignments/b0f43c54',
      principalId: 'ce2ce14e-85d7-4629-bdbc-454d0519d987',
      principalType: 'User',
      roleDefinitionId:
        '/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/8E3AF657-A8FF-443C-A75C-2FE8C4BCB635',
      scope: '/subscriptions/s',
    });
    expect(
      builtInRoleName(
        '/providers/Microsoft.Authorization/roleDefinitions/8E3AF657-A8FF-443C-A75C-2FE8C4BCB635',
      ),
    ).toBe('Owner');
    expect(
      roleGuid(
        '/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/B24988AC-6180-42A0-AB88-20F7382DD24C',
      ),
    ).toBe('b24988ac-6180-42a0-ab88-20f7382dd24c');
  });

  it('marks an assignment without principalType as Unknown and skips one without a role', () => {
    expect(
      normalizeAssignment({
        id: 'x',
        properties: { principalId: 'p', roleDefinitionId: 'r', scope: '/subscriptions/s' },
      })?.principalType,
    ).toBe('Unknown');
    expect(normalizeAssignment({ id: 'x', properties: { principalId: 'p', scope: '/' } })).toBeNull();
  });
});

describe('role definitions', () => {
  it('joins the actions of every permission block and finds all-provider wildcards', () => {
    const role = normalizeRoleDefinition({
      id: '/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/ABC',
      name: 'ABC',
      properties: {
        roleName: 'Custom',
        type: 'CustomRole',
        permissions: [
          { actions: ['*/read'] },
          { actions: ['Microsoft.Storage/*', '*/delete'], notActions: ['x'] },
        ],
        assignableScopes: ['/subscriptions/s'],
      },
    });
    expect(role).toMatchObject({
      name: 'abc',
      actions: ['*/read', 'Microsoft.Storage/*', '*/delete'],
      notActions: ['x'],
    });
    expect(wildcardActions(role!.actions)).toEqual(['*/delete']);
    expect(wildcardActions(['*'])).toEqual(['*']);
  });
});
