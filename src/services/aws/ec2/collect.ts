import type { AwsCollectContext, CommandInput, CommandOutput, NormalizedResource } from '../../../kit';
import {
  attachmentFrom,
  displayName,
  ebsDefaultsArn,
  ec2Arn,
  flowLogFrom,
  gatewayEndpointFrom,
  instanceFrom,
  permissionsFrom,
  tagMap,
  volumeFrom,
} from './normalize';
import { ops } from './operations';
import {
  ec2EbsDefaults,
  ec2Instance,
  ec2SecurityGroup,
  ec2Volume,
  ec2Vpc,
  type GroupAttachment,
  type SecurityGroupProperties,
  type VpcProperties,
} from './resource';

/**
 * Page sizes asked: EC2 answers 5–1000 items a page for these lists (DescribeVolumes at most 500,
 * larger values are capped), and without MaxResults it answers everything at once, which times out
 * on large accounts; with MaxResults it answers a NextToken while more remain.
 */
const pageSize = 1000;
const volumePageSize = 500;

interface Listed<T> {
  items: { item: T; evidenceId: number }[];
  evidenceIds: number[];
  /** Every page answered: "none of X" may be concluded from it */
  complete: boolean;
}

type Ec2Command = (typeof ops)[keyof typeof ops]['command'];

/** Every page of a region-wide Describe list (MaxResults / NextToken), each item with its page's evidence. */
async function listAll<C extends Ec2Command, T>(
  ctx: AwsCollectContext,
  command: C,
  input: CommandInput<C>,
  pick: (output: CommandOutput<C>) => readonly T[] | undefined,
): Promise<Listed<T>> {
  const { pages, complete } = await ctx.pages(command, input, {
    inputToken: 'NextToken' as keyof CommandInput<C> & string,
    outputToken: 'NextToken',
  });
  return {
    items: pages.flatMap((page) =>
      (pick(page.output) ?? []).map((item) => ({ item, evidenceId: page.evidenceId })),
    ),
    evidenceIds: pages.map((page) => page.evidenceId),
    complete,
  };
}

