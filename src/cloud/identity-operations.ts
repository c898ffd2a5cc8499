import type { DeclaredOperation } from '../kit/model';

/**
 * Operations connectTarget itself makes to learn who is signed in, beside the collectors' own.
 * The guards allow them and the access kit grants them, so they are declared like any other.
 */
export const awsIdentityOperation = {
  provider: 'aws',
  service: 'sts',
  client: 'STSClient',
  command: 'GetCallerIdentityCommand',
  iamAction: 'sts:GetCallerIdentity',
} as const satisfies DeclaredOperation;

export const azureSubscriptionOperation = {
  provider: 'azure',
  service: 'resources',
  operationId: 'Subscriptions_Get',
  method: 'GET',
  path: '/subscriptions/{subscriptionId}',
  apiVersion: '2022-12-01',
  permission: 'Microsoft.Resources/subscriptions/read',
} as const satisfies DeclaredOperation;

/** ARM api-version used for the subscription read (Subscriptions - Get, stable). */
export const subscriptionApiVersion = azureSubscriptionOperation.apiVersion;
