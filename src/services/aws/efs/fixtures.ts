import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { EfsFileSystemProperties } from './resource';

const ACCOUNT = '111122223333';
const ID = 'fs-0123456789abcdef0';
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-44cd-96ef-1234567890ab`;

export function compliantEfsProperties(): EfsFileSystemProperties {
  return {
    fileSystemId: ID,
    lifeCycleState: 'available',
    encrypted: true,
    kmsKeyId: KEY,
    availabilityZone: null,
    backupPolicy: 'ENABLED',
  };
}

interface Options {
  name?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof EfsFileSystemProperties, unknown>>;
  missing?: (keyof EfsFileSystemProperties)[];
}

export function fileSystemResource(options: Options = {}): NormalizedResource {
  const name = options.name ?? 'northwind-attachments';
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = { ...compliantEfsProperties(), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.efs.file-system',
    nativeId: `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/${ID}`,
    name,
    scopeId: ACCOUNT,
    region: 'us-east-1',
    tags: phi ? { phi: 'true', Name: name } : { Name: name },
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2],
  };
}

export const efsFixtures: ServiceFixtures = {
  'aws.efs.encryption-at-rest': {
    pass: [
      {
        name: 'encrypted under a KMS key',
        resource: fileSystemResource(),
        detail: `EFS file system northwind-attachments (${ID}) in us-east-1 is encrypted at rest under KMS key ${KEY}.`,
      },
    ],
    fail: [
      {
        name: 'unencrypted PHI file system',
        resource: fileSystemResource({ properties: { encrypted: false, kmsKeyId: null } }),
        detail:
          /is not encrypted at rest \(Encrypted false\): its files and their backups are stored unencrypted\. It is classified as PHI/,
      },
      {
        name: 'unnamed file system is named by its id',
        resource: fileSystemResource({
          name: ID,
          phi: false,
          properties: { encrypted: false, kmsKeyId: null },
        }),
        detail: new RegExp(`^EFS file system ${ID} in us-east-1 is not encrypted at rest`),
      },
    ],
    notApplicable: [
      {
        name: 'Encrypted missing from the answer',
        resource: fileSystemResource({ missing: ['encrypted'] }),
        detail: /^Not assessed: the encryption setting \(Encrypted\)/,
      },
    ],
  },
  'aws.efs.automatic-backups': {
    pass: [
      {
        name: 'backup policy ENABLED',
        resource: fileSystemResource(),
        detail: "has automatic backups turned on (AWS Backup's default EFS plan).",
      },
      {
        name: 'backup policy ENABLING',
        resource: fileSystemResource({ properties: { backupPolicy: 'ENABLING' } }),
        detail: 'being turned on (ENABLING)',
      },
    ],
    fail: [
      {
        name: 'no backup policy (PolicyNotFound)',
        resource: fileSystemResource({ properties: { backupPolicy: 'NONE' } }),
        detail:
          /has no backup policy \(PolicyNotFound\): automatic backups are off, so only a custom AWS Backup plan selecting it would keep copies of its files\. It is classified as PHI/,
      },
      {
        name: 'backup policy DISABLED',
        resource: fileSystemResource({ phi: false, properties: { backupPolicy: 'DISABLED' } }),
        detail: /has its backup policy DISABLED: automatic backups are off.*files\.$/,
      },
    ],
    notApplicable: [
      {
        name: 'DescribeBackupPolicy refused',
        resource: fileSystemResource({ missing: ['backupPolicy'] }),
        detail: /^Not assessed: the backup policy \(DescribeBackupPolicy\)/,
      },
    ],
  },
};
