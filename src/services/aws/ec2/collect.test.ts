import { EC2ServiceException } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import type { ScenarioBase } from '../../../kit';
import type { SecurityGroupProperties, VolumeProperties, VpcProperties } from './resource';
import { ec2Sim } from './sim';
import { ec2 } from '.';

const prod = '210987654321';
const shared = '345678901234';

type Run = Awaited<ReturnType<typeof collectService>>;

function named(run: Run, name: string) {
  const resource = run.resources.find((each) => each.name === name);
  if (!resource) throw new Error(`no resource ${name}`);
  return resource;
}

describe('the EC2 collector against the simulated EC2', () => {
  it('reads VPCs with their flow logs, gateway endpoints and instances', async () => {
    const run = await collectService(ec2, serviceScenario(ec2));
    const legacy = named(run, 'nwv-legacy (vpc-0a1b2c3d4e5f60002)');
    expect(legacy).toMatchObject({
      type: 'aws.ec2.vpc',
      nativeId: `arn:aws:ec2:us-east-1:${prod}:vpc/vpc-0a1b2c3d4e5f60002`,
      tags: { Name: 'nwv-legacy', env: 'legacy' },
    });
    expect(legacy.properties as VpcProperties).toMatchObject({
      flowLogs: [],
      gatewayEndpoints: [],
      instanceIds: ['i-0c1d2e3f4a5b60002'],
    });
    const prodVpc = named(run, 'nwv-prod (vpc-0a1b2c3d4e5f60001)').properties as VpcProperties;
    expect(prodVpc.flowLogs).toEqual([
      expect.objectContaining({ flowLogId: 'fl-0a1b2c3d4e5f60001', status: 'ACTIVE', trafficType: 'ALL' }),
    ]);
    expect(prodVpc.gatewayEndpoints?.map((each) => each.service).sort()).toEqual(['dynamodb', 's3']);
    expect(prodVpc.instanceIds?.sort()).toEqual(['i-0c1d2e3f4a5b60001', 'i-0c1d2e3f4a5b60003']);
  });

  it('reads security groups with the interfaces that use them, and every VPC default group', async () => {
    const run = await collectService(ec2, serviceScenario(ec2));
    const open = named(run, 'nwv-orders-db-public (sg-0b1c2d3e4f5a60003)')
      .properties as SecurityGroupProperties;
    expect(open.ingress).toEqual([
      {
        protocol: 'tcp',
        fromPort: 5432,
        toPort: 5432,
        ipv4: ['0.0.0.0/0'],
        ipv6: [],
        prefixLists: [],
        groups: [],
      },
    ]);
    expect(open.egress).toEqual([
      {
        protocol: 'all',
        fromPort: null,
        toPort: null,
        ipv4: ['0.0.0.0/0'],
        ipv6: [],
        prefixLists: [],
        groups: [],
      },
    ]);
    expect(open.attachments).toEqual([
      {
        networkInterfaceId: 'eni-0e1f2a3b4c5d60001',
        interfaceType: 'interface',
        description: 'RDSNetworkInterface',
        instanceId: null,
        publicIp: '198.51.100.77',
      },
    ]);
    const defaults = run.resources.filter((each) => each.name.startsWith('default (sg-'));
    expect(defaults).toHaveLength(2);
    expect(named(run, 'nwv-legacy-ssh (sg-0b1c2d3e4f5a60001)').properties).toMatchObject({
      attachments: [
        expect.objectContaining({ instanceId: 'i-0c1d2e3f4a5b60002', publicIp: '198.51.100.24' }),
      ],
    });
  });

  it('reads volumes, the EBS default per region, and leaves tags empty where EC2 answers none', async () => {
    const run = await collectService(ec2, serviceScenario(ec2));
    expect(
      named(run, 'nwv-legacy-intake-data (vol-0f1a2b3c4d5e60001)').properties as VolumeProperties,
    ).toMatchObject({
      encrypted: false,
      kmsKeyId: null,
      attachments: [{ instanceId: 'i-0c1d2e3f4a5b60002', state: 'attached' }],
    });
    const defaults = run.resources.filter((each) => each.type === 'aws.ec2.ebs-defaults');
    expect(defaults.map((each) => [each.scopeId, each.region, each.properties.encryptionByDefault])).toEqual([
      [prod, 'us-east-1', true],
      [prod, 'us-west-2', false],
      [prod, 'eu-west-1', true],
      [shared, 'us-east-1', true],
      [shared, 'us-west-2', true],
    ]);
    const rds = run.resources.filter(
      (each) => each.scopeId === shared && each.type !== 'aws.ec2.ebs-defaults',
    );
    expect(rds).toEqual([]);
  });

  it('judges the demo: each failure beside its compliant twin', async () => {
    const scenario = serviceScenario(ec2);
    const run = await collectService(ec2, scenario);
    const results = judge(ec2, scenario, run.resources);
    const status = (rule: string, name: string) =>
      results.get(`aws.ec2.${rule}|${named(run, name).nativeId}`)?.status;
    expect(status('vpc-flow-logs', 'nwv-legacy (vpc-0a1b2c3d4e5f60002)')).toBe('fail');
    expect(status('vpc-flow-logs', 'nwv-prod (vpc-0a1b2c3d4e5f60001)')).toBe('pass');
    expect(status('vpc-gateway-endpoints', 'nwv-legacy (vpc-0a1b2c3d4e5f60002)')).toBe('fail');
    expect(status('vpc-gateway-endpoints', 'nwv-prod (vpc-0a1b2c3d4e5f60001)')).toBe('pass');
    expect(status('sg-open-admin-ports', 'nwv-legacy-ssh (sg-0b1c2d3e4f5a60001)')).toBe('fail');
    expect(status('sg-open-admin-ports', 'nwv-bastion-office (sg-0b1c2d3e4f5a60002)')).toBe('pass');
    expect(status('sg-open-database-ports', 'nwv-orders-db-public (sg-0b1c2d3e4f5a60003)')).toBe('fail');
    expect(status('sg-open-database-ports', 'nwv-orders-db (sg-0b1c2d3e4f5a60004)')).toBe('pass');
    expect(status('volume-encrypted', 'nwv-legacy-intake-data (vol-0f1a2b3c4d5e60001)')).toBe('fail');
    expect(status('volume-encrypted', 'nwv-telehealth-api-data (vol-0f1a2b3c4d5e60002)')).toBe('pass');
    expect(status('instance-unrestricted-egress', 'nwv-legacy-intake (i-0c1d2e3f4a5b60002)')).toBe('fail');
    expect(status('instance-unrestricted-egress', 'nwv-telehealth-api (i-0c1d2e3f4a5b60001)')).toBe('pass');
    expect(status('instance-unrestricted-egress', 'nwv-bastion (i-0c1d2e3f4a5b60003)')).toBe(
      'not_applicable',
    );
    const ebs = (region: string) =>
      results.get(
        `aws.ec2.ebs-encryption-by-default|arn:aws:ec2:${region}:${prod}:ebs-encryption-by-default`,
      );
    expect(ebs('us-east-1')?.status).toBe('pass');
    expect(ebs('us-west-2')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('1 unencrypted volume'),
    });
    const ssh = results.get(
      `aws.ec2.sg-open-admin-ports|${named(run, 'nwv-legacy-ssh (sg-0b1c2d3e4f5a60001)').nativeId}`,
    );
    expect(ssh?.detail).toContain('open to the internet on port 22 from 0.0.0.0/0 and ::/0');
    expect(ssh?.detail).toContain(
      'nwv-legacy-intake (i-0c1d2e3f4a5b60002), classified as PHI (tag phi=true), public IP 198.51.100.24',
    );
  });

  it('pages every Describe list with MaxResults / NextToken', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(ec2),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(ec2, scenario);
    const whole = await collectService(ec2, serviceScenario(ec2));
    expect(paged.gaps).toEqual([]);
    const ids = (run: Run) =>
      run.resources.map((each) => `${each.nativeId} ${JSON.stringify(each.properties)}`).sort();
    expect(ids(paged)).toEqual(ids(whole));
    const groupPages = paged.evidence.filter(
      (each) =>
        each.operation === 'DescribeSecurityGroups' && each.region === 'us-east-1' && each.request !== null,
    );
    // prod us-east-1: six groups + two VPC defaults; shared us-east-1: none (one empty page).
    expect(groupPages).toHaveLength(9);
    const volumePages = paged.evidence.filter((each) => each.operation === 'DescribeVolumes');
    expect(volumePages.every((each) => (each.request as { MaxResults?: number }).MaxResults === 500)).toBe(
      true,
    );
  });

  it('UnauthorizedOperation on DescribeNetworkInterfaces leaves group attachments unknown, not empty', async () => {
    const scenario = serviceScenario(ec2, [
      { provider: 'aws', service: 'ec2', operation: 'DescribeNetworkInterfaces', kind: 'access_denied' },
    ]);
    const run = await collectService(ec2, scenario);
    expect(run.gaps.length).toBeGreaterThan(0);
    expect(run.gaps.every((gap) => gap.reason === 'access_denied')).toBe(true);
    const group = named(run, 'nwv-legacy-ssh (sg-0b1c2d3e4f5a60001)');
    expect(group.properties.attachments).toBeUndefined();
    const result = judge(ec2, scenario, run.resources).get(`aws.ec2.sg-open-admin-ports|${group.nativeId}`);
    expect(result).toMatchObject({ status: 'fail', detail: expect.stringContaining('could not be read') });
  });

  it('UnauthorizedOperation on DescribeInstances: VPC workloads unknown, the endpoint rule not assessed', async () => {
    const scenario = serviceScenario(ec2, [
      { provider: 'aws', service: 'ec2', operation: 'DescribeInstances', kind: 'access_denied' },
    ]);
    const run = await collectService(ec2, scenario);
    const legacy = named(run, 'nwv-legacy (vpc-0a1b2c3d4e5f60002)');
    expect(legacy.properties.instanceIds).toBeUndefined();
    expect(
      judge(ec2, scenario, run.resources).get(`aws.ec2.vpc-gateway-endpoints|${legacy.nativeId}`),
    ).toMatchObject({
      status: 'not_applicable',
      detail: expect.stringMatching(/^Not assessed:.*DescribeInstances/),
    });
  });
});

