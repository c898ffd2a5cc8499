import { EFSClient } from '@aws-sdk/client-efs';
import { defineService } from '../../../kit';
import { collectEfsFileSystems } from './collect';
import { ops } from './operations';
import { efsFileSystem } from './resource';
import { efsAutomaticBackups } from './rules/automatic-backups';
import { efsEncryptionAtRest } from './rules/encryption-at-rest';
import { efsSim } from './sim';

/** Amazon EFS: file systems per region with their backup policy; nothing is mounted or read. */
export const efs = defineService({
  id: 'aws.efs',
  provider: 'aws',
  service: 'efs',
  title: 'Amazon Elastic File System',
  hipaaListName: 'efs',
  scope: 'regional',
  client: EFSClient,
  operations: Object.values(ops),
  resources: [efsFileSystem],
  rules: [efsEncryptionAtRest, efsAutomaticBackups],
  collect: collectEfsFileSystems,
  sim: efsSim,
});
