import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { Elbv2Listener, Elbv2LoadBalancerProperties } from './resource';

/** Load balancers as the collector hands them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const NAME = 'nwv-portal-alb';

export const httpRedirect: Elbv2Listener = {
  port: 80,
  protocol: 'HTTP',
  sslPolicy: null,
  defaultActions: ['redirect'],
  redirectProtocol: 'HTTPS',
};

export const httpsListener: Elbv2Listener = {
  port: 443,
  protocol: 'HTTPS',
  sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  sslProtocols: ['TLSv1.2', 'TLSv1.3'],
  defaultActions: ['forward'],
  redirectProtocol: null,
};

export function compliantLoadBalancer(): Elbv2LoadBalancerProperties {
  return {
    type: 'application',
    scheme: 'internet-facing',
    dnsName: `${NAME}-123.us-east-1.elb.amazonaws.com`,
    listeners: [httpRedirect, httpsListener],
    accessLogs: { enabled: true, bucket: 'lb-logs', prefix: 'portal' },
    tagsCollected: true,
  };
}

interface Options {
  phi?: boolean;
  properties?: Partial<Record<keyof Elbv2LoadBalancerProperties, unknown>>;
  missing?: (keyof Elbv2LoadBalancerProperties)[];
}

export function loadBalancerResource(options: Options = {}): NormalizedResource {
  const phi = options.phi ?? false;
  const properties: Record<string, unknown> = { ...compliantLoadBalancer(), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.elbv2.load-balancer',
    nativeId: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/${NAME}/50dc6c495c0c9188`,
    name: NAME,
    scopeId: ACCOUNT,
    region: 'us-east-1',
    tags: phi ? { phi: 'true' } : { app: 'portal' },
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2, 3],
  };
}

const listeners = (...each: Elbv2Listener[]) => ({ properties: { listeners: each } });

export const elbv2Fixtures: ServiceFixtures = {
  'aws.elbv2.http-redirects-to-https': {
    pass: [
      {
        name: 'HTTP:80 redirects to HTTPS',
        resource: loadBalancerResource(),
        detail:
          'Application Load Balancer nwv-portal-alb (internet-facing) in us-east-1: HTTP:80 redirects to HTTPS.',
      },
      {
        name: 'HTTP:80 answers a fixed 403',
        resource: loadBalancerResource(
          listeners({ ...httpRedirect, defaultActions: ['fixed-response'], redirectProtocol: null }),
        ),
        detail: 'HTTP:80 answers with a fixed response',
      },
    ],
    fail: [
      {
        name: 'PHI load balancer forwarding HTTP after OIDC authentication',
        resource: loadBalancerResource({
          phi: true,
          ...listeners(
            { ...httpRedirect, defaultActions: ['authenticate-oidc', 'forward'], redirectProtocol: null },
            httpsListener,
          ),
        }),
        detail:
          /HTTP:80 forwards requests over plain HTTP \(default actions: authenticate-oidc → forward\)\. It is classified as PHI/,
      },
      {
        name: 'redirect that keeps HTTP',
        resource: loadBalancerResource(listeners({ ...httpRedirect, redirectProtocol: '#{protocol}' })),
        detail: 'HTTP:80 redirects without switching to HTTPS (protocol #{protocol})',
      },
    ],
    notApplicable: [
      {
        name: 'Network Load Balancer with a TLS listener only',
        resource: loadBalancerResource({
          properties: { type: 'network', listeners: [{ ...httpsListener, protocol: 'TLS', port: 8883 }] },
        }),
        detail: 'has no HTTP listener',
      },
      {
        name: 'listeners not collected',
        resource: loadBalancerResource({ missing: ['listeners'] }),
        detail: /^Not assessed: the listeners \(DescribeListeners\)/,
      },
    ],
  },
  'aws.elbv2.tls-policy': {
    pass: [
      {
        name: 'TLS13-1-2 policy',
        resource: loadBalancerResource(),
        detail:
          'allows only TLS 1.2 or later: HTTPS:443 uses ELBSecurityPolicy-TLS13-1-2-2021-06 (TLSv1.2, TLSv1.3)',
      },
    ],
    fail: [
      {
        name: 'ELBSecurityPolicy-2016-08 (the CLI and CloudFormation default) on a PHI load balancer',
        resource: loadBalancerResource({
          phi: true,
          ...listeners(httpRedirect, {
            ...httpsListener,
            sslPolicy: 'ELBSecurityPolicy-2016-08',
            sslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
          }),
        }),
        detail:
          /HTTPS:443 uses ELBSecurityPolicy-2016-08, which allows TLSv1, TLSv1\.1\. It is classified as PHI/,
      },
      {
        name: 'a TLS 1.1 policy on a TLS listener',
        resource: loadBalancerResource({
          properties: {
            type: 'network',
            listeners: [
              {
                ...httpsListener,
                protocol: 'TLS',
                sslPolicy: 'ELBSecurityPolicy-TLS-1-1-2017-01',
                sslProtocols: ['TLSv1.1', 'TLSv1.2'],
              },
            ],
          },
        }),
        detail: 'TLS:443 uses ELBSecurityPolicy-TLS-1-1-2017-01, which allows TLSv1.1',
      },
    ],
    notApplicable: [
      {
        name: 'no HTTPS or TLS listener',
        resource: loadBalancerResource(listeners(httpRedirect)),
        detail: 'has no HTTPS or TLS listener',
      },
      {
        name: 'policy protocols not read (DescribeSSLPolicies refused)',
        resource: loadBalancerResource(listeners({ ...httpsListener, sslProtocols: undefined })),
        detail:
          /^Not assessed: the protocols of security policy ELBSecurityPolicy-TLS13-1-2-2021-06 \(DescribeSSLPolicies\)/,
      },
    ],
  },
  'aws.elbv2.access-logs': {
    pass: [
      {
        name: 'access logs to S3',
        resource: loadBalancerResource(),
        detail: 'writes access logs to s3://lb-logs/portal.',
      },
    ],
    fail: [
      {
        name: 'access logs off on a PHI load balancer',
        resource: loadBalancerResource({
          phi: true,
          properties: { accessLogs: { enabled: false, bucket: null, prefix: null } },
        }),
        detail: /has access logs turned off \(access_logs\.s3\.enabled false\)\. It is classified as PHI/,
      },
    ],
    notApplicable: [
      {
        name: 'gateway load balancer',
        resource: loadBalancerResource({
          properties: { type: 'gateway', listeners: [] },
          missing: ['accessLogs'],
        }),
        detail: 'is a Gateway Load Balancer, which has no access logs',
      },
      {
        name: 'attributes not collected',
        resource: loadBalancerResource({ missing: ['accessLogs'] }),
        detail: /^Not assessed: the access log attributes/,
      },
    ],
  },
};
