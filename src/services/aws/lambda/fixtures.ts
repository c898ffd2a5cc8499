import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { functionUrlFrom, noResourcePolicy, urlPolicyFrom } from './normalize';
import type { LambdaFunctionProperties, LambdaFunctionUrl } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const NAME = 'northwind-order-status';
const arnOf = (name: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
const URL = 'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/';

export const publicStatement = {
  Sid: 'FunctionURLAllowPublicAccess',
  Effect: 'Allow',
  Principal: '*',
  Action: 'lambda:InvokeFunctionUrl',
  Resource: arnOf(NAME),
  Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
};

/** The policy GetPolicy answers with these statements, as the collector reads it. */
export function policyWith(...statements: Record<string, unknown>[]) {
  return urlPolicyFrom(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
}

/** A URL as ListFunctionUrlConfigs answers it, with the policy that governs it (NONE URLs only). */
export function urlOf(
  authType: 'NONE' | 'AWS_IAM',
  policy?: LambdaFunctionUrl['policy'],
  qualifier?: string,
): LambdaFunctionUrl {
  const url = functionUrlFrom({
    FunctionUrl: URL,
    FunctionArn: qualifier ? `${arnOf(NAME)}:${qualifier}` : arnOf(NAME),
    AuthType: authType,
    InvokeMode: 'BUFFERED',
  });
  return policy ? { ...url, policy } : url;
}

export function compliantLambdaProperties(): LambdaFunctionProperties {
  return {
    runtime: 'nodejs20.x',
    packageType: 'Zip',
    environmentVariableNames: ['ORDERS_TABLE'],
    urls: [urlOf('AWS_IAM')],
    tagsCollected: true,
  };
}

interface LambdaOptions {
  name?: string;
  phi?: boolean;
  tags?: Record<string, string>;
  properties?: Partial<Record<keyof LambdaFunctionProperties, unknown>>;
  /** Properties to remove, as a collector does when it could not read them. */
  missing?: (keyof LambdaFunctionProperties)[];
}

export function lambdaFunctionResource(options: LambdaOptions = {}): NormalizedResource {
  const name = options.name ?? NAME;
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = { ...compliantLambdaProperties(), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.lambda.function',
    nativeId: arnOf(name),
    name,
    scopeId: ACCOUNT,
    region: 'us-east-1',
    tags: options.tags ?? (phi ? { phi: 'true' } : { team: 'web' }),
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2, 3],
  };
}

const health = (urls: LambdaFunctionUrl[] | undefined, name = 'northwind-healthcheck') =>
  lambdaFunctionResource({
    name,
    phi: false,
    ...(urls === undefined ? { missing: ['urls'] } : { properties: { urls } }),
  });

export const lambdaFixtures: ServiceFixtures = {
  'aws.lambda.function-url-auth': {
    pass: [
      {
        name: 'PHI function whose URL requires AWS_IAM',
        resource: lambdaFunctionResource(),
        detail: `Lambda function ${NAME} in us-east-1 requires AWS_IAM authentication on its function URL(s) ${URL}.`,
      },
    ],
    fail: [
      {
        name: 'AuthType NONE and a policy that allows InvokeFunctionUrl to Principal "*"',
        resource: lambdaFunctionResource({
          properties: { urls: [urlOf('NONE', policyWith(publicStatement))] },
        }),
        detail:
          /with AuthType NONE and a resource-based policy that allows lambda:InvokeFunctionUrl to Principal "\*" \(statement "FunctionURLAllowPublicAccess" \(lambda:InvokeFunctionUrl\)\): it is reachable by anyone on the internet without authentication\. It is classified as PHI/,
      },
      {
        name: 'Action "lambda:*" with no Condition on an alias URL',
        resource: lambdaFunctionResource({
          phi: false,
          properties: {
            urls: [
              urlOf(
                'NONE',
                policyWith({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'lambda:*', Resource: '*' }),
                'live',
              ),
            ],
          },
        }),
        detail:
          /\(alias live\) with AuthType NONE .*an unnamed statement \(lambda:\*\)\): it is reachable by anyone on the internet without authentication\.$/,
      },
      {
        name: 'AuthType NONE without a resource-based policy (refused today)',
        resource: lambdaFunctionResource({ properties: { urls: [urlOf('NONE', noResourcePolicy)] } }),
        detail:
          /has function URL \S+ with AuthType NONE \(no IAM auth\); currently refused \(HTTP 403\) because the function has no resource-based policy, so one added permission would make it public\./,
      },
      {
        name: 'AuthType NONE with a policy that grants only API Gateway',
        resource: lambdaFunctionResource({
          phi: false,
          properties: {
            urls: [
              urlOf(
                'NONE',
                policyWith({
                  Effect: 'Allow',
                  Principal: { Service: 'apigateway.amazonaws.com' },
                  Action: 'lambda:InvokeFunction',
                  Resource: arnOf(NAME),
                }),
              ),
            ],
          },
        }),
        detail:
          /currently refused \(HTTP 403\) because its resource-based policy has no statement that allows lambda:InvokeFunctionUrl to Principal "\*"/,
      },
      {
        name: 'AuthType NONE with a public grant restricted by aws:SourceIp',
        resource: lambdaFunctionResource({
          phi: false,
          properties: {
            urls: [
              urlOf(
                'NONE',
                policyWith({
                  ...publicStatement,
                  Condition: {
                    ...publicStatement.Condition,
                    IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
                  },
                }),
              ),
            ],
          },
        }),
        detail: /only under a Condition \(1 statement\(s\); review who meets it\)\.$/,
      },
    ],
    notApplicable: [
      {
        name: 'function without a URL',
        resource: lambdaFunctionResource({ properties: { urls: [] } }),
        detail: `Lambda function ${NAME} in us-east-1 has no function URL.`,
      },
      {
        name: 'health probe is left to the health rule',
        resource: health([urlOf('NONE', policyWith(publicStatement))]),
        detail: /is a health or status probe; its URL is judged by aws\.lambda\.health-function-url-auth/,
      },
      {
        name: 'URLs not collected',
        resource: lambdaFunctionResource({ missing: ['urls'] }),
        detail: /^Not assessed: the function URLs \(ListFunctionUrlConfigs\)/,
      },
      {
        name: 'AuthType NONE whose policy could not be read',
        resource: lambdaFunctionResource({ properties: { urls: [urlOf('NONE')] } }),
        detail: /^Not assessed: the resource-based policy \(GetPolicy\)/,
      },
      {
        name: 'AuthType NONE whose Policy text is not JSON',
        resource: lambdaFunctionResource({ properties: { urls: [urlOf('NONE', urlPolicyFrom('{nope'))] } }),
        detail:
          /^Not assessed: the resource-based policy \(the Policy GetPolicy answered was not a JSON policy document\)/,
      },
    ],
  },
  'aws.lambda.health-function-url-auth': {
    pass: [
      {
        name: 'health probe whose URL requires AWS_IAM',
        resource: health([urlOf('AWS_IAM')]),
        detail: /northwind-healthcheck in us-east-1 requires AWS_IAM authentication/,
      },
    ],
    fail: [
      {
        name: 'public health probe URL',
        resource: health([urlOf('NONE', policyWith(publicStatement))]),
        detail:
          /reachable by anyone on the internet without authentication\. Confirm the probe returns no data\.$/,
      },
      {
        name: 'probe by the url-purpose tag, refused for lack of a policy',
        resource: lambdaFunctionResource({
          name: 'northwind-uptime',
          phi: false,
          tags: { 'url-purpose': 'status' },
          properties: { urls: [urlOf('NONE', noResourcePolicy)] },
        }),
        detail:
          /northwind-uptime in us-east-1 has function URL \S+ with AuthType NONE \(no IAM auth\); currently refused \(HTTP 403\)/,
      },
    ],
    notApplicable: [
      {
        name: 'not a probe (a name ending in status is not taken for one)',
        resource: lambdaFunctionResource(),
        detail: 'is not a health or status probe',
      },
      {
        name: 'url-purpose tag other than a probe overrides the name',
        resource: lambdaFunctionResource({
          name: 'northwind-ping',
          phi: false,
          tags: { 'url-purpose': 'webhook' },
        }),
        detail: 'is not a health or status probe',
      },
      {
        name: 'probe without a URL',
        resource: health([]),
        detail: 'is a probe without a function URL',
      },
      {
        name: 'probe whose URLs were not collected',
        resource: health(undefined),
        detail: /^Not assessed: the function URLs \(ListFunctionUrlConfigs\)/,
      },
    ],
  },
};
