import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import {
  aliasesByKey,
  kmsKeyArn,
  metadataFrom,
  policyFrom,
  rotationFrom,
  shouldAskRotation,
  tagsFromKmsTags,
} from './normalize';
import { ops } from './operations';
import { kmsKey, type KmsKeyProperties } from './resource';

/** ListKeys page size asked (KMS allows 1–1000; without Limit it answers 100). */
const listKeysLimit = 1000;
/** ListAliases page size asked (KMS allows 1–100; default 50). */
const listAliasesLimit = 100;
/** ListResourceTags page size asked (KMS allows 1–50, its default). */
const listTagsLimit = 50;
/** Keys described at once (four calls each); the orchestrator's limiter is the real bound. */
const keyFanOut = 16;

interface ListedKey {
  keyId: string;
  keyArn: string;
  evidenceId: number;
}

async function listKeys(ctx: AwsCollectContext): Promise<ListedKey[]> {
  const { pages } = await ctx.pages(
    ops.listKeys.command,
    { Limit: listKeysLimit },
    // NextMarker is present only while Truncated is true.
    { inputToken: 'Marker', outputToken: 'NextMarker', moreFlag: 'Truncated' },
  );
  // A failed page is a recorded gap; the keys listed before it are still assessed.
  return pages.flatMap((page) =>
    (page.output.Keys ?? []).flatMap((entry) =>
      entry.KeyId
        ? [
            {
              keyId: entry.KeyId,
              keyArn: entry.KeyArn ?? kmsKeyArn(ctx.partition, ctx.region, ctx.accountId, entry.KeyId),
              evidenceId: page.evidenceId,
            },
          ]
        : [],
    ),
  );
}

async function listAliases(
  ctx: AwsCollectContext,
): Promise<{ byKey: Map<string, string[]>; complete: boolean; evidenceIds: number[] }> {
  const { pages, complete } = await ctx.pages(
    ops.listAliases.command,
    { Limit: listAliasesLimit },
    { inputToken: 'Marker', outputToken: 'NextMarker', moreFlag: 'Truncated' },
  );
  return {
    byKey: aliasesByKey(pages.flatMap((page) => page.output.Aliases ?? [])),
    complete,
    evidenceIds: pages.map((page) => page.evidenceId),
  };
}

async function keyTags(
  ctx: AwsCollectContext,
  keyId: string,
): Promise<{ tags: Record<string, string>; complete: boolean; evidenceIds: number[] }> {
  const { pages, complete } = await ctx.pages(
    ops.listResourceTags.command,
    { KeyId: keyId, Limit: listTagsLimit },
    { inputToken: 'Marker', outputToken: 'NextMarker', moreFlag: 'Truncated', subject: keyId },
  );
  return {
    tags: tagsFromKmsTags(pages.flatMap((page) => page.output.Tags ?? [])),
    complete,
    evidenceIds: pages.map((page) => page.evidenceId),
  };
}

async function describe(
  ctx: AwsCollectContext,
  listed: ListedKey,
  aliases: Awaited<ReturnType<typeof listAliases>>,
): Promise<NormalizedResource> {
  const subject = listed.keyId;
  const input = { KeyId: listed.keyId };
  const [description, tagging, policy] = await Promise.all([
    ctx.call(ops.describeKey.command, input, { subject }),
    keyTags(ctx, listed.keyId),
    // 'default' is the only key policy name KMS has.
    ctx.call(ops.getKeyPolicy.command, { ...input, PolicyName: 'default' }, { subject }),
  ]);
  const properties: KmsKeyProperties = { keyId: listed.keyId, tagsCollected: tagging.complete };
  const evidenceIds = [listed.evidenceId, ...tagging.evidenceIds, description.evidenceId, policy.evidenceId];
  const own = aliases.byKey.get(listed.keyId);
  if (own) evidenceIds.push(...aliases.evidenceIds);
  // A key absent from a complete alias list has no alias; from a partial one, its aliases are unknown.
  if (own || aliases.complete) properties.aliases = own ?? [];

  if (description.status === 'ok') {
    const metadata = metadataFrom(description.output.KeyMetadata);
    if (metadata) properties.metadata = metadata;
  }
  if (policy.status === 'ok') properties.policy = policyFrom(policy.output.Policy);
  if (shouldAskRotation(properties.metadata)) {
    const rotation = await ctx.call(ops.getKeyRotationStatus.command, input, { subject });
    evidenceIds.push(rotation.evidenceId);
    if (rotation.status === 'ok') properties.rotation = rotationFrom(rotation.output);
  }
  return ctx.resource({
    type: kmsKey.type,
    nativeId: listed.keyArn,
    name: listed.keyId,
    region: ctx.region,
    tags: tagging.tags,
    properties: { ...properties },
    evidenceIds: [...new Set(evidenceIds)],
  });
}

/** KMS keys of one account and region: listed, then each described, tagged, its policy and rotation read. */
export async function collectKmsKeys(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const [listed, aliases] = await Promise.all([listKeys(ctx), listAliases(ctx)]);
  return mapWithConcurrency(listed, keyFanOut, (each) => describe(ctx, each, aliases));
}
