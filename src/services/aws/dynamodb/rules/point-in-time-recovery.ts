import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { DYNAMODB_TABLE, tableLabel, tableProperties } from './common';

/** 164.308(a)(7)(ii)(A) data backup plan, (B) disaster recovery plan: a table can be restored to a recent point. */
export const dynamodbPointInTimeRecovery: Rule = {
  id: 'aws.dynamodb.point-in-time-recovery',
  title: 'DynamoDB tables have point-in-time recovery enabled',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: DYNAMODB_TABLE,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
  failurePattern: failurePatterns.missingBackups,
  rationale:
    '164.308(a)(7)(ii)(A) requires procedures to create and maintain retrievable exact copies of ePHI, and 164.308(a)(7)(ii)(B) procedures to restore any loss of data. Point-in-time recovery keeps continuous backups of a DynamoDB table and restores it to any second of the recovery period (1 to 35 days, 35 by default), which is what undoes a faulty deployment, an accidental bulk delete or a compromised writer; without it a table has only the on-demand backups someone remembered to take, or an AWS Backup plan, which this rule does not see. The rule reads PointInTimeRecoveryStatus from DescribeContinuousBackups and fails every table without it, at high severity for PHI tables.',
  remediation: {
    text: 'Enable point-in-time recovery on the table (no downtime, billed by table size), and keep periodic backups in an AWS Backup plan where the contingency plan asks for copies beyond 35 days.',
    terraform: `resource "aws_dynamodb_table" "wearable_readings" {
  name = "nwv-wearable-readings"
  # ...
  point_in_time_recovery {
    enabled = true
  }
}`,
    cloudformation: `WearableReadings:
  Type: AWS::DynamoDB::Table
  Properties:
    PointInTimeRecoverySpecification:
      PointInTimeRecoveryEnabled: true`,
    cli: `aws dynamodb update-continuous-backups --table-name <table> \\
  --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true`,
  },
  evaluate(resource) {
    const { pointInTimeRecovery } = tableProperties(resource);
    const subject = tableLabel(resource);
    if (pointInTimeRecovery === undefined)
      return notAssessed('point-in-time recovery (DescribeContinuousBackups)', subject);
    if (!pointInTimeRecovery.enabled)
      return fail(
        `${subject} has point-in-time recovery disabled: it cannot be restored to a moment before a bad write or delete.${phiNote(resource)}`,
      );
    const days = pointInTimeRecovery.recoveryPeriodInDays;
    return pass(
      `${subject} has point-in-time recovery enabled${days !== null ? `, restorable to any point of the last ${days} day${days === 1 ? '' : 's'}` : ''}.`,
    );
  },
};
