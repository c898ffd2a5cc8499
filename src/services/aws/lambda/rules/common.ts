import type { NormalizedResource } from '../../../../kit';
import { isHealthFunction } from '../normalize';
import { lambdaFunction, type LambdaFunctionUrl } from '../resource';

export const LAMBDA_FUNCTION = lambdaFunction.type;

/** The collector's facts about a function; a field left undefined could not be collected. */
export const lambdaProperties = lambdaFunction.properties;

/** "Lambda function nwv-order-status-webhook in us-east-1", the subject of every Lambda detail message. */
export function functionLabel(resource: NormalizedResource): string {
  return `Lambda function ${resource.name} in ${resource.region}`;
}

/** A health, status or ping probe: by the function name's last word or the url-purpose tag. */
export function isHealthProbe(resource: NormalizedResource): boolean {
  return isHealthFunction(resource.name, resource.tags);
}

function urlLabel(url: LambdaFunctionUrl): string {
  return url.qualifier ? `${url.url} (alias ${url.qualifier})` : url.url;
}

function grantLabel(url: LambdaFunctionUrl): string {
  const grants = url.policy?.publicUrlGrants ?? [];
  return grants
    .map(
      (grant) =>
        `${grant.sid ? `statement "${grant.sid}"` : 'an unnamed statement'} (${grant.actions.join(', ')})`,
    )
    .join(', ');
}

export type UrlVerdict =
  | { kind: 'none' }
  | { kind: 'unknown'; detail: string }
  | { kind: 'fail'; detail: string }
  | { kind: 'pass'; detail: string };

/**
 * What was seen on a function's URLs, in words: an AuthType NONE URL whose resource-based policy
 * allows lambda:InvokeFunctionUrl to Principal "*" is reachable by anyone; an AuthType NONE URL
 * without such a statement is refused (403) today, and says so.
 */
export function judgeUrls(subject: string, urls: readonly LambdaFunctionUrl[]): UrlVerdict {
  if (urls.length === 0) return { kind: 'none' };
  const open = urls.filter((url) => url.authType === 'NONE');
  if (open.length === 0)
    return {
      kind: 'pass',
      detail: `${subject} requires AWS_IAM authentication on its function URL(s) ${urls.map(urlLabel).join(', ')}.`,
    };
  const known = open.filter((url) => url.policy?.parsed === true);
  const reachable = known.filter((url) => (url.policy?.publicUrlGrants.length ?? 0) > 0);
  const refused = known.filter((url) => (url.policy?.publicUrlGrants.length ?? 0) === 0);
  const sentences: string[] = [];
  if (reachable.length > 0)
    sentences.push(
      `${subject} has function URL ${reachable.map(urlLabel).join(', ')} with AuthType NONE and a resource-based policy that allows lambda:InvokeFunctionUrl to Principal "*" (${reachable.map(grantLabel).join('; ')}): it is reachable by anyone on the internet without authentication.`,
    );
  for (const url of refused) {
    const policy = url.policy!;
    const why = !policy.present
      ? 'the function has no resource-based policy'
      : policy.conditionedPublicGrants > 0
        ? `its resource-based policy allows lambda:InvokeFunctionUrl to Principal "*" only under a Condition (${policy.conditionedPublicGrants} statement(s); review who meets it)`
        : 'its resource-based policy has no statement that allows lambda:InvokeFunctionUrl to Principal "*"';
    sentences.push(
      policy.conditionedPublicGrants > 0
        ? `${reachable.length > 0 ? 'Its' : `${subject} has`} function URL ${urlLabel(url)} with AuthType NONE (no IAM auth); ${why}.`
        : `${reachable.length > 0 ? 'Its' : `${subject} has`} function URL ${urlLabel(url)} with AuthType NONE (no IAM auth); currently refused (HTTP 403) because ${why}, so one added permission would make it public.`,
    );
  }
  if (sentences.length === 0) {
    const unreadable = open.some((url) => url.policy !== undefined);
    return {
      kind: 'unknown',
      detail: unreadable
        ? 'resource-based policy (the Policy GetPolicy answered was not a JSON policy document)'
        : 'resource-based policy (GetPolicy)',
    };
  }
  return { kind: 'fail', detail: sentences.join(' ') };
}
