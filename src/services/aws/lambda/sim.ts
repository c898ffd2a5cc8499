import { LambdaServiceException } from '@aws-sdk/client-lambda';
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
 * Lambda in a scenario: each account's functions, per region. Answers follow the Lambda API
 * reference (REST-JSON, 2015-03-31 and 2021-10-31 paths):
 * - ListFunctions: MaxItems 1–10000 but at most 50 functions a page, Marker / NextMarker; each
 *   FunctionConfiguration without Runtime/Handler for a container image (PackageType Image) and
 *   without Environment when the function has no variables (API_ListFunctions).
 * - ListFunctionUrlConfigs: FunctionUrlConfigs (always present, empty without a URL), MaxItems 1–50,
 *   Marker / NextMarker; AuthType NONE | AWS_IAM, Cors absent when not configured
 *   (API_ListFunctionUrlConfigs).
 * - GetPolicy: { Policy (a JSON string), RevisionId }; ResourceNotFoundException (404) when the
 *   function or its qualifier has no resource-based policy (API_GetPolicy).
 * - ListTags: { Tags } for a function ARN (API_ListTags).
 * An unknown function is ResourceNotFoundException "Function not found: <arn>".
 */

const functionName = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, hyphens or underscores');

const scenarioUrl = z.strictObject({
  authType: z.enum(['NONE', 'AWS_IAM']),
  /** BUFFERED (the default) or RESPONSE_STREAM */
  invokeMode: z.enum(['BUFFERED', 'RESPONSE_STREAM']).default('BUFFERED'),
  cors: z
    .strictObject({
      allowOrigins: z.array(z.string()).default([]),
      allowMethods: z.array(z.string()).default([]),
      allowCredentials: z.boolean().default(false),
    })
    .optional(),
  createdAt: isoTime.default('2024-02-01T09:00:00Z'),
});

const scenarioFunction = z.strictObject({
  name: functionName,
  region: awsRegion,
  /** A runtime identifier; null = a container image (PackageType Image: no Runtime or Handler) */
  runtime: z.string().min(1).nullable().default('nodejs20.x'),
  description: z.string().default(''),
  /** Environment variables; the collector must keep their names and never their values */
  environment: z.record(z.string(), z.string()).default({}),
  tags: scenarioTags.default({}),
  /** The function URL of the unqualified function; null = none */
  url: scenarioUrl.nullable().default(null),
  /** The resource-based policy document; null = none (GetPolicy answers ResourceNotFoundException) */
  policy: z
    .looseObject({ Version: z.string().optional(), Statement: z.array(z.looseObject({})).min(1) })
    .nullable()
    .default(null),
  lastModified: isoTime.default('2024-05-14T08:30:00Z'),
});

const account = { lambdaFunctions: z.array(scenarioFunction).default([]) };
const organisation = {};

type ScenarioFunction = z.output<typeof scenarioFunction>;
type Call = AwsSimCallFor<typeof account, typeof organisation, undefined>;

const lambdaError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(LambdaServiceException, name, httpStatusCode, message);

const functionArn = (partition: string, region: string, accountId: string, name: string): string =>
  `arn:${partition}:lambda:${region}:${accountId}:function:${name}`;

