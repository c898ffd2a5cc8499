import { isEveryonePrincipal, policyList } from '../../../kit';
import type { LambdaFunctionUrl, LambdaUrlPolicy } from './resource';

/**
 * Pure conversions from Lambda API answers to LambdaFunctionProperties, kept apart from the calls
 * so they can be tested on plain objects (shapes per the Lambda API reference: ListFunctions,
 * ListFunctionUrlConfigs, GetPolicy).
 */

/** The marker that replaces every environment variable value before an answer becomes evidence. */
export const REDACTED = '[redacted]';

/**
 * ListFunctions' answer with each Functions[].Environment.Variables value replaced by "[redacted]":
 * the names stay (they say what the function is wired to), the values (often secrets) never reach
 * the workspace. The answer is copied, never changed in place.
 */
export function redactListFunctions(body: Record<string, unknown>): Record<string, unknown> {
  const functions = body.Functions;
  if (!Array.isArray(functions)) return body;
  return {
    ...body,
    Functions: functions.map((each: unknown) => {
      if (typeof each !== 'object' || each === null) return each;
      const fn = each as Record<string, unknown>;
      const environment = fn.Environment;
      if (typeof environment !== 'object' || environment === null) return fn;
      const variables = (environment as { Variables?: unknown }).Variables;
      if (typeof variables !== 'object' || variables === null) return fn;
      return {
        ...fn,
        Environment: {
          ...environment,
          Variables: Object.fromEntries(Object.keys(variables).map((name) => [name, REDACTED])),
        },
      };
    }),
  };
}

/** Environment variable names, sorted; the values are not read. */
export function environmentVariableNames(
  environment: { Variables?: Record<string, string> } | undefined,
): string[] {
  return Object.keys(environment?.Variables ?? {}).sort();
}

/**
 * The alias of a function URL from its FunctionArn: arn:…:function:<name> is the unqualified
 * function (null), arn:…:function:<name>:<alias> an alias.
 */
export function urlQualifier(functionArn: string | undefined): string | null {
  if (!functionArn) return null;
  const match = /:function:[^:]+:([^:]+)$/.exec(functionArn);
  return match ? (match[1] as string) : null;
}

interface UrlConfigAnswer {
  FunctionUrl?: string;
  FunctionArn?: string;
  AuthType?: string;
  InvokeMode?: string;
  Cors?: { AllowOrigins?: string[]; AllowCredentials?: boolean };
}

/** One FunctionUrlConfigs entry → a URL without its policy (read afterwards for AuthType NONE). */
export function functionUrlFrom(config: UrlConfigAnswer): LambdaFunctionUrl {
  return {
    url: config.FunctionUrl ?? '',
    qualifier: urlQualifier(config.FunctionArn),
    // AuthType is required in the API; anything other than AWS_IAM leaves the URL unauthenticated.
    authType: config.AuthType === 'AWS_IAM' ? 'AWS_IAM' : 'NONE',
    invokeMode: config.InvokeMode ?? null,
    cors: config.Cors
      ? {
          allowOrigins: [...(config.Cors.AllowOrigins ?? [])],
          allowCredentials: config.Cors.AllowCredentials === true,
        }
      : null,
  };
}

/** IAM action wildcards ("lambda:Invoke*", "*"), case-insensitive as IAM compares actions. */
function actionMatches(pattern: string, action: string): boolean {
  const expression = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return expression.test(action);
}

const INVOKE_URL = 'lambda:InvokeFunctionUrl';

function coversInvokeUrl(statement: Record<string, unknown>): boolean {
  if (statement.NotAction !== undefined)
    return !policyList(statement.NotAction).some(
      (each) => typeof each === 'string' && actionMatches(each, INVOKE_URL),
    );
  return policyList(statement.Action).some(
    (each) => typeof each === 'string' && actionMatches(each, INVOKE_URL),
  );
}

/**
 * Whether a Condition restricts the caller. lambda:FunctionUrlAuthType (which the console and
 * AddPermission --function-url-auth-type write) only says the grant is for the NONE URL: it
 * restricts nobody.
 */
function restrictsCaller(condition: unknown): boolean {
  if (typeof condition !== 'object' || condition === null) return false;
  return Object.values(condition).some(
    (keys) =>
      typeof keys !== 'object' ||
      keys === null ||
      Object.keys(keys).some((key) => key.toLowerCase() !== 'lambda:functionurlauthtype'),
  );
}

export const noResourcePolicy: LambdaUrlPolicy = {
  present: false,
  parsed: true,
  publicUrlGrants: [],
  conditionedPublicGrants: 0,
  document: null,
};

/** GetPolicy's Policy text → what the URL rules read, as the policy words it. */
export function urlPolicyFrom(policyText: string | undefined): LambdaUrlPolicy {
  if (!policyText || policyText.trim() === '') return noResourcePolicy;
  let document: unknown;
  try {
    document = JSON.parse(policyText);
  } catch {
    return { ...noResourcePolicy, present: true, parsed: false, document: policyText };
  }
  if (typeof document !== 'object' || document === null)
    return { ...noResourcePolicy, present: true, parsed: false, document };
  const statements = policyList((document as { Statement?: unknown }).Statement).filter(
    (each): each is Record<string, unknown> => typeof each === 'object' && each !== null,
  );
  const toEveryone = statements.filter(
    (s) => s.Effect === 'Allow' && isEveryonePrincipal(s.Principal) && coversInvokeUrl(s),
  );
  return {
    present: true,
    parsed: true,
    publicUrlGrants: toEveryone
      .filter((s) => !restrictsCaller(s.Condition))
      .map((s) => ({
        sid: typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : null,
        actions: policyList(s.NotAction ?? s.Action)
          .filter((each): each is string => typeof each === 'string')
          .map((each) => (s.NotAction !== undefined ? `NotAction ${each}` : each)),
      })),
    conditionedPublicGrants: toEveryone.filter((s) => restrictsCaller(s.Condition)).length,
    document,
  };
}

/**
 * A health or ping probe by the function name's last word, or the url-purpose tag. "status" counts
 * only as a tag value: as a name's last word it names business functions too (order-status).
 */
const probeWords = /(^|[-_.])(health|healthz|healthcheck|ping|heartbeat|readiness|liveness)$/i;
export const URL_PURPOSE_TAG = 'url-purpose';

export function isHealthFunction(name: string, tags: Readonly<Record<string, string>>): boolean {
  const purpose = Object.entries(tags).find(([key]) => key.toLowerCase() === URL_PURPOSE_TAG)?.[1];
  if (purpose !== undefined) return /^(health|healthcheck|status|ping|heartbeat)$/i.test(purpose.trim());
  return probeWords.test(name);
}
