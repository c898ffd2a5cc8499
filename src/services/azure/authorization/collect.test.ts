import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import { authorization } from '.';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const sub = `/subscriptions/${subscription}`;
const assignment = (scope: string, id: string) =>
  `${scope}/providers/Microsoft.Authorization/roleAssignments/${id}`;
const rg = (name: string) => `${sub}/resourceGroups/${name}`;
const a = (n: string) => `3e1a5c7f-0b2d-4e6a-9c8b-1d2f3a4b5c${n}`;

describe('the authorization collector on the demo organisation', () => {
  it('judges scopes, assignments and custom roles as the demo intends', async () => {
    const scenario = serviceScenario(authorization);
    const run = await collectService(authorization, scenario);
    const results = judge(authorization, scenario, run.resources);
    const status = (rule: string, id: string) => results.get(`azure.authorization.${rule}|${id}`)?.status;
    const table: [string, string, string][] = [
      ['owner-count', sub, 'fail'],
      ['owner-count', rg('rg-nwv-phi-prod'), 'pass'],
      ['owner-count', rg('rg-nwv-legacy'), 'pass'],
      ['service-principal-broad-role', assignment(sub, a('10')), 'fail'],
      ['service-principal-broad-role', assignment(rg('rg-nwv-phi-prod'), a('11')), 'pass'],
      ['service-principal-broad-role', assignment(sub, a('01')), 'not_applicable'],
      ['phi-scope-user-privileged', assignment(rg('rg-nwv-phi-prod'), a('20')), 'pass'],
      ['phi-scope-user-privileged', assignment(rg('rg-nwv-legacy'), a('21')), 'fail'],
      [
        'phi-scope-user-privileged',
        assignment(
          `${rg('rg-nwv-phi-prod')}/providers/Microsoft.Storage/storageAccounts/nwvclinicalnotes`,
          a('22'),
        ),
        'fail',
      ],
      ['phi-scope-user-privileged', assignment(rg('rg-nwv-phi-prod'), a('11')), 'not_applicable'],
      [
        'custom-role-wildcard',
        `${sub}/providers/Microsoft.Authorization/roleDefinitions/6a0e1b7c-2d3f-4a5b-9c8d-7e6f5a4b3c21`,
        'pass',
      ],
      [
        'custom-role-wildcard',
        `${sub}/providers/Microsoft.Authorization/roleDefinitions/9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b65`,
        'fail',
      ],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    expect(results.get(`azure.authorization.owner-count|${sub}`)?.detail).toBe(
      `The subscription ${subscription} has 5 Owners (3 users, 2 groups; 1 inherited from above) at subscription scope and 2 classic administrators with Owner-equivalent access (billing@northwindvitals.example (ServiceAdministrator;AccountAdministrator), ops-legacy@northwindvitals.example (CoAdministrator)), a role Azure retired in 2024: 7 principals control it, more than 3.`,
    );
    // Reader and custom-role assignments are not privileged-role resources.
    expect(run.resources.some((each) => each.nativeId.endsWith(a('32')))).toBe(false);
  });

  it('gives an assignment the tags of its resource group, and counts a custom role’s assignments', async () => {
    const run = await collectService(authorization, serviceScenario(authorization));
    const legacy = run.resources.find((each) => each.nativeId.endsWith(a('21')));
    expect(legacy).toMatchObject({
      name: 'Owner for user 4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e21',
      tags: { phi: 'true', env: 'prod' },
      properties: {
        scopeKind: 'resourceGroup',
        roleName: 'Owner',
        description: 'Legacy portal vendor engineer',
      },
    });
    const operations = legacy!.evidenceIds.map((id) => run.evidence[id - 1]?.operation);
    expect(operations).toEqual(['RoleAssignments_ListForSubscription', 'ResourceGroups_List']);
    const wildcard = run.resources.find((each) => each.name === 'NWV Legacy Portal Admin');
    expect(wildcard?.properties).toMatchObject({ actions: ['*'], assignmentCount: 1 });
  });

  it('reads a retired classic administrator API as none listed, and names it', async () => {
    const base = serviceScenario(authorization);
    const owner = base.azure.subscriptions[0]!;
    const scenario = {
      ...base,
      azure: {
        ...base.azure,
        subscriptions: [
          {
            ...owner,
            classicAdministrators: [],
            classicAdministratorsError: {
              status: 400,
              code: 'ClassicAdministratorListFailed',
              message: 'Classic administrators are no longer supported for this subscription.',
            },
          },
        ],
      },
    };
    const run = await collectService(authorization, scenario);
    expect(run.gaps.map((gap) => `${gap.operation} ${gap.reason}`)).toEqual([
      'ClassicAdministrators_List error',
    ]);
    const results = judge(authorization, scenario, run.resources);
    expect(results.get(`azure.authorization.owner-count|${sub}`)?.detail).toBe(
      `The subscription ${subscription} has 5 Owners (3 users, 2 groups; 1 inherited from above) at subscription scope: 5 principals control it, more than 3.`,
    );
    expect(run.resources.find((each) => each.nativeId === sub)?.properties).toMatchObject({
      classicAdministrators: [],
      classicAdministratorsNote:
        'ClassicAdministrators_List answered ClassicAdministratorListFailed; classic administrators are retired, so none are counted',
    });
  });

  it('follows nextLink on the assignment list', async () => {
    const scenario = {
      ...serviceScenario(authorization),
      simulation: { awsPageSize: 10_000, azurePageSize: 2 },
    };
    const paged = await collectService(authorization, scenario);
    const whole = await collectService(authorization, serviceScenario(authorization));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.nativeId).sort()).toEqual(
      whole.resources.map((each) => each.nativeId).sort(),
    );
    expect(
      paged.evidence.filter((each) => each.operation === 'RoleAssignments_ListForSubscription'),
    ).toHaveLength(7);
  });
});

describe('the authorization simulator', () => {
  const registry = serviceRegistry(authorization);
  const withAssignments = (roleAssignments: unknown[]) => ({
    name: 'rbac',
    description: 'RBAC scenario',
    azure: {
      subscriptions: [
        {
          subscriptionId: '00000000-1111-4222-8333-444455556666',
          tenantId: '99999999-8888-4777-8666-555544443333',
          label: 'prod',
          roleAssignments,
        },
      ],
    },
  });

  it('refuses an unknown role and a resource scope without its group', () => {
    const load = () =>
      registry.loadScenario(
        withAssignments([
          {
            id: '11111111-2222-4333-8444-555555555555',
            principalId: '11111111-2222-4333-8444-555555555556',
            principalType: 'User',
            role: 'Global Admin',
            resource: 'Microsoft.Storage/storageAccounts/x',
          },
        ]),
      );
    expect(load).toThrow('azure.subscriptions[0].roleAssignments[0].role: role Global Admin is neither');
    expect(load).toThrow(
      'azure.subscriptions[0].roleAssignments[0].resource: a resource scope needs its resourceGroup',
    );
  });

  it('generates assignments and resource groups for the benchmark', () => {
    const scenario = registry.generateScenario({
      awsAccounts: 0,
      regions: 1,
      perRegion: 0,
      azureSubscriptions: 1,
      perSubscription: 40,
      latencyMs: 0,
      seed: 3,
    });
    const owner = scenario.azure.subscriptions[0]!;
    expect(owner.roleAssignments).toHaveLength(10);
    expect(owner.resourceGroups).toHaveLength(10);
  });
});
