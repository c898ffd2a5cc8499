import { OrganizationsServiceException } from '@aws-sdk/client-organizations';
import { STSServiceException } from '@aws-sdk/client-sts';
import type {
  DeserializeHandlerArguments,
  DeserializeMiddleware,
  MetadataBearer,
  Pluggable,
} from '@smithy/types';
import { DeskError } from '../../errors';
import { awsOperationName } from '../../cloud/aws/guard';
import { abortSignalOf } from '../../cloud/aws/smithy-context';
import { abortableDelay } from '../../cloud/limit';
import type { AwsDeclaredOperation } from '../model';
import type { AwsServiceModule } from '../service';
import type { AwsFaultWording } from './types';
import type { FailureKind } from './faults';
import type { ScenarioAccountBase } from './scenario';
import { awsServiceError, type SimWorld } from './world';

export interface AwsSimTarget {
  accountId: string;
  region: string;
  /** The client's per-attempt timeout: injected latency beyond it fails as the transport would. */
  requestTimeoutMs?: number;
}

export function callerArn(account: ScenarioAccountBase): string {
  return (
    account.callerArn ??
    `arn:${account.partition}:sts::${account.accountId}:assumed-role/PhiAuditDeskReadOnly/phi-audit-desk`
  );
}

/** STS answers connectTarget's identity check (sign-in is the kit's, not a service module's). */
const sts = {
  service: 'sts',
  error: (name: string, status: number, message: string) =>
    awsServiceError(STSServiceException, name, status, message),
  faults: {
    throttle: { name: 'Throttling', status: 400, message: 'Rate exceeded' },
    region_disabled: {
      name: 'InvalidClientTokenId',
      status: 403,
      message: 'The security token included in the request is invalid.',
    },
  },
  answer(account: ScenarioAccountBase, operation: string): object {
    if (operation !== 'GetCallerIdentity')
      throw sts.error('NotImplemented', 501, `The simulator does not implement STS ${operation}.`);
    const arn = callerArn(account);
    return {
      UserId: `AROASIMULATED${account.accountId}:${arn.split('/').pop() ?? 'session'}`,
      Account: account.accountId,
      Arn: arn,
    };
  },
};

const organizationsError = (name: string, status: number, message: string) =>
  awsServiceError(OrganizationsServiceException, name, status, message);

/**
 * Organizations ListAccounts for `--aws-org`, as the API reference describes it: MaxResults 1–20,
 * NextToken paging; each account with Id, Arn, Email, Name, State (Status was retired on
 * 2026-09-09 and is not sent) and JoinedMethod/JoinedTimestamp. Only the management account (or a
 * delegated administrator) may call it; outside an organization it is AWSOrganizationsNotInUseException.
 */
function listOrganizationAccounts(
  world: SimWorld,
  caller: ScenarioAccountBase,
  input: Record<string, unknown>,
): object {
  const organization = world.scenario.aws.organization;
  if (!organization)
    throw organizationsError(
      'AWSOrganizationsNotInUseException',
      400,
      'Your account is not a member of an organization.',
    );
  if (caller.accountId !== organization.managementAccountId)
    throw organizationsError(
      'AccessDeniedException',
      400,
      `You don't have permissions to access this resource. (account ${caller.accountId} is not the management account of ${organization.id} or a delegated administrator)`,
    );
  const accounts = [
    ...world.scenario.aws.accounts.map((account) => ({
      accountId: account.accountId,
      name: account.label,
      state: 'ACTIVE' as const,
    })),
    ...organization.members,
  ];
  const max = typeof input.MaxResults === 'number' ? input.MaxResults : 20;
  if (max < 1 || max > 20)
    throw organizationsError('InvalidInputException', 400, 'MaxResults must be between 1 and 20.');
  const start = typeof input.NextToken === 'string' ? Number.parseInt(input.NextToken, 10) : 0;
  const size = Math.min(max, world.scenario.simulation.awsPageSize);
  const page = accounts.slice(start, start + size);
  const next = start + size < accounts.length ? String(start + size) : undefined;
  return {
    Accounts: page.map((account) => ({
      Id: account.accountId,
      Arn: `arn:${caller.partition}:organizations::${organization.managementAccountId}:account/${organization.id}/${account.accountId}`,
      Email: `aws+${account.accountId}@example.invalid`,
      Name: account.name,
      State: account.state,
      JoinedMethod: account.accountId === organization.managementAccountId ? 'CREATED' : 'INVITED',
      JoinedTimestamp: new Date('2021-03-01T09:00:00Z'),
    })),
    ...(next ? { NextToken: next } : {}),
  };
}

