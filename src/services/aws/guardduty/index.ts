import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { defineService } from '../../../kit';
import { collectGuardDuty } from './collect';
import { ops } from './operations';
import { guardDutyRegion } from './resource';
import { guardDutyEnabled } from './rules/enabled';
import { guardDutyFindingsRouted } from './rules/findings-routed';
import { guardDutyS3Protection } from './rules/s3-protection';
import { guardDutySim } from './sim';

/**
 * Amazon GuardDuty: per account and region, whether a detector runs and what it watches, and whether
 * EventBridge routes its findings somewhere (EventBridge through its own client). No finding is read.
 */
export const guardduty = defineService({
  id: 'aws.guardduty',
  provider: 'aws',
  service: 'guardduty',
  title: 'Amazon GuardDuty',
  hipaaListName: 'guardduty',
  scope: 'regional',
  client: GuardDutyClient,
  operations: Object.values(ops),
  resources: [guardDutyRegion],
  rules: [guardDutyEnabled, guardDutyS3Protection, guardDutyFindingsRouted],
  collect: collectGuardDuty,
  sim: guardDutySim,
});
