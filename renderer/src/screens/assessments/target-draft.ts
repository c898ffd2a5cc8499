import type { OpInput } from '../../../../src/api/contract';

export type TargetInput = Extract<OpInput<'assess.start'>['source'], { kind: 'live' }>['targets'][number];
export type AuthMethod = TargetInput['auth']['method'];

export type AwsSignIn = Extract<AuthMethod, 'profile' | 'assume-role' | 'env' | 'default'>;
export type AzureSignIn = Extract<AuthMethod, 'azure-cli' | 'device-code' | 'client-secret' | 'default'>;

/** What the target form edits: every field as typed, for both providers. */
export interface TargetDraft {
  provider: 'aws' | 'azure';
  label: string;
  scopeId: string;
  cloud: 'aws' | 'aws-us-gov' | 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud' | 'custom';
  regions: string[];
  awsSignIn: AwsSignIn;
  profile: string;
  roleArn: string;
  externalId: string;
  azureSignIn: AzureSignIn;
  tenantId: string;
  clientId: string;
  /** Custom Azure cloud (Azure Stack Hub and other ARM-compatible endpoints) only */
  armEndpoint: string;
  authorityHost: string;
  audience: string;
}

export type TargetField =
  | 'label'
  | 'scopeId'
  | 'regions'
  | 'profile'
  | 'roleArn'
  | 'externalId'
  | 'tenantId'
  | 'clientId'
  | 'armEndpoint'
  | 'authorityHost'
  | 'audience';
export type TargetErrors = Partial<Record<TargetField, string>>;

export const awsSignInOptions: readonly { value: AwsSignIn; label: string; help: string }[] = [
  {
    value: 'profile',
    label: 'Named profile',
    help: 'A profile in ~/.aws/config: SSO, assume-role and credential-process profiles all work.',
  },
  {
    value: 'assume-role',
    label: 'Assume a role',
    help: 'Assume the client’s read-only audit role from your own credentials (a source profile, or the default chain).',
  },
  {
    value: 'env',
    label: 'Environment variables',
    help: 'AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN of the app’s environment.',
  },
  {
    value: 'default',
    label: 'Default credential chain',
    help: 'The SDK’s usual order: environment, SSO, profile, container or instance credentials.',
  },
];

export const azureSignInOptions: readonly { value: AzureSignIn; label: string; help: string }[] = [
  {
    value: 'azure-cli',
    label: 'Azure CLI',
    help: 'The account you signed in with `az login` (use --tenant for the client’s tenant).',
  },
  {
    value: 'device-code',
    label: 'Device code',
    help: 'Sign in in a browser with a one-time code when the run starts.',
  },
  {
    value: 'client-secret',
    label: 'Service principal (secret from the environment)',
    help: 'The client id below; the secret is read from AZURE_CLIENT_SECRET at run time and never stored.',
  },
  {
    value: 'default',
    label: 'Default credential chain',
    help: 'DefaultAzureCredential: environment, workload identity, managed identity, Azure CLI…',
  },
];

export const cloudLabels: Record<TargetDraft['cloud'], string> = {
  aws: 'AWS commercial (aws)',
  'aws-us-gov': 'AWS GovCloud (US) (aws-us-gov)',
  AzureCloud: 'Azure public (AzureCloud)',
  AzureUSGovernment: 'Azure Government (AzureUSGovernment)',
  AzureChinaCloud: 'Azure China (AzureChinaCloud)',
  custom: 'Custom ARM endpoint (Azure Stack Hub…)',
};

