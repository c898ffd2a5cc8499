/**
 * The sign-in methods a target may name, one list for the API contract and the credential
 * modules (so the UI, the CLI and the SDK wiring never disagree on a name).
 */
export const awsAuthMethods = ['profile', 'env', 'default', 'assume-role', 'simulated'] as const;
export const azureAuthMethods = [
  'azure-cli',
  'device-code',
  'client-secret',
  'client-certificate',
  'default',
  'simulated',
] as const;
