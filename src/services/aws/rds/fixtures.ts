import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { tlsFrom } from './normalize';
import type { RdsClusterProperties, RdsInstanceProperties } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-44cd-96ef-1234567890ab`;

export function compliantInstanceProperties(
  name = 'northwind-intake-db',
  region = 'us-east-1',
): RdsInstanceProperties {
  return {
    arn: `arn:aws:rds:${region}:${ACCOUNT}:db:${name}`,
    engine: 'postgres',
    engineVersion: '16.3',
    status: 'available',
    storageEncrypted: true,
    kmsKeyId: KEY,
    backupRetentionPeriod: 14,
    vpcSecurityGroupIds: ['sg-0123456789abcdef0'],
    readReplicas: [],
    replicaSource: null,
    tls: tlsFrom('postgres', '16.3', 'northwind-pg16', [
      { ParameterName: 'rds.force_ssl', ParameterValue: '1', Source: 'user' },
    ]),
    clusterIdentifier: null,
    publiclyAccessible: false,
    endpointAddress: `${name}.abc123.${region}.rds.amazonaws.com`,
    backupReplications: [],
  };
}

export function compliantClusterProperties(
  name = 'northwind-notes',
  region = 'us-east-1',
): RdsClusterProperties {
  return {
    arn: `arn:aws:rds:${region}:${ACCOUNT}:cluster:${name}`,
    engine: 'aurora-postgresql',
    engineVersion: '16.4',
    status: 'available',
    storageEncrypted: true,
    kmsKeyId: KEY,
    backupRetentionPeriod: 14,
    vpcSecurityGroupIds: [],
    readReplicas: [],
    replicaSource: null,
    tls: tlsFrom('aurora-postgresql', '16.4', 'northwind-aurora-pg16', [
      { ParameterName: 'rds.force_ssl', ParameterValue: '1', Source: 'user' },
    ]),
    engineMode: 'provisioned',
    members: [`${name}-1`],
    globalClusterIdentifier: null,
  };
}

interface Options<P> {
  name?: string;
  region?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof P, unknown>>;
  /** Properties to remove, as a collector does when it could not read them. */
  missing?: (keyof P)[];
}

function resourceOf(
  type: string,
  name: string,
  region: string,
  phi: boolean,
  properties: Record<string, unknown>,
): NormalizedResource {
  return {
    provider: 'aws',
    type,
    nativeId: properties.arn as string,
    name,
    scopeId: ACCOUNT,
    region,
    tags: phi ? { phi: 'true' } : { team: 'web' },
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2],
  };
}

export function instanceResource(options: Options<RdsInstanceProperties> = {}): NormalizedResource {
  const name = options.name ?? 'northwind-intake-db';
  const region = options.region ?? 'us-east-1';
  const properties: Record<string, unknown> = {
    ...compliantInstanceProperties(name, region),
    ...options.properties,
  };
  for (const key of options.missing ?? []) delete properties[key];
  return resourceOf('aws.rds.instance', name, region, options.phi ?? true, properties);
}

export function clusterResource(options: Options<RdsClusterProperties> = {}): NormalizedResource {
  const name = options.name ?? 'northwind-notes';
  const region = options.region ?? 'us-east-1';
  const properties: Record<string, unknown> = {
    ...compliantClusterProperties(name, region),
    ...options.properties,
  };
  for (const key of options.missing ?? []) delete properties[key];
  return resourceOf('aws.rds.cluster', name, region, options.phi ?? true, properties);
}

const member = { clusterIdentifier: 'northwind-notes' };

/** A security group as the EC2 service of the same run describes it. */
const securityGroup = (ingress: Record<string, unknown>[]): NormalizedResource => ({
  provider: 'aws',
  type: 'aws.ec2.security-group',
  nativeId: `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/sg-0123456789abcdef0`,
  name: 'northwind-db',
  scopeId: ACCOUNT,
  region: 'us-east-1',
  tags: {},
  properties: { groupId: 'sg-0123456789abcdef0', groupName: 'northwind-db', ingress, egress: [] },
  phi: false,
  phiReason: null,
  evidenceIds: [7],
});
const kmsKey = (manager: 'CUSTOMER' | 'AWS'): NormalizedResource => ({
  provider: 'aws',
  type: 'aws.kms.key',
  nativeId: KEY,
  name: '1234abcd-12ab-44cd-96ef-1234567890ab',
  scopeId: ACCOUNT,
  region: 'us-east-1',
  tags: {},
  properties: { keyId: '1234abcd-12ab-44cd-96ef-1234567890ab', metadata: { keyManager: manager } },
  phi: false,
  phiReason: null,
  evidenceIds: [9],
});

export const rdsFixtures: ServiceFixtures = {
  'aws.rds.instance-storage-encrypted': {
    pass: [
      {
        name: 'encrypted instance; the run described its key as customer managed',
        resource: instanceResource(),
        context: { resources: [kmsKey('CUSTOMER')] },
        detail: `(postgres 16.3) encrypts its storage under KMS key ${KEY} (a customer managed key).`,
      },
      {
        name: 'encrypted instance whose key the run did not see',
        resource: instanceResource({ phi: false }),
        detail: new RegExp(`encrypts its storage under KMS key ${KEY.replace(/[/]/g, '\\/')}\\.$`),
      },
    ],
    fail: [
      {
        name: 'unencrypted PHI MySQL instance',
        resource: instanceResource({
          name: 'northwind-legacy-db',
          properties: { engine: 'mysql', engineVersion: '8.0.35', storageEncrypted: false, kmsKeyId: null },
        }),
        detail:
          /northwind-legacy-db in us-east-1 \(mysql 8\.0\.35\) does not encrypt its storage \(StorageEncrypted false\).*It is classified as PHI \(tag phi=true\)\.$/,
      },
    ],
    notApplicable: [
      {
        name: 'Aurora member: judged on the cluster',
        resource: instanceResource({ properties: { ...member, storageEncrypted: false } }),
        detail:
          "is a member of DB cluster northwind-notes: its storage is the cluster's and is judged there.",
      },
      {
        name: 'StorageEncrypted missing from the answer',
        resource: instanceResource({ missing: ['storageEncrypted'] }),
        detail:
          /^Not assessed: the storage encryption \(StorageEncrypted\) of RDS DB instance northwind-intake-db/,
      },
    ],
  },
  'aws.rds.cluster-storage-encrypted': {
    pass: [
      {
        name: 'encrypted Aurora cluster under an AWS managed key',
        resource: clusterResource(),
        context: { resources: [kmsKey('AWS')] },
        detail:
          'RDS DB cluster northwind-notes in us-east-1 (aurora-postgresql 16.4) encrypts its storage under KMS key',
      },
    ],
    fail: [
      {
        name: 'unencrypted Aurora MySQL cluster',
        resource: clusterResource({
          name: 'northwind-telemetry',
          properties: {
            engine: 'aurora-mysql',
            engineVersion: '8.0.mysql_aurora.3.04.1',
            storageEncrypted: false,
            kmsKeyId: null,
          },
        }),
        detail:
          /RDS DB cluster northwind-telemetry .* does not encrypt its storage \(StorageEncrypted false\): its data, automated backups and snapshots are stored unencrypted\./,
      },
    ],
    notApplicable: [
      {
        name: 'StorageEncrypted missing',
        resource: clusterResource({ missing: ['storageEncrypted'] }),
        detail: /^Not assessed: the storage encryption/,
      },
    ],
  },
  'aws.rds.instance-public': {
    pass: [
      {
        name: 'private instance',
        resource: instanceResource(),
        detail:
          'is not publicly accessible (PubliclyAccessible false): its endpoint resolves to a private address only.',
      },
    ],
    fail: [
      {
        name: 'public PHI instance: names its security groups, claims no internet reachability',
        resource: instanceResource({ name: 'northwind-legacy-db', properties: { publiclyAccessible: true } }),
        detail:
          /is publicly accessible \(PubliclyAccessible true\): its endpoint northwind-legacy-db\.abc123\.us-east-1\.rds\.amazonaws\.com resolves to a public IP address\. Whether it answers from the internet depends on its security groups \(sg-0123456789abcdef0\) and its subnets' routes, which this run did not read\. It is classified as PHI/,
      },
      {
        name: 'public Aurora member instance (PubliclyAccessible is per instance)',
        resource: instanceResource({
          phi: false,
          properties: { ...member, publiclyAccessible: true, vpcSecurityGroupIds: [] },
        }),
        detail: /depends on its security groups and its subnets' routes, which this run did not read\.$/,
      },
      {
        name: "public instance whose security group the run's EC2 service saw open on the port",
        resource: instanceResource({
          name: 'northwind-legacy-db',
          properties: { engine: 'mysql', publiclyAccessible: true, port: 3306 },
        }),
        context: {
          resources: [
            securityGroup([{ protocol: 'tcp', fromPort: 3306, toPort: 3306, ipv4: ['0.0.0.0/0'], ipv6: [] }]),
          ],
        },
        detail:
          'Its security group sg-0123456789abcdef0 (0.0.0.0/0) admits everyone on port 3306, so the database listener is open to the internet at the security-group level (network ACLs and routes were not read).',
      },
      {
        name: 'public instance whose security groups admit only named addresses',
        resource: instanceResource({ phi: false, properties: { publiclyAccessible: true, port: 5432 } }),
        context: {
          resources: [
            securityGroup([
              { protocol: 'tcp', fromPort: 5432, toPort: 5432, ipv4: ['203.0.113.10/32'], ipv6: [] },
              { protocol: 'tcp', fromPort: 22, toPort: 22, ipv4: ['0.0.0.0/0'], ipv6: [] },
            ]),
          ],
        },
        detail:
          'Its security groups (sg-0123456789abcdef0) admit no 0.0.0.0/0 or ::/0 on port 5432, so only the addresses they name can reach it.',
      },
    ],
    notApplicable: [
      {
        name: 'PubliclyAccessible missing',
        resource: instanceResource({ missing: ['publiclyAccessible'] }),
        detail: /^Not assessed: the public accessibility \(PubliclyAccessible\)/,
      },
    ],
  },
  'aws.rds.instance-tls-forced': {
    pass: [
      {
        name: 'rds.force_ssl = 1 set in the group',
        resource: instanceResource(),
        detail:
          'refuses connections without TLS: in parameter group northwind-pg16, rds.force_ssl = 1 (set explicitly).',
      },
      {
        name: 'PostgreSQL 15+ default group leaving rds.force_ssl unset',
        resource: instanceResource({
          properties: { tls: tlsFrom('postgres', '15.7', 'default.postgres15', []) },
        }),
        detail: 'rds.force_ssl is not set, and RDS for PostgreSQL 15 defaults it to 1',
      },
      {
        name: 'MySQL require_secure_transport = ON',
        resource: instanceResource({
          properties: {
            engine: 'mysql',
            tls: tlsFrom('mysql', '8.0.35', 'nwv-mysql-tls', [
              { ParameterName: 'require_secure_transport', ParameterValue: 'ON', Source: 'user' },
            ]),
          },
        }),
        detail: 'require_secure_transport = ON (set explicitly)',
      },
    ],
    fail: [
      {
        name: 'MySQL require_secure_transport OFF',
        resource: instanceResource({
          name: 'northwind-legacy-db',
          properties: {
            engine: 'mysql',
            tls: tlsFrom('mysql', '8.0.35', 'northwind-legacy-mysql80', [
              { ParameterName: 'require_secure_transport', ParameterValue: 'OFF', Source: 'user' },
            ]),
          },
        }),
        detail:
          /accepts connections without TLS: in parameter group northwind-legacy-mysql80, require_secure_transport = OFF \(set explicitly\)\. It is classified as PHI/,
      },
      {
        name: 'MySQL default group: unset, engine default OFF',
        resource: instanceResource({
          phi: false,
          properties: {
            engine: 'mysql',
            tls: tlsFrom('mysql', '8.0.35', 'default.mysql8.0', [
              { ParameterName: 'require_secure_transport', Source: 'engine-default' },
            ]),
          },
        }),
        detail:
          'in parameter group default.mysql8.0, require_secure_transport is not set, and mysql defaults it to OFF.',
      },
      {
        name: 'SQL Server rds.force_ssl 0',
        resource: instanceResource({
          phi: false,
          properties: {
            engine: 'sqlserver-se',
            tls: tlsFrom('sqlserver-se', '15.00', 'reporting', [
              { ParameterName: 'rds.force_ssl', ParameterValue: '0', Source: 'user' },
            ]),
          },
        }),
        detail: 'rds.force_ssl = 0',
      },
      {
        name: 'PostgreSQL 14 default group leaving rds.force_ssl unset',
        resource: instanceResource({
          phi: false,
          properties: { tls: tlsFrom('postgres', '14.12', 'default.postgres14', []) },
        }),
        detail: 'rds.force_ssl is not set, and postgres defaults it to 0',
      },
    ],
    notApplicable: [
      {
        name: 'cluster member: judged on the cluster parameter group',
        resource: instanceResource({ properties: member }),
        detail: 'its TLS parameter is in the cluster parameter group and is judged there.',
      },
      {
        name: 'Oracle: TLS is an option group setting',
        resource: instanceResource({
          properties: { engine: 'oracle-ee', tls: tlsFrom('oracle-ee', '19', 'default.oracle-ee-19', []) },
        }),
        detail:
          'engine oracle-ee does not force TLS through a parameter this check reads; TLS enforcement was not judged.',
      },
      {
        name: 'parameter group not read (AccessDenied on DescribeDBParameters)',
        resource: instanceResource({ missing: ['tls'] }),
        detail: /^Not assessed: the parameter group \(DescribeDBParameters\) of RDS DB instance/,
      },
    ],
  },
  'aws.rds.cluster-tls-forced': {
    pass: [
      {
        name: 'Aurora PostgreSQL rds.force_ssl = 1',
        resource: clusterResource(),
        detail:
          'refuses connections without TLS: in parameter group northwind-aurora-pg16, rds.force_ssl = 1',
      },
    ],
    fail: [
      {
        name: 'Aurora MySQL default cluster group',
        resource: clusterResource({
          properties: {
            engine: 'aurora-mysql',
            tls: tlsFrom('aurora-mysql', '8.0.mysql_aurora.3.04.1', 'default.aurora-mysql8.0', []),
          },
        }),
        detail:
          'accepts connections without TLS: in parameter group default.aurora-mysql8.0, require_secure_transport is not set, and aurora-mysql defaults it to OFF.',
      },
      {
        name: 'Aurora PostgreSQL unset: defaults to 0',
        resource: clusterResource({
          phi: false,
          properties: { tls: tlsFrom('aurora-postgresql', '16.4', 'default.aurora-postgresql16', []) },
        }),
        detail: 'aurora-postgresql defaults it to 0',
      },
    ],
    notApplicable: [
      {
        name: 'cluster parameter group not read',
        resource: clusterResource({ missing: ['tls'] }),
        detail: /^Not assessed: the parameter group \(DescribeDBClusterParameters\) of RDS DB cluster/,
      },
    ],
  },
  'aws.rds.instance-backup-retention': {
    pass: [
      {
        name: '14 days',
        resource: instanceResource(),
        detail: 'keeps automated backups with point-in-time recovery for 14 days.',
      },
    ],
    fail: [
      {
        name: 'backups off',
        resource: instanceResource({ properties: { backupRetentionPeriod: 0 } }),
        detail:
          /has automated backups turned off \(BackupRetentionPeriod 0\): there is no point-in-time recovery and no automated snapshot\. It is classified as PHI/,
      },
      {
        name: '3 days',
        resource: instanceResource({ phi: false, properties: { backupRetentionPeriod: 3 } }),
        detail: /keeps automated backups for 3 days, under the 7 days this check expects\.$/,
      },
      {
        name: '1 day',
        resource: instanceResource({ phi: false, properties: { backupRetentionPeriod: 1 } }),
        detail: 'for 1 day, under the 7 days',
      },
    ],
    notApplicable: [
      {
        name: 'read replica with retention 0',
        resource: instanceResource({
          properties: {
            backupRetentionPeriod: 0,
            replicaSource: 'arn:aws:rds:us-east-1:111122223333:db:primary',
          },
        }),
        detail:
          "is a read replica of arn:aws:rds:us-east-1:111122223333:db:primary: the backups that matter are its source's.",
      },
      {
        name: 'cluster member',
        resource: instanceResource({ properties: member }),
        detail: "its backups are the cluster's",
      },
      {
        name: 'retention missing',
        resource: instanceResource({ missing: ['backupRetentionPeriod'] }),
        detail: /^Not assessed: the backup retention period/,
      },
    ],
  },
  'aws.rds.cluster-backup-retention': {
    pass: [{ name: '14 days', resource: clusterResource(), detail: 'for 14 days' }],
    fail: [
      {
        name: 'Aurora minimum of 1 day',
        resource: clusterResource({ properties: { backupRetentionPeriod: 1 } }),
        detail:
          /RDS DB cluster northwind-notes in us-east-1 keeps automated backups for 1 day, under the 7 days/,
      },
    ],
    notApplicable: [
      {
        name: 'retention missing',
        resource: clusterResource({ missing: ['backupRetentionPeriod'] }),
        detail: /^Not assessed/,
      },
    ],
  },
  'aws.rds.instance-replica-region': {
    pass: [
      {
        name: 'replicated automated backups and a replica in approved regions',
        resource: instanceResource({
          properties: {
            readReplicas: [
              'northwind-intake-db-ro',
              'arn:aws:rds:us-east-2:111122223333:db:northwind-intake-db-dr',
            ],
            backupReplications: [
              { arn: 'arn:aws:rds:us-east-2:111122223333:auto-backup:ab-abc', region: 'us-east-2' },
            ],
          },
        }),
        detail:
          'copies its data only to approved regions: read replica northwind-intake-db-ro (us-east-1), read replica arn:aws:rds:us-east-2:111122223333:db:northwind-intake-db-dr (us-east-2), replicated automated backups arn:aws:rds:us-east-2:111122223333:auto-backup:ab-abc (us-east-2).',
      },
      {
        name: 'a replica sitting in an approved region',
        resource: instanceResource({
          region: 'us-east-2',
          properties: { replicaSource: 'arn:aws:rds:us-east-1:111122223333:db:primary' },
        }),
        detail: 'is a replica of arn:aws:rds:us-east-1:111122223333:db:primary in approved region us-east-2.',
      },
    ],
    fail: [
      {
        name: 'cross-region replica in eu-west-1',
        resource: instanceResource({
          properties: { readReplicas: ['arn:aws:rds:eu-west-1:111122223333:db:northwind-intake-db-eu'] },
        }),
        detail:
          /copies its data to read replica arn:aws:rds:eu-west-1:111122223333:db:northwind-intake-db-eu in eu-west-1, outside the approved regions \(us-east-1, us-east-2, eastus, westus\)\. It is classified as PHI/,
      },
      {
        name: 'automated backups replicated to eu-central-1',
        resource: instanceResource({
          phi: false,
          properties: {
            backupReplications: [
              { arn: 'arn:aws:rds:eu-central-1:111122223333:auto-backup:ab-x', region: 'eu-central-1' },
            ],
          },
        }),
        detail:
          'replicated automated backups arn:aws:rds:eu-central-1:111122223333:auto-backup:ab-x in eu-central-1',
      },
      {
        name: 'the replica itself in eu-west-1',
        resource: instanceResource({
          name: 'northwind-intake-db-eu',
          region: 'eu-west-1',
          properties: { replicaSource: 'arn:aws:rds:us-east-1:111122223333:db:northwind-intake-db' },
        }),
        detail:
          'is itself a replica of arn:aws:rds:us-east-1:111122223333:db:northwind-intake-db located in eu-west-1, outside the approved regions',
      },
    ],
    notApplicable: [
      {
        name: 'no replica, no backup replication',
        resource: instanceResource(),
        detail: 'has no read replica and no automated-backup replication to another region.',
      },
      {
        name: 'no approved regions set',
        resource: instanceResource({
          properties: { readReplicas: ['arn:aws:rds:eu-west-1:111122223333:db:x'] },
        }),
        context: { approvedRegions: [] },
        detail:
          'no approved regions set for this engagement, so its copies (read replica arn:aws:rds:eu-west-1:111122223333:db:x (eu-west-1)) were not judged.',
      },
    ],
  },
  'aws.rds.cluster-replica-region': {
    pass: [
      {
        name: 'replica cluster in an approved region',
        resource: clusterResource({
          properties: { readReplicas: ['arn:aws:rds:us-east-2:111122223333:cluster:northwind-notes-dr'] },
        }),
        detail:
          'copies its data only to approved regions: read replica cluster arn:aws:rds:us-east-2:111122223333:cluster:northwind-notes-dr (us-east-2).',
      },
    ],
    fail: [
      {
        name: 'replica cluster in eu-west-1',
        resource: clusterResource({
          properties: { readReplicas: ['arn:aws:rds:eu-west-1:111122223333:cluster:northwind-notes-eu'] },
        }),
        detail:
          'copies its data to read replica cluster arn:aws:rds:eu-west-1:111122223333:cluster:northwind-notes-eu in eu-west-1, outside the approved regions',
      },
      {
        name: 'secondary cluster of a global database in eu-west-1',
        resource: clusterResource({
          region: 'eu-west-1',
          properties: { globalClusterIdentifier: 'northwind-global' },
        }),
        detail: 'is itself a member of global database northwind-global located in eu-west-1',
      },
    ],
    notApplicable: [
      {
        name: 'no replica',
        resource: clusterResource(),
        detail: 'has no read replica and no automated-backup replication',
      },
    ],
  },
};
