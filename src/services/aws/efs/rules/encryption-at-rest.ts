import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { EFS_FILE_SYSTEM, efsProperties, fileSystemLabel } from './common';

/** 164.312(a)(2)(iv) encryption and decryption: files holding ePHI are encrypted on the file system's storage. */
export const efsEncryptionAtRest: Rule = {
  id: 'aws.efs.encryption-at-rest',
  title: 'EFS file systems encrypt data at rest',
  severity: 'high',
  exposure: 'internal',
  resourceType: EFS_FILE_SYSTEM,
  citations: ['164.312(a)(2)(iv)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    '164.312(a)(2)(iv) requires a mechanism to encrypt and decrypt ePHI, or a documented equivalent where encryption is not reasonable and appropriate (addressable, 164.306(d)(3)). EFS file systems hold what applications write as files: uploaded attachments, scanned intake forms, exports, telehealth recordings. Encryption at rest is chosen when the file system is created (Encrypted, with a KMS key) and cannot be turned on afterwards, so an unencrypted file system stays unencrypted, with its backups, until its data is copied to a new encrypted one. Encryption also decides breach exposure: ePHI rendered unreadable per HHS guidance is not "unsecured PHI" (164.402). The rule reads Encrypted from DescribeFileSystems; severity is high whether or not the file system is classified as PHI, since the fix needs a migration, while nothing is exposed to outsiders by this gap alone (critical is kept for that).',
  remediation: {
    text: 'Create a new file system with encryption at rest under a KMS key (preferably customer managed), copy the data (AWS DataSync, or an AWS Backup restore into the new file system), move the mount targets or access points of the applications, then delete the unencrypted file system and its backups. Enforce it for the future with an SCP or IAM condition elasticfilesystem:Encrypted = true on CreateFileSystem.',
    terraform: `resource "aws_efs_file_system" "attachments" {
  creation_token = "nwv-telehealth-attachments"
  encrypted      = true
  kms_key_id     = aws_kms_key.phi.arn
}`,
    cloudformation: `AttachmentsFileSystem:
  Type: AWS::EFS::FileSystem
  Properties:
    Encrypted: true
    KmsKeyId: !GetAtt PhiKey.Arn`,
    cli: `aws efs create-file-system --creation-token nwv-telehealth-attachments-enc --encrypted --kms-key-id <kms-key-arn>
# then copy the data (DataSync task or AWS Backup restore) and repoint the mounts`,
  },
  evaluate(resource) {
    const { encrypted, kmsKeyId } = efsProperties(resource);
    const subject = fileSystemLabel(resource);
    if (encrypted === undefined) return notAssessed('encryption setting (Encrypted)', subject);
    if (!encrypted)
      return fail(
        `${subject} is not encrypted at rest (Encrypted false): its files and their backups are stored unencrypted.${phiNote(resource)}`,
      );
    return pass(`${subject} is encrypted at rest${kmsKeyId ? ` under KMS key ${kmsKeyId}` : ''}.`);
  },
};
