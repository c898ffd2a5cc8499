import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import type { Elbv2Listener } from '../resource';
import { ELBV2_LOAD_BALANCER, elbv2Properties, listenerLabel, loadBalancerLabel } from './common';

/** What a plain-HTTP listener does by default: sends the request on, redirects it, or answers itself. */
function httpOutcome(
  listener: Elbv2Listener,
): 'redirect-https' | 'redirect-http' | 'forward' | 'fixed-response' {
  const last = listener.defaultActions[listener.defaultActions.length - 1];
  if (last === 'redirect') return listener.redirectProtocol === 'HTTPS' ? 'redirect-https' : 'redirect-http';
  if (last === 'fixed-response') return 'fixed-response';
  return 'forward';
}

/** 164.312(e)(1), (e)(2)(i): an Application Load Balancer does not serve its application over plain HTTP. */
export const elbv2HttpRedirectsToHttps: Rule = {
  id: 'aws.elbv2.http-redirects-to-https',
  title: 'Load balancer HTTP listeners redirect to HTTPS instead of forwarding',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: ELBV2_LOAD_BALANCER,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "164.312(e)(1) requires technical security measures against unauthorized access to ePHI transmitted over a network, and 164.312(e)(2)(i) integrity controls so it is not modified in transit. An Application Load Balancer listener on protocol HTTP whose default action forwards to a target group (directly or after an authenticate action) serves the application in clear text: forms, session cookies and the PHI in responses cross the network readable by anyone on the path, for an internal load balancer anyone on the VPC's network. A default redirect action to protocol HTTPS (status 301 or 302) passes, and so does a fixed response (nothing reaches the application); a redirect that keeps #{protocol} or names HTTP fails. The rule reads each listener's default actions (DescribeListeners); listener rules (DescribeRules) that route particular paths are not read, so a default redirect with forwarding path rules can be raised in triage.",
  remediation: {
    text: 'Replace the default action of every HTTP listener with a redirect to HTTPS on port 443 (status HTTP_301), and serve the application from an HTTPS listener with a TLS 1.2 security policy. For internal services, use HTTPS listeners with a private certificate (ACM Private CA) rather than HTTP inside the VPC.',
    terraform: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.telehealth.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}`,
    cloudformation: `HttpListener:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: !Ref TelehealthAlb
    Port: 80
    Protocol: HTTP
    DefaultActions:
      - Type: redirect
        RedirectConfig:
          Protocol: HTTPS
          Port: '443'
          StatusCode: HTTP_301`,
    cli: `aws elbv2 modify-listener --listener-arn <http-listener-arn> \\
  --default-actions 'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}'`,
  },
  evaluate(resource) {
    const subject = loadBalancerLabel(resource);
    const { listeners } = elbv2Properties(resource);
    if (listeners === undefined) return notAssessed('listeners (DescribeListeners)', subject);
    const http = listeners.filter((listener) => listener.protocol === 'HTTP');
    if (http.length === 0) return notApplicable(`${subject} has no HTTP listener.`);
    const forwarding = http.filter((listener) => httpOutcome(listener) === 'forward');
    const plainRedirect = http.filter((listener) => httpOutcome(listener) === 'redirect-http');
    if (forwarding.length > 0 || plainRedirect.length > 0) {
      const parts = [
        ...forwarding.map(
          (listener) =>
            `${listenerLabel(listener)} forwards requests over plain HTTP (default actions: ${listener.defaultActions.join(' → ')})`,
        ),
        ...plainRedirect.map(
          (listener) =>
            `${listenerLabel(listener)} redirects without switching to HTTPS (protocol ${listener.redirectProtocol ?? 'unset'})`,
        ),
      ];
      return fail(`${subject}: ${parts.join('; ')}.${phiNote(resource)}`);
    }
    return pass(
      `${subject}: ${http
        .map((listener) =>
          httpOutcome(listener) === 'fixed-response'
            ? `${listenerLabel(listener)} answers with a fixed response`
            : `${listenerLabel(listener)} redirects to HTTPS`,
        )
        .join('; ')}.`,
    );
  },
};
