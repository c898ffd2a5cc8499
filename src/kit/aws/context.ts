import { DeskError } from '../../errors';
import { callAws, type AwsCallResult } from '../../cloud/aws/call';
import { awsClientsOf } from '../../cloud/aws/clients';
import type { AwsPartition } from '../../cloud/aws/partitions';
import type { CollectorContext, NormalizedResource } from '../model';
import type { AwsCommandClass, CommandInput, CommandOutput } from '../operations';
import { commandOperationName } from '../operations';
import type { AwsServiceModule } from '../service';

export type { AwsCallResult } from '../../cloud/aws/call';

export interface AwsCallOptions {
  /** Where to send the call; default the task's region (the home region for a global service) */
  region?: string;
  /** Error codes that mean "not configured": a normal answer recorded as such, not a gap */
  notConfigured?: readonly string[];
  /** The resource the call is about, named in a coverage gap */
  subject?: string;
  /** An error that means "not configured" only by its message (see AwsCallSpec.notConfiguredWhen) */
  notConfiguredWhen?: (code: string, message: string) => boolean;
  /** Rewrites the answer before it becomes evidence: secrets out (see AwsCallSpec.redact) */
  redact?: (body: Record<string, unknown>) => unknown;
}

export interface AwsPageOptions<I> extends AwsCallOptions {
  /** The input field that carries the page token ('Marker', 'NextToken', 'ContinuationToken') */
  inputToken: keyof I & string;
  /**
   * The output field that carries the next page's token ('NextMarker', 'NextToken'); a dotted path
   * when the token sits inside the answer (CloudFront: 'DistributionList.NextMarker')
   */
  outputToken: string;
  /** Some APIs also say whether more pages follow ('Truncated', 'IsTruncated') */
  moreFlag?: string;
}

export interface AwsPage<O> {
  output: O;
  evidenceId: number;
}

/**
 * What a service's collect() gets for AWS: the target and region, and one call helper that takes
 * the command class (its name is the operation, spelled once). Every call runs within the run's
 * limits and abort signal, is recorded as evidence, and a failure becomes a coverage gap naming
 * the resource — the helpers never throw for a cloud error.
 */
export interface AwsCollectContext {
  readonly base: CollectorContext;
  /** The region of this task, or the home region for a global service */
  readonly region: string;
  readonly homeRegion: string;
  readonly partition: AwsPartition;
  readonly accountId: string;
  readonly signal: AbortSignal;
  call<C extends AwsCommandClass>(
    command: C,
    input: CommandInput<C>,
    options?: AwsCallOptions,
  ): Promise<AwsCallResult<CommandOutput<C>>>;
  /** Every page of a list; stops at the first failed page (a gap), keeping the pages before it. */
  pages<C extends AwsCommandClass>(
    command: C,
    input: CommandInput<C>,
    options: AwsPageOptions<CommandInput<C>>,
  ): Promise<{ pages: AwsPage<CommandOutput<C>>[]; complete: boolean }>;
  /** A normalized resource of this target, with provider and scope filled in. */
  resource(parts: Omit<NormalizedResource, 'provider' | 'scopeId' | 'phi' | 'phiReason'>): NormalizedResource;
}

export function createAwsCollectContext(
  base: CollectorContext,
  service: AwsServiceModule,
): AwsCollectContext {
  const clients = awsClientsOf(base.connection);
  const region = base.region === 'global' ? clients.homeRegion : base.region;
  /** The client of a command: its operation's own, else the service's. */
  const clientOf = (command: AwsCommandClass) => {
    const operation = service.operations.find((op) => op.command === command);
    if (!operation)
      throw new DeskError(
        'INTERNAL',
        `${service.id} sent ${command.name}, which it does not declare in its operations.`,
      );
    return operation.client ?? service.client;
  };
  const call = <C extends AwsCommandClass>(
    command: C,
    input: CommandInput<C>,
    options: AwsCallOptions = {},
  ): Promise<AwsCallResult<CommandOutput<C>>> => {
    const callRegion = options.region ?? region;
    const client = clientOf(command);
    const request = input as Record<string, unknown>;
    return callAws<CommandOutput<C> & object>(
      base,
      {
        service: service.service,
        operation: commandOperationName(command.name),
        region: callRegion,
        request,
        homeRegion: clients.homeRegion,
        ...(options.notConfigured ? { notConfigured: options.notConfigured } : {}),
        ...(options.subject ? { subject: options.subject } : {}),
        ...(options.notConfiguredWhen ? { notConfiguredWhen: options.notConfiguredWhen } : {}),
        ...(options.redact ? { redact: options.redact } : {}),
      },
      (abortSignal) =>
        clients
          .client(client, callRegion, service.clientConfig)
          .send(new command(input as never), { abortSignal }) as Promise<CommandOutput<C> & object>,
    ) as Promise<AwsCallResult<CommandOutput<C>>>;
  };
  return {
    base,
    region,
    homeRegion: clients.homeRegion,
    partition: clients.partition,
    accountId: base.connection.target.scopeId,
    signal: base.signal,
    call,
    async pages(command, input, options) {
      const pages: AwsPage<CommandOutput<typeof command>>[] = [];
      let token: string | undefined;
      for (;;) {
        const pageInput = {
          ...(input as object),
          ...(token ? { [options.inputToken]: token } : {}),
        } as CommandInput<typeof command>;
        const answer = await call(command, pageInput, options);
        if (answer.status !== 'ok') return { pages, complete: answer.status === 'not_configured' };
        pages.push({ output: answer.output, evidenceId: answer.evidenceId });
        const output = answer.output as Record<string, unknown>;
        const next = at(output, options.outputToken);
        const more = options.moreFlag === undefined ? true : at(output, options.moreFlag) === true;
        if (typeof next !== 'string' || next === '' || !more) return { pages, complete: true };
        token = next;
      }
    },
    resource(parts) {
      return {
        provider: 'aws',
        scopeId: base.connection.target.scopeId,
        phi: false,
        phiReason: null,
        ...parts,
      };
    },
  };
}

/** A field of an answer by dotted path ('DistributionList.NextMarker'). */
function at(output: Record<string, unknown>, path: string): unknown {
  let value: unknown = output;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
