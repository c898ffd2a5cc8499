import { describe, expect, it } from 'vitest';
import { awsCloudFormationTemplate, awsIamPolicy, azureCustomRole } from '../../../src/cloud/access-kit';
import { awsAllowList, isAwsCommandAllowed } from '../../../src/cloud/aws/guard';
import { azureAllowList, isAzureRequestAllowed } from '../../../src/cloud/azure/guard';
import { azureSubscriptionOperation } from '../../../src/cloud/identity-operations';
import { registry } from '../../../src/services';

const declaredOperations = (provider: 'aws' | 'azure') => registry.operations(provider);

const writeAction =
  /:(Put|Create|Delete|Update|Modify|Attach|Detach|Tag|Untag|Restore|Replicate|Abort)|:\*|^\*$/;

describe('the access kit agrees with the guards', () => {
  it('AWS: every declared command is allowed by the guard and its IAM action is in the policy', () => {
    const policy = awsIamPolicy();
    const actions = policy.Statement[0]!.Action;
    const allowList = awsAllowList(declaredOperations('aws'));
    for (const op of declaredOperations('aws')) {
      if (op.provider !== 'aws') continue;
      expect(isAwsCommandAllowed(op.client, op.command, allowList), op.command).toBe(true);
      expect(actions, op.iamAction).toContain(op.iamAction);
    }
    expect(actions).toContain('sts:GetCallerIdentity');
    expect(actions).toEqual([...new Set(actions)].sort((a, b) => a.localeCompare(b)));
    for (const action of actions) expect(action, action).not.toMatch(writeAction);
    expect(actions.some((action) => /GetObject|GetSecretValue|kms:Decrypt/.test(action))).toBe(false);
  });

  it('AWS: the CloudFormation role trusts the given principal, requires the external id and carries the policy', () => {
    const template = JSON.parse(
      awsCloudFormationTemplate({
        trustedPrincipalArn: 'arn:aws:iam::999988887777:role/auditor',
        externalId: 'nwv-2026-audit',
      }),
    ) as {
      Resources: {
        PhiAuditDeskRole: {
          Type: string;
          Properties: {
            AssumeRolePolicyDocument: { Statement: unknown[] };
            Policies: { PolicyDocument: unknown }[];
          };
        };
      };
    };
    const role = template.Resources.PhiAuditDeskRole;
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::999988887777:role/auditor' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'nwv-2026-audit' } },
    });
    expect(role.Properties.Policies[0]!.PolicyDocument).toEqual(awsIamPolicy());
    expect(() => awsCloudFormationTemplate({ trustedPrincipalArn: 'not-an-arn' })).toThrow(/not an IAM/);
  });

  it('Azure: every declared operation passes the guard and its permission is in the role; no writes, no data actions', () => {
    const role = azureCustomRole({ subscriptionIds: ['00000000-1111-4222-8333-444455556666'] });
    for (const op of [...declaredOperations('azure'), azureSubscriptionOperation]) {
      if (op.provider !== 'azure') continue;
      const url = `https://management.azure.com${op.path.replace('{subscriptionId}', '00000000-1111-4222-8333-444455556666')}?api-version=${op.apiVersion}`;
      expect(
        isAzureRequestAllowed(op.method, url, {
          armEndpoint: 'https://management.azure.com',
          allowed: azureAllowList(declaredOperations('azure')),
        }),
        op.path,
      ).toBe(true);
      expect(role.Actions).toContain(op.permission);
    }
    // Reads only: Azure RBAC actions are case-insensitive (the reference spells some /Read), and the
    // one /action allowed is Policy Insights' summarize, a read of compliance states over POST.
    const readOnlyActions = new Set(['Microsoft.PolicyInsights/policyStates/summarize/action']);
    for (const action of role.Actions)
      if (!readOnlyActions.has(action)) expect(action, action).toMatch(/\/read$/i);
    expect(role.Actions.some((action) => /listKeys|write|delete|\*/i.test(action))).toBe(false);
    expect(role).toMatchObject({
      IsCustom: true,
      NotActions: [],
      DataActions: [],
      NotDataActions: [],
      AssignableScopes: ['/subscriptions/00000000-1111-4222-8333-444455556666'],
    });
    expect(() => azureCustomRole({ subscriptionIds: ['prod'] })).toThrow(/not an Azure subscription id/);
  });
});
