import { describe, expect, it } from 'vitest';
import { apiArn, apiBase, isHealthPath, routeFrom, stagesFrom } from './normalize';

describe('routeFrom', () => {
  it('splits an HTTP route key into method and path; $default is ANY with no path', () => {
    expect(routeFrom({ RouteKey: 'GET /orders/{id}', AuthorizationType: 'JWT' }, 'HTTP')).toEqual({
      routeKey: 'GET /orders/{id}',
      method: 'GET',
      path: '/orders/{id}',
      authorizationType: 'JWT',
      apiKeyRequired: false,
    });
    expect(routeFrom({ RouteKey: '$default' }, 'HTTP')).toMatchObject({
      method: 'ANY',
      path: null,
      authorizationType: 'NONE',
    });
    expect(routeFrom({ RouteKey: '$connect', ApiKeyRequired: true }, 'WEBSOCKET')).toMatchObject({
      method: null,
      path: null,
      apiKeyRequired: true,
    });
  });
});

describe('stages and APIs', () => {
  it('reads the access-log destination, null when AccessLogSettings is absent', () => {
    expect(
      stagesFrom([
        { StageName: '$default', AutoDeploy: true },
        { StageName: 'prod', AccessLogSettings: { DestinationArn: 'arn:x' } },
      ]),
    ).toEqual([
      { name: '$default', autoDeploy: true, accessLogDestination: null },
      { name: 'prod', autoDeploy: false, accessLogDestination: 'arn:x' },
    ]);
    expect(
      apiBase({ ApiId: 'a', Name: 'n', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: 'x' }),
    ).toEqual({
      apiId: 'a',
      protocolType: 'WEBSOCKET',
      apiEndpoint: null,
      disableExecuteApiEndpoint: false,
    });
    expect(apiArn('aws', 'us-west-2', 'abc')).toBe('arn:aws:apigateway:us-west-2::/apis/abc');
  });

  it('names probes', () => {
    expect(isHealthPath('/health')).toBe(true);
    expect(isHealthPath('/devices/{id}/status')).toBe(false);
  });
});
