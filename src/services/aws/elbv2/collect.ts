import type { Listener, LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import { accessLogsFrom, listenerFrom, sslProtocolsByPolicy, tagsFrom } from './normalize';
import { ops } from './operations';
import { elbv2LoadBalancer, type Elbv2LoadBalancerProperties } from './resource';

/** DescribeLoadBalancers / DescribeListeners page size (the API allows 1–400). */
const pageSize = 400;
/** DescribeTags takes at most 20 ARNs. */
const tagBatch = 20;
const loadBalancerFanOut = 16;
/** A load balancer deleted between the list and the read. */
const gone = ['LoadBalancerNotFoundException', 'LoadBalancerNotFound'];

interface Listed {
  raw: LoadBalancer;
  arn: string;
  name: string;
  evidenceId: number;
}

interface Read {
  listed: Listed;
  listeners: Listener[] | undefined;
  accessLogs: Elbv2LoadBalancerProperties['accessLogs'];
  evidenceIds: number[];
}

async function listLoadBalancers(ctx: AwsCollectContext): Promise<Listed[]> {
  const { pages } = await ctx.pages(
    ops.describeLoadBalancers.command,
    { PageSize: pageSize },
    { inputToken: 'Marker', outputToken: 'NextMarker' },
  );
  return pages.flatMap((page) =>
    (page.output.LoadBalancers ?? []).flatMap((raw) =>
      raw.LoadBalancerArn
        ? [
            {
              raw,
              arn: raw.LoadBalancerArn,
              name: raw.LoadBalancerName ?? raw.LoadBalancerArn,
              evidenceId: page.evidenceId,
            },
          ]
        : [],
    ),
  );
}

/** Listeners (paged) and attributes of one load balancer; null when it was deleted meanwhile. */
async function read(ctx: AwsCollectContext, listed: Listed): Promise<Read | null> {
  const subject = listed.name;
  const [listeners, attributes] = await Promise.all([
    ctx.pages(
      ops.describeListeners.command,
      { LoadBalancerArn: listed.arn, PageSize: pageSize },
      { inputToken: 'Marker', outputToken: 'NextMarker', subject, notConfigured: gone },
    ),
    ctx.call(
      ops.describeLoadBalancerAttributes.command,
      { LoadBalancerArn: listed.arn },
      { subject, notConfigured: gone },
    ),
  ]);
  if (attributes.status === 'not_configured') return null;
  // ctx.pages reports a not-configured first page as complete with no pages.
  const listenersRead = listeners.complete && listeners.pages.length > 0;
  if (listeners.complete && listeners.pages.length === 0) return null;
  return {
    listed,
    listeners: listenersRead ? listeners.pages.flatMap((page) => page.output.Listeners ?? []) : undefined,
    accessLogs: attributes.status === 'ok' ? accessLogsFrom(attributes.output.Attributes ?? []) : undefined,
    evidenceIds: [
      listed.evidenceId,
      ...listeners.pages.map((page) => page.evidenceId),
      attributes.evidenceId,
    ],
  };
}

/** Tags of every load balancer, 20 ARNs a call; a refused batch leaves its load balancers' tags unknown. */
async function readTags(
  ctx: AwsCollectContext,
  listed: readonly Listed[],
): Promise<Map<string, { tags: Record<string, string> | null; evidenceId: number }>> {
  const out = new Map<string, { tags: Record<string, string> | null; evidenceId: number }>();
  for (let at = 0; at < listed.length; at += tagBatch) {
    const batch = listed.slice(at, at + tagBatch);
    const answer = await ctx.call(
      ops.describeTags.command,
      { ResourceArns: batch.map((each) => each.arn) },
      { subject: batch.map((each) => each.name).join(', '), notConfigured: gone },
    );
    for (const each of batch) {
      const found =
        answer.status === 'ok'
          ? answer.output.TagDescriptions?.find((description) => description.ResourceArn === each.arn)
          : undefined;
      out.set(each.arn, {
        tags: answer.status === 'ok' ? tagsFrom(found?.Tags) : null,
        evidenceId: answer.evidenceId,
      });
    }
  }
  return out;
}

/** The SslProtocols of every security policy the region's listeners use (one call); null when refused. */
async function readPolicies(ctx: AwsCollectContext, names: readonly string[]) {
  if (names.length === 0) return { protocols: new Map<string, string[]>(), evidenceIds: [] as number[] };
  const answer = await ctx.call(ops.describeSslPolicies.command, { Names: [...names] });
  return {
    protocols: answer.status === 'ok' ? sslProtocolsByPolicy(answer.output.SslPolicies ?? []) : null,
    evidenceIds: [answer.evidenceId],
  };
}

/** Application, Network and Gateway Load Balancers of one account and region. */
export async function collectElbv2LoadBalancers(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const listed = await listLoadBalancers(ctx);
  if (listed.length === 0) return [];
  const [reads, tags] = await Promise.all([
    mapWithConcurrency(listed, loadBalancerFanOut, (each) => read(ctx, each)),
    readTags(ctx, listed),
  ]);
  const present = reads.filter((each): each is Read => each !== null);
  const policyNames = [
    ...new Set(
      present.flatMap((each) => (each.listeners ?? []).flatMap((l) => (l.SslPolicy ? [l.SslPolicy] : []))),
    ),
  ].sort();
  const policies = await readPolicies(ctx, policyNames);
  return present.map(({ listed: lb, listeners, accessLogs, evidenceIds }) => {
    const tagged = tags.get(lb.arn);
    const properties: Elbv2LoadBalancerProperties = {
      type: lb.raw.Type ?? 'application',
      scheme: lb.raw.Scheme ?? 'internet-facing',
      dnsName: lb.raw.DNSName ?? '',
      tagsCollected: tagged?.tags != null,
    };
    if (listeners) {
      properties.listeners = listeners
        .map((each) => listenerFrom(each, policies.protocols))
        .sort((a, b) => a.port - b.port);
    }
    if (accessLogs) properties.accessLogs = accessLogs;
    const usesPolicies = (listeners ?? []).some((each) => each.SslPolicy);
    return ctx.resource({
      type: elbv2LoadBalancer.type,
      nativeId: lb.arn,
      name: lb.name,
      region: ctx.region,
      tags: tagged?.tags ?? {},
      properties: { ...properties },
      evidenceIds: [
        ...evidenceIds,
        ...(tagged ? [tagged.evidenceId] : []),
        ...(usesPolicies ? policies.evidenceIds : []),
      ],
    });
  });
}
