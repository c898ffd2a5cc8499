import { describe, expect, it } from 'vitest';
import {
  clusterFrom,
  forcesTls,
  instanceFrom,
  regionOfRdsArn,
  replicaRegion,
  tagsFromTagList,
  tlsFrom,
  tlsParameterName,
} from './normalize';

/** Plain objects shaped like the RDS answers: unset fields are absent. */

describe('ARNs and references', () => {
  it('reads the region of an RDS ARN; a bare identifier is the same region', () => {
    expect(regionOfRdsArn('arn:aws:rds:eu-west-1:111122223333:db:replica')).toBe('eu-west-1');
    expect(regionOfRdsArn('arn:aws-us-gov:rds:us-gov-west-1:111122223333:cluster:c')).toBe('us-gov-west-1');
    expect(regionOfRdsArn('arn:aws:rds:us-west-2:111122223333:auto-backup:ab-xyz')).toBe('us-west-2');
    expect(regionOfRdsArn('replica-1')).toBeNull();
    expect(replicaRegion('replica-1', 'us-east-1')).toBe('us-east-1');
  });

  it('reads TagList', () => {
    expect(tagsFromTagList([{ Key: 'phi', Value: 'true' }, { Key: 'empty' }])).toEqual({
      phi: 'true',
      empty: '',
    });
    expect(tagsFromTagList(undefined)).toEqual({});
  });
});

describe('tlsFrom', () => {
  it('names the parameter per engine', () => {
    expect(tlsParameterName('postgres')).toBe('rds.force_ssl');
    expect(tlsParameterName('aurora-postgresql')).toBe('rds.force_ssl');
    expect(tlsParameterName('sqlserver-ee')).toBe('rds.force_ssl');
    expect(tlsParameterName('mariadb')).toBe('require_secure_transport');
    expect(tlsParameterName('aurora-mysql')).toBe('require_secure_transport');
    expect(tlsParameterName('oracle-ee')).toBeNull();
    expect(tlsParameterName('neptune')).toBeNull();
  });

  it('accepts ON, 1 and true for require_secure_transport, only 1 for rds.force_ssl', () => {
    expect(forcesTls('require_secure_transport', 'ON')).toBe(true);
    expect(forcesTls('require_secure_transport', 'on')).toBe(true);
    expect(forcesTls('require_secure_transport', '1')).toBe(true);
    expect(forcesTls('require_secure_transport', 'OFF')).toBe(false);
    expect(forcesTls('rds.force_ssl', '1')).toBe(true);
    expect(forcesTls('rds.force_ssl', '0')).toBe(false);
  });

  it('judges the value the group holds, and the engine default where it is unset', () => {
    expect(
      tlsFrom('mysql', '8.0.35', 'g', [
        { ParameterName: 'require_secure_transport', ParameterValue: 'OFF', Source: 'user' },
      ]),
    ).toEqual({
      group: 'g',
      parameter: 'require_secure_transport',
      value: 'OFF',
      source: 'user',
      forced: false,
      reading: 'require_secure_transport = OFF (set explicitly)',
    });
    expect(
      tlsFrom('postgres', '16.3', 'default.postgres16', [
        { ParameterName: 'rds.force_ssl', ParameterValue: '1', Source: 'system' },
      ]),
    ).toMatchObject({
      forced: true,
      reading: 'rds.force_ssl = 1 (its system value)',
    });
    expect(tlsFrom('postgres', '15.2', 'default.postgres15', [])).toMatchObject({
      forced: true,
      value: null,
      source: null,
    });
    expect(tlsFrom('postgres', '13.9', 'default.postgres13', [])).toMatchObject({ forced: false });
    expect(
      tlsFrom('mariadb', '10.11', 'default.mariadb10.11', [
        { ParameterName: 'require_secure_transport', Source: 'engine-default' },
      ]),
    ).toMatchObject({
      forced: false,
      source: 'engine-default',
      reading: 'require_secure_transport is not set, and mariadb defaults it to OFF',
    });
    expect(tlsFrom('oracle-ee', '19', 'default.oracle-ee-19', [])).toMatchObject({
      parameter: null,
      forced: false,
    });
  });
});

describe('instanceFrom / clusterFrom', () => {
  it('keeps absent fields absent and merges backup replications from both answers', () => {
    const props = instanceFrom(
      {
        DBInstanceIdentifier: 'db',
        DBInstanceArn: 'arn:aws:rds:us-east-1:111122223333:db:db',
        Engine: 'mysql',
        PubliclyAccessible: true,
        ReadReplicaDBInstanceIdentifiers: ['arn:aws:rds:eu-west-1:111122223333:db:db-eu'],
        DBInstanceAutomatedBackupsReplications: [
          { DBInstanceAutomatedBackupsArn: 'arn:aws:rds:us-west-2:111122223333:auto-backup:ab-1' },
        ],
      },
      [
        'arn:aws:rds:us-west-2:111122223333:auto-backup:ab-1',
        'arn:aws:rds:eu-central-1:111122223333:auto-backup:ab-2',
      ],
    );
    expect(props.storageEncrypted).toBeUndefined();
    expect(props.backupRetentionPeriod).toBeUndefined();
    expect(props).toMatchObject({
      kmsKeyId: null,
      publiclyAccessible: true,
      replicaSource: null,
      clusterIdentifier: null,
      readReplicas: ['arn:aws:rds:eu-west-1:111122223333:db:db-eu'],
      backupReplications: [
        { arn: 'arn:aws:rds:eu-central-1:111122223333:auto-backup:ab-2', region: 'eu-central-1' },
        { arn: 'arn:aws:rds:us-west-2:111122223333:auto-backup:ab-1', region: 'us-west-2' },
      ],
    });
  });

  it('reads a cluster: members, replicas, global database', () => {
    expect(
      clusterFrom({
        DBClusterIdentifier: 'c',
        DBClusterArn: 'arn:aws:rds:us-east-1:111122223333:cluster:c',
        Engine: 'aurora-mysql',
        StorageEncrypted: false,
        BackupRetentionPeriod: 1,
        DBClusterMembers: [{ DBInstanceIdentifier: 'c-1' }, {}],
        ReadReplicaIdentifiers: ['arn:aws:rds:eu-west-1:111122223333:cluster:c-eu'],
        GlobalClusterIdentifier: 'g',
      }),
    ).toMatchObject({
      storageEncrypted: false,
      backupRetentionPeriod: 1,
      members: ['c-1'],
      readReplicas: ['arn:aws:rds:eu-west-1:111122223333:cluster:c-eu'],
      replicaSource: null,
      globalClusterIdentifier: 'g',
      engineMode: null,
    });
  });
});
