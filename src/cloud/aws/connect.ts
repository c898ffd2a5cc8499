import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { TargetConnection, TargetSpec } from '../../kit/model';
import { DeskError, isDeskError, messageOf } from '../../errors';
import { asSentence, type ConnectOptions } from '../connect-options';
import { awsErrorShape } from './call';
import { createAwsClientFactory } from './clients';
import {
  awsCredentialProvider,
  awsSignInHint,
  describeAwsAuth,
  parseAwsAuth,
  simulatedAwsCredentials,
  type AwsAuth,
} from './credentials';
import { awsAllowList } from './guard';
import { awsPartitionOf, homeRegionOf } from './partitions';

/** Errors that mean "these credentials do not work": the user must sign in again. */
const refusedCredentialCodes = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'TokenRefreshRequired',
  'AccessDenied',
  'AccessDeniedException',
  'InvalidIdentityToken',
  'AuthFailure',
  'UnauthorizedException',
]);

function connectError(
  error: unknown,
  auth: AwsAuth,
  target: TargetSpec,
  region: string,
  signal?: AbortSignal,
): DeskError {
  if (signal?.aborted) return new DeskError('CANCELLED', 'Sign-in was cancelled.', { cause: error });
  if (isDeskError(error)) return error;
  const shape = awsErrorShape(error);
  if (
    refusedCredentialCodes.has(shape.name) ||
    /expired|sso session|security token/i.test(shape.message) ||
    shape.httpStatusCode === 403
  ) {
    return new DeskError(
      'ACCESS_DENIED',
      `AWS sign-in for "${target.label}" with ${describeAwsAuth(auth)} failed: ${asSentence(shape.message)} To fix: ${awsSignInHint(auth, shape.message)}.`,
      { cause: error },
    );
  }
  return new DeskError(
    'INTERNAL',
    `Could not confirm the AWS identity for "${target.label}" (STS GetCallerIdentity in ${region}): ${messageOf(error)}`,
    { cause: error },
  );
}

/**
 * Signs in to one AWS account: credentials from the target's selectors (or the simulator's),
 * one guarded client factory, and STS GetCallerIdentity to prove the credentials and name the caller.
 */
export async function connectAws(target: TargetSpec, options: ConnectOptions): Promise<TargetConnection> {
  const auth = parseAwsAuth(target.auth);
  const simulator = options.simulator;
  if (auth.method === 'simulated' && !simulator)
    throw new DeskError('BAD_INPUT', `Target "${target.label}" is simulated, but no scenario is loaded.`);
  const { partition } = awsPartitionOf(target.cloud);
  const homeRegion = homeRegionOf(target.cloud, target.regions);
  const requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
  const clients = createAwsClientFactory({
    partition,
    homeRegion,
    credentials: simulator ? simulatedAwsCredentials : awsCredentialProvider(auth, { region: homeRegion }),
    allowList: awsAllowList(options.operations),
    requestTimeoutMs,
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.awsEndpoint ? { endpoint: options.awsEndpoint } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.awsRequestHandler ? { requestHandler: options.awsRequestHandler } : {}),
    ...(simulator
      ? {
          plugins: (_client, region) => [
            simulator.awsMiddleware({ accountId: target.scopeId, region, requestTimeoutMs }),
          ],
        }
      : {}),
  });
  try {
    const caller = await clients
      .sts(homeRegion)
      .send(new GetCallerIdentityCommand({}), options.signal ? { abortSignal: options.signal } : {});
    return {
      provider: 'aws',
      target,
      identity: caller.Arn ?? `account ${caller.Account ?? 'unknown'}`,
      clients,
    };
  } catch (error) {
    clients.destroy();
    throw connectError(error, auth, target, homeRegion, options.signal);
  }
}
