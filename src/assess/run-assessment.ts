import { DeskError, isDeskError, messageOf } from '../errors';
import { RULESET_VERSION } from '../rules/registry';
import { TOOL_VERSION } from '../version';
import type { Workspace } from '../workspace/workspace';
import { accountFromArn } from '../cloud/aws/partitions';
import { closeConnection, connectTarget } from '../cloud/connect';
import type { Simulator } from '../cloud/sim';
import { registry } from '../services';
import {
  expandAwsOrganization,
  type AwsOrganizationSpec,
  type OrganizationSummary,
} from './aws-organization';
import {
  expandAzureSubscriptions,
  type AzureTenantSpec,
  type SubscriptionListSummary,
} from './azure-subscriptions';
import { judgeResources, type JudgementStats } from './judge';
import { CallLimiter, DEFAULT_LIMITS, type Limits } from './limiter';
import {
  judgeOutcome,
  type TargetAttempt,
  type TaskAttempt,
  type UnassessedService,
  type UnassessedTarget,
} from './outcome';
import { RunStore } from './store';
import type { Collector, NormalizedResource, TargetConnection, TargetSpec } from '../kit/model';

export interface AssessProgress {
  phase: 'connect' | 'collect' | 'evaluate' | 'done';
  done: number;
  total: number;
  message: string;
  target?: string;
  service?: string;
  region?: string;
  gaps: number;
  evidence: number;
}

export interface AssessOptions {
  targets: TargetSpec[];
  /** Answer every call from a scenario instead of the real clouds. */
  simulator?: Simulator;
  scenarioName?: string;
  limits?: Partial<Limits>;
  signal?: AbortSignal;
  onProgress?: (p: AssessProgress) => void;
  /** Restrict to these collector ids (default: all). */
  collectorIds?: string[];
  /** AWS Organizations whose ACTIVE accounts join the targets (listed from the management account) */
  awsOrganizations?: AwsOrganizationSpec[];
  /** Sign-ins whose every listed Azure subscription joins the targets (--azure-all-subscriptions) */
  azureTenants?: AzureTenantSpec[];
}

export interface AssessmentResult {
  runId: number;
  /** completed, partial or failed: see src/assess/outcome.ts for the rules */
  status: 'completed' | 'partial' | 'cancelled' | 'failed';
  identities: string[];
  stats: {
    targets: number;
    connectedTargets: number;
    tasks: number;
    evidence: number;
    gaps: number;
    peakConcurrency: number;
    allowedConcurrency: number;
    durationMs: number;
    /** What could not be assessed at all (absent on a cancelled run) */
    unassessed?: { targets: UnassessedTarget[]; services: UnassessedService[] };
    /** `--aws-org`: per organization, the accounts listed, entered and skipped */
    organizations?: OrganizationSummary[];
    /** `--azure-all-subscriptions`: per sign-in, the subscriptions listed, entered and skipped */
    subscriptionLists?: SubscriptionListSummary[];
  } & Partial<JudgementStats>;
  /** For a partial or failed run: which targets, services and regions were not assessed, and why */
  error?: string;
}

interface Task {
  connection: TargetConnection;
  targetId: number;
  collector: Collector;
  region: string;
}

/**
 * plan (targets × regions × collectors) → collect → normalize → evaluate → persist → diff.
 * Evidence is written as it arrives, so a crash or a cancel keeps what was collected.
 */
