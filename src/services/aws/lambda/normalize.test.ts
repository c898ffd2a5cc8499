import { describe, expect, it } from 'vitest';
import {
  environmentVariableNames,
  functionUrlFrom,
  isHealthFunction,
  redactListFunctions,
  urlPolicyFrom,
  urlQualifier,
} from './normalize';

const arn = 'arn:aws:lambda:us-east-1:111122223333:function:nwv-order-status-webhook';
const policy = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const open = {
  Sid: 'FunctionURLAllowPublicAccess',
  Effect: 'Allow',
  Principal: '*',
  Action: 'lambda:InvokeFunctionUrl',
  Resource: arn,
  Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
};

describe('redactListFunctions', () => {
  it('keeps variable names, replaces every value, and leaves the answer it was given unchanged', () => {
    const answer = {
      Functions: [
        { FunctionName: 'a', Environment: { Variables: { API_TOKEN: 'tok_secret', TABLE: 't' } } },
        { FunctionName: 'b' },
        { FunctionName: 'c', Environment: { Error: { ErrorCode: 'KMSAccessDenied', Message: 'm' } } },
      ],
      NextMarker: 'm1',
    };
    const before = JSON.stringify(answer);
    const redacted = redactListFunctions(answer);
    expect(JSON.stringify(answer)).toBe(before);
    expect(JSON.stringify(redacted)).not.toContain('tok_secret');
    expect(redacted).toEqual({
      Functions: [
        { FunctionName: 'a', Environment: { Variables: { API_TOKEN: '[redacted]', TABLE: '[redacted]' } } },
        { FunctionName: 'b' },
        { FunctionName: 'c', Environment: { Error: { ErrorCode: 'KMSAccessDenied', Message: 'm' } } },
      ],
      NextMarker: 'm1',
    });
    expect(redactListFunctions({})).toEqual({});
  });

  it('lists names only, sorted', () => {
    expect(environmentVariableNames({ Variables: { Z: 'secret', A: 'x' } })).toEqual(['A', 'Z']);
    expect(environmentVariableNames(undefined)).toEqual([]);
  });
});

describe('function URLs', () => {
  it('reads the alias from FunctionArn and Cors only when configured', () => {
    expect(urlQualifier(arn)).toBeNull();
    expect(urlQualifier(`${arn}:live`)).toBe('live');
    expect(urlQualifier(undefined)).toBeNull();
    expect(
      functionUrlFrom({
        FunctionUrl: 'https://x.lambda-url.us-east-1.on.aws/',
        FunctionArn: `${arn}:live`,
        AuthType: 'NONE',
        Cors: { AllowOrigins: ['https://shop.example'], AllowCredentials: true },
      }),
    ).toEqual({
      url: 'https://x.lambda-url.us-east-1.on.aws/',
      qualifier: 'live',
      authType: 'NONE',
      invokeMode: null,
      cors: { allowOrigins: ['https://shop.example'], allowCredentials: true },
    });
    expect(functionUrlFrom({ AuthType: 'AWS_IAM', InvokeMode: 'BUFFERED' })).toMatchObject({
      authType: 'AWS_IAM',
      invokeMode: 'BUFFERED',
      cors: null,
    });
  });
});

describe('urlPolicyFrom', () => {
  it('takes the console statement (lambda:FunctionUrlAuthType NONE) as public', () => {
    expect(urlPolicyFrom(policy(open))).toMatchObject({
      present: true,
      parsed: true,
      publicUrlGrants: [{ sid: 'FunctionURLAllowPublicAccess', actions: ['lambda:InvokeFunctionUrl'] }],
      conditionedPublicGrants: 0,
    });
  });

  it('matches wildcards and NotAction as IAM does, case-insensitively', () => {
    const grants = (statement: object) => urlPolicyFrom(policy(statement)).publicUrlGrants.length;
    const base = { Effect: 'Allow', Principal: { AWS: ['*'] }, Resource: arn };
    expect(grants({ ...base, Action: 'lambda:Invoke*' })).toBe(1);
    expect(grants({ ...base, Action: ['*'] })).toBe(1);
    expect(grants({ ...base, Action: 'LAMBDA:invokefunctionurl' })).toBe(1);
    expect(grants({ ...base, Action: 'lambda:InvokeFunction' })).toBe(0);
    expect(grants({ ...base, NotAction: 'lambda:DeleteFunction' })).toBe(1);
    expect(grants({ ...base, NotAction: 'lambda:Invoke*' })).toBe(0);
    expect(grants({ ...base, Effect: 'Deny', Action: '*' })).toBe(0);
    expect(grants({ ...base, Principal: { Service: 'cloudfront.amazonaws.com' }, Action: '*' })).toBe(0);
  });

  it('counts a public statement restricted by another Condition for review, not as public', () => {
    const parsed = urlPolicyFrom(
      policy({ ...open, Condition: { ...open.Condition, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
    );
    expect(parsed).toMatchObject({ publicUrlGrants: [], conditionedPublicGrants: 1 });
  });

  it('reads no text as no policy and keeps a non-JSON text without claims', () => {
    expect(urlPolicyFrom(undefined)).toMatchObject({ present: false, parsed: true, publicUrlGrants: [] });
    expect(urlPolicyFrom('{not json')).toMatchObject({ present: true, parsed: false, document: '{not json' });
  });
});

describe('isHealthFunction', () => {
  it('takes probe words at the end of the name, and the url-purpose tag over the name', () => {
    expect(isHealthFunction('nwv-healthcheck', {})).toBe(true);
    expect(isHealthFunction('nwv-api-health', {})).toBe(true);
    expect(isHealthFunction('nwv-telemetry-ping', {})).toBe(true);
    expect(isHealthFunction('nwv-order-status', {})).toBe(false);
    expect(isHealthFunction('nwv-order-status-webhook', {})).toBe(false);
    expect(isHealthFunction('nwv-health-records-export', {})).toBe(false);
    expect(isHealthFunction('nwv-uptime', { 'URL-Purpose': 'status' })).toBe(true);
    expect(isHealthFunction('nwv-ping', { 'url-purpose': 'webhook' })).toBe(false);
  });
});
