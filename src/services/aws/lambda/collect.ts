import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import {
  environmentVariableNames,
  functionUrlFrom,
  noResourcePolicy,
  redactListFunctions,
  urlPolicyFrom,
} from './normalize';
import { ops } from './operations';
import { lambdaFunction, type LambdaFunctionProperties, type LambdaFunctionUrl } from './resource';

/** ListFunctions and ListFunctionUrlConfigs answer at most 50 items a page (MaxItems above 50 is capped). */
const pageSize = 50;
/** Functions read at once (two or three calls each); the orchestrator's limiter is the real bound. */
const functionFanOut = 16;
/** A function deleted between ListFunctions and the read; on GetPolicy, also "no resource-based policy". */
const notFound = ['ResourceNotFoundException'];

interface ListedFunction {
  config: FunctionConfiguration;
  evidenceId: number;
}

async function listFunctions(ctx: AwsCollectContext): Promise<ListedFunction[]> {
  const { pages } = await ctx.pages(
    ops.listFunctions.command,
    { MaxItems: pageSize },
    // Environment variable values are often secrets: the evidence keeps their names only.
    { inputToken: 'Marker', outputToken: 'NextMarker', redact: redactListFunctions },
  );
  // A failed page is a recorded gap; the functions listed before it are still assessed.
  return pages.flatMap((page) =>
    (page.output.Functions ?? [])
      .filter((config) => typeof config.FunctionName === 'string')
      .map((config) => ({ config, evidenceId: page.evidenceId })),
  );
}

/**
 * The resource-based policy that governs each AuthType NONE URL (the function's, or its alias's),
 * read once per qualifier. ResourceNotFoundException is a fact: no resource-based policy.
 */
async function withPolicies(
  ctx: AwsCollectContext,
  name: string,
  urls: LambdaFunctionUrl[],
  evidenceIds: number[],
): Promise<LambdaFunctionUrl[]> {
  const qualifiers = [...new Set(urls.filter((url) => url.authType === 'NONE').map((url) => url.qualifier))];
  const policies = new Map<string | null, LambdaFunctionUrl['policy']>();
  for (const qualifier of qualifiers) {
    const answer = await ctx.call(
      ops.getPolicy.command,
      { FunctionName: name, ...(qualifier ? { Qualifier: qualifier } : {}) },
      { subject: qualifier ? `${name}:${qualifier}` : name, notConfigured: notFound },
    );
    evidenceIds.push(answer.evidenceId);
    if (answer.status === 'ok') policies.set(qualifier, urlPolicyFrom(answer.output.Policy));
    else if (answer.status === 'not_configured') policies.set(qualifier, noResourcePolicy);
  }
  return urls.map((url) => {
    const policy = url.authType === 'NONE' ? policies.get(url.qualifier) : undefined;
    return policy ? { ...url, policy } : url;
  });
}

async function describe(ctx: AwsCollectContext, listed: ListedFunction): Promise<NormalizedResource | null> {
  const { config } = listed;
  const name = config.FunctionName as string;
  const arn =
    config.FunctionArn ?? `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:function:${name}`;
  const [urlPages, tagging] = await Promise.all([
    ctx.pages(
      ops.listFunctionUrlConfigs.command,
      { FunctionName: name, MaxItems: pageSize },
      { inputToken: 'Marker', outputToken: 'NextMarker', subject: name, notConfigured: notFound },
    ),
    ctx.call(ops.listTags.command, { Resource: arn }, { subject: name, notConfigured: notFound }),
  ]);
  // Deleted since it was listed: nothing left to judge (a not-configured answer records no page).
  const urlsGone = urlPages.complete && urlPages.pages.length === 0;
  if (urlsGone || tagging.status === 'not_configured') return null;
  const evidenceIds = [
    listed.evidenceId,
    ...urlPages.pages.map((page) => page.evidenceId),
    tagging.evidenceId,
  ];
  const properties: LambdaFunctionProperties = {
    runtime: config.Runtime ?? null,
    packageType: config.PackageType ?? 'Zip',
    environmentVariableNames: environmentVariableNames(config.Environment),
    tagsCollected: tagging.status === 'ok',
  };
  if (urlPages.complete) {
    const urls = urlPages.pages.flatMap((page) =>
      (page.output.FunctionUrlConfigs ?? []).map(functionUrlFrom),
    );
    properties.urls = await withPolicies(ctx, name, urls, evidenceIds);
  }
  return ctx.resource({
    type: lambdaFunction.type,
    nativeId: arn,
    name,
    region: ctx.region,
    tags: tagging.status === 'ok' ? { ...tagging.output.Tags } : {},
    properties: { ...properties },
    evidenceIds,
  });
}

/** Lambda functions of one account and region: listed with their configuration, then URLs, tags and policies. */
export async function collectLambdaFunctions(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const listed = await listFunctions(ctx);
  const described = await mapWithConcurrency(listed, functionFanOut, (each) => describe(ctx, each));
  return described.filter((each): each is NormalizedResource => each !== null);
}
