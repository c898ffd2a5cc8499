import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.elbv2.load-balancer'; nativeId = the load balancer ARN; name = its name.
 * A property that could not be collected is absent: rules then answer "not assessed".
 */
export const listenerSchema = z.object({
  port: z.number(),
  /** HTTP | HTTPS (Application); TCP | TLS | UDP | TCP_UDP (Network); GENEVE (Gateway) */
  protocol: z.string(),
  /** The security policy of an HTTPS or TLS listener, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06 */
  sslPolicy: z.string().nullable(),
  /** The policy's SslProtocols from DescribeSSLPolicies; absent when it could not be read */
  sslProtocols: z.array(z.string()).optional(),
  /** The default actions' types in order: forward, redirect, fixed-response, authenticate-oidc, … */
  defaultActions: z.array(z.string()),
  /** A default redirect's target protocol as written: HTTPS, HTTP or #{protocol} (keeps the request's) */
  redirectProtocol: z.string().nullable(),
});

export const loadBalancerSchema = z.object({
  /** application | network | gateway */
  type: z.string(),
  /** internet-facing | internal */
  scheme: z.string(),
  dnsName: z.string(),
  /** DescribeListeners; absent when it was refused */
  listeners: z.array(listenerSchema).optional(),
  /** DescribeLoadBalancerAttributes' access_logs.s3.*; absent when refused or not offered (gateway) */
  accessLogs: z
    .object({ enabled: z.boolean(), bucket: z.string().nullable(), prefix: z.string().nullable() })
    .optional(),
  /** False when DescribeTags failed: the PHI classification is unknown, not "no tags". */
  tagsCollected: z.boolean().optional(),
});

export type Elbv2LoadBalancerProperties = z.infer<typeof loadBalancerSchema>;
export type Elbv2Listener = z.infer<typeof listenerSchema>;

export const elbv2LoadBalancer = defineResourceType(
  'aws.elbv2.load-balancer',
  'Elastic Load Balancer (v2)',
  loadBalancerSchema,
);
