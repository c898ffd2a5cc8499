import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { weakProtocols } from '../normalize';
import { ELBV2_LOAD_BALANCER, elbv2Properties, listenerLabel, loadBalancerLabel } from './common';

/** 164.312(e)(1), (e)(2)(i): HTTPS and TLS listeners refuse protocols below TLS 1.2. */
export const elbv2TlsPolicy: Rule = {
  id: 'aws.elbv2.tls-policy',
  title: 'Load balancer HTTPS and TLS listeners use a security policy without TLS below 1.2',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: ELBV2_LOAD_BALANCER,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "164.312(e)(1) requires technical security measures against unauthorized access to ePHI transmitted over a network, and 164.312(e)(2)(i) integrity controls in transit. TLS 1.0 and 1.1 are deprecated (RFC 8996) and NIST SP 800-52 Rev. 2 requires TLS 1.2 or later. An HTTPS (Application) or TLS (Network) listener negotiates whatever its security policy allows: ELBSecurityPolicy-2016-08 — the default when a listener is created through the CLI, CloudFormation or the CDK — and the TLS-1-0, TLS-1-1, FS-2018-06, FS-1-1 and TLS13-1-0 / TLS13-1-1 policies still accept TLSv1 or TLSv1.1. Load balancers take no custom policies, so the rule reads each listener's predefined policy and its SslProtocols as DescribeSSLPolicies answers them, and fails when any of them is below TLS 1.2.",
  remediation: {
    text: 'Set the security policy of every HTTPS and TLS listener to ELBSecurityPolicy-TLS13-1-2-2021-06 (TLS 1.2 and 1.3; or its -Res- / -PQ- variants, or a FIPS policy where required). Check the access or connection logs for clients that still negotiate TLS 1.0/1.1 before switching.',
    terraform: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.telehealth.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.telehealth.arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.telehealth.arn
  }
}`,
    cloudformation: `HttpsListener:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: !Ref TelehealthAlb
    Port: 443
    Protocol: HTTPS
    SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
    Certificates:
      - CertificateArn: !Ref TelehealthCertificate
    DefaultActions:
      - Type: forward
        TargetGroupArn: !Ref TelehealthTargets`,
    cli: `aws elbv2 modify-listener --listener-arn <https-listener-arn> \\
  --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06`,
  },
  evaluate(resource) {
    const subject = loadBalancerLabel(resource);
    const { listeners } = elbv2Properties(resource);
    if (listeners === undefined) return notAssessed('listeners (DescribeListeners)', subject);
    const secured = listeners.filter((listener) => listener.sslPolicy !== null);
    if (secured.length === 0) return notApplicable(`${subject} has no HTTPS or TLS listener.`);
    const weak = secured.flatMap((listener) => {
      const below = weakProtocols(listener.sslProtocols ?? []);
      return below.length > 0
        ? [`${listenerLabel(listener)} uses ${listener.sslPolicy ?? ''}, which allows ${below.join(', ')}`]
        : [];
    });
    if (weak.length > 0) return fail(`${subject}: ${weak.join('; ')}.${phiNote(resource)}`);
    const unknown = secured.filter((listener) => listener.sslProtocols === undefined);
    if (unknown.length > 0)
      return notAssessed(
        `protocols of security policy ${[...new Set(unknown.map((listener) => listener.sslPolicy))].join(', ')} (DescribeSSLPolicies)`,
        subject,
      );
    return pass(
      `${subject} allows only TLS 1.2 or later: ${secured
        .map(
          (listener) =>
            `${listenerLabel(listener)} uses ${listener.sslPolicy ?? ''} (${(listener.sslProtocols ?? []).join(', ')})`,
        )
        .join('; ')}.`,
    );
  },
};
