import type { Rule } from '../../../../kit';
import { fail, failServingPhi, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { ec2Vpc } from '../resource';
import { describeInstance, instancesNear, label, phiInstances, VPC } from './common';

/** 164.312(b) audit controls, 164.308(a)(1)(ii)(D) activity review: connections to PHI systems are recorded. */
export const ec2VpcFlowLogs: Rule = {
  id: 'aws.ec2.vpc-flow-logs',
  title: 'VPCs record accepted traffic in an active flow log',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: VPC,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    '164.312(b) requires mechanisms that record and examine activity in systems that contain ePHI, and 164.308(a)(1)(ii)(D) requires regular review of such records. VPC flow logs are the only record of which addresses connected to which instance, database or endpoint inside a VPC, and on which port; after a breach they show what was reached and where data went, which CloudTrail (API calls) cannot. The rule reads DescribeFlowLogs for flow logs whose resource is the VPC: it passes with an ACTIVE flow log that records ALL or ACCEPT traffic and whose delivery has not failed; a REJECT-only log records no successful access. Subnet- or interface-level flow logs are not counted. A failing detail names the PHI-classified instances the run found in the VPC (DescribeInstances). A VPC tagged as PHI fails at the higher severity.',
  remediation: {
    text: 'Create a flow log on the VPC with traffic type ALL, delivered to a CloudWatch Logs group (encrypted with a customer managed key, retention set) or an S3 bucket of the log archive, and review it with the other audit logs.',
    terraform: `resource "aws_flow_log" "legacy" {
  vpc_id               = aws_vpc.legacy.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.flow_logs.arn
  iam_role_arn         = aws_iam_role.flow_logs.arn
}`,
    cloudformation: `LegacyVpcFlowLog:
  Type: AWS::EC2::FlowLog
  Properties:
    ResourceId: !Ref LegacyVpc
    ResourceType: VPC
    TrafficType: ALL
    LogDestinationType: cloud-watch-logs
    LogGroupName: /nwv/vpc/flow-logs
    DeliverLogsPermissionArn: !GetAtt FlowLogsRole.Arn`,
    cli: `aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type ALL \\
  --log-destination-type cloud-watch-logs --log-group-name /nwv/vpc/flow-logs \\
  --deliver-logs-permission-arn <flow-logs-role-arn>`,
  },
  evaluate(resource, context) {
    const { flowLogs, instanceIds } = ec2Vpc.properties(resource);
    const subject = label('VPC', resource);
    if (flowLogs === undefined) return notAssessed('flow logs (DescribeFlowLogs)', subject);
    const recording = flowLogs.filter(
      (log) =>
        (log.status ?? '').toUpperCase() === 'ACTIVE' &&
        ['ALL', 'ACCEPT'].includes((log.trafficType ?? '').toUpperCase()),
    );
    const delivering = recording.filter((log) => (log.deliverStatus ?? '').toUpperCase() !== 'FAILED');
    const phi = instanceIds ? phiInstances(instanceIds, instancesNear(resource, context)) : [];
    const phiText =
      phi.length > 0 ? ` It holds PHI-classified workloads: ${phi.map(describeInstance).join('; ')}.` : '';
    if (delivering.length > 0) {
      const log = delivering[0]!;
      return pass(
        `${subject} has an active flow log (${log.flowLogId}) recording ${log.trafficType} traffic to ${log.destinationType ?? 'its destination'}${log.destination ? ` ${log.destination}` : ''}.`,
      );
    }
    let seen: string;
    if (recording.length > 0)
      seen = `its flow log ${recording.map((log) => log.flowLogId).join(', ')} fails to deliver (${recording[0]!.deliverError ?? 'DeliverLogsStatus FAILED'})`;
    else if (flowLogs.length > 0)
      seen = `its flow log(s) ${flowLogs.map((log) => `${log.flowLogId} (${log.trafficType ?? '?'}, ${log.status ?? '?'})`).join(', ')} record no accepted traffic`;
    else seen = 'it has no flow log';
    const detail = `${subject}: ${seen}, so connections to its workloads are not recorded.${phiText}${phiNote(resource)}`;
    // A VPC holding a PHI workload is rated as PHI, whatever its own tags.
    return phi[0] ? failServingPhi(detail, `EC2 instance ${phi[0].name}`) : fail(detail);
  },
};
