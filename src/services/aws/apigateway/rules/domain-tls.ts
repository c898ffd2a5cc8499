import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { securityPolicyMinimum } from '../normalize';
import { DOMAIN_NAME, domainLabel, domainNameProperties } from './common';

/** 164.312(e)(1), (e)(2)(i): API clients reach a custom domain over TLS 1.2 or later. */
export const apigatewayDomainTls: Rule = {
  id: 'aws.apigateway.domain-tls',
  title: 'API Gateway custom domain names refuse TLS below 1.2',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: DOMAIN_NAME,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "164.312(e)(1) requires technical security measures against unauthorized access to ePHI transmitted over a network, and 164.312(e)(2)(i) integrity controls in transit. TLS 1.0 and 1.1 are deprecated (RFC 8996) and NIST SP 800-52 Rev. 2 requires TLS 1.2 or later. A custom domain name's security policy sets the lowest protocol API Gateway accepts on it: the legacy TLS_1_0 accepts TLS 1.0 and later; TLS_1_2 and the enhanced SecurityPolicy_TLS12_* / SecurityPolicy_TLS13_* policies accept TLS 1.2 or later. Custom domain names are shared by REST, HTTP and WebSocket APIs (HTTP and WebSocket APIs support only TLS 1.2), so the rule reads every domain GetDomainNames lists. The default execute-api endpoint of an edge-optimized or regional API accepts TLS 1.0 unless the API sets its own security policy or disables that endpoint; that is noted, not judged, here.",
  remediation: {
    text: "Set the custom domain's security policy to TLS_1_2 (or an enhanced SecurityPolicy_TLS13_1_2_2021_06 with an endpoint access mode), and disable the default execute-api endpoint of APIs served through the domain so clients cannot fall back to it.",
    terraform: `resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api-legacy.northwindvitals.example"
  regional_certificate_arn = aws_acm_certificate.api.arn
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}`,
    cloudformation: `ApiDomain:
  Type: AWS::ApiGateway::DomainName
  Properties:
    DomainName: api-legacy.northwindvitals.example
    RegionalCertificateArn: !Ref ApiCertificate
    SecurityPolicy: TLS_1_2
    EndpointConfiguration:
      Types: [REGIONAL]`,
    cli: `aws apigateway update-domain-name --domain-name <domain-name> \\
  --patch-operations op=replace,path=/securityPolicy,value=TLS_1_2`,
  },
  evaluate(resource) {
    const subject = domainLabel(resource);
    const { securityPolicy } = domainNameProperties(resource);
    if (securityPolicy === undefined || securityPolicy === null)
      return notAssessed('security policy (GetDomainNames)', subject);
    const minimum = securityPolicyMinimum(securityPolicy);
    if (minimum === 'below-1.2')
      return fail(
        `${subject} accepts TLS 1.0 and 1.1: its security policy is ${securityPolicy}.${phiNote(resource)}`,
      );
    if (minimum === 'unknown')
      return notAssessed(`minimum TLS version of security policy ${securityPolicy}`, subject);
    return pass(`${subject} requires TLS 1.2 or later (security policy ${securityPolicy}).`);
  },
};
