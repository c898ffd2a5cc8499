import type { DeclaredOperation } from '../kit/model';
import { registry } from '../services';
import { DeskError } from '../errors';
import {
  awsIdentityOperation,
  awsOrganizationAccountsOperation,
  azureSubscriptionOperation,
} from './identity-operations';

/**
 * The access request kit: what a client must grant for an assessment, generated from the same
 * declared operations the read-only guards allow, so the two cannot drift apart.
 */

const sorted = (values: Iterable<string>): string[] =>
  [...new Set(values)].sort((a, b) => a.localeCompare(b));

export interface IamPolicyDocument {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}

export function awsIamActions(
  operations: readonly DeclaredOperation[] = registry.operations('aws'),
): string[] {
  return sorted([
    ...operations.flatMap((op) => (op.provider === 'aws' ? [op.iamAction] : [])),
    awsIdentityOperation.iamAction,
    awsOrganizationAccountsOperation.iamAction,
  ]);
}

/** The least-privilege identity policy: exactly the declared read actions. */
export function awsIamPolicy(operations?: readonly DeclaredOperation[]): IamPolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'PhiAuditDeskReadOnly', Effect: 'Allow', Action: awsIamActions(operations), Resource: '*' },
    ],
  };
}

export interface CloudFormationOptions {
  /** Who may assume the role: the auditor's account root or a specific role/user ARN */
  trustedPrincipalArn: string;
  /** Required by the trust policy when given (guards against the confused-deputy problem) */
  externalId?: string;
  roleName?: string;
}

const principalArn = /^arn:aws(-us-gov)?:iam::\d{12}:(root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+)$/;

/** A CloudFormation template (JSON, which CloudFormation accepts as is) for a read-only cross-account role. */
export function awsCloudFormationTemplate(options: CloudFormationOptions): string {
  if (!principalArn.test(options.trustedPrincipalArn)) {
    throw new DeskError(
      'BAD_INPUT',
      `"${options.trustedPrincipalArn}" is not an IAM account root, role or user ARN.`,
    );
  }
  if (options.externalId !== undefined && !/^[\w+=,.@:/-]{2,1224}$/.test(options.externalId)) {
    throw new DeskError(
      'BAD_INPUT',
      'The external id must be 2–1224 characters of letters, digits and +=,.@:/-',
    );
  }
  const roleName = options.roleName ?? 'PhiAuditDeskReadOnly';
  if (!/^[\w+=,.@-]{1,64}$/.test(roleName))
    throw new DeskError('BAD_INPUT', `"${roleName}" is not a valid IAM role name.`);
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      'PHI Audit Desk: read-only role for a HIPAA Security Rule assessment (configuration only, no data access).',
    Resources: {
      PhiAuditDeskRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: roleName,
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: options.trustedPrincipalArn },
                Action: 'sts:AssumeRole',
                ...(options.externalId
                  ? { Condition: { StringEquals: { 'sts:ExternalId': options.externalId } } }
                  : {}),
              },
            ],
          },
          Policies: [{ PolicyName: 'PhiAuditDeskReadOnly', PolicyDocument: awsIamPolicy() }],
        },
      },
    },
    Outputs: {
      RoleArn: {
        Description: 'Give this ARN to the auditor',
        Value: { 'Fn::GetAtt': ['PhiAuditDeskRole', 'Arn'] },
      },
    },
  };
  return `${JSON.stringify(template, null, 2)}\n`;
}

export interface AzureRoleDefinition {
  Name: string;
  IsCustom: true;
  Description: string;
  Actions: string[];
  NotActions: string[];
  DataActions: string[];
  NotDataActions: string[];
  AssignableScopes: string[];
}

export function azurePermissions(
  operations: readonly DeclaredOperation[] = registry.operations('azure'),
): string[] {
  return sorted([
    ...operations.flatMap((op) => (op.provider === 'azure' ? [op.permission] : [])),
    azureSubscriptionOperation.permission,
  ]);
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A custom role for `az role definition create --role-definition @role.json`: control-plane reads
 * only, no data actions. Without subscription ids the scope is a placeholder to fill in.
 */
export function azureCustomRole(options: { subscriptionIds: readonly string[] }): AzureRoleDefinition {
  for (const id of options.subscriptionIds)
    if (!guid.test(id)) throw new DeskError('BAD_INPUT', `"${id}" is not an Azure subscription id (a GUID).`);
  return {
    Name: 'PHI Audit Desk Reader',
    IsCustom: true,
    Description:
      'Read-only access for a PHI Audit Desk HIPAA Security Rule assessment: configuration reads, no keys, no data.',
    Actions: azurePermissions(),
    NotActions: [],
    DataActions: [],
    NotDataActions: [],
    AssignableScopes:
      options.subscriptionIds.length > 0
        ? options.subscriptionIds.map((id) => `/subscriptions/${id}`)
        : ['/subscriptions/<subscription-id>'],
  };
}
