import {
  fromEnv,
  fromIni,
  fromNodeProviderChain,
  fromTemporaryCredentials,
} from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { z } from 'zod';
import { DeskError } from '../../errors';
import { awsAuthMethods } from '../auth-methods';

/**
 * How a target signs in to AWS. Only non-secret selectors live in TargetSpec.auth: the secrets stay
 * in ~/.aws, the SSO cache or the environment, and the SDK reads them at run time.
 */
export const awsAuthSchema = z
  .object({
    /** profile: a named profile (SSO, assume-role, static or credential_process profiles all work through fromIni)
     *  env: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN
     *  default: the SDK's default chain (env, SSO, profile, web identity, container, instance metadata)
     *  assume-role: assume roleArn (cross-account audit role) from the profile, or from the default chain
     *  simulated: the simulator's fake credentials */
    method: z.enum(awsAuthMethods).optional(),
    profile: z.string().min(1).max(128).optional(),
    roleArn: z
      .string()
      .regex(/^arn:aws(-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'must be an IAM role ARN')
      .optional(),
    externalId: z
      .string()
      .regex(/^[\w+=,.@:/-]{2,1224}$/, 'must be 2–1224 characters of [A-Za-z0-9+=,.@:/-]')
      .optional(),
    sessionName: z
      .string()
      .regex(/^[\w+=,.@-]{2,64}$/)
      .optional(),
  })
  .loose();

export type AwsAuth = z.infer<typeof awsAuthSchema> & {
  method: NonNullable<z.infer<typeof awsAuthSchema>['method']>;
};

export function parseAwsAuth(auth: Record<string, string>): AwsAuth {
  const parsed = awsAuthSchema.safeParse(auth);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeskError(
      'BAD_INPUT',
      `AWS sign-in settings: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}.`,
    );
  }
  const value = parsed.data;
  const method = value.method ?? (value.roleArn ? 'assume-role' : value.profile ? 'profile' : 'default');
  if (method === 'profile' && !value.profile)
    throw new DeskError('BAD_INPUT', 'AWS sign-in method "profile" needs a profile name.');
  if (method === 'assume-role' && !value.roleArn)
    throw new DeskError('BAD_INPUT', 'AWS sign-in method "assume-role" needs a roleArn.');
  return { ...value, method };
}

/** Words for messages: which credentials were tried. Never includes a secret. */
export function describeAwsAuth(auth: AwsAuth): string {
  switch (auth.method) {
    case 'profile':
      return `AWS profile "${auth.profile}"`;
    case 'env':
      return 'the AWS credentials in the environment (AWS_ACCESS_KEY_ID)';
    case 'default':
      return 'the default AWS credential chain';
    case 'assume-role':
      return `role ${auth.roleArn} (assumed from ${auth.profile ? `profile "${auth.profile}"` : 'the default chain'})`;
    case 'simulated':
      return 'the simulated cloud';
  }
}

/**
 * What the user should run to get working credentials again. The SDK's own message says which
 * kind of profile failed: an SSO session that expired or was never started needs `aws sso login`;
 * a credential_process profile needs its helper fixed; static keys need `aws configure`.
 */
export function awsSignInHint(auth: AwsAuth, message = ''): string {
  const profile = auth.profile ?? 'default';
  switch (auth.method) {
    case 'env':
      return 'set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys) again';
    case 'simulated':
      return 'check the scenario';
    default:
      if (/\bsso\b|sso session|token.*(expired|invalid)/i.test(message))
        return `run \`aws sso login --profile ${profile}\`, then retry`;
      if (/credential_process|process/i.test(message))
        return `check the credential_process command of profile ${profile} (run it by hand: it must print credentials as JSON), then retry`;
      if (auth.method === 'assume-role' && /AssumeRole|not authorized/i.test(message))
        return `check that role ${auth.roleArn} exists, trusts your principal${auth.externalId ? ' with this ExternalId' : ''}, and that your credentials may call sts:AssumeRole on it`;
      return `run \`aws sso login --profile ${profile}\` (SSO profiles) or \`aws configure --profile ${profile}\`, then retry`;
  }
}

export interface AwsCredentialOptions {
  /** Region for the STS call that assumes roleArn. */
  region: string;
}

export function awsCredentialProvider(
  auth: AwsAuth,
  options: AwsCredentialOptions,
): AwsCredentialIdentityProvider {
  switch (auth.method) {
    case 'profile':
      return memoizeCredentials(fromIni({ profile: auth.profile }));
    case 'env':
      return memoizeCredentials(fromEnv());
    case 'default':
      return memoizeCredentials(fromNodeProviderChain(auth.profile ? { profile: auth.profile } : {}));
    case 'assume-role':
      return memoizeCredentials(
        fromTemporaryCredentials({
          params: {
            RoleArn: auth.roleArn as string,
            RoleSessionName: auth.sessionName ?? 'phi-audit-desk',
            DurationSeconds: 3600,
            ...(auth.externalId ? { ExternalId: auth.externalId } : {}),
          },
          masterCredentials: auth.profile ? fromIni({ profile: auth.profile }) : fromNodeProviderChain(),
          clientConfig: { region: options.region },
        }),
      );
    case 'simulated':
      return async () => simulatedAwsCredentials;
  }
}

/** The simulator signs requests like real ones, so it needs keys; these open nothing. */
export const simulatedAwsCredentials: AwsCredentialIdentity = {
  accessKeyId: 'ASIASIMULATEDDESK000',
  secretAccessKey: 'simulated-secret-access-key-not-a-real-one',
  sessionToken: 'simulated-session-token',
};

/**
 * One credential fetch shared by every client of a target (an assume-role profile would otherwise
 * call STS once per region and service), refreshed five minutes before expiry.
 */
export function memoizeCredentials(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  let current: AwsCredentialIdentity | undefined;
  const fresh = (identity: AwsCredentialIdentity): boolean =>
    identity.expiration === undefined || identity.expiration.getTime() - Date.now() > 5 * 60_000;
  return async (props) => {
    if (current && fresh(current) && !props?.forceRefresh) return current;
    pending ??= provider(props)
      .then((identity) => {
        current = identity;
        return identity;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
