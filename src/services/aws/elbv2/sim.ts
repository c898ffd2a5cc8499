import { createHash } from 'node:crypto';
import { ElasticLoadBalancingV2ServiceException } from '@aws-sdk/client-elastic-load-balancing-v2';
import { z } from 'zod';
import {
  awsPage,
  awsRegion,
  awsServiceError,
  isoTime,
  scenarioTags,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * Elastic Load Balancing v2 in a scenario: each account's load balancers per region. Answers follow
 * the ELBv2 API reference (2015-12-01, query protocol): DescribeLoadBalancers and DescribeListeners
 * page with Marker / NextMarker and PageSize 1–400; HTTPS and TLS listeners carry SslPolicy and
 * Certificates, others neither; DescribeLoadBalancerAttributes answers { Key, Value } strings
 * (access_logs.s3.* for application and network load balancers, none for gateway ones);
 * DescribeSSLPolicies answers the predefined policies (load balancers take no custom policy) with
 * their SslProtocols; DescribeTags takes 1–20 ARNs. Unknown load balancers:
 * LoadBalancerNotFoundException; unknown policies: SSLPolicyNotFoundException.
 */

/** Predefined security policies and the protocols each allows (Application / Network Load Balancer guides, "Security policies"). */
export const predefinedSslPolicies: Readonly<Record<string, readonly string[]>> = {
  'ELBSecurityPolicy-TLS13-1-2-2021-06': ['TLSv1.2', 'TLSv1.3'],
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06': ['TLSv1.2', 'TLSv1.3'],
  'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09': ['TLSv1.2', 'TLSv1.3'],
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06': ['TLSv1.2', 'TLSv1.3'],
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06': ['TLSv1.2', 'TLSv1.3'],
  'ELBSecurityPolicy-TLS13-1-1-2021-06': ['TLSv1.1', 'TLSv1.2', 'TLSv1.3'],
  'ELBSecurityPolicy-TLS13-1-0-2021-06': ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'],
  'ELBSecurityPolicy-TLS13-1-3-2021-06': ['TLSv1.3'],
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04': ['TLSv1.2', 'TLSv1.3'],
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06': ['TLSv1.2'],
  'ELBSecurityPolicy-TLS-1-2-2017-01': ['TLSv1.2'],
  'ELBSecurityPolicy-TLS-1-1-2017-01': ['TLSv1.1', 'TLSv1.2'],
  'ELBSecurityPolicy-TLS-1-0-2015-04': ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
  'ELBSecurityPolicy-FS-1-2-Res-2020-10': ['TLSv1.2'],
  'ELBSecurityPolicy-FS-1-2-Res-2019-08': ['TLSv1.2'],
  'ELBSecurityPolicy-FS-1-2-2019-08': ['TLSv1.2'],
  'ELBSecurityPolicy-FS-1-1-2019-08': ['TLSv1.1', 'TLSv1.2'],
  'ELBSecurityPolicy-FS-2018-06': ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
  'ELBSecurityPolicy-2016-08': ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
  'ELBSecurityPolicy-2015-05': ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
};

const policyName = z
  .string()
  .refine(
    (name) => name in predefinedSslPolicies,
    'must be a predefined ELBSecurityPolicy (no custom policies)',
  );

const scenarioListener = z.strictObject({
  port: z.number().int().min(1).max(65535),
  protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE']),
  /** HTTPS / TLS only; the CLI, CloudFormation and CDK default is ELBSecurityPolicy-2016-08 */
  sslPolicy: policyName.optional(),
  certificateArn: z.string().optional(),
  defaultAction: z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('forward'),
      targetGroup: z.string().min(1),
      /** An authenticate-oidc / authenticate-cognito action before the forward */
      authenticate: z.enum(['oidc', 'cognito']).optional(),
    }),
    z.strictObject({
      type: z.literal('redirect'),
      protocol: z.enum(['HTTPS', 'HTTP', '#{protocol}']).default('HTTPS'),
      statusCode: z.enum(['HTTP_301', 'HTTP_302']).default('HTTP_301'),
      /** Another host; a redirect that changes neither protocol nor host loops, which ELB refuses */
      host: z.string().min(1).optional(),
    }),
    z.strictObject({ type: z.literal('fixed-response'), statusCode: z.string().default('404') }),
  ]),
});

