import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import type { CloudFrontDistributionProperties, DistributionOrigin } from '../resource';
import { behaviourLabel, CLOUDFRONT_DISTRIBUTION, cloudfrontProperties, distributionLabel } from './common';

const weakOriginProtocols = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

/** The behaviours that send requests to an origin, directly or through an origin group it belongs to. */
function behavioursReaching(
  properties: Partial<CloudFrontDistributionProperties>,
  origin: DistributionOrigin,
) {
  const groups = (properties.originGroups ?? [])
    .filter((group) => group.members.includes(origin.id))
    .map((group) => group.id);
  return (properties.behaviours ?? []).filter(
    (behaviour) => behaviour.targetOriginId === origin.id || groups.includes(behaviour.targetOriginId),
  );
}

/** 164.312(e)(1), (e)(2)(i): the leg from the edge to a custom origin is encrypted with TLS 1.2. */
export const cloudfrontOriginTls: Rule = {
  id: 'aws.cloudfront.origin-tls',
  title: 'CloudFront reaches custom origins over HTTPS with TLS 1.2 only',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: CLOUDFRONT_DISTRIBUTION,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "164.312(e)(1) and 164.312(e)(2)(i) cover the whole path ePHI travels, not only the viewer's leg: between the edge location and a custom origin (a load balancer, API Gateway, an EC2 web server) requests and responses cross the public internet. A custom origin whose origin protocol policy is http-only receives every request, with its cookies and the PHI the origin returns, in clear text even when the viewer used HTTPS; match-viewer does the same for every request a viewer makes over HTTP (it is judged as such only when a behaviour routing to the origin allows HTTP). Origin SSL protocols that include SSLv3, TLSv1 or TLSv1.1 let CloudFront fall back to them when the origin offers nothing better. S3 REST origins and VPC origins are not judged here (S3 origins are reached by CloudFront within AWS; VPC origins stay in the VPC).",
  remediation: {
    text: 'Set the origin protocol policy of every custom origin to https-only with origin SSL protocols TLSv1.2 alone, and give the origin a certificate for the host name CloudFront uses to reach it (an ACM certificate on the load balancer). Restrict the origin to CloudFront (the managed prefix list com.amazonaws.global.cloudfront.origin-facing or a secret custom header) so nobody bypasses the edge.',
    terraform: `origin {
  origin_id   = "storefront-alb"
  domain_name = aws_lb.storefront.dns_name
  custom_origin_config {
    http_port              = 80
    https_port             = 443
    origin_protocol_policy = "https-only"
    origin_ssl_protocols   = ["TLSv1.2"]
  }
}`,
    cloudformation: `Origins:
  - Id: storefront-alb
    DomainName: !GetAtt StorefrontAlb.DNSName
    CustomOriginConfig:
      OriginProtocolPolicy: https-only
      OriginSSLProtocols: [TLSv1.2]`,
    cli: `aws cloudfront get-distribution-config --id <distribution-id> > dist.json
# In DistributionConfig.Origins.Items[].CustomOriginConfig set "OriginProtocolPolicy": "https-only"
# and "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}
aws cloudfront update-distribution --id <distribution-id> --if-match <ETag from dist.json> \\
  --distribution-config file://config.json`,
  },
  evaluate(resource) {
    const subject = distributionLabel(resource);
    const properties = cloudfrontProperties(resource);
    if (properties.origins === undefined) return notAssessed('origins (ListDistributions)', subject);
    const custom = properties.origins.filter((origin) => origin.kind === 'custom');
    if (custom.length === 0)
      return notApplicable(
        `${subject} has no custom origin (only S3 or VPC origins), which this rule does not judge.`,
      );
    const problems: string[] = [];
    const fine: string[] = [];
    for (const origin of custom) {
      const name = `origin ${origin.id} (${origin.domainName})`;
      const policy = origin.originProtocolPolicy;
      const own: string[] = [];
      if (policy === 'http-only')
        own.push(`${name} is reached over plain HTTP (origin protocol policy http-only)`);
      if (policy === 'match-viewer') {
        const plain = behavioursReaching(properties, origin).filter(
          (behaviour) => behaviour.viewerProtocolPolicy === 'allow-all',
        );
        if (plain.length > 0)
          own.push(
            `${name} is reached over plain HTTP whenever a viewer uses HTTP (origin protocol policy match-viewer, and ${plain.map(behaviourLabel).join(', ')} allows HTTP)`,
          );
      }
      const weak = origin.originSslProtocols.filter((each) => weakOriginProtocols.has(each));
      if (policy !== 'http-only' && weak.length > 0)
        own.push(`${name} allows ${weak.join(', ')} among its origin SSL protocols`);
      if (own.length > 0) problems.push(...own);
      else
        fine.push(
          `${name}: ${policy ?? 'no protocol policy'}, ${origin.originSslProtocols.join('/') || 'no SSL protocols listed'}`,
        );
    }
    if (problems.length > 0) return fail(`${subject}: ${problems.join('; ')}.${phiNote(resource)}`);
    return pass(`${subject} reaches its custom origins over HTTPS with TLS 1.2 only (${fine.join('; ')}).`);
  },
};
