import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import {
  AzureCliCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  DeviceCodeCredential,
} from '@azure/identity';
import { z } from 'zod';
import { DeskError } from '../../errors';
import { azureAuthMethods } from '../auth-methods';
import type { AzureCloudEndpoints } from './clouds';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How a target signs in to Azure. Non-secret selectors only: the client secret comes from
 * AZURE_CLIENT_SECRET and a certificate from its file, both read at run time and never stored.
 */
export const azureAuthSchema = z
  .object({
    method: z.enum(azureAuthMethods).optional(),
    // A GUID, a verified domain (contoso.onmicrosoft.com) or 'adfs' (Azure Stack Hub with AD FS):
    // the forms the authority accepts in its path.
    tenantId: z
      .string()
      .regex(
        /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|adfs|(?=.{4,253}$)[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i,
        'must be a tenant id (GUID), a tenant domain such as contoso.onmicrosoft.com, or adfs',
      )
      .optional(),
    clientId: z.string().regex(guid, 'must be an application (client) id (GUID)').optional(),
    certificatePath: z.string().min(1).optional(),
  })
  .loose();

export type AzureAuth = z.infer<typeof azureAuthSchema> & {
  method: NonNullable<z.infer<typeof azureAuthSchema>['method']>;
};

export function parseAzureAuth(auth: Record<string, string>): AzureAuth {
  const parsed = azureAuthSchema.safeParse(auth);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeskError(
      'BAD_INPUT',
      `Azure sign-in settings: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}.`,
    );
  }
  return { ...parsed.data, method: parsed.data.method ?? 'azure-cli' };
}

export function describeAzureAuth(auth: AzureAuth): string {
  const tenant = auth.tenantId ? ` in tenant ${auth.tenantId}` : '';
  switch (auth.method) {
    case 'azure-cli':
      return `the Azure CLI sign-in${tenant}`;
    case 'device-code':
      return `device-code sign-in${tenant}`;
    case 'client-secret':
      return `service principal ${auth.clientId ?? '(AZURE_CLIENT_ID)'} with AZURE_CLIENT_SECRET${tenant}`;
    case 'client-certificate':
      return `service principal ${auth.clientId ?? '(AZURE_CLIENT_ID)'} with certificate ${auth.certificatePath ?? ''}${tenant}`;
    case 'default':
      return `the default Azure credential chain${tenant}`;
    case 'simulated':
      return 'the simulated cloud';
  }
}

export function azureSignInHint(auth: AzureAuth, endpoints: AzureCloudEndpoints): string {
  const tenant = auth.tenantId ? ` --tenant ${auth.tenantId}` : '';
  const cloud =
    endpoints.cloud === 'AzureCloud'
      ? ''
      : endpoints.cloud === 'custom'
        ? `\`az cloud set --name <the name you registered ${endpoints.armEndpoint} under>\`, then `
        : `\`az cloud set --name ${endpoints.cloud}\`, then `;
  switch (auth.method) {
    case 'client-secret':
      return 'set AZURE_CLIENT_SECRET (and check the client id and tenant), then retry';
    case 'client-certificate':
      return 'check the certificate file and that the app registration trusts it, then retry';
    case 'simulated':
      return 'check the scenario';
    default:
      return `run ${cloud}\`az login${tenant}\`, then retry`;
  }
}

export interface AzureCredentialOptions {
  endpoints: AzureCloudEndpoints;
  env?: Readonly<Record<string, string | undefined>>;
  /** Where to show the device-code sign-in message; default stderr. */
  onDeviceCode?: (message: string) => void;
  /** The simulator's credential, for method 'simulated'. */
  simulated?: TokenCredential;
  /** Transport for token requests to the authority host. */
  httpClient?: HttpClient;
}

function required(value: string | undefined, what: string, auth: AzureAuth): string {
  // Nothing was refused: a setting is missing, which the user fixes before retrying.
  if (!value)
    throw new DeskError('BAD_INPUT', `Azure sign-in with ${describeAzureAuth(auth)} needs ${what}.`);
  return value;
}

export function azureCredential(auth: AzureAuth, options: AzureCredentialOptions): TokenCredential {
  const env = options.env ?? process.env;
  const authorityHost = options.endpoints.authorityHost;
  const common = {
    authorityHost,
    // A custom cloud's authority (Azure Stack Hub's AD FS or Entra) is not in Microsoft's instance
    // discovery list; the user named it explicitly, so it is trusted as given.
    ...(options.endpoints.cloud === 'custom' ? { disableInstanceDiscovery: true } : {}),
    ...(options.httpClient ? { httpClient: options.httpClient } : {}),
  };
  const clientId = auth.clientId ?? env.AZURE_CLIENT_ID;
  switch (auth.method) {
    case 'azure-cli':
      // The CLI holds its own cloud setting (`az cloud set`); it has no authority-host option.
      return new AzureCliCredential(auth.tenantId ? { tenantId: auth.tenantId } : {});
    case 'device-code':
      return new DeviceCodeCredential({
        ...common,
        ...(auth.tenantId ? { tenantId: auth.tenantId } : {}),
        ...(clientId ? { clientId } : {}),
        userPromptCallback: (info) =>
          (options.onDeviceCode ?? ((message: string) => process.stderr.write(`${message}\n`)))(info.message),
      });
    case 'client-secret':
      return new ClientSecretCredential(
        required(auth.tenantId ?? env.AZURE_TENANT_ID, 'a tenant id', auth),
        required(clientId, 'a client id', auth),
        required(env.AZURE_CLIENT_SECRET, 'the AZURE_CLIENT_SECRET environment variable', auth),
        common,
      );
    case 'client-certificate':
      return new ClientCertificateCredential(
        required(auth.tenantId ?? env.AZURE_TENANT_ID, 'a tenant id', auth),
        required(clientId, 'a client id', auth),
        {
          certificatePath: required(
            auth.certificatePath ?? env.AZURE_CLIENT_CERTIFICATE_PATH,
            'a certificate path',
            auth,
          ),
          ...(env.AZURE_CLIENT_CERTIFICATE_PASSWORD
            ? { certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD }
            : {}),
        },
        common,
      );
    case 'default':
      return new DefaultAzureCredential({ ...common, ...(auth.tenantId ? { tenantId: auth.tenantId } : {}) });
    case 'simulated':
      if (!options.simulated)
        throw new DeskError('BAD_INPUT', 'This target uses the simulated cloud, but no simulator was given.');
      return options.simulated;
  }
}