/** A stable 32-character URL id per function (the real ones are random). */
function urlId(accountId: string, region: string, name: string): string {
  let hash = 0x811c9dc5;
  let id = '';
  const seed = `${accountId}|${region}|${name}`;
  while (id.length < 32) {
    for (const char of `${seed}|${id.length}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    id += hash.toString(36).padStart(7, '0').slice(0, 7);
  }
  return id.slice(0, 32);
}

export const functionUrl = (accountId: string, region: string, name: string): string =>
  `https://${urlId(accountId, region, name)}.lambda-url.${region}.on.aws/`;

/** Lambda's own timestamp form: 2024-05-14T08:30:00.000+0000 */
const lambdaTime = (iso: string): string => new Date(iso).toISOString().replace('Z', '+0000');

function functionsHere(call: Call): ScenarioFunction[] {
  return call.account.lambdaFunctions
    .filter((fn) => fn.region === call.region)
    .sort((a, b) => a.name.localeCompare(b.name));
}

const invalidParameter = (message: string) => lambdaError('InvalidParameterValueException', 400, message);

function maxItems(value: unknown, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
    throw invalidParameter(
      `1 validation error detected: Value '${String(value)}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and ${max}`,
    );
  return value;
}

function configuration(call: Call, fn: ScenarioFunction): object {
  const { accountId, partition } = call.account;
  const image = fn.runtime === null;
  return {
    FunctionName: fn.name,
    FunctionArn: functionArn(partition, fn.region, accountId, fn.name),
    ...(image ? {} : { Runtime: fn.runtime, Handler: 'index.handler' }),
    Role: `arn:${partition}:iam::${accountId}:role/${fn.name}-role`,
    CodeSize: image ? 0 : 48213,
    Description: fn.description,
    Timeout: 30,
    MemorySize: 256,
    LastModified: lambdaTime(fn.lastModified),
    CodeSha256: 'pV3Qk2yZ8mC1rJtX4nW6bH0sD7fG9aL5eU2iO8qR3vY=',
    Version: '$LATEST',
    ...(Object.keys(fn.environment).length > 0 ? { Environment: { Variables: { ...fn.environment } } } : {}),
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: `${urlId(accountId, fn.region, fn.name).slice(0, 8)}-0000-4000-8000-000000000001`,
    PackageType: image ? 'Image' : 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` },
  };
}

function listFunctions(call: Call): object {
  const asked = maxItems(call.input.MaxItems, 10000);
  const limit = Math.min(asked ?? 50, 50, call.pageSize);
  const { page, next } = awsPage(functionsHere(call), call.input.Marker, limit, () =>
    invalidParameter('Invalid marker.'),
  );
  return { Functions: page.map((fn) => configuration(call, fn)), ...(next ? { NextMarker: next } : {}) };
}

/**
 * The function a FunctionName (name, ARN or partial ARN) or a ListTags Resource ARN names, in the
 * calling account and region; another account's is refused, an unknown one is not found.
 */
function resolveFunction(call: Call, raw: unknown): { fn: ScenarioFunction; qualifier: string | null } {
  const text = typeof raw === 'string' ? raw : '';
  const match =
    /^(?:arn:[a-z-]+:lambda:)?(?:([a-z]{2}(?:-gov)?-[a-z]+-\d):)?(?:(\d{12}):)?(?:function:)?([A-Za-z0-9_-]+)(?::(\$LATEST|[A-Za-z0-9_-]+))?$/.exec(
      text,
    );
  const { accountId, partition } = call.account;
  if (!match)
    throw invalidParameter(
      `1 validation error detected: Value '${text}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern`,
    );
  const region = match[1] ?? call.region;
  const owner = match[2] ?? accountId;
  const name = match[3] as string;
  const arn = functionArn(partition, region, owner, name);
  if (owner !== accountId)
    throw lambdaError(
      'AccessDeniedException',
      403,
      `User: arn:${partition}:sts::${accountId}:assumed-role/PhiAuditDeskReadOnly/phi-audit-desk is not authorized to perform: lambda on resource: ${arn} because no resource-based policy allows the action`,
    );
  const fn = region === call.region ? functionsHere(call).find((each) => each.name === name) : undefined;
  if (!fn) throw lambdaError('ResourceNotFoundException', 404, `Function not found: ${arn}`);
  const qualifier = match[4] ?? null;
  return { fn, qualifier: qualifier === '$LATEST' ? null : qualifier };
}

function listFunctionUrlConfigs(call: Call): object {
  const { fn } = resolveFunction(call, call.input.FunctionName);
  const asked = maxItems(call.input.MaxItems, 50);
  const { accountId, partition } = call.account;
  const urls = fn.url ? [fn.url] : [];
  const { page, next } = awsPage(urls, call.input.Marker, Math.min(asked ?? 50, call.pageSize), () =>
    invalidParameter('Invalid marker.'),
  );
  return {
    FunctionUrlConfigs: page.map((url) => ({
      FunctionUrl: functionUrl(accountId, fn.region, fn.name),
      FunctionArn: functionArn(partition, fn.region, accountId, fn.name),
      AuthType: url.authType,
      ...(url.cors
        ? {
            Cors: {
              AllowCredentials: url.cors.allowCredentials,
              AllowOrigins: url.cors.allowOrigins,
              AllowMethods: url.cors.allowMethods,
              AllowHeaders: [],
              ExposeHeaders: [],
              MaxAge: 0,
            },
          }
        : {}),
      CreationTime: new Date(url.createdAt).toISOString(),
      LastModifiedTime: new Date(url.createdAt).toISOString(),
      InvokeMode: url.invokeMode,
    })),
    ...(next ? { NextMarker: next } : {}),
  };
}

function getPolicy(call: Call): object {
  const { fn, qualifier } = resolveFunction(call, call.input.FunctionName);
  const explicit = typeof call.input.Qualifier === 'string' ? call.input.Qualifier : qualifier;
  // The scenario holds policies of the unqualified function only: an alias has none.
  if (!fn.policy || (explicit !== null && explicit !== '$LATEST'))
    throw lambdaError('ResourceNotFoundException', 404, 'The resource you requested does not exist.');
  return {
    Policy: JSON.stringify(fn.policy),
    RevisionId: `${urlId(call.account.accountId, fn.region, fn.name).slice(0, 8)}-0000-4000-8000-000000000002`,
  };
}

function listTags(call: Call): object {
  const resource = typeof call.input.Resource === 'string' ? call.input.Resource : '';
  if (!resource.startsWith('arn:'))
    throw invalidParameter(
      `1 validation error detected: Value '${resource}' at 'resource' failed to satisfy constraint`,
    );
  const { fn } = resolveFunction(call, resource);
  return { Tags: { ...fn.tags } };
}

function checkFunctions(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const functions = each.lambdaFunctions as ScenarioFunction[];
    const seen = new Map<string, number>();
    functions.forEach((fn, f) => {
      const path = ['aws', 'accounts', a, 'lambdaFunctions', f];
      if (!each.regions.includes(fn.region))
        issue(
          [...path, 'region'],
          `${fn.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      const scoped = `${fn.region}|${fn.name}`;
      const previous = seen.get(scoped);
      if (previous !== undefined)
        issue(
          [...path, 'name'],
          `function ${fn.name} already exists in ${fn.region} at lambdaFunctions[${previous}]`,
        );
      seen.set(scoped, f);
    });
  });
}

const publicUrlStatement = (name: string) => ({
  Sid: 'FunctionURLAllowPublicAccess',
  Effect: 'Allow',
  Principal: '*',
  Action: 'lambda:InvokeFunctionUrl',
  Resource: name,
  Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
});

export const lambdaSim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkFunctions,
  error: lambdaError,
  // Lambda words these in its own codes (API reference, Errors: TooManyRequestsException 429).
  faults: {
    throttle: { name: 'TooManyRequestsException', status: 429, message: 'Rate Exceeded.' },
    access_denied: {
      name: 'AccessDeniedException',
      status: 403,
      message:
        'User: arn:aws:sts::210987654321:assumed-role/PhiAuditDeskReadOnly/phi-audit-desk is not authorized to perform this operation because no identity-based policy allows the action',
    },
  },
  answers: {
    ListFunctions: listFunctions,
    ListFunctionUrlConfigs: listFunctionUrlConfigs,
    GetPolicy: getPolicy,
    ListTags: listTags,
  },
  demo,
  generate({ index, regions, perRegion, random }) {
    const { chance, pick, hex } = random;
    const apps = ['order-events', 'telemetry-ingest', 'intake-forms', 'notifications', 'status'];
    const lambdaFunctions = regions.flatMap((region) =>
      Array.from({ length: Math.max(1, Math.ceil(perRegion / 3)) }, (_, k) => {
        const app = pick(apps);
        const name = `gen-a${index}-${app}-${k}-${hex(4)}`;
        const arn = `arn:aws:lambda:${region}:000000000000:function:${name}`;
        const url = chance(0.4) ? { authType: chance(0.4) ? ('NONE' as const) : ('AWS_IAM' as const) } : null;
        return {
          name,
          region,
          runtime: chance(0.1) ? null : pick(['nodejs20.x', 'python3.12', 'java21']),
          environment: chance(0.5) ? { TABLE_NAME: `${app}-table`, API_TOKEN: `tok_${hex(12)}` } : {},
          tags: chance(0.15) ? {} : { app, ...(chance(0.4) ? { phi: 'true' } : {}) },
          url,
          policy:
            url?.authType === 'NONE' && chance(0.7)
              ? { Version: '2012-10-17', Statement: [publicUrlStatement(arn)] }
              : null,
        };
      }),
    );
    return { lambdaFunctions };
  },
};
