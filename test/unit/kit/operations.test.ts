import { ListKeysCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { describe, expect, it } from 'vitest';
import { awsOperation, declareAws } from '../../../src/kit/operations';
import { defineService } from '../../../src/kit/service';

describe('AWS operations of several clients', () => {
  it('declares an operation with its own client, else the service’s', () => {
    const own = awsOperation(GetResourcesCommand, 'tag:GetResources', {
      client: ResourceGroupsTaggingAPIClient,
    });
    const plain = awsOperation(ListKeysCommand, 'kms:ListKeys');
    expect(declareAws('x', 'KMSClient', own)).toMatchObject({
      client: 'ResourceGroupsTaggingAPIClient',
      command: 'GetResourcesCommand',
      iamAction: 'tag:GetResources',
    });
    expect(declareAws('x', 'KMSClient', plain)).toMatchObject({ client: 'KMSClient' });
  });

  it('lists every client a service sends through, for the simulator and the guard', () => {
    const service = defineService({
      id: 'aws.twoclients',
      provider: 'aws',
      service: 'twoclients',
      title: 'Two clients',
      hipaaListName: 'kms',
      scope: 'regional',
      client: KMSClient,
      operations: [
        awsOperation(ListKeysCommand, 'kms:ListKeys'),
        awsOperation(GetResourcesCommand, 'tag:GetResources', { client: ResourceGroupsTaggingAPIClient }),
      ],
      resources: [],
      rules: [],
      collect: () => Promise.resolve([]),
      sim: { account: {}, answers: {}, error: (name) => new Error(name), demo: {} },
    });
    expect(service.clientName).toBe('KMSClient');
    expect(service.clientNames).toEqual(['KMSClient', 'ResourceGroupsTaggingAPIClient']);
    expect(service.declared.map((op) => (op.provider === 'aws' ? `${op.client}:${op.command}` : ''))).toEqual(
      ['KMSClient:ListKeysCommand', 'ResourceGroupsTaggingAPIClient:GetResourcesCommand'],
    );
  });
});
