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

/**
 * `--aws-org`: the accounts of an AWS Organization, listed from the management account (or a
 * delegated administrator) before each member account is entered through its audit role.
 */
export const awsOrganizationAccountsOperation = {
  provider: 'aws',
  service: 'organizations',
  client: 'OrganizationsClient',
  command: 'ListAccountsCommand',
  iamAction: 'organizations:ListAccounts',
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

/**
 * `--azure-all-subscriptions`: every subscription the signed-in identity can see (Subscriptions -
 * List, paged by nextLink), each then assessed as a target of its own.
 */
export const azureSubscriptionsListOperation = {
  provider: 'azure',
  service: 'resources',
  operationId: 'Subscriptions_List',
  method: 'GET',
  path: '/subscriptions',
  apiVersion: '2022-12-01',
  permission: 'Microsoft.Resources/subscriptions/read',
} as const satisfies DeclaredOperation;

/** ARM api-version used for the subscription read (Subscriptions - Get, stable). */
export const subscriptionApiVersion = azureSubscriptionOperation.apiVersion;
