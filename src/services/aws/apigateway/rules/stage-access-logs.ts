import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { REST_API, restApiLabel, restApiProperties } from './common';

/** 164.312(b) audit controls: each API call is recorded with the caller, path and status. */
export const apigatewayStageAccessLogs: Rule = {
  id: 'aws.apigateway.stage-access-logs',
  title: 'API Gateway REST API stages write access logs',
  severity: 'medium',
  exposure: 'internal',
  resourceType: REST_API,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    "164.312(b) requires mechanisms that record and examine activity in systems that contain or use ePHI, and 164.308(a)(1)(ii)(D) regular review of records such as access reports. A stage's access logs record every request with the caller's identity (the authorizer's principal, source IP), the resource path, status and latency: the record that shows whose data an API returned to whom. CloudTrail records changes to the API, not calls to it, and execution logs are for debugging and may hold request bodies. The rule reads each deployed stage's accessLogSettings (GetStages) and fails when a stage has no access-log destination (a CloudWatch Logs group or Firehose stream).",
  remediation: {
    text: 'Set access logging on every stage to a CloudWatch Logs group (encrypted with a KMS key, retention matching the documentation period) with a format that records $context.requestId, $context.identity.sourceIp, $context.authorizer.principalId, $context.resourcePath, $context.status and $context.tlsVersion. The account needs the API Gateway CloudWatch Logs role set once per region.',
    terraform: `resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  deployment_id = aws_api_gateway_deployment.storefront.id
  stage_name    = "prod"
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp",
      principal = "$context.authorizer.principalId", path = "$context.resourcePath",
      status = "$context.status", tls = "$context.tlsVersion" })
  }
}`,
    cloudformation: `ProdStage:
  Type: AWS::ApiGateway::Stage
  Properties:
    RestApiId: !Ref StorefrontApi
    DeploymentId: !Ref StorefrontDeployment
    StageName: prod
    AccessLogSetting:
      DestinationArn: !GetAtt ApiAccessLogs.Arn
      Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","principal":"$context.authorizer.principalId","path":"$context.resourcePath","status":"$context.status"}'`,
    cli: `aws apigateway update-stage --rest-api-id <api-id> --stage-name prod --patch-operations \\
  op=replace,path=/accessLogSettings/destinationArn,value=<log-group-arn> \\
  'op=replace,path=/accessLogSettings/format,value={"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}'`,
  },
  evaluate(resource) {
    const subject = restApiLabel(resource);
    const { stages } = restApiProperties(resource);
    if (stages === undefined) return notAssessed('stages (GetStages)', subject);
    if (stages.length === 0) return notApplicable(`${subject} has no deployed stage.`);
    const silent = stages.filter((stage) => stage.accessLogDestination === null);
    if (silent.length > 0)
      return fail(
        `${subject} has stage(s) ${silent.map((stage) => stage.name).join(', ')} without access logging (no accessLogSettings destination).${phiNote(resource)}`,
      );
    return pass(
      `${subject} writes access logs on every stage (${stages.map((stage) => `${stage.name} → ${stage.accessLogDestination ?? ''}`).join('; ')}).`,
    );
  },
};
