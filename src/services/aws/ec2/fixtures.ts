import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type {
  InstanceProperties,
  Permission,
  SecurityGroupProperties,
  VolumeProperties,
  VpcProperties,
} from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const arn = (kind: string, id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:${kind}/${id}`;

function resource(
  type: string,
  nativeId: string,
  name: string,
  properties: Record<string, unknown>,
  options: { phi?: boolean; tags?: Record<string, string>; missing?: string[] } = {},
): NormalizedResource {
  const props = { ...properties };
  for (const key of options.missing ?? []) delete props[key];
  const phi = options.phi ?? false;
  return {
    provider: 'aws',
    type,
    nativeId,
    name,
    scopeId: ACCOUNT,
    region: REGION,
    tags: options.tags ?? (phi ? { phi: 'true' } : {}),
    properties: props,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1],
  };
}

const rule = (overrides: Partial<Permission>): Permission => ({
  protocol: 'tcp',
  fromPort: 443,
  toPort: 443,
  ipv4: [],
  ipv6: [],
  prefixLists: [],
  groups: [],
  ...overrides,
});

export function ebsDefaults(encryptionByDefault: boolean | undefined): NormalizedResource {
  return resource(
    'aws.ec2.ebs-defaults',
    `arn:aws:ec2:${REGION}:${ACCOUNT}:ebs-encryption-by-default`,
    `EBS encryption by default (${ACCOUNT} ${REGION})`,
    encryptionByDefault === undefined ? {} : { encryptionByDefault },
  );
}

export function volume(
  id: string,
  overrides: Partial<VolumeProperties> = {},
  options: { phi?: boolean; missing?: string[] } = {},
): NormalizedResource {
  const properties: VolumeProperties = {
    volumeId: id,
    state: 'in-use',
    sizeGiB: 100,
    volumeType: 'gp3',
    encrypted: true,
    kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-44cd-96ef-1234567890ab`,
    attachments: [],
    ...overrides,
  };
  return resource('aws.ec2.volume', arn('volume', id), id, properties, options);
}

export function securityGroup(
  id: string,
  name: string,
  overrides: Partial<SecurityGroupProperties> = {},
  options: { phi?: boolean; missing?: string[] } = {},
): NormalizedResource {
  const properties: SecurityGroupProperties = {
    groupId: id,
    groupName: name,
    vpcId: 'vpc-0a1b2c3d',
    description: name,
    ingress: [rule({ ipv4: ['10.0.0.0/16'] })],
    egress: [rule({ ipv4: ['0.0.0.0/0'] })],
    attachments: [],
    ...overrides,
  };
  return resource(
    'aws.ec2.security-group',
    arn('security-group', id),
    `${name} (${id})`,
    properties,
    options,
  );
}

export function instance(
  id: string,
  name: string,
  overrides: Partial<InstanceProperties> = {},
  options: { phi?: boolean } = {},
): NormalizedResource {
  const properties: InstanceProperties = {
    instanceId: id,
    state: 'running',
    vpcId: 'vpc-0a1b2c3d',
    subnetId: 'subnet-0a1b2c3d',
    securityGroupIds: [],
    publicIp: null,
    ...overrides,
  };
  return resource('aws.ec2.instance', arn('instance', id), `${name} (${id})`, properties, options);
}

export function vpc(
  id: string,
  name: string,
  overrides: Partial<VpcProperties> = {},
  options: { phi?: boolean; missing?: string[] } = {},
): NormalizedResource {
  const properties: VpcProperties = {
    vpcId: id,
    cidrBlock: '10.0.0.0/16',
    isDefault: false,
    flowLogs: [
      {
        flowLogId: 'fl-0a1b2c3d',
        status: 'ACTIVE',
        trafficType: 'ALL',
        destinationType: 'cloud-watch-logs',
        destination: 'arn:aws:logs:us-east-1:111122223333:log-group:/vpc/flow-logs',
        deliverStatus: 'SUCCESS',
        deliverError: null,
      },
    ],
    gatewayEndpoints: [
      {
        vpcEndpointId: 'vpce-0a1b2c3d',
        serviceName: `com.amazonaws.${REGION}.s3`,
        service: 's3',
        state: 'available',
        routeTableIds: ['rtb-0a1b2c3d'],
      },
      {
        vpcEndpointId: 'vpce-0a1b2c3e',
        serviceName: `com.amazonaws.${REGION}.dynamodb`,
        service: 'dynamodb',
        state: 'available',
        routeTableIds: ['rtb-0a1b2c3d'],
      },
    ],
    instanceIds: [],
    ...overrides,
  };
  return resource('aws.ec2.vpc', arn('vpc', id), `${name} (${id})`, properties, options);
}