/** EC2 in one account and region: the EBS default, volumes, security groups, VPCs and instances. */
export async function collectEc2(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const { partition, region, accountId } = ctx;
  const [ebsDefault, volumes, groups, vpcs, flowLogs, endpoints, reservations, interfaces] =
    await Promise.all([
      ctx.call(ops.getEbsEncryptionByDefault.command, {}, { subject: `EBS defaults of ${region}` }),
      listAll(ctx, ops.describeVolumes.command, { MaxResults: volumePageSize }, (o) => o.Volumes),
      listAll(ctx, ops.describeSecurityGroups.command, { MaxResults: pageSize }, (o) => o.SecurityGroups),
      listAll(ctx, ops.describeVpcs.command, { MaxResults: pageSize }, (o) => o.Vpcs),
      listAll(ctx, ops.describeFlowLogs.command, { MaxResults: pageSize }, (o) => o.FlowLogs),
      listAll(ctx, ops.describeVpcEndpoints.command, { MaxResults: pageSize }, (o) => o.VpcEndpoints),
      listAll(ctx, ops.describeInstances.command, { MaxResults: pageSize }, (o) => o.Reservations),
      listAll(
        ctx,
        ops.describeNetworkInterfaces.command,
        { MaxResults: pageSize },
        (o) => o.NetworkInterfaces,
      ),
    ]);

  const resources: NormalizedResource[] = [];

  // The account's EBS setting in this region: one resource when it was read (a refused read is a
  // recorded coverage gap, and nothing is judged of it).
  if (ebsDefault.status === 'ok')
    resources.push(
      ctx.resource({
        type: ec2EbsDefaults.type,
        nativeId: ebsDefaultsArn(partition, region, accountId),
        name: `EBS encryption by default (${accountId} ${region})`,
        region,
        tags: {},
        properties:
          ebsDefault.status === 'ok'
            ? { encryptionByDefault: ebsDefault.output.EbsEncryptionByDefault === true }
            : {},
        evidenceIds: [ebsDefault.evidenceId],
      }),
    );

  // Instances (terminated ones linger for about an hour with no network: left out).
  const instances = reservations.items.flatMap(({ item, evidenceId }) =>
    (item.Instances ?? [])
      .filter((instance) => instance.State?.Name !== 'terminated')
      .map((instance) => ({ instance, evidenceId })),
  );
  for (const { instance, evidenceId } of instances) {
    const properties = instanceFrom(instance);
    if (!properties) continue;
    const tags = tagMap(instance.Tags);
    resources.push(
      ctx.resource({
        type: ec2Instance.type,
        nativeId: ec2Arn(partition, region, accountId, 'instance', properties.instanceId),
        name: displayName(properties.instanceId, tags),
        region,
        tags,
        properties: { ...properties },
        evidenceIds: [evidenceId],
      }),
    );
  }

  for (const { item, evidenceId } of volumes.items) {
    const volume = item;
    const properties = volumeFrom(volume);
    if (!properties) continue;
    const tags = tagMap(volume.Tags);
    resources.push(
      ctx.resource({
        type: ec2Volume.type,
        nativeId: ec2Arn(partition, region, accountId, 'volume', properties.volumeId),
        name: displayName(properties.volumeId, tags),
        region,
        tags,
        properties: { ...properties },
        evidenceIds: [evidenceId],
      }),
    );
  }

  // Which interfaces use each group: known only when every page of DescribeNetworkInterfaces answered.
  const attachmentsByGroup = new Map<string, GroupAttachment[]>();
  if (interfaces.complete)
    for (const { item } of interfaces.items) {
      const eni = item;
      const attachment = attachmentFrom(eni);
      if (!attachment) continue;
      for (const group of eni.Groups ?? []) {
        if (!group.GroupId) continue;
        const list = attachmentsByGroup.get(group.GroupId) ?? [];
        list.push(attachment);
        attachmentsByGroup.set(group.GroupId, list);
      }
    }
  for (const { item, evidenceId } of groups.items) {
    const group = item;
    if (!group.GroupId) continue;
    const properties: SecurityGroupProperties = {
      groupId: group.GroupId,
      groupName: group.GroupName ?? group.GroupId,
      vpcId: group.VpcId ?? null,
      description: group.Description ?? null,
      ingress: permissionsFrom(group.IpPermissions),
      egress: permissionsFrom(group.IpPermissionsEgress),
    };
    if (interfaces.complete) properties.attachments = attachmentsByGroup.get(group.GroupId) ?? [];
    resources.push(
      ctx.resource({
        type: ec2SecurityGroup.type,
        nativeId:
          group.SecurityGroupArn ?? ec2Arn(partition, region, accountId, 'security-group', group.GroupId),
        name: `${properties.groupName} (${group.GroupId})`,
        region,
        tags: tagMap(group.Tags),
        properties: { ...properties },
        evidenceIds: [evidenceId, ...(interfaces.complete ? interfaces.evidenceIds : [])],
      }),
    );
  }

  for (const { item, evidenceId } of vpcs.items) {
    const vpc = item;
    if (!vpc.VpcId) continue;
    const vpcId = vpc.VpcId;
    const properties: VpcProperties = {
      vpcId,
      cidrBlock: vpc.CidrBlock ?? null,
      isDefault: vpc.IsDefault === true,
    };
    const evidenceIds = [evidenceId];
    // A VPC "without" flow logs, endpoints or instances is claimed only from complete lists.
    if (flowLogs.complete) {
      properties.flowLogs = flowLogs.items.flatMap(({ item: flow }) => {
        const parsed = flow.ResourceId === vpcId ? flowLogFrom(flow) : null;
        return parsed ? [parsed] : [];
      });
      evidenceIds.push(...flowLogs.evidenceIds);
    }
    if (endpoints.complete) {
      properties.gatewayEndpoints = endpoints.items.flatMap(({ item: endpoint }) => {
        const parsed = endpoint.VpcId === vpcId ? gatewayEndpointFrom(endpoint) : null;
        return parsed ? [parsed] : [];
      });
      evidenceIds.push(...endpoints.evidenceIds);
    }
    if (reservations.complete) {
      properties.instanceIds = instances
        .filter(({ instance }) => instance.VpcId === vpcId && instance.InstanceId)
        .map(({ instance }) => instance.InstanceId as string);
      evidenceIds.push(...reservations.evidenceIds);
    }
    const tags = tagMap(vpc.Tags);
    resources.push(
      ctx.resource({
        type: ec2Vpc.type,
        nativeId: ec2Arn(partition, region, accountId, 'vpc', vpcId),
        name: displayName(vpcId, tags),
        region,
        tags,
        properties: { ...properties },
        evidenceIds,
      }),
    );
  }
  return resources;
}
