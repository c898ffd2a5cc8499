import { createHttpHeaders, type HttpClient } from '@azure/core-rest-pipeline';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TargetConnection } from '../../../src/kit/model';
import { createAwsClientFactory } from '../../../src/cloud/aws/clients';
import { awsCredentialProvider, parseAwsAuth } from '../../../src/cloud/aws/credentials';
import { awsAllowList } from '../../../src/cloud/aws/guard';
import { connectTarget } from '../../../src/cloud/connect';
import { registry } from '../../../src/services';
import { s3 } from '../../../src/services/aws/s3';
import { storage } from '../../../src/services/azure/storage';
import {
  accountId,
  fullBlock,
  recordingContext,
  scenario,
  simulatorFor,
  subscriptionId,
  tenantId,
} from '../../support/cloud';

afterEach(() => {
  vi.unstubAllEnvs();
});

const awsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYTESTSECRETKEY';
const awsSessionToken = 'FwoGZXIvYXdzEXAMPLESESSIONTOKENdoNotLeak';
const azureSecret = 'Xy7~Q8.secret-value_that_must_not_leak';

const world = () =>
  simulatorFor(
    scenario({
      aws: {
        accounts: [
          {
            accountId,
            label: 'prod',
            regions: ['us-east-1'],
            buckets: [
              { name: 'phi-one', region: 'us-east-1', publicAccessBlock: fullBlock },
              { name: 'phi-two', region: 'us-east-1' },
            ],
          },
        ],
      },
      azure: {
        subscriptions: [
          {
            subscriptionId,
            tenantId,
            label: 'sub',
            storageAccounts: [{ name: 'phistore', resourceGroup: 'rg', location: 'eastus' }],
          },
        ],
      },
      // Errors are recorded too: make sure their bodies carry nothing secret either.
      faults: [
        { provider: 'aws', service: 's3', operation: 'GetBucketLogging', kind: 'access_denied' },
        { provider: 'azure', service: 'storage', kind: 'throttle', ms: 5, times: 1 },
      ],
    }),
  );

/** A fake Entra ID token endpoint: the client secret reaches it (and only it). */
function fakeEntraId(): { httpClient: HttpClient; sawSecret: () => boolean } {
  let sawSecret = false;
  return {
    sawSecret: () => sawSecret,
    httpClient: {
      async sendRequest(request) {
        const url = new URL(request.url);
        let body: object = {};
        if (url.pathname.endsWith('/oauth2/v2.0/token')) {
          sawSecret ||=
            typeof request.body === 'string' && request.body.includes(encodeURIComponent(azureSecret));
          const claims = Buffer.from(
            JSON.stringify({ appid: '11111111-2222-4333-8444-555555555555', oid: 'o-sp', tid: tenantId }),
          ).toString('base64url');
          body = {
            token_type: 'Bearer',
            expires_in: 3600,
            ext_expires_in: 3600,
            access_token: `e30.${claims}.sig`,
          };
        } else if (url.pathname.includes('discovery/instance')) {
          body = {
            tenant_discovery_endpoint: `https://login.microsoftonline.com/${tenantId}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [],
          };
        } else if (url.pathname.endsWith('openid-configuration')) {
          const base = `https://login.microsoftonline.com/${tenantId}`;
          body = {
            token_endpoint: `${base}/oauth2/v2.0/token`,
            issuer: `${base}/v2.0`,
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${base}/oauth2/v2.0/logout`,
            jwks_uri: `${base}/discovery/v2.0/keys`,
          };
        }
        return {
          request,
          status: 200,
          headers: createHttpHeaders({ 'content-type': 'application/json' }),
          bodyAsText: JSON.stringify(body),
        };
      },
    },
  };
}

describe('secrets never reach the evidence', () => {
  it('AWS: keys from the environment sign every request but appear in no evidence, gap or identity', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAENVTESTKEY000001');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', awsSecret);
    vi.stubEnv('AWS_SESSION_TOKEN', awsSessionToken);
    const simulator = world();
    const credentials = awsCredentialProvider(parseAwsAuth({ method: 'env' }), { region: 'us-east-1' });
    const signedWith: string[] = [];
    const clients = createAwsClientFactory({
      partition: 'aws',
      homeRegion: 'us-east-1',
      credentials,
      allowList: awsAllowList(registry.operations('aws')),
      plugins: (_service, region) => [
        {
          applyToStack(stack) {
            stack.add(
              (next) => async (args) => {
                const headers = (args.request as { headers?: Record<string, string> }).headers ?? {};
                signedWith.push(headers.authorization ?? '');
                return next(args);
              },
              { step: 'deserialize', priority: 'high', name: 'recordSignature' },
            );
          },
        },
        simulator.awsMiddleware({ accountId, region }),
      ],
    });
    const connection: TargetConnection = {
      provider: 'aws',
      target: simulator.targets()[0]!,
      identity: 'env',
      clients,
    };
    const ctx = recordingContext(connection);
    const resources = await s3.collector.collect(ctx);
    expect(resources).toHaveLength(2);
    expect(ctx.gaps.length).toBeGreaterThan(0);
    expect(signedWith.length).toBeGreaterThan(0);
    expect(signedWith.every((header) => header.includes('Credential=ASIAENVTESTKEY000001/'))).toBe(true);
    const stored = JSON.stringify({ evidence: ctx.evidence, gaps: ctx.gaps, resources });
    expect(stored).not.toContain(awsSecret);
    expect(stored).not.toContain(awsSessionToken);
    expect(stored).not.toContain('Signature=');
  });

  it('Azure: a client secret from the environment appears in no evidence, gap or identity', async () => {
    const simulator = world();
    const entra = fakeEntraId();
    const target = {
      ...simulator.targets().find((each) => each.provider === 'azure')!,
      auth: { method: 'client-secret', tenantId, clientId: '11111111-2222-4333-8444-555555555555' },
    };
    const connection = await connectTarget(target, {
      operations: registry.operations(),
      env: { AZURE_CLIENT_SECRET: azureSecret },
      azureIdentityHttpClient: entra.httpClient,
      azureHttpClient: simulator.azureHttpClient,
    });
    expect(entra.sawSecret()).toBe(true);
    expect(connection.identity).toBe(
      `application 11111111-2222-4333-8444-555555555555 (object o-sp, tenant ${tenantId})`,
    );
    const ctx = recordingContext(connection);
    expect(await storage.collector.collect(ctx)).toHaveLength(1);
    const stored = JSON.stringify({
      evidence: ctx.evidence,
      gaps: ctx.gaps,
      identity: connection.identity,
      target: connection.target,
    });
    expect(stored).not.toContain(azureSecret);
    expect(stored).not.toContain('e30.');
  });
});