const scenarioLoadBalancer = z.strictObject({
  name: z
    .string()
    .regex(
      /^(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/,
      'must be 1–32 letters, digits or hyphens',
    ),
  region: awsRegion,
  type: z.enum(['application', 'network', 'gateway']).default('application'),
  scheme: z.enum(['internet-facing', 'internal']).default('internet-facing'),
  /** The DNS name as AWS gave it (another service's scenario may name it); computed when absent */
  dnsName: z.string().optional(),
  tags: scenarioTags.default({}),
  listeners: z.array(scenarioListener).default([]),
  /** access_logs.s3.*; null = off (the default) */
  accessLogs: z
    .strictObject({ bucket: z.string().min(3), prefix: z.string().default('') })
    .nullable()
    .default(null),
  createdAt: isoTime.default('2023-05-10T10:00:00Z'),
});

const account = { loadBalancers: z.array(scenarioLoadBalancer).default([]) };
const organisation = {};

type ScenarioLoadBalancer = z.output<typeof scenarioLoadBalancer>;
type Call = AwsSimCallFor<typeof account, typeof organisation, undefined>;

const elbError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(ElasticLoadBalancingV2ServiceException, name, httpStatusCode, message);

const hexOf = (text: string, length: number) =>
  createHash('sha256').update(text).digest('hex').slice(0, length);
const typeCode = { application: 'app', network: 'net', gateway: 'gwy' } as const;

function arnOf(call: Call, lb: ScenarioLoadBalancer): string {
  const id = hexOf(`${call.account.accountId}/${lb.region}/${lb.name}`, 16);
  return `arn:${call.account.partition}:elasticloadbalancing:${lb.region}:${call.account.accountId}:loadbalancer/${typeCode[lb.type]}/${lb.name}/${id}`;
}

function dnsNameOf(lb: ScenarioLoadBalancer): string {
  if (lb.dnsName) return lb.dnsName;
  const prefix = lb.scheme === 'internal' ? 'internal-' : '';
  if (lb.type === 'application')
    return `${prefix}${lb.name}-${String(parseInt(hexOf(lb.name, 8), 16))
      .padStart(10, '0')
      .slice(0, 10)}.${lb.region}.elb.amazonaws.com`;
  return `${prefix}${lb.name}-${hexOf(lb.name, 16)}.elb.${lb.region}.amazonaws.com`;
}

function loadBalancersHere(call: Call): ScenarioLoadBalancer[] {
  return call.account.loadBalancers
    .filter((lb) => lb.region === call.region)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function pageSizeOf(call: Call): number {
  const asked = call.input.PageSize;
  if (asked === undefined) return Math.min(400, call.pageSize);
  if (typeof asked !== 'number' || !Number.isInteger(asked) || asked < 1 || asked > 400)
    throw elbError(
      'ValidationError',
      400,
      `1 validation error detected: Value '${String(asked)}' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 400`,
    );
  return Math.min(asked, call.pageSize);
}

const invalidMarker = () => elbError('ValidationError', 400, 'Invalid value for parameter Marker.');

function describeLoadBalancers(call: Call): object {
  const { page, next } = awsPage(loadBalancersHere(call), call.input.Marker, pageSizeOf(call), invalidMarker);
  return {
    LoadBalancers: page.map((lb) => ({
      LoadBalancerArn: arnOf(call, lb),
      DNSName: dnsNameOf(lb),
      CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
      CreatedTime: new Date(lb.createdAt),
      LoadBalancerName: lb.name,
      Scheme: lb.scheme,
      VpcId: `vpc-${hexOf(`${call.account.accountId}/${lb.region}`, 17)}`,
      State: { Code: 'active' },
      Type: lb.type,
      AvailabilityZones: [`${lb.region}a`, `${lb.region}b`].map((ZoneName) => ({
        ZoneName,
        SubnetId: `subnet-${hexOf(ZoneName + lb.name, 17)}`,
      })),
      ...(lb.type === 'gateway' ? {} : { SecurityGroups: [`sg-${hexOf(lb.name, 17)}`] }),
      IpAddressType: 'ipv4',
    })),
    ...(next ? { NextMarker: next } : {}),
  };
}

function loadBalancerByArn(call: Call, arn: unknown): ScenarioLoadBalancer {
  const found = loadBalancersHere(call).find((lb) => arnOf(call, lb) === arn);
  if (!found)
    throw elbError('LoadBalancerNotFoundException', 400, `Load balancer '${String(arn)}' not found`);
  return found;
}

function listenerOut(
  call: Call,
  lb: ScenarioLoadBalancer,
  listener: ScenarioLoadBalancer['listeners'][number],
) {
  const lbArn = arnOf(call, lb);
  const listenerArn = `${lbArn.replace(':loadbalancer/', ':listener/')}/${hexOf(`${lbArn}:${listener.port}`, 16)}`;
  const action = listener.defaultAction;
  const targetGroupArn = (name: string) =>
    `arn:${call.account.partition}:elasticloadbalancing:${lb.region}:${call.account.accountId}:targetgroup/${name}/${hexOf(name, 16)}`;
  const actions: object[] = [];
  if (action.type === 'forward') {
    if (action.authenticate === 'oidc')
      actions.push({
        Type: 'authenticate-oidc',
        Order: 1,
        AuthenticateOidcConfig: { Issuer: 'https://login.northwindvitals.example', ClientId: 'nwv-alb' },
      });
    if (action.authenticate === 'cognito')
      actions.push({
        Type: 'authenticate-cognito',
        Order: 1,
        AuthenticateCognitoConfig: {
          UserPoolArn: 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/x',
          UserPoolClientId: 'c',
          UserPoolDomain: 'd',
        },
      });
    actions.push({
      Type: 'forward',
      Order: actions.length + 1,
      TargetGroupArn: targetGroupArn(action.targetGroup),
      ForwardConfig: {
        TargetGroups: [{ TargetGroupArn: targetGroupArn(action.targetGroup), Weight: 1 }],
        TargetGroupStickinessConfig: { Enabled: false },
      },
    });
  } else if (action.type === 'redirect') {
    actions.push({
      Type: 'redirect',
      Order: 1,
      RedirectConfig: {
        Protocol: action.protocol,
        Port: action.protocol === 'HTTPS' ? '443' : '#{port}',
        Host: action.host ?? '#{host}',
        Path: '/#{path}',
        Query: '#{query}',
        StatusCode: action.statusCode,
      },
    });
  } else {
    actions.push({
      Type: 'fixed-response',
      Order: 1,
      FixedResponseConfig: { StatusCode: action.statusCode, ContentType: 'text/plain' },
    });
  }
  return {
    ListenerArn: listenerArn,
    LoadBalancerArn: lbArn,
    Port: listener.port,
    Protocol: listener.protocol,
    ...(listener.sslPolicy
      ? {
          SslPolicy: listener.sslPolicy,
          Certificates: [{ CertificateArn: listener.certificateArn }],
        }
      : {}),
    DefaultActions: actions,
  };
}

function describeListeners(call: Call): object {
  const lb = loadBalancerByArn(call, call.input.LoadBalancerArn);
  const listeners = [...lb.listeners]
    .sort((a, b) => a.port - b.port)
    .map((each) => listenerOut(call, lb, each));
  const { page, next } = awsPage(listeners, call.input.Marker, pageSizeOf(call), invalidMarker);
  return { Listeners: page, ...(next ? { NextMarker: next } : {}) };
}

function describeLoadBalancerAttributes(call: Call): object {
  const lb = loadBalancerByArn(call, call.input.LoadBalancerArn);
  const common = [
    { Key: 'deletion_protection.enabled', Value: 'false' },
    { Key: 'load_balancing.cross_zone.enabled', Value: lb.type === 'application' ? 'true' : 'false' },
  ];
  if (lb.type === 'gateway') return { Attributes: common };
  const logs = [
    { Key: 'access_logs.s3.enabled', Value: lb.accessLogs ? 'true' : 'false' },
    { Key: 'access_logs.s3.bucket', Value: lb.accessLogs?.bucket ?? '' },
    { Key: 'access_logs.s3.prefix', Value: lb.accessLogs?.prefix ?? '' },
  ];
  const application =
    lb.type === 'application'
      ? [
          { Key: 'idle_timeout.timeout_seconds', Value: '60' },
          { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'false' },
          { Key: 'routing.http2.enabled', Value: 'true' },
          { Key: 'connection_logs.s3.enabled', Value: 'false' },
        ]
      : [];
  return { Attributes: [...logs, ...common, ...application] };
}

function describeSslPolicies(call: Call): object {
  const names = Array.isArray(call.input.Names) ? (call.input.Names as unknown[]) : [];
  const policy = (name: string) => ({
    SslProtocols: [...(predefinedSslPolicies[name] ?? [])],
    Ciphers: [{ Name: 'ECDHE-ECDSA-AES128-GCM-SHA256', Priority: 1 }],
    Name: name,
    SupportedLoadBalancerTypes: ['application', 'network'],
  });
  if (names.length > 0) {
    const unknown = names.filter((name) => typeof name !== 'string' || !(name in predefinedSslPolicies));
    if (unknown.length > 0)
      throw elbError(
        'SSLPolicyNotFoundException',
        400,
        `The specified SSL policy does not exist: ${unknown.join(', ')}`,
      );
    return { SslPolicies: (names as string[]).map(policy) };
  }
  const { page, next } = awsPage(
    Object.keys(predefinedSslPolicies),
    call.input.Marker,
    pageSizeOf(call),
    invalidMarker,
  );
  return { SslPolicies: page.map(policy), ...(next ? { NextMarker: next } : {}) };
}

function describeTags(call: Call): object {
  const arns = Array.isArray(call.input.ResourceArns) ? (call.input.ResourceArns as unknown[]) : [];
  if (arns.length === 0 || arns.length > 20)
    throw elbError('ValidationError', 400, 'ResourceArns must name 1 to 20 resources.');
  return {
    TagDescriptions: arns.map((arn) => {
      const lb = loadBalancerByArn(call, arn);
      return { ResourceArn: arn, Tags: Object.entries(lb.tags).map(([Key, Value]) => ({ Key, Value })) };
    }),
  };
}

const protocolsOf = {
  application: ['HTTP', 'HTTPS'],
  network: ['TCP', 'TLS', 'UDP', 'TCP_UDP'],
  gateway: ['GENEVE'],
};

function checkLoadBalancers(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const lbs = each.loadBalancers as ScenarioLoadBalancer[];
    const seen = new Set<string>();
    lbs.forEach((lb, l) => {
      const path = ['aws', 'accounts', a, 'loadBalancers', l];
      if (!each.regions.includes(lb.region))
        issue(
          [...path, 'region'],
          `${lb.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      if (seen.has(`${lb.region}|${lb.name}`))
        issue([...path, 'name'], `load balancer ${lb.name} already exists in ${lb.region}`);
      seen.add(`${lb.region}|${lb.name}`);
      lb.listeners.forEach((listener, i) => {
        const at = [...path, 'listeners', i];
        if (!protocolsOf[lb.type].includes(listener.protocol))
          issue(
            [...at, 'protocol'],
            `a ${lb.type} load balancer takes ${protocolsOf[lb.type].join(', ')} listeners`,
          );
        const secure = listener.protocol === 'HTTPS' || listener.protocol === 'TLS';
        if (secure && (!listener.sslPolicy || !listener.certificateArn))
          issue(at, 'an HTTPS or TLS listener needs an sslPolicy and a certificateArn');
        if (!secure && (listener.sslPolicy || listener.certificateArn))
          issue(at, 'only HTTPS and TLS listeners have an sslPolicy and a certificate');
        const action = listener.defaultAction;
        if (action.type === 'redirect' && action.protocol !== 'HTTPS' && action.host === undefined)
          issue(
            [...at, 'defaultAction'],
            'a redirect that keeps the protocol must name another host (it would loop)',
          );
        if (listener.defaultAction.type !== 'forward' && lb.type !== 'application')
          issue(
            [...at, 'defaultAction'],
            'only Application Load Balancers redirect or answer fixed responses',
          );
      });
    });
  });
}

export const elbv2Sim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkLoadBalancers,
  error: elbError,
  faults: {
    throttle: { name: 'Throttling', status: 400, message: 'Rate exceeded' },
    access_denied: {
      name: 'AccessDenied',
      status: 403,
      message: 'User is not authorized to perform this Elastic Load Balancing action.',
    },
  },
  answers: {
    DescribeLoadBalancers: describeLoadBalancers,
    DescribeListeners: describeListeners,
    DescribeLoadBalancerAttributes: describeLoadBalancerAttributes,
    DescribeSSLPolicies: describeSslPolicies,
    DescribeTags: describeTags,
  },
  demo,
  generate({ index, accountId, regions, perRegion, random }) {
    const { chance, pick, hex } = random;
    const apps = ['storefront', 'telehealth', 'orders', 'telemetry', 'support'];
    const policies = Object.keys(predefinedSslPolicies);
    const loadBalancers = regions.flatMap((region) =>
      Array.from({ length: Math.max(1, Math.ceil(perRegion / 4)) }, (_, k) => {
        const app = pick(apps);
        const network = chance(0.2);
        const cert = `arn:aws:acm:${region}:${accountId}:certificate/${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
        const listeners = network
          ? [
              {
                port: 443,
                protocol: 'TLS',
                sslPolicy: pick(policies),
                certificateArn: cert,
                defaultAction: { type: 'forward', targetGroup: `g${index}-${app}` },
              },
            ]
          : [
              chance(0.3)
                ? {
                    port: 80,
                    protocol: 'HTTP',
                    defaultAction: { type: 'forward', targetGroup: `g${index}-${app}` },
                  }
                : { port: 80, protocol: 'HTTP', defaultAction: { type: 'redirect' } },
              {
                port: 443,
                protocol: 'HTTPS',
                sslPolicy: pick(policies),
                certificateArn: cert,
                defaultAction: { type: 'forward', targetGroup: `g${index}-${app}` },
              },
            ];
        return {
          name: `g${index}-${app}-${k}-${hex(4)}`,
          region,
          type: network ? 'network' : 'application',
          scheme: chance(0.6) ? 'internet-facing' : 'internal',
          tags: chance(0.15) ? {} : { app, ...(chance(0.4) ? { phi: 'true' } : {}) },
          listeners,
          accessLogs: chance(0.5) ? { bucket: `g${index}-lb-logs`, prefix: app } : null,
        };
      }),
    );
    return { loadBalancers };
  },
};
