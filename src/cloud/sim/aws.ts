import { STSServiceException } from '@aws-sdk/client-sts';
import type {
  DeserializeHandlerArguments,
  DeserializeMiddleware,
  MetadataBearer,
  Pluggable,
} from '@smithy/types';
import { DeskError } from '../../errors';
import { awsOperationName } from '../aws/guard';
import { abortSignalOf } from '../aws/smithy-context';
import { abortableDelay } from '../limit';
import { answerS3, s3Error } from './aws-s3';
import type { FailureKind } from './faults';
import type { ScenarioAccount } from './scenario';
import type { SimWorld } from './world';

export interface AwsSimTarget {
  accountId: string;
  region: string;
  /** The client's per-attempt timeout: injected latency beyond it fails as the transport would. */
  requestTimeoutMs?: number;
}

const services: Record<string, string> = { S3Client: 's3', STSClient: 'sts' };

function stsError(name: string, httpStatusCode: number, message: string): STSServiceException {
  return new STSServiceException({
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode, requestId: 'SIMULATED' },
    message,
  });
}

function serviceError(service: string, name: string, status: number, message: string): Error {
  return service === 's3' ? s3Error(name, status, message) : stsError(name, status, message);
}

/** What each service answers for each injected failure (names the SDK and the collectors know). */
function failureError(
  service: string,
  kind: FailureKind,
  account: ScenarioAccount,
  operation: string,
  region: string,
): Error {
  switch (kind) {
    case 'throttle':
      return service === 's3'
        ? s3Error('SlowDown', 503, 'Please reduce your request rate.')
        : stsError('Throttling', 400, 'Rate exceeded');
    case 'access_denied':
      return service === 's3'
        ? s3Error('AccessDenied', 403, 'Access Denied')
        : stsError(
            'AccessDenied',
            403,
            `User: ${callerArn(account)} is not authorized to perform: sts:${operation}`,
          );
    case 'region_disabled':
      return service === 's3'
        ? s3Error(
            'InvalidToken',
            400,
            `The provided token is malformed or otherwise invalid. (region ${region} is not enabled for this account)`,
          )
        : stsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.');
  }
}

export function callerArn(account: ScenarioAccount): string {
  return (
    account.callerArn ??
    `arn:${account.partition}:sts::${account.accountId}:assumed-role/PhiAuditDeskReadOnly/phi-audit-desk`
  );
}

function answerSts(account: ScenarioAccount, operation: string): object {
  if (operation !== 'GetCallerIdentity')
    throw stsError('NotImplemented', 501, `The simulator does not implement STS ${operation}.`);
  const arn = callerArn(account);
  return {
    UserId: `AROASIMULATED${account.accountId}:${arn.split('/').pop() ?? 'session'}`,
    Account: account.accountId,
    Arn: arn,
  };
}

/** What Node's HTTP handler throws when an attempt outlives requestTimeout; the SDK retries it as transient. */
function timeoutError(ms: number): Error {
  return Object.assign(new Error(`Connection timed out after ${ms} ms`), { name: 'TimeoutError' });
}

const abortError = (): Error => Object.assign(new Error('Request aborted'), { name: 'AbortError' });

/**
 * The simulated AWS: a middleware at step 'deserialize', priority 'high'. By then the real client
 * has validated, serialized and signed the request (and its retry middleware wraps this one), so
 * everything but the socket is the real SDK; this answers instead of the transport.
 */
export function awsSimulatorPlugin(world: SimWorld, target: AwsSimTarget): Pluggable<object, MetadataBearer> {
  const account = world.accounts.get(target.accountId);
  if (!account) throw new DeskError('NOT_FOUND', `The scenario has no AWS account ${target.accountId}.`);
  const middleware: DeserializeMiddleware<object, MetadataBearer> =
    (_next, context) => async (args: DeserializeHandlerArguments<object>) => {
      const service =
        services[context.clientName ?? ''] ??
        (context.clientName ?? 'unknown').replace(/Client$/, '').toLowerCase();
      const operation = awsOperationName(context.commandName ?? '');
      world.calls.increment('aws', service, operation);
      const effects = world.faults.effectsFor({
        provider: 'aws',
        service,
        operation,
        region: target.region,
        account: account.accountId,
      });
      if (effects.latencyMs > 0) {
        const timeout = target.requestTimeoutMs;
        if (timeout !== undefined && effects.latencyMs > timeout) {
          await abortableDelay(timeout, abortSignalOf(context), abortError);
          throw timeoutError(timeout);
        }
        await abortableDelay(effects.latencyMs, abortSignalOf(context), abortError);
      }
      if (!account.regions.includes(target.region))
        throw failureError(service, 'region_disabled', account, operation, target.region);
      if (effects.failure)
        throw failureError(service, effects.failure.kind, account, operation, target.region);
      const input = (args.input ?? {}) as Record<string, unknown>;
      let output: object;
      if (service === 's3') output = answerS3(world, account, target.region, operation, input);
      else if (service === 'sts') output = answerSts(account, operation);
      else
        throw serviceError(
          service,
          'NotImplemented',
          501,
          `The simulator does not implement ${context.clientName ?? service}.`,
        );
      return {
        output: { ...output, $metadata: { httpStatusCode: 200, requestId: 'SIMULATED' } },
        response: { statusCode: 200, headers: {} },
      };
    };
  return {
    applyToStack(stack) {
      stack.add(middleware, {
        step: 'deserialize',
        priority: 'high',
        name: 'phiAuditSimulator',
        override: true,
      });
    },
  };
}
