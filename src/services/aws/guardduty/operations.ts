import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { GetDetectorCommand, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { awsOperation } from '../../../kit';

/**
 * Every call the GuardDuty collector makes: the guard allows exactly these, the access kit grants
 * exactly them. GuardDuty: is there a detector in the region, and what does it watch. EventBridge
 * (its own client): which rules on the default event bus pick up GuardDuty findings, and where they
 * send them. No finding is read (GetFindings / ListFindings stay refused): the tool judges whether
 * findings would reach someone, not what they say.
 */
export const ops = {
  listDetectors: awsOperation(ListDetectorsCommand, 'guardduty:ListDetectors'),
  getDetector: awsOperation(GetDetectorCommand, 'guardduty:GetDetector'),
  listRules: awsOperation(ListRulesCommand, 'events:ListRules', { client: EventBridgeClient }),
  listTargetsByRule: awsOperation(ListTargetsByRuleCommand, 'events:ListTargetsByRule', {
    client: EventBridgeClient,
  }),
};
