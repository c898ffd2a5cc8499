import type { TokenCredential } from '@azure/core-auth';
import { createHttpHeaders, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { azureCloudEndpoints } from '../../../../src/cloud/azure/clouds';
import { createAzureClientFactory } from '../../../../src/cloud/azure/clients';
import { DeskError } from '../../../../src/errors';
import { subscriptionId } from '../helpers';

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
    httpClient,
    maxRetries: 0,
  });
  return { requests, tokens: () => tokens, factory };
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

describe('the Azure read-only guard, in front of a real StorageManagementClient', () => {
  it('refuses listKeys, SAS, key regeneration and every write before the transport and before a token is fetched', async () => {
    const { requests, tokens, factory } = spies();
    const accounts = factory.storage().storageAccounts;
    const listKeys = await refusal(accounts.listKeys('rg-phi', 'nwvclinicalnotes'));
    expect(listKeys.message).toMatch(
      /^Refused POST \/subscriptions\/.+\/listKeys: it would return keys, SAS tokens or secrets\.$/,
    );
    await refusal(
      accounts.listAccountSAS('rg-phi', 'nwvclinicalnotes', {
        services: 'b',
        resourceTypes: 'o',
        permissions: 'r',
        sharedAccessExpiryTime: new Date(),
      }),
    );
    await refusal(accounts.regenerateKey('rg-phi', 'nwvclinicalnotes', { keyName: 'key1' }));
    const put = await refusal(
      accounts.create('rg-phi', 'nwvnewaccount', {
        sku: { name: 'Standard_LRS' },
        kind: 'StorageV2',
        location: 'eastus',
      }),
    );
    expect(put.message).toContain('PUT changes the subscription');
    await refusal(accounts.update('rg-phi', 'nwvclinicalnotes', { allowBlobPublicAccess: true }));
    await refusal(accounts.delete('rg-phi', 'nwvclinicalnotes'));
    expect(requests).toHaveLength(0);
    expect(tokens()).toBe(0);
  });

  it('lets a GET through to the transport (the spy sees it)', async () => {
    const { requests, factory } = spies();
    for await (const _page of factory.storage().storageAccounts.list().byPage()) {
      // draining the pager
    }
    expect(requests.map((request) => request.method)).toEqual(['GET']);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer header.e30.signature');
  });

  it('sends armGet through the same pipeline to the transport', async () => {
    const { requests, factory } = spies();
    const response = await factory.armGet(`/subscriptions/${subscriptionId}`, '2022-12-01');
    expect(response.status).toBe(200);
    expect(requests).toHaveLength(1);
  });
});