export function newTargetDraft(provider: 'aws' | 'azure'): TargetDraft {
  return {
    provider,
    label: '',
    scopeId: '',
    cloud: provider === 'aws' ? 'aws' : 'AzureCloud',
    regions: [],
    awsSignIn: 'profile',
    profile: '',
    roleArn: '',
    externalId: '',
    azureSignIn: 'azure-cli',
    tenantId: '',
    clientId: '',
    armEndpoint: '',
    authorityHost: '',
    audience: '',
  };
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As the sign-in accepts it (src/cloud/azure/credentials.ts): GUID, verified domain, or adfs. */
const TENANT =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|adfs|(?=.{4,253}$)[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i;
const ROLE_ARN = /^arn:aws(-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** The checks a user can fix before anything is sent; the API checks again. */
export function checkTargetDraft(d: TargetDraft): TargetErrors {
  const errors: TargetErrors = {};
  if (!d.label.trim()) errors.label = 'Give the target a name the report can use, e.g. “Production”.';
  if (d.regions.length === 0) errors.regions = 'Add at least one region.';
  if (d.provider === 'aws') {
    if (!/^\d{12}$/.test(d.scopeId.trim())) errors.scopeId = 'An AWS account id is 12 digits.';
    if (d.awsSignIn === 'profile' && !d.profile.trim()) errors.profile = 'Name the profile to use.';
    if (d.awsSignIn === 'assume-role') {
      if (!ROLE_ARN.test(d.roleArn.trim()))
        errors.roleArn = 'An IAM role ARN, e.g. arn:aws:iam::123456789012:role/PhiAuditDeskReadOnly.';
      else if ((d.cloud === 'aws-us-gov') !== d.roleArn.trim().startsWith('arn:aws-us-gov:'))
        errors.roleArn = 'The role ARN’s partition does not match the target’s.';
    }
  } else {
    if (!GUID.test(d.scopeId.trim())) errors.scopeId = 'An Azure subscription id is a GUID.';
    if (d.tenantId.trim() && !TENANT.test(d.tenantId.trim()))
      errors.tenantId = 'A tenant id (GUID), a tenant domain such as contoso.onmicrosoft.com, or adfs.';
    if (d.azureSignIn === 'client-secret' && !GUID.test(d.clientId.trim()))
      errors.clientId = 'The application (client) id is a GUID.';
    if (d.cloud === 'custom') {
      const example = 'e.g. https://management.local.azurestack.external';
      if (!isHttpsUrl(d.armEndpoint.trim()))
        errors.armEndpoint = `The ARM endpoint, an https URL (az cloud show: endpoints.resourceManager), ${example}.`;
      if (!isHttpsUrl(d.authorityHost.trim()))
        errors.authorityHost =
          'The sign-in authority, an https URL (az cloud show: endpoints.activeDirectory).';
      if (d.audience.trim() && !isHttpsUrl(d.audience.trim()))
        errors.audience =
          'The token audience is an https URL (az cloud show: endpoints.activeDirectoryResourceId).';
    }
  }
  return errors;
}

/** The API's target input: only the selectors the chosen sign-in uses, never a secret. */
export function toTargetInput(d: TargetDraft): TargetInput {
  const base = {
    provider: d.provider,
    label: d.label.trim(),
    cloud: d.cloud,
    scopeId: d.scopeId.trim(),
    regions: d.regions,
  };
  if (d.provider === 'aws') {
    const profile = d.profile.trim();
    switch (d.awsSignIn) {
      case 'profile':
        return { ...base, auth: { method: 'profile', profile } };
      case 'assume-role':
        return {
          ...base,
          auth: {
            method: 'assume-role',
            roleArn: d.roleArn.trim(),
            ...(profile ? { profile } : {}),
            ...(d.externalId.trim() ? { externalId: d.externalId.trim() } : {}),
          },
        };
      case 'env':
      case 'default':
        return { ...base, auth: { method: d.awsSignIn } };
    }
  }
  const tenantId = d.tenantId.trim();
  return {
    ...base,
    auth: {
      method: d.azureSignIn,
      ...(tenantId ? { tenantId } : {}),
      ...(d.azureSignIn === 'client-secret' ? { clientId: d.clientId.trim() } : {}),
      ...(d.cloud === 'custom'
        ? {
            armEndpoint: d.armEndpoint.trim(),
            authorityHost: d.authorityHost.trim(),
            ...(d.audience.trim() ? { audience: d.audience.trim() } : {}),
          }
        : {}),
    },
  };
}

/** One line for a list: how the target signs in, without secrets (there are none to show). */
export function describeSignIn(auth: Partial<Record<string, string>>): string {
  const method = describeMethod(auth);
  // A custom cloud is named by the endpoint the run talks to.
  return auth.armEndpoint ? `${method} at ${auth.armEndpoint}` : method;
}

function describeMethod(auth: Partial<Record<string, string>>): string {
  switch (auth.method) {
    case 'profile':
      return `Profile ${auth.profile ?? ''}`.trim();
    case 'assume-role':
      return `Role ${auth.roleArn ?? ''}${auth.profile ? ` via profile ${auth.profile}` : ''}`;
    case 'env':
      return 'Environment variables';
    case 'default':
      return 'Default credential chain';
    case 'azure-cli':
      return `Azure CLI${auth.tenantId ? `, tenant ${auth.tenantId}` : ''}`;
    case 'device-code':
      return `Device code${auth.tenantId ? `, tenant ${auth.tenantId}` : ''}`;
    case 'client-secret':
      return `Service principal ${auth.clientId ?? ''}${auth.tenantId ? `, tenant ${auth.tenantId}` : ''}`;
    case 'client-certificate':
      return `Service principal ${auth.clientId ?? ''} with a certificate`;
    case 'simulated':
      return 'Simulated (no credentials)';
    default:
      return auth.method ?? 'Not recorded';
  }
}