describe('the simulated EC2', () => {
  function answer(
    operation: keyof typeof ec2Sim.answers,
    input: Record<string, unknown>,
    region = 'us-east-1',
    accountId = prod,
  ) {
    const scenario = serviceScenario(ec2);
    const account = scenario.aws.accounts.find((each) => each.accountId === accountId)!;
    return ec2Sim.answers[operation]!({
      account: account as Parameters<(typeof ec2Sim.answers)['DescribeVpcs']>[0]['account'],
      organisation: {},
      scenario,
      region,
      input,
      state: undefined,
      error: ec2Sim.error,
      pageSize: scenario.simulation.awsPageSize,
    }) as Record<string, unknown>;
  }
  const thrown = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected an error answer');
  };

  it('answers empty result sets as [] and leaves Tags out when there are none', () => {
    expect(answer('DescribeVolumes', {}, 'eu-west-1')).toEqual({ Volumes: [] });
    expect(answer('DescribeFlowLogs', {}, 'us-west-2')).toEqual({ FlowLogs: [] });
    const volumes = answer('DescribeVolumes', {}, 'us-west-2').Volumes as Record<string, unknown>[];
    expect(volumes[0]).toMatchObject({ Encrypted: false, Attachments: [], State: 'available' });
    expect(volumes[0]).not.toHaveProperty('KmsKeyId');
    const groups = answer('DescribeSecurityGroups', {}).SecurityGroups as Record<string, unknown>[];
    const defaultGroup = groups.find((each) => each.GroupName === 'default')!;
    expect(defaultGroup).not.toHaveProperty('Tags');
    expect(defaultGroup.IpPermissionsEgress).toEqual([
      {
        IpProtocol: '-1',
        IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
    ]);
    expect(answer('GetEbsEncryptionByDefault', {}, 'us-west-2')).toEqual({ EbsEncryptionByDefault: false });
  });

  it('pages with MaxResults and refuses values and tokens EC2 refuses, through EC2ServiceException', () => {
    const first = answer('DescribeSecurityGroups', { MaxResults: 5 });
    expect(first.SecurityGroups).toHaveLength(5);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = answer('DescribeSecurityGroups', { MaxResults: 5, NextToken: first.NextToken });
    expect(second.SecurityGroups).toHaveLength(3);
    expect(second).not.toHaveProperty('NextToken');
    const small = thrown(() => answer('DescribeVpcs', { MaxResults: 4 }));
    expect(small).toBeInstanceOf(EC2ServiceException);
    expect(small).toMatchObject({ name: 'InvalidParameterValue' });
    expect(thrown(() => answer('DescribeInstances', { MaxResults: 5, NextToken: 'nope' }))).toMatchObject({
      name: 'InvalidParameterValue',
    });
    // DescribeFlowLogs accepts a page of one.
    expect(answer('DescribeFlowLogs', { MaxResults: 1 }).FlowLogs).toHaveLength(1);
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(ec2);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { ec2Volumes: Record<string, unknown>[]; ec2Instances: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.ec2Volumes[0] = { ...scenario.aws.accounts[0]!.ec2Volumes[0], encrypted: true };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.ec2Volumes\[0\]\.kmsKeyId: an encrypted volume/,
    );
    scenario.aws.accounts[0]!.ec2Instances[0] = {
      ...scenario.aws.accounts[0]!.ec2Instances[0],
      securityGroupIds: ['sg-0000000000000000f'],
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.ec2Instances\[0\]\.securityGroupIds\[0\]: no security group sg-0000000000000000f/,
    );
  });

  it('generates a VPC, groups, instances and volumes per region for the benchmark', async () => {
    const registry = serviceRegistry(ec2);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 8,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 11,
    });
    const run = await collectService(ec2, scenario);
    expect(run.gaps).toEqual([]);
    // per account and region: EBS defaults, 1 VPC + its default group, 2 groups, 2 instances, 2 volumes
    expect(run.resources).toHaveLength(2 * 2 * 9);
  });
});
