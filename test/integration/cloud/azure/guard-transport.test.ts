import type { TokenCredential } from '@azure/core-auth';
import {
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type HttpMethods,
  type PipelineRequest,
} from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { azureCloudEndpoints } from '../../../../src/cloud/azure/clouds';
import { createAzureClientFactory } from '../../../../src/cloud/azure/clients';
import { azureAllowList, azureReadOnlyGuardPolicy } from '../../../../src/cloud/azure/guard';
import { DeskError } from '../../../../src/errors';
import { registry } from '../../../../src/services';
import { subscriptionId } from '../../../support/cloud';

function spies() {
  const requests: PipelineRequest[] = [];
  let tokens = 0;
  const httpClient: HttpClient = {
    async sendRequest(request) {
      requests.push(request);
      return {
        request,
        status: 200,
        headers: createHttpHeaders({ 'content-type': 'application/json' }),
        bodyAsText: JSON.stringify({ value: [] }),
      };
    },
  };
  const credential: TokenCredential = {
    async getToken() {
      tokens += 1;
      return { token: 'header.e30.signature', expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
  const factory = createAzureClientFactory({
    subscriptionId,
    credential,
    endpoints: azureCloudEndpoints('AzureCloud'),
    allowed: azureAllowList(registry.operations('azure')),
    httpClient,
    maxRetries: 0,
  });
  return { requests, tokens: () => tokens, factory, httpClient };
}

async function refusal(promise: PromiseLike<unknown>): Promise<DeskError> {
  const error = await Promise.resolve(promise).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DeskError);
  expect((error as DeskError).code).toBe('READ_ONLY_VIOLATION');
  return error as DeskError;
}

describe('the Azure read-only guard, in front of the real ARM pipeline', () => {
  it('refuses undeclared GETs (ARM-proxied data reads, listKeys, data-plane hosts) before the transport and before a token is fetched', async () => {
    const { requests, tokens, factory } = spies();
    const base = `/subscriptions/${subscriptionId}/resourceGroups/rg-phi/providers`;
    const query = await refusal(
      factory.armGet(`${base}/Microsoft.OperationalInsights/workspaces/ws/api/query`, '2020-08-01'),
    );
    expect(query.message).toMatch(/is not one of the declared operations\.$/);
    const keys = await refusal(
      factory.armGet(`${base}/Microsoft.Storage/storageAccounts/nwvclinicalnotes/listKeys`, '2023-05-01'),
    );
    expect(keys.message).toMatch(/it would return keys, SAS tokens or secrets\.$/);
    await refusal(factory.armGetUrl('https://nwvclinicalnotes.blob.core.windows.net/records?comp=list'));
    await refusal(factory.armGet(`${base}/Microsoft.Storage/storageAccounts/nwvclinicalnotes`, '2023-05-01'));
    expect(requests).toHaveLength(0);
    expect(tokens()).toBe(0);
  });

  it('refuses listKeys, SAS, key regeneration and every write in any pipeline it guards', async () => {
    const { requests, httpClient } = spies();
    const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 0 } });
    pipeline.addPolicy(azureReadOnlyGuardPolicy({ allowed: azureAllowList(registry.operations('azure')) }), {
      phase: 'Serialize',
    });
    const account = `https://management.azure.com/subscriptions/${subscriptionId}/resourceGroups/rg-phi/providers/Microsoft.Storage/storageAccounts/nwvclinicalnotes`;
    const send = (method: HttpMethods, url: string) =>
      pipeline.sendRequest(httpClient, createPipelineRequest({ method, url }));
    const listKeys = await refusal(send('POST', `${account}/listKeys?api-version=2023-05-01`));
    expect(listKeys.message).toMatch(
      /^Refused POST \/subscriptions\/.+\/listKeys: it would return keys, SAS tokens or secrets\.$/,
    );
    await refusal(send('POST', `${account}/ListAccountSas?api-version=2023-05-01`));
    await refusal(send('POST', `${account}/regenerateKey?api-version=2023-05-01`));
    const put = await refusal(send('PUT', `${account}?api-version=2023-05-01`));
    expect(put.message).toContain('PUT changes the subscription');
    await refusal(send('PATCH', `${account}?api-version=2023-05-01`));
    await refusal(send('DELETE', `${account}?api-version=2023-05-01`));
    expect(requests).toHaveLength(0);
  });

  it('lets a declared GET through to the transport (the spy sees it, with the token)', async () => {
    const { requests, factory } = spies();
    await factory.armGet(
      `/subscriptions/${subscriptionId}/providers/Microsoft.Storage/storageAccounts`,
      '2026-09-01',
    );
    expect(requests.map((request) => request.method)).toEqual(['GET']);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer header.e30.signature');
  });

  it('sends the subscription read of sign-in through the same pipeline to the transport', async () => {
    const { requests, factory } = spies();
    const response = await factory.armGet(`/subscriptions/${subscriptionId}`, '2022-12-01');
    expect(response.status).toBe(200);
    expect(requests).toHaveLength(1);
  });
});
