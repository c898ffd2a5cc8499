import { describe, expect, it } from 'vitest';
import { accessLogsFrom, listenerFrom, sslProtocolsByPolicy, tagsFrom, weakProtocols } from './normalize';

/** Plain objects shaped like the ELBv2 answers. */

describe('listenerFrom', () => {
  it('orders default actions and reads a redirect protocol', () => {
    expect(
      listenerFrom(
        {
          Port: 80,
          Protocol: 'HTTP',
          DefaultActions: [
            { Type: 'forward', Order: 2, TargetGroupArn: 'tg' },
            { Type: 'authenticate-cognito', Order: 1 },
          ],
        },
        null,
      ),
    ).toEqual({
      port: 80,
      protocol: 'HTTP',
      sslPolicy: null,
      defaultActions: ['authenticate-cognito', 'forward'],
      redirectProtocol: null,
    });
    expect(
      listenerFrom(
        {
          Port: 80,
          Protocol: 'HTTP',
          DefaultActions: [
            { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_301' } },
          ],
        },
        null,
      ).redirectProtocol,
    ).toBe('HTTPS');
  });

  it('attaches the policy protocols when DescribeSSLPolicies answered, leaves them absent otherwise', () => {
    const raw = {
      Port: 443,
      Protocol: 'HTTPS' as const,
      SslPolicy: 'ELBSecurityPolicy-2016-08',
      DefaultActions: [],
    };
    const known = sslProtocolsByPolicy([
      { Name: 'ELBSecurityPolicy-2016-08', SslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'] },
    ]);
    expect(listenerFrom(raw, known).sslProtocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
    expect('sslProtocols' in listenerFrom(raw, null)).toBe(false);
  });
});

describe('accessLogsFrom', () => {
  it('reads the string attributes; a gateway load balancer has none', () => {
    expect(
      accessLogsFrom([
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: 'logs' },
        { Key: 'access_logs.s3.prefix', Value: '' },
      ]),
    ).toEqual({ enabled: true, bucket: 'logs', prefix: null });
    expect(
      accessLogsFrom([
        { Key: 'access_logs.s3.enabled', Value: 'false' },
        { Key: 'access_logs.s3.bucket', Value: 'old' },
      ]),
    ).toEqual({
      enabled: false,
      bucket: null,
      prefix: null,
    });
    expect(accessLogsFrom([{ Key: 'deletion_protection.enabled', Value: 'false' }])).toBeUndefined();
  });
});

describe('protocols and tags', () => {
  it('finds the protocols below TLS 1.2', () => {
    expect(weakProtocols(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'])).toEqual(['TLSv1', 'TLSv1.1']);
    expect(weakProtocols(['TLSv1.2', 'TLSv1.3'])).toEqual([]);
    expect(weakProtocols(['SSLv3'])).toEqual(['SSLv3']);
  });

  it('reads tags', () => {
    expect(tagsFrom([{ Key: 'phi', Value: 'true' }])).toEqual({ phi: 'true' });
    expect(tagsFrom(undefined)).toEqual({});
  });
});
