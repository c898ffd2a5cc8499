import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { ELBV2_LOAD_BALANCER, elbv2Properties, loadBalancerLabel } from './common';

/** 164.312(b) audit controls: every request the load balancer passes to the application is recorded. */
export const elbv2AccessLogs: Rule = {
  id: 'aws.elbv2.access-logs',
  title: 'Application and Network Load Balancers write access logs',
  severity: 'medium',
  exposure: 'internal',
  resourceType: ELBV2_LOAD_BALANCER,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    "164.312(b) requires mechanisms that record and examine activity in systems that contain or use ePHI, and 164.308(a)(1)(ii)(D) regular review of records such as access reports. A load balancer's access logs record each request with the client address, time, path, status and TLS protocol: what an investigation needs to say which records a client reached and when, and what application logs behind the load balancer often miss (requests refused by the load balancer, the true client address). Access logs are off by default. The rule reads the access_logs.s3.enabled attribute of Application and Network Load Balancers (for a Network Load Balancer the logs cover its TLS listeners only); Gateway Load Balancers have no access logs and are not judged.",
  remediation: {
    text: 'Turn on access logs to a dedicated S3 bucket in the same region whose bucket policy lets the regional Elastic Load Balancing account (or the logdelivery.elasticloadbalancing.amazonaws.com principal) write, encrypted with SSE-S3 (SSE-KMS is not supported for ALB access logs), with retention matching the six-year documentation period. Feed the logs into the activity review.',
    terraform: `resource "aws_lb" "telehealth" {
  name               = "nwv-telehealth-alb"
  load_balancer_type = "application"
  subnets            = var.public_subnet_ids
  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    prefix  = "telehealth"
    enabled = true
  }
}`,
    cloudformation: `TelehealthAlb:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    LoadBalancerAttributes:
      - Key: access_logs.s3.enabled
        Value: 'true'
      - Key: access_logs.s3.bucket
        Value: !Ref LbLogsBucket
      - Key: access_logs.s3.prefix
        Value: telehealth`,
    cli: `aws elbv2 modify-load-balancer-attributes --load-balancer-arn <load-balancer-arn> \\
  --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<log-bucket> Key=access_logs.s3.prefix,Value=<name>`,
  },
  evaluate(resource) {
    const subject = loadBalancerLabel(resource);
    const { type, accessLogs } = elbv2Properties(resource);
    if (type === 'gateway')
      return notApplicable(`${subject} is a Gateway Load Balancer, which has no access logs.`);
    if (accessLogs === undefined)
      return notAssessed('access log attributes (DescribeLoadBalancerAttributes)', subject);
    if (!accessLogs.enabled)
      return fail(
        `${subject} has access logs turned off (access_logs.s3.enabled false).${phiNote(resource)}`,
      );
    return pass(
      `${subject} writes access logs to s3://${accessLogs.bucket ?? '(unreported bucket)'}/${accessLogs.prefix ?? ''}.`,
    );
  },
};
