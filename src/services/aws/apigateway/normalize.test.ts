import { describe, expect, it } from 'vitest';
import {
  domainNameArn,
  domainNameFrom,
  isHealthPath,
  methodsFrom,
  restApiArn,
  securityPolicyMinimum,
  stagesFrom,
} from './normalize';

describe('methodsFrom', () => {
  it('lists each embedded method with its path; absent fields read as NONE / no key', () => {
    expect(
      methodsFrom([
        { id: 'r', path: '/' },
        {
          id: 'b',
          path: '/orders',
          resourceMethods: {
            POST: { httpMethod: 'POST', authorizationType: 'CUSTOM', apiKeyRequired: true },
            GET: {},
          },
        },
      ]),
    ).toEqual([
      { path: '/orders', httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: false },
      { path: '/orders', httpMethod: 'POST', authorizationType: 'CUSTOM', apiKeyRequired: true },
    ]);
  });
});

describe('stages, domains and ARNs', () => {
  it('reads the access-log destination, null when accessLogSettings is absent', () => {
    expect(
      stagesFrom([
        {
          stageName: 'prod',
          deploymentId: 'd',
          accessLogSettings: { destinationArn: 'arn:aws:logs:x', format: '{}' },
        },
        { stageName: 'beta' },
      ]),
    ).toEqual([
      { name: 'beta', deploymentId: null, accessLogDestination: null },
      { name: 'prod', deploymentId: 'd', accessLogDestination: 'arn:aws:logs:x' },
    ]);
  });

  it('reads a domain and builds the documented ARNs', () => {
    expect(
      domainNameFrom({
        domainName: 'a.example',
        securityPolicy: 'TLS_1_0',
        endpointConfiguration: { types: ['EDGE'] },
      }),
    ).toEqual({
      securityPolicy: 'TLS_1_0',
      endpointTypes: ['EDGE'],
      mutualTls: false,
      status: null,
    });
    expect(restApiArn('aws', 'us-east-1', 'k7x2m9q4ab')).toBe(
      'arn:aws:apigateway:us-east-1::/restapis/k7x2m9q4ab',
    );
    expect(domainNameArn('aws', 'us-east-1', 'a.example')).toBe(
      'arn:aws:apigateway:us-east-1::/domainnames/a.example',
    );
  });

  it('knows which security policies allow TLS below 1.2', () => {
    expect(securityPolicyMinimum('TLS_1_0')).toBe('below-1.2');
    expect(securityPolicyMinimum('TLS_1_2')).toBe('1.2-or-later');
    expect(securityPolicyMinimum('SecurityPolicy_TLS12_2018_EDGE')).toBe('1.2-or-later');
    expect(securityPolicyMinimum('SecurityPolicy_TLS13_1_3_2025_09')).toBe('1.2-or-later');
    expect(securityPolicyMinimum('Something_Else')).toBe('unknown');
  });
});

describe('isHealthPath', () => {
  it('names probes by their last segment, never a path with a parameter', () => {
    expect(['/health', '/v1/healthz', '/status', '/ping', '/internal/ready'].every(isHealthPath)).toBe(true);
    expect(
      ['/orders/{orderId}/status', '/account', '/status/orders', '/healthy-recipes'].some(isHealthPath),
    ).toBe(false);
  });
});
