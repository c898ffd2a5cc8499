import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { EFS_FILE_SYSTEM, efsProperties, fileSystemLabel } from './common';

/** 164.308(a)(7)(ii)(A) data backup plan, (B) disaster recovery plan: the file system is backed up. */
export const efsAutomaticBackups: Rule = {
  id: 'aws.efs.automatic-backups',
  title: 'EFS file systems have automatic backups turned on (backup policy)',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: EFS_FILE_SYSTEM,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
  failurePattern: failurePatterns.missingBackups,
  rationale:
    "164.308(a)(7)(ii)(A) requires procedures to create and maintain retrievable exact copies of ePHI, and 164.308(a)(7)(ii)(B) procedures to restore any loss of data. An EFS backup policy with status ENABLED puts the file system into AWS Backup's default EFS plan (daily backups kept 35 days) without anyone having to remember it; without it, deleted or encrypted-by-ransomware files are gone unless a custom AWS Backup plan selects the file system. The rule reads DescribeBackupPolicy (PolicyNotFound means no policy) and fails a file system whose automatic backups are off; a custom plan that covers it is judged by the AWS Backup checks and should be cited when this finding is triaged.",
  remediation: {
    text: 'Turn on automatic backups for the file system (PutBackupPolicy Status ENABLED), or select it in an AWS Backup plan whose schedule and retention match the contingency plan.',
    terraform: `resource "aws_efs_backup_policy" "attachments" {
  file_system_id = aws_efs_file_system.attachments.id
  backup_policy {
    status = "ENABLED"
  }
}`,
    cloudformation: `AttachmentsFileSystem:
  Type: AWS::EFS::FileSystem
  Properties:
    Encrypted: true
    BackupPolicy:
      Status: ENABLED`,
    cli: `aws efs put-backup-policy --file-system-id <fs-id> --backup-policy Status=ENABLED`,
  },
  evaluate(resource) {
    const { backupPolicy } = efsProperties(resource);
    const subject = fileSystemLabel(resource);
    if (backupPolicy === undefined) return notAssessed('backup policy (DescribeBackupPolicy)', subject);
    if (backupPolicy === 'ENABLED' || backupPolicy === 'ENABLING')
      return pass(
        `${subject} has automatic backups ${backupPolicy === 'ENABLED' ? 'turned on' : 'being turned on (ENABLING)'} (AWS Backup's default EFS plan).`,
      );
    const seen =
      backupPolicy === 'NONE'
        ? 'has no backup policy (PolicyNotFound)'
        : `has its backup policy ${backupPolicy === 'DISABLED' ? 'DISABLED' : 'being turned off (DISABLING)'}`;
    return fail(
      `${subject} ${seen}: automatic backups are off, so only a custom AWS Backup plan selecting it would keep copies of its files.${phiNote(resource)}`,
    );
  },
};
