import type { Rule } from '../../../../kit';
import { fail, failurePatterns, NOT_ASSESSED_PREFIX, notApplicable, pass } from '../../../../kit';
import { configRegion } from '../resource';

/**
 * 164.308(a)(1)(ii)(D) information system activity review, 164.312(b) audit controls: every change to
 * the region's resources is recorded, so the review can tell when a PHI store was opened or its
 * encryption turned off, and by whom.
 */
export const configRecorderRecording: Rule = {
  id: 'aws.config.recorder-recording',
  title: 'An AWS Config recorder records every resource type in every assessed region',
  severity: 'medium',
  exposure: 'internal',
  resourceType: configRegion.type,
  citations: ['164.308(a)(1)(ii)(D)', '164.312(b)'],
  failurePattern: failurePatterns.missingDetection,
  rationale:
    '164.308(a)(1)(ii)(D) requires regular review of information system activity, and 164.312(b) mechanisms that record activity in systems holding ePHI. CloudTrail records the API call; AWS Config records what the resource looked like before and after it — that a bucket policy became public at 02:14 and was reverted at 09:30, which is what an incident timeline and a breach risk assessment need. Config rules, conformance packs and most Security Hub controls also depend on the recorder: where it is stopped, they silently evaluate nothing. Config works per region. The rule reads DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus and passes where a recorder is recording; it fails where the region has no recorder or its recorder is stopped, and names a recorder that records only some resource types.',
  remediation: {
    text: "Create a configuration recorder with a delivery channel in every region (or deploy it with the organization's StackSet or Control Tower), record all supported resource types including global ones in one region, and start it. Alert on StopConfigurationRecorder.",
    terraform: `resource "aws_config_configuration_recorder" "this" {
  name     = "default"
  role_arn = aws_iam_role.config.arn
  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}

resource "aws_config_configuration_recorder_status" "this" {
  name       = aws_config_configuration_recorder.this.name
  is_enabled = true
  depends_on = [aws_config_delivery_channel.this]
}`,
    cloudformation: `ConfigRecorder:
  Type: AWS::Config::ConfigurationRecorder
  Properties:
    Name: default
    RoleARN: !GetAtt ConfigRole.Arn
    RecordingGroup:
      AllSupported: true
      IncludeGlobalResourceTypes: true
# A recorder created by CloudFormation starts once its delivery channel exists.`,
    cli: `aws configservice put-configuration-recorder --region <region> \\
  --configuration-recorder name=default,roleARN=<config-role-arn> \\
  --recording-group allSupported=true,includeGlobalResourceTypes=true
aws configservice start-configuration-recorder --configuration-recorder-name default --region <region>`,
  },
  evaluate(resource) {
    const { recorders } = configRegion.properties(resource);
    if (recorders === undefined)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} the AWS Config recorders of ${resource.name} could not be read (see coverage gaps).`,
      );
    if (recorders.length === 0)
      return fail(
        `AWS Config has no configuration recorder in ${resource.name}: configuration changes there are not recorded.`,
      );
    const recording = recorders.filter((each) => each.recording === true);
    const full = recording.filter((each) => each.allSupported);
    if (full.length > 0)
      return pass(
        `AWS Config recorder ${full.map((each) => each.name).join(', ')} in ${resource.name} is recording every supported resource type.`,
      );
    if (recording.length > 0)
      return pass(
        `AWS Config recorder ${recording.map((each) => each.name).join(', ')} in ${resource.name} is recording, but only some resource types (${recording.map((each) => each.strategy ?? 'a resource type list').join(', ')}): check that it covers the PHI stores.`,
      );
    if (recorders.some((each) => each.recording === null))
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} whether the AWS Config recorder of ${resource.name} is recording (DescribeConfigurationRecorderStatus) could not be read (see coverage gaps).`,
      );
    const stopped = recorders
      .map((each) => `${each.name}${each.lastStopTime ? ` (stopped ${each.lastStopTime.slice(0, 10)})` : ''}`)
      .join(', ');
    return fail(
      `AWS Config recorder ${stopped} in ${resource.name} is not recording: configuration changes there are not recorded.`,
    );
  },
};
