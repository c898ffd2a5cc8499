import { describe, expect, it } from 'vitest';
import { declaredOperations } from '../../../../src/assess/collectors';
import { awsAllowList, awsGuardDecision, isAwsCommandAllowed } from '../../../../src/cloud/aws/guard';

const allowList = awsAllowList(declaredOperations('aws'));

describe('isAwsCommandAllowed', () => {
  it('allows every declared command and STS GetCallerIdentity', () => {
    for (const op of declaredOperations('aws'))
      if (op.provider === 'aws') expect(isAwsCommandAllowed(op.command, allowList)).toBe(true);
    expect(isAwsCommandAllowed('GetCallerIdentityCommand', allowList)).toBe(true);
  });

  it('refuses writes by verb, declared or not', () => {
    const declaredWrites = new Set([
      'PutBucketPolicyCommand',
      'DeleteBucketCommand',
      'CreateBucketCommand',
      'UpdateTableCommand',
      'ModifyInstanceAttributeCommand',
      'AttachRolePolicyCommand',
      'TagResourceCommand',
      'AssumeRoleCommand',
    ]);
    for (const command of declaredWrites) {
      const decision = awsGuardDecision(command, declaredWrites);
      expect(decision.allowed, command).toBe(false);
      if (!decision.allowed) expect(decision.reason).toMatch(/changes the account/);
    }
  });

  it('refuses data-plane reads even when declared', () => {
    const declared = new Set([
      'GetObjectCommand',
      'ReceiveMessageCommand',
      'SendMessageCommand',
      'GetSecretValueCommand',
      'DecryptCommand',
      'ScanCommand',
      'QueryCommand',
      'ListObjectsV2Command',
      'HeadObjectCommand',
      'GetParameterCommand',
    ]);
    for (const command of declared) {
      const decision = awsGuardDecision(command, declared);
      expect(decision.allowed, command).toBe(false);
      if (!decision.allowed) expect(decision.reason).toMatch(/customer data or secrets/);
    }
  });

  it('refuses an undeclared read', () => {
    expect(awsGuardDecision('GetBucketVersioningCommand', allowList)).toEqual({
      allowed: false,
      reason: 'GetBucketVersioning is not one of the operations the collectors declare',
    });
    expect(isAwsCommandAllowed('DescribeInstancesCommand', allowList)).toBe(false);
  });

  it('does not mistake a read whose name starts like a verb for a write', () => {
    const declared = new Set([
      'GetBucketReplicationCommand',
      'DescribeStartupSettingsCommand',
      'ListTagsCommand',
    ]);
    expect(isAwsCommandAllowed('DescribeStartupSettingsCommand', declared)).toBe(true);
    expect(isAwsCommandAllowed('ListTagsCommand', declared)).toBe(true);
    // 'Settle…' starts with 'Set' but is not the verb Set
    expect(awsGuardDecision('SettleAccountCommand', new Set(['SettleAccountCommand'])).allowed).toBe(true);
  });

  it('refuses a command without a name', () => {
    expect(isAwsCommandAllowed('', allowList)).toBe(false);
  });
});