/** The common AWS wording of each injected failure; a service overrides what its API says differently. */
function failureError(
  kind: FailureKind,
  error: (name: string, status: number, message: string) => Error,
  overrides: AwsFaultWording | undefined,
  account: ScenarioAccountBase,
  action: string,
  region: string,
): Error {
  const own = overrides?.[kind];
  if (own) return error(own.name, own.status, own.message);
  switch (kind) {
    case 'throttle':
      return error('ThrottlingException', 400, 'Rate exceeded');
    case 'access_denied':
      return error(
        'AccessDeniedException',
        400,
        `User: ${callerArn(account)} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
      );
    case 'region_disabled':
      return error(
        'UnrecognizedClientException',
        400,
        `The security token included in the request is invalid. (region ${region} is not enabled for this account)`,
      );
  }
}

/** What Node's HTTP handler throws when an attempt outlives requestTimeout; the SDK retries it as transient. */
function timeoutError(ms: number): Error {
  return Object.assign(new Error(`Connection timed out after ${ms} ms`), { name: 'TimeoutError' });
}

const abortError = (): Error => Object.assign(new Error('Request aborted'), { name: 'AbortError' });

/**
 * The simulated AWS: a middleware at step 'deserialize', priority 'high'. By then the real client
 * has validated, serialized and signed the request (and its retry middleware wraps this one), so
 * everything but the socket is the real SDK; this answers instead of the transport, dispatching by
 * client class and operation to the service module that declares them.
 */
export function awsSimulatorPlugin(world: SimWorld, target: AwsSimTarget): Pluggable<object, MetadataBearer> {
  const account = world.accounts.get(target.accountId);
  if (!account) {
    // A member of the scenario's organization without an account of its own: its audit role
    // cannot be assumed, as STS answers when the role is missing or does not trust the caller.
    if (world.scenario.aws.organization?.members.some((m) => m.accountId === target.accountId))
      return refusedAssumeRole(target.accountId);
    throw new DeskError('NOT_FOUND', `The scenario has no AWS account ${target.accountId}.`);
  }
  // Two services may share a client (the inventory and AWS Config both use ConfigServiceClient):
  // each command goes to the service that declares it, the first declaring service answering when
  // both do (its scenario fields hold the answer).
  const byCommand = new Map<string, AwsServiceModule>();
  const byClient = new Map<string, AwsServiceModule>();
  for (const service of world.services) {
    if (service.provider !== 'aws') continue;
    for (const name of service.clientNames) if (!byClient.has(name)) byClient.set(name, service);
    for (const op of service.declared)
      if (op.provider === 'aws') {
        const key = `${op.client}:${op.command}`;
        if (!byCommand.has(key)) byCommand.set(key, service);
      }
  }

  const middleware: DeserializeMiddleware<object, MetadataBearer> =
    (_next, context) => async (args: DeserializeHandlerArguments<object>) => {
      const clientName = context.clientName ?? '';
      const operation = awsOperationName(context.commandName ?? '');
      const module = byCommand.get(`${clientName}:${operation}Command`) ?? byClient.get(clientName);
      const organizations = clientName === 'OrganizationsClient';
      const service =
        module?.service ??
        (clientName === 'STSClient' ? 'sts' : organizations ? 'organizations' : clientName);
      const error = module
        ? (name: string, status: number, message: string) =>
            module.sim.error(name, status, message, operation)
        : organizations
          ? organizationsError
          : sts.error;
      const declared = module?.declared.find(
        (op): op is AwsDeclaredOperation =>
          op.provider === 'aws' && op.client === clientName && op.command === `${operation}Command`,
      );
      const action = declared?.iamAction ?? `${service}:${operation}`;
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
      const faults = module
        ? typeof module.sim.faults === 'function'
          ? module.sim.faults(operation)
          : module.sim.faults
        : sts.faults;
      if (!account.regions.includes(target.region))
        throw failureError('region_disabled', error, faults, account, action, target.region);
      if (effects.failure)
        throw failureError(effects.failure.kind, error, faults, account, action, target.region);
      const input = (args.input ?? {}) as Record<string, unknown>;
      let output: object;
      if (!module && organizations) {
        if (operation !== 'ListAccounts')
          throw organizationsError(
            'NotImplemented',
            501,
            `The simulator does not implement Organizations ${operation}.`,
          );
        output = listOrganizationAccounts(world, account, input);
      } else if (!module) {
        if (clientName !== 'STSClient')
          throw error(
            'NotImplemented',
            501,
            `The simulator does not implement ${clientName || 'this client'}.`,
          );
        output = sts.answer(account, operation);
      } else {
        const answer = module.sim.answers[operation];
        if (!answer)
          throw error(
            'NotImplemented',
            501,
            `The simulator does not implement ${module.title} ${operation}.`,
          );
        output = answer({
          account,
          organisation: world.scenario.aws,
          scenario: world.scenario,
          region: target.region,
          input,
          state: world.state.get(module.id),
          error,
          pageSize: world.scenario.simulation.awsPageSize,
        });
      }
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

/** Every call into an account whose audit role cannot be assumed fails as STS AssumeRole does. */
function refusedAssumeRole(accountId: string): Pluggable<object, MetadataBearer> {
  const middleware: DeserializeMiddleware<object, MetadataBearer> = () => async () => {
    throw sts.error(
      'AccessDenied',
      403,
      `User: arn:aws:sts::000000000000:assumed-role/auditor/phi-audit-desk is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${accountId}:role/PhiAuditDeskReadOnly`,
    );
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