const phiWorkload = instance(
  'i-0phi0001',
  'nwv-intake',
  { securityGroupIds: ['sg-0open0001'] },
  { phi: true },
);
const plainWorkload = instance('i-0app0001', 'nwv-web', { securityGroupIds: ['sg-0open0001'] });
const sshWorld = securityGroup('sg-0open0001', 'nwv-legacy-ssh', {
  ingress: [rule({ fromPort: 22, toPort: 22, ipv4: ['0.0.0.0/0'], ipv6: ['::/0'] })],
  egress: [rule({ protocol: 'all', fromPort: null, toPort: null, ipv4: ['0.0.0.0/0'] })],
  attachments: [
    {
      networkInterfaceId: 'eni-0phi0001',
      interfaceType: 'interface',
      description: 'Primary network interface',
      instanceId: 'i-0phi0001',
      publicIp: '198.51.100.24',
    },
  ],
});
const restrictedEgress = securityGroup('sg-0tight001', 'nwv-telehealth-app', {
  egress: [rule({ ipv4: ['0.0.0.0/0'] }), rule({ fromPort: 5432, toPort: 5432, groups: ['sg-0db000001'] })],
});

export const ec2Fixtures: ServiceFixtures = {
  'aws.ec2.ebs-encryption-by-default': {
    pass: [{ name: 'on', resource: ebsDefaults(true), detail: 'is on' }],
    fail: [
      { name: 'off', resource: ebsDefaults(false), detail: 'is off' },
      {
        name: 'off, with an unencrypted volume in the region',
        resource: ebsDefaults(false),
        context: { resources: [volume('vol-0plain01', { encrypted: false, kmsKeyId: null })] },
        detail: '1 unencrypted volume(s) were seen',
      },
    ],
    notApplicable: [
      {
        name: 'setting unread',
        resource: ebsDefaults(undefined),
        detail: /Not assessed:.*GetEbsEncryptionByDefault/,
      },
    ],
  },
  'aws.ec2.volume-encrypted': {
    pass: [
      {
        name: 'encrypted with a KMS key',
        resource: volume('vol-0enc0001'),
        detail: 'is encrypted at rest with KMS key',
      },
    ],
    fail: [
      {
        name: 'unencrypted, unattached',
        resource: volume('vol-0plain01', { encrypted: false, kmsKeyId: null }),
        detail: 'is not encrypted at rest. It is not attached to an instance.',
      },
      {
        name: 'unencrypted, attached to a PHI instance',
        resource: volume('vol-0plain02', {
          encrypted: false,
          kmsKeyId: null,
          attachments: [{ instanceId: 'i-0phi0001', state: 'attached' }],
        }),
        context: { resources: [phiWorkload] },
        detail: 'attached to instance nwv-intake (i-0phi0001), classified as PHI (tag phi=true)',
      },
      {
        name: 'unencrypted, tagged PHI itself',
        resource: volume('vol-0plain03', { encrypted: false, kmsKeyId: null }, { phi: true }),
        detail: 'It is classified as PHI',
      },
    ],
    notApplicable: [
      {
        name: 'encryption state unread',
        resource: volume('vol-0gone001', {}, { missing: ['encrypted'] }),
        detail: 'Not assessed:',
      },
    ],
  },
  'aws.ec2.sg-open-admin-ports': {
    pass: [
      {
        name: 'SSH from the office CIDR only',
        resource: securityGroup('sg-0office01', 'nwv-bastion-office', {
          ingress: [rule({ fromPort: 22, toPort: 22, ipv4: ['203.0.113.0/24'] })],
        }),
        detail: 'allows no inbound administration port (22, 3389) from 0.0.0.0/0 or ::/0',
      },
      {
        name: 'UDP 22 from anywhere is not SSH',
        resource: securityGroup('sg-0udp0001', 'nwv-udp', {
          ingress: [rule({ protocol: 'udp', fromPort: 0, toPort: 65535, ipv4: ['0.0.0.0/0'] })],
        }),
        detail: 'allows no inbound administration port',
      },
    ],
    fail: [
      {
        name: 'SSH from 0.0.0.0/0 and ::/0, used by a PHI instance with a public IP',
        resource: sshWorld,
        context: { resources: [phiWorkload] },
        detail:
          'is open to the internet on port 22 from 0.0.0.0/0 and ::/0. Used by 1 network interface(s): instance nwv-intake (i-0phi0001), classified as PHI (tag phi=true), public IP 198.51.100.24. A PHI-classified workload uses it.',
      },
      {
        name: 'all traffic from anywhere opens RDP too, unattached',
        resource: securityGroup('sg-0all0001', 'nwv-wide-open', {
          ingress: [rule({ protocol: 'all', fromPort: null, toPort: null, ipv4: ['0.0.0.0/0'] })],
        }),
        detail:
          'port 22 from 0.0.0.0/0, port 3389 from 0.0.0.0/0. No network interface uses the group today.',
      },
      {
        name: 'a port range covering 3389, attachments unread',
        resource: securityGroup(
          'sg-0range01',
          'nwv-windows',
          { ingress: [rule({ fromPort: 3000, toPort: 4000, ipv6: ['::/0'] })] },
          { missing: ['attachments'] },
        ),
        detail: 'port 3389 from ::/0. Which network interfaces use the group could not be read',
      },
    ],
    notApplicable: [
      {
        name: 'rules unread',
        resource: securityGroup('sg-0unread1', 'nwv-unread', {}, { missing: ['ingress'] }),
        detail: 'Not assessed:',
      },
    ],
  },
  'aws.ec2.sg-open-database-ports': {
    pass: [
      {
        name: 'PostgreSQL from the app security group',
        resource: securityGroup('sg-0db000001', 'nwv-orders-db', {
          ingress: [rule({ fromPort: 5432, toPort: 5432, groups: ['sg-0tight001'] })],
        }),
        detail: 'allows no inbound database port',
      },
    ],
    fail: [
      {
        name: 'PostgreSQL from 0.0.0.0/0 on an RDS interface',
        resource: securityGroup('sg-0dbopen1', 'nwv-orders-db-public', {
          ingress: [rule({ fromPort: 5432, toPort: 5432, ipv4: ['0.0.0.0/0'] })],
          attachments: [
            {
              networkInterfaceId: 'eni-0rds0001',
              interfaceType: 'interface',
              description: 'RDSNetworkInterface',
              instanceId: null,
              publicIp: '198.51.100.77',
            },
          ],
        }),
        detail:
          'is open to the internet on port 5432 from 0.0.0.0/0. Used by 1 network interface(s): network interface eni-0rds0001 (RDSNetworkInterface), public IP 198.51.100.77.',
      },
      {
        name: 'Redis from ::/0, tagged PHI',
        resource: securityGroup(
          'sg-0redis01',
          'nwv-cache',
          { ingress: [rule({ fromPort: 6379, toPort: 6379, ipv6: ['::/0'] })] },
          { phi: true },
        ),
        detail: 'port 6379 from ::/0',
      },
    ],
  },
  'aws.ec2.vpc-flow-logs': {
    pass: [
      {
        name: 'active ALL flow log',
        resource: vpc('vpc-0prod0001', 'nwv-prod'),
        detail: 'has an active flow log (fl-0a1b2c3d) recording ALL traffic',
      },
    ],
    fail: [
      {
        name: 'no flow log, holding a PHI instance',
        resource: vpc('vpc-0legacy01', 'nwv-legacy', {
          flowLogs: [],
          instanceIds: ['i-0phi0001', 'i-0app0001'],
        }),
        context: { resources: [phiWorkload, plainWorkload] },
        detail:
          'it has no flow log, so connections to its workloads are not recorded. It holds PHI-classified workloads: instance nwv-intake (i-0phi0001), classified as PHI',
      },
      {
        name: 'REJECT-only flow log',
        resource: vpc('vpc-0rej00001', 'nwv-rejects', {
          flowLogs: [
            {
              flowLogId: 'fl-0rej0001',
              status: 'ACTIVE',
              trafficType: 'REJECT',
              destinationType: 's3',
              destination: 'arn:aws:s3:::nwv-flow-logs',
              deliverStatus: 'SUCCESS',
              deliverError: null,
            },
          ],
        }),
        detail: 'fl-0rej0001 (REJECT, ACTIVE) record no accepted traffic',
      },
      {
        name: 'delivery failing',
        resource: vpc('vpc-0fail0001', 'nwv-broken', {
          flowLogs: [
            {
              flowLogId: 'fl-0fail0001',
              status: 'ACTIVE',
              trafficType: 'ALL',
              destinationType: 'cloud-watch-logs',
              destination: '/vpc/flow-logs',
              deliverStatus: 'FAILED',
              deliverError: 'Access error',
            },
          ],
        }),
        detail: 'fails to deliver (Access error)',
      },
    ],
    notApplicable: [
      {
        name: 'flow logs unread',
        resource: vpc('vpc-0unread1', 'nwv-unread', {}, { missing: ['flowLogs'] }),
        detail: 'Not assessed:',
      },
    ],
  },
  'aws.ec2.vpc-gateway-endpoints': {
    pass: [
      {
        name: 'PHI VPC with both endpoints',
        resource: vpc('vpc-0prod0001', 'nwv-prod', { instanceIds: ['i-0phi0001'] }),
        context: { resources: [phiWorkload] },
        detail: 'has available S3 (vpce-0a1b2c3d) and DynamoDB (vpce-0a1b2c3e) gateway endpoints',
      },
    ],
    fail: [
      {
        name: 'PHI instance, no endpoints',
        resource: vpc('vpc-0legacy01', 'nwv-legacy', { gatewayEndpoints: [], instanceIds: ['i-0phi0001'] }),
        context: { resources: [phiWorkload] },
        detail: 'has no available S3 and DynamoDB gateway endpoint',
      },
      {
        name: 'VPC tagged PHI, DynamoDB endpoint missing',
        resource: vpc(
          'vpc-0half0001',
          'nwv-half',
          {
            gatewayEndpoints: [
              {
                vpcEndpointId: 'vpce-0s3only1',
                serviceName: 'com.amazonaws.us-east-1.s3',
                service: 's3',
                state: 'available',
                routeTableIds: [],
              },
            ],
          },
          { phi: true },
        ),
        detail: 'has no available DynamoDB gateway endpoint',
      },
    ],
    notApplicable: [
      {
        name: 'no PHI workload in it',
        resource: vpc('vpc-0web00001', 'nwv-web', { gatewayEndpoints: [], instanceIds: ['i-0app0001'] }),
        context: { resources: [plainWorkload] },
        detail: 'no PHI-classified instance was found in it',
      },
      {
        name: 'instances unread',
        resource: vpc('vpc-0unread1', 'nwv-unread', { gatewayEndpoints: [] }, { missing: ['instanceIds'] }),
        detail: /Not assessed:.*DescribeInstances/,
      },
    ],
  },
  'aws.ec2.instance-unrestricted-egress': {
    pass: [
      {
        name: 'PHI instance with HTTPS-only egress',
        resource: instance(
          'i-0tele0001',
          'nwv-telehealth-api',
          { securityGroupIds: ['sg-0tight001'] },
          { phi: true },
        ),
        context: { resources: [restrictedEgress] },
        detail: 'No security group of EC2 instance nwv-telehealth-api (i-0tele0001)',
      },
    ],
    fail: [
      {
        name: 'PHI instance with the default allow-all egress',
        resource: phiWorkload,
        context: { resources: [sshWorld] },
        detail:
          'may send all outbound traffic to any address through security group nwv-legacy-ssh (sg-0open0001) (all traffic to 0.0.0.0/0)',
      },
    ],
    notApplicable: [
      {
        name: 'not PHI',
        resource: plainWorkload,
        context: { resources: [sshWorld] },
        detail: 'is not classified as PHI',
      },
      {
        name: 'its security group was not read',
        resource: phiWorkload,
        detail: /Not assessed:.*sg-0open0001/,
      },
    ],
  },
};
