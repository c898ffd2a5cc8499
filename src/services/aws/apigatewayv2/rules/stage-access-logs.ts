import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { apiLabel, apiProperties, V2_API } from './common';

/** 164.312(b) audit controls: each API call is recorded with the caller, route and status. */
export const apigatewayv2StageAccessLogs: Rule = {
  id: 'aws.apigatewayv2.stage-access-logs',
  title: 'API Gateway HTTP and WebSocket API stages write access logs',
  severity: 'medium',
  exposure: 'internal',
  resourceType: V2_API,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    "164.312(b) requires mechanisms that record and examine activity in systems that contain or use ePHI, and 164.308(a)(1)(ii)(D) regular review of records such as access reports. A stage's access logs record every request (or WebSocket message) with the caller's identity, route, status and source address: the record that shows whose data an API returned to whom. CloudTrail records changes to the API, not calls to it. HTTP APIs have no execution logs, so without access logs a call leaves no trace in API Gateway at all. The rule reads each stage's AccessLogSettings (GetStages), the auto-deployed $default stage included, and fails when a stage has no destination.",
  remediation: {
    text: 'Set access logging on every stage to a CloudWatch Logs group (KMS-encrypted, retention matching the documentation period) with a format recording $context.requestId, $context.identity.sourceIp, $context.authorizer.principalId (or claims.sub for JWT), $context.routeKey and $context.status.',
    terraform: `resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.ingest.id
  name        = "$default"
  auto_deploy = true
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp",
      routeKey = "$context.routeKey", status = "$context.status" })
  }
}`,
    cloudformation: `DefaultStage:
  Type: AWS::ApiGatewayV2::Stage
  Properties:
    ApiId: !Ref IngestApi
    StageName: $default
    AutoDeploy: true
    AccessLogSettings:
      DestinationArn: !GetAtt ApiAccessLogs.Arn
      Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","routeKey":"$context.routeKey","status":"$context.status"}'`,
    cli: `aws apigatewayv2 update-stage --api-id <api-id> --stage-name '$default' \\
  --access-log-settings 'DestinationArn=<log-group-arn>,Format={"requestId":"$context.requestId","routeKey":"$context.routeKey","status":"$context.status"}'`,
  },
  evaluate(resource) {
    const subject = apiLabel(resource);
    const { stages } = apiProperties(resource);
    if (stages === undefined) return notAssessed('stages (GetStages)', subject);
    if (stages.length === 0) return notApplicable(`${subject} has no stage.`);
    const silent = stages.filter((stage) => stage.accessLogDestination === null);
    if (silent.length > 0)
      return fail(
        `${subject} has stage(s) ${silent.map((stage) => stage.name).join(', ')} without access logging (no AccessLogSettings destination).${phiNote(resource)}`,
      );
    return pass(
      `${subject} writes access logs on every stage (${stages.map((stage) => `${stage.name} → ${stage.accessLogDestination ?? ''}`).join('; ')}).`,
    );
  },
};
