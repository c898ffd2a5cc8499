import type {
  Listener,
  LoadBalancerAttribute,
  SslPolicy,
  Tag,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Elbv2Listener, Elbv2LoadBalancerProperties } from './resource';

/**
 * Pure conversions from Elastic Load Balancing v2 answers (API version 2015-12-01): Listener,
 * Action, LoadBalancerAttribute (string keys and values), SslPolicy, Tag.
 */

export function listenerFrom(
  raw: Listener,
  protocols: ReadonlyMap<string, readonly string[]> | null,
): Elbv2Listener {
  const actions = [...(raw.DefaultActions ?? [])].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0));
  const redirect = actions.find((action) => action.Type === 'redirect');
  const sslPolicy = raw.SslPolicy && raw.SslPolicy !== '' ? raw.SslPolicy : null;
  const known = sslPolicy ? protocols?.get(sslPolicy) : undefined;
  return {
    port: raw.Port ?? 0,
    protocol: raw.Protocol ?? '',
    sslPolicy,
    ...(known ? { sslProtocols: [...known] } : {}),
    defaultActions: actions.map((action) => action.Type ?? 'unknown'),
    redirectProtocol: redirect?.RedirectConfig?.Protocol ?? (redirect ? '#{protocol}' : null),
  };
}

/** Policy name → SslProtocols ('Protocol-TLSv1' style names are not used by v2; these are TLSv1, TLSv1.1, …). */
export function sslProtocolsByPolicy(policies: readonly SslPolicy[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const policy of policies) if (policy.Name) out.set(policy.Name, [...(policy.SslProtocols ?? [])]);
  return out;
}

export function accessLogsFrom(
  attributes: readonly LoadBalancerAttribute[],
): Elbv2LoadBalancerProperties['accessLogs'] | undefined {
  const value = (key: string) => attributes.find((each) => each.Key === key)?.Value;
  const enabled = value('access_logs.s3.enabled');
  // A gateway load balancer has no access_logs.* attributes at all.
  if (enabled === undefined) return undefined;
  const on = enabled.toLowerCase() === 'true';
  const bucket = value('access_logs.s3.bucket');
  const prefix = value('access_logs.s3.prefix');
  return {
    enabled: on,
    bucket: on && bucket ? bucket : null,
    prefix: on && prefix ? prefix : null,
  };
}

export function tagsFrom(tags: readonly Tag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key) out[tag.Key] = tag.Value ?? '';
  return out;
}

/** SSL/TLS protocol versions below TLS 1.2 as SslPolicy names them. */
export function weakProtocols(protocols: readonly string[]): string[] {
  return protocols.filter((each) => /^(SSLv[23]|TLSv1(\.[01])?)$/.test(each));
}