export async function runAssessment(ws: Workspace, opts: AssessOptions): Promise<AssessmentResult> {
  const started = Date.now();
  const signal = opts.signal ?? new AbortController().signal;
  const limiter = new CallLimiter({ ...DEFAULT_LIMITS, ...opts.limits });
  const store = RunStore.begin(ws, {
    kind: opts.simulator ? 'simulated' : 'live',
    toolVersion: TOOL_VERSION,
    rulesetVersion: RULESET_VERSION,
    scenario: opts.scenarioName ?? null,
    options: {
      targets: opts.targets.map((t) => `${t.provider}:${t.scopeId}`),
      ...(opts.awsOrganizations?.length
        ? { awsOrganizations: opts.awsOrganizations.map((o) => ({ label: o.label, roleName: o.roleName })) }
        : {}),
      limits: { ...DEFAULT_LIMITS, ...opts.limits },
    },
  });
  const collectors = registry.collectors.filter(
    (c) => !opts.collectorIds || opts.collectorIds.includes(c.id),
  );
  const operations = registry.operations();
  let evidenceCount = 0;
  let gapCount = 0;
  const scopesWithGaps = new Set<string>();
  const identities: string[] = [];
  const targetIdByScope = new Map<string, number>();
  const opened: TargetConnection[] = [];
  const targetAttempts: TargetAttempt[] = [];
  const taskAttempts: TaskAttempt[] = [];
  const progress = (p: Omit<AssessProgress, 'gaps' | 'evidence'>) =>
    opts.onProgress?.({ ...p, gaps: gapCount, evidence: evidenceCount });

  const targets = [...opts.targets];
  const organizations: OrganizationSummary[] = [];
  const subscriptionLists: SubscriptionListSummary[] = [];
  /** Subscription lists that failed: nothing of them was assessed, so the run cannot be complete */
  const listFailures: TargetAttempt[] = [];

  try {
    // 0. Organizations: the management account lists the accounts to enter.
    for (const organization of opts.awsOrganizations ?? []) {
      progress({
        phase: 'connect',
        done: 0,
        total: 1,
        message: `Listing the accounts of ${organization.label}`,
      });
      const expansion = await expandAwsOrganization(organization, {
        store,
        operations,
        ...(opts.simulator ? { simulator: opts.simulator } : {}),
        signal,
        onEvidence: () => evidenceCount++,
        onGap: (scope) => {
          gapCount++;
          scopesWithGaps.add(scope);
        },
      });
      organizations.push(expansion.summary);
      // The organization's accounts were not assessed: as a refused list call would, this makes the run partial.
      if (expansion.listingFailure) {
        const { target, region, errorCode } = expansion.listingFailure;
        taskAttempts.push({
          target: { label: target.label, provider: 'aws', scopeId: target.scopeId },
          service: 'organizations',
          region,
          thrown: null,
          gaps: 1,
          resources: 0,
          errorCodes: [errorCode],
        });
      }
      // An account named twice (also a target of its own, or in two organizations) is entered once.
      for (const target of expansion.targets)
        if (!targets.some((t) => t.provider === 'aws' && t.scopeId === target.scopeId)) targets.push(target);
    }

    // 0b. Azure: every subscription the sign-in can list.
    for (const tenant of opts.azureTenants ?? []) {
      progress({
        phase: 'connect',
        done: 0,
        total: 1,
        message: `Listing the subscriptions of ${tenant.label}`,
      });
      const expansion = await expandAzureSubscriptions(tenant, {
        store,
        operations,
        ...(opts.simulator ? { simulator: opts.simulator } : {}),
        signal,
        onEvidence: () => evidenceCount++,
      });
      subscriptionLists.push(expansion.summary);
      if (expansion.summary.error)
        listFailures.push({
          label: tenant.label,
          provider: 'azure',
          scopeId: expansion.summary.tenantId ?? 'all subscriptions',
          signInError: expansion.summary.error,
        });
      for (const target of expansion.targets)
        if (
          !targets.some(
            (t) => t.provider === 'azure' && t.scopeId.toLowerCase() === target.scopeId.toLowerCase(),
          )
        )
          targets.push(target);
    }

    // 1. Plan and connect: one caller identity per target, recorded on the run.
    progress({ phase: 'connect', done: 0, total: targets.length, message: 'Signing in to targets' });
    let connected = 0;
    const connections = await Promise.all(
      targets.map(async (target, index) => {
        try {
          const raw = await connectTarget(target, {
            operations,
            ...(opts.simulator ? { simulator: opts.simulator } : {}),
            signal,
          });
          opened.push(raw);
          const connection = withResolvedScope(raw);
          const targetId = store.upsertTarget(connection.target);
          targetIdByScope.set(`${target.provider}:${connection.target.scopeId}`, targetId);
          identities.push(connection.identity);
          targetAttempts[index] = {
            label: target.label,
            provider: target.provider,
            scopeId: connection.target.scopeId,
            signInError: null,
          };
          return { connection, targetId };
        } catch (err) {
          if (signal.aborted) throw err;
          // A target we cannot sign in to is a coverage gap for everything in it, not a failed run.
          const targetId = store.upsertTarget(target);
          targetIdByScope.set(`${target.provider}:${target.scopeId}`, targetId);
          const id = store.recordEvidence(
            { id: targetId, provider: target.provider, scopeId: target.scopeId, identity: '' },
            {
              service: target.provider === 'aws' ? 'sts' : 'arm',
              operation: target.provider === 'aws' ? 'GetCallerIdentity' : 'GetToken',
              region: 'global',
              request: { auth: target.auth },
              outcome: 'error',
              response: { error: messageOf(err) },
              errorCode: isDeskError(err) ? err.code : 'ERROR',
              errorMessage: messageOf(err),
            },
          );
          evidenceCount++;
          store.recordGap(target, {
            service: '*',
            operation: 'sign-in',
            region: '*',
            reason: isDeskError(err) && err.code === 'ACCESS_DENIED' ? 'access_denied' : 'error',
            message: `Target ${target.label} (${target.scopeId}) was not assessed: ${messageOf(err)}`,
            evidenceId: id,
          });
          gapCount++;
          scopesWithGaps.add(`${target.provider}:${target.scopeId}`);
          targetAttempts[index] = {
            label: target.label,
            provider: target.provider,
            scopeId: target.scopeId,
            signInError: signInReason(err),
          };
          return null;
        } finally {
          progress({
            phase: 'connect',
            done: ++connected,
            total: targets.length,
            message: `Signed in to ${target.label}`,
            target: target.label,
          });
        }
      }),
    );

    const tasks: Task[] = [];
    for (const c of connections) {
      if (!c) continue;
      for (const collector of collectors) {
        if (collector.provider !== c.connection.provider) continue;
        const regions = collector.scope === 'global' ? ['global'] : c.connection.target.regions;
        for (const region of regions)
          tasks.push({ connection: c.connection, targetId: c.targetId, collector, region });
      }
    }

    // 2. Collect: every task in parallel; the limiter bounds the API calls in flight.
    let done = 0;
    const resources: NormalizedResource[] = [];
    progress({ phase: 'collect', done, total: tasks.length, message: `Collecting (${tasks.length} tasks)` });
    // allSettled: on a cancel every task ends (with CANCELLED) before the run is marked cancelled,
    // so no call is still in flight, or still reporting progress, once the run has ended.
    const settled = await Promise.allSettled(
      tasks.map(async (task) => {
        const t = task.connection.target;
        const targetRef = {
          id: task.targetId,
          provider: t.provider,
          scopeId: t.scopeId,
          identity: task.connection.identity,
        };
        const targetKey = `${t.provider}:${t.scopeId}`;
        const keys = CallLimiter.keysFor(targetKey, task.region, task.collector.service);
        const attempt: TaskAttempt = {
          target: { label: t.label, provider: t.provider, scopeId: t.scopeId },
          service: task.collector.service,
          region: task.region,
          thrown: null,
          gaps: 0,
          resources: 0,
          errorCodes: [],
        };
        taskAttempts.push(attempt);
        try {
          const found = await task.collector.collect({
            connection: task.connection,
            region: task.region,
            signal,
            schedule: (fn, region) =>
              limiter.run(
                region && region !== task.region
                  ? CallLimiter.keysFor(targetKey, region, task.collector.service)
                  : keys,
                fn,
                signal,
              ),
            record: (rec) => {
              evidenceCount++;
              if (rec.outcome === 'error') attempt.errorCodes.push(rec.errorCode ?? 'error');
              return store.recordEvidence(targetRef, rec);
            },
            gap: (gap) => {
              gapCount++;
              attempt.gaps++;
              scopesWithGaps.add(`${t.provider}:${t.scopeId}`);
              store.recordGap(t, gap);
            },
          });
          resources.push(...found);
          attempt.resources = found.length;
        } catch (err) {
          if (signal.aborted)
            throw new DeskError(
              'CANCELLED',
              'The assessment was cancelled; evidence collected so far is kept.',
            );
          // A collector that fails as a whole is a gap too: what it covers was not assessed.
          attempt.thrown = messageOf(err);
          gapCount++;
          scopesWithGaps.add(`${t.provider}:${t.scopeId}`);
          store.recordGap(t, {
            service: task.collector.service,
            operation: '*',
            region: task.region,
            reason: 'error',
            message: `${task.collector.id} failed in ${task.region}: ${messageOf(err)}`,
          });
        } finally {
          done++;
          progress({
            phase: 'collect',
            done,
            total: tasks.length,
            message: `${t.label} · ${task.collector.service} · ${task.region}`,
            target: t.label,
            service: task.collector.service,
            region: task.region,
          });
        }
      }),
    );
    const failed = settled.find((each): each is PromiseRejectedResult => each.status === 'rejected');
    if (failed) throw failed.reason;
    signal.throwIfAborted();

    // Tasks ran in parallel: sort what was attempted so the statement reads the same every run.
    taskAttempts.sort(
      (a, b) =>
        a.target.scopeId.localeCompare(b.target.scopeId) ||
        a.service.localeCompare(b.service) ||
        a.region.localeCompare(b.region),
    );
    const outcome = judgeOutcome([...listFailures, ...targetAttempts], taskAttempts);

    // 3. Normalize, evaluate, diff, persist.
    progress({
      phase: 'evaluate',
      done: 0,
      total: resources.length,
      message: `Evaluating ${resources.length} resources`,
    });
    const judgement = judgeResources(store, ws.engagement, resources, targetIdByScope, scopesWithGaps);
    const stats = {
      targets: targets.length,
      connectedTargets: connections.filter(Boolean).length,
      tasks: tasks.length,
      evidence: evidenceCount,
      gaps: gapCount,
      peakConcurrency: limiter.peak,
      allowedConcurrency: limiter.allowedConcurrency,
      durationMs: Date.now() - started,
      unassessed: { targets: outcome.unassessedTargets, services: outcome.unassessedServices },
      ...(organizations.length > 0 ? { organizations } : {}),
      ...(subscriptionLists.length > 0 ? { subscriptionLists } : {}),
      ...judgement,
    };
    const error = outcome.statement ?? undefined;
    store.finish(outcome.status, stats, identities, error);
    progress({
      phase: 'done',
      done: tasks.length,
      total: tasks.length,
      message: outcome.statement ?? 'Assessment complete',
    });
    return { runId: store.runId, status: outcome.status, identities, stats, ...(error ? { error } : {}) };
  } catch (err) {
    const cancelled = signal.aborted || (isDeskError(err) && err.code === 'CANCELLED');
    const stats = {
      targets: targets.length,
      connectedTargets: identities.length,
      tasks: 0,
      evidence: evidenceCount,
      gaps: gapCount,
      peakConcurrency: limiter.peak,
      allowedConcurrency: limiter.allowedConcurrency,
      durationMs: Date.now() - started,
      ...(organizations.length > 0 ? { organizations } : {}),
      ...(subscriptionLists.length > 0 ? { subscriptionLists } : {}),
    };
    store.finish(cancelled ? 'cancelled' : 'failed', stats, identities, messageOf(err));
    if (cancelled) return { runId: store.runId, status: 'cancelled', identities, stats };
    throw err;
  } finally {
    for (const c of opened) closeConnection(c);
  }
}

/** Why a sign-in failed, in a few words: the full message is in the target's coverage gap. */
function signInReason(err: unknown): string {
  if (isDeskError(err) && err.code === 'ACCESS_DENIED') return 'access denied';
  const message = messageOf(err);
  const first = /^[^.:]*/.exec(message)?.[0] ?? message;
  return first.length >= 12 ? first : message;
}

/**
 * A profile-based AWS target may not name its account: the account is what STS says. When it does
 * name one, a profile that signs in elsewhere is refused rather than assessed under a wrong label.
 */
function withResolvedScope(connection: TargetConnection): TargetConnection {
  const target = connection.target;
  if (target.provider !== 'aws') return connection;
  const account = accountFromArn(connection.identity);
  if (!account) return connection;
  if (target.scopeId === 'from-credentials')
    return { ...connection, target: { ...target, scopeId: account } };
  if (target.scopeId !== account) {
    throw new DeskError(
      'ACCESS_DENIED',
      `The credentials for ${target.label} sign in to account ${account}, not ${target.scopeId}. Check the profile or the account id.`,
    );
  }
  return connection;
}
