import { describe, expect, it } from 'vitest';
import { awsAllowList, awsGuardDecision, isAwsCommandAllowed } from '../../../../src/cloud/aws/guard';
import { registry } from '../../../../src/services';

const allowList = awsAllowList(registry.operations('aws'));
const keyed = (client: string, commands: readonly string[]) => new Set(commands.map((c) => `${client}:${c}`));

describe('isAwsCommandAllowed', () => {
  it('allows every declared client + command and STS GetCallerIdentity', () => {
    const declared = registry.operations('aws');
    expect(declared.length).toBeGreaterThan(0);
    for (const op of declared)
      if (op.provider === 'aws')
        expect(isAwsCommandAllowed(op.client, op.command, allowList), op.command).toBe(true);
    expect(isAwsCommandAllowed('STSClient', 'GetCallerIdentityCommand', allowList)).toBe(true);
  });

  it('keys on the client as well as the command: a name one service declared is refused on another client', () => {
    const declared = keyed('S3Client', ['GetBucketPolicyCommand', 'ListTagsForResourceCommand']);
    expect(isAwsCommandAllowed('S3Client', 'ListTagsForResourceCommand', declared)).toBe(true);
    const decision = awsGuardDecision('RDSClient', 'ListTagsForResourceCommand', declared);
    expect(decision).toEqual({
      allowed: false,
      reason: 'ListTagsForResource is not one of the operations declared for RDSClient',
    });
    expect(isAwsCommandAllowed('STSClient', 'GetBucketPolicyCommand', declared)).toBe(false);
  });

  it('refuses writes by verb, declared or not', () => {
    const commands = [
      'PutBucketPolicyCommand',
      'DeleteBucketCommand',
      'CreateBucketCommand',
      'UpdateTableCommand',
      'ModifyInstanceAttributeCommand',
      'AttachRolePolicyCommand',
      'TagResourceCommand',
      'AssumeRoleCommand',
    ];
    const declaredWrites = keyed('AnyClient', commands);
    for (const command of commands) {
      const decision = awsGuardDecision('AnyClient', command, declaredWrites);
      expect(decision.allowed, command).toBe(false);
      if (!decision.allowed) expect(decision.reason).toMatch(/changes the account/);
    }
  });

  it('refuses data-plane reads even when declared', () => {
    const commands = [
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
    ];
    const declared = keyed('AnyClient', commands);
    for (const command of commands) {
      const decision = awsGuardDecision('AnyClient', command, declared);
      expect(decision.allowed, command).toBe(false);
      if (!decision.allowed) expect(decision.reason).toMatch(/customer data or secrets/);
    }
  });

  it('refuses an undeclared read', () => {
    expect(awsGuardDecision('S3Client', 'GetBucketCorsCommand', allowList)).toEqual({
      allowed: false,
      reason: 'GetBucketCors is not one of the operations declared for S3Client',
    });
    expect(isAwsCommandAllowed('GlacierClient', 'ListVaultsCommand', allowList)).toBe(false);
    // Organizations answers --aws-org's account list, and nothing else.
    expect(isAwsCommandAllowed('OrganizationsClient', 'ListAccountsCommand', allowList)).toBe(true);
    expect(isAwsCommandAllowed('OrganizationsClient', 'DescribeAccountCommand', allowList)).toBe(false);
  });

  it('does not mistake a read whose name starts like a verb for a write', () => {
    const declared = keyed('AnyClient', [
      'GetBucketReplicationCommand',
      'DescribeStartupSettingsCommand',
      'ListTagsCommand',
      'SettleAccountCommand',
    ]);
    expect(isAwsCommandAllowed('AnyClient', 'DescribeStartupSettingsCommand', declared)).toBe(true);
    expect(isAwsCommandAllowed('AnyClient', 'ListTagsCommand', declared)).toBe(true);
    // 'Settle…' starts with 'Set' but is not the verb Set
    expect(awsGuardDecision('AnyClient', 'SettleAccountCommand', declared).allowed).toBe(true);
  });

  it('refuses a command without a name', () => {
    expect(isAwsCommandAllowed('S3Client', '', allowList)).toBe(false);
  });
});
