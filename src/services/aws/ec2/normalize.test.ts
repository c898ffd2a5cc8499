import { describe, expect, it } from 'vitest';
import {
  attachmentFrom,
  displayName,
  endpointService,
  flowLogFrom,
  gatewayEndpointFrom,
  instanceFrom,
  permissionsFrom,
  protocolName,
  tagMap,
  volumeFrom,
} from './normalize';
import { worldOpenings } from './rules/common';

/** Plain objects shaped like the EC2 answers as the SDK deserializes them. */

describe('tags and names', () => {
  it('reads the tag list, absent as none, and names by the Name tag', () => {
    expect(tagMap([{ Key: 'Name', Value: 'nwv-prod' }, { Key: 'phi' }])).toEqual({
      Name: 'nwv-prod',
      phi: '',
    });
    expect(tagMap(undefined)).toEqual({});
    expect(displayName('vpc-1', { Name: ' nwv-prod ' })).toBe('nwv-prod (vpc-1)');
    expect(displayName('vpc-1', { Name: '' })).toBe('vpc-1');
  });
});

describe('security group rules', () => {
  it('names protocols written as numbers, and has no ports for all traffic', () => {
    expect(['-1', '6', '17', '1', '58', 'TCP', '50'].map(protocolName)).toEqual([
      'all',
      'tcp',
      'udp',
      'icmp',
      'icmpv6',
      'tcp',
      '50',
    ]);
    expect(
      permissionsFrom([
        { IpProtocol: '-1', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        {
          IpProtocol: '6',
          FromPort: 22,
          ToPort: 22,
          Ipv6Ranges: [{ CidrIpv6: '::/0' }],
          PrefixListIds: [{ PrefixListId: 'pl-1' }],
          UserIdGroupPairs: [{ GroupId: 'sg-1', UserId: '111122223333' }],
        },
      ]),
    ).toEqual([
      {
        protocol: 'all',
        fromPort: null,
        toPort: null,
        ipv4: ['0.0.0.0/0'],
        ipv6: [],
        prefixLists: [],
        groups: [],
      },
      {
        protocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        ipv4: [],
        ipv6: ['::/0'],
        prefixLists: ['pl-1'],
        groups: ['sg-1'],
      },
    ]);
    expect(permissionsFrom(undefined)).toEqual([]);
  });

  it('finds ports opened to 0.0.0.0/0 or ::/0 only, by TCP range or all traffic', () => {
    const rules = permissionsFrom([
      { IpProtocol: 'tcp', FromPort: 3000, ToPort: 4000, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/1' }] },
      { IpProtocol: 'udp', FromPort: 0, ToPort: 65535, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
    ]);
    expect(worldOpenings(rules, [22, 3389])).toEqual([
      { port: 3389, sources: ['0.0.0.0/0'], rule: 'TCP 3000-4000' },
    ]);
    expect(
      worldOpenings(permissionsFrom([{ IpProtocol: '-1', Ipv6Ranges: [{ CidrIpv6: '::/0' }] }]), [5432]),
    ).toEqual([{ port: 5432, sources: ['::/0'], rule: 'all traffic' }]);
  });
});

describe('network interfaces, flow logs and endpoints', () => {
  it('reads an interface as an attachment', () => {
    expect(
      attachmentFrom({
        NetworkInterfaceId: 'eni-1',
        InterfaceType: 'interface',
        Description: '',
        Attachment: { InstanceId: 'i-1' },
        Association: { PublicIp: '198.51.100.1' },
      }),
    ).toEqual({
      networkInterfaceId: 'eni-1',
      interfaceType: 'interface',
      description: null,
      instanceId: 'i-1',
      publicIp: '198.51.100.1',
    });
    expect(attachmentFrom({})).toBeNull();
  });

  it('reads a flow log, falling back to the log group name', () => {
    expect(
      flowLogFrom({ FlowLogId: 'fl-1', FlowLogStatus: 'ACTIVE', TrafficType: 'ALL', LogGroupName: '/vpc' }),
    ).toMatchObject({ flowLogId: 'fl-1', destination: '/vpc', deliverStatus: null });
  });

  it('keeps Gateway endpoints only, naming the service by the last part of its name', () => {
    expect(endpointService('com.amazonaws.us-east-1.s3')).toBe('s3');
    expect(endpointService('cn.com.amazonaws.cn-north-1.dynamodb')).toBe('dynamodb');
    expect(
      gatewayEndpointFrom({
        VpcEndpointId: 'vpce-1',
        VpcEndpointType: 'Gateway',
        ServiceName: 'com.amazonaws.us-east-1.s3',
        // The SDK's enum spells 'Available'; EC2 answers lower-case (as its vpc-endpoint-state filter values).
        State: 'available' as never,
      }),
    ).toEqual({
      vpcEndpointId: 'vpce-1',
      serviceName: 'com.amazonaws.us-east-1.s3',
      service: 's3',
      state: 'available',
      routeTableIds: [],
    });
    expect(
      gatewayEndpointFrom({
        VpcEndpointId: 'vpce-2',
        VpcEndpointType: 'Interface',
        ServiceName: 'com.amazonaws.us-east-1.s3',
      }),
    ).toBeNull();
  });
});

describe('instances and volumes', () => {
  it('reads an instance with no public IP and no groups', () => {
    expect(instanceFrom({ InstanceId: 'i-1', State: { Name: 'stopped' } })).toEqual({
      instanceId: 'i-1',
      state: 'stopped',
      vpcId: null,
      subnetId: null,
      securityGroupIds: [],
      publicIp: null,
    });
  });

  it('reads Encrypted as written; a key is named only for an encrypted volume', () => {
    expect(volumeFrom({ VolumeId: 'vol-1', Encrypted: false, KmsKeyId: 'arn:aws:kms:x' })).toMatchObject({
      encrypted: false,
      kmsKeyId: null,
      attachments: [],
    });
    expect(
      volumeFrom({
        VolumeId: 'vol-2',
        Encrypted: true,
        KmsKeyId: 'arn:aws:kms:us-east-1:1:key/k',
        Attachments: [{ InstanceId: 'i-1', State: 'attached' }],
      }),
    ).toMatchObject({
      encrypted: true,
      kmsKeyId: 'arn:aws:kms:us-east-1:1:key/k',
      attachments: [{ instanceId: 'i-1' }],
    });
  });
});
