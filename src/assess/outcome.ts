/**
 * What a finished collection amounts to: completed, partial or failed. A pure function of what was
 * attempted, so the rules are tested without a cloud and stated once:
 *
 * - failed: no target could be assessed: every target failed to sign in, or every collection task
 *   of every signed-in target was not assessed (or there was none to run).
 * - partial: some target failed to sign in, or some collection task (target × service × region)
 *   was not assessed: it threw, or it recorded coverage gaps and produced no resources (its list
 *   call was refused, so the service was not assessed there).
 * - completed: otherwise. A completed run may still have per-resource coverage gaps (one bucket's
 *   logging unreadable): the run summary lists them.
 */

export type RunOutcomeStatus = 'completed' | 'partial' | 'failed';

export interface TargetAttempt {
  label: string;
  provider: string;
  scopeId: string;
  /** null when the target was signed in to; else why not */
  signInError: string | null;
}

export interface TaskAttempt {
  target: { label: string; provider: string; scopeId: string };
  service: string;
  region: string;
  /** The task's collector threw (the message), or null */
  thrown: string | null;
  gaps: number;
  resources: number;
  /** Error codes of the calls the task recorded as failed, in order (AccessDenied, ...) */
  errorCodes: string[];
}

export interface UnassessedTarget {
  target: string;
  provider: string;
  scopeId: string;
  reason: string;
}

export interface UnassessedService {
  target: string;
  provider: string;
  scopeId: string;
  service: string;
  region: string;
  reason: string;
}

export interface RunOutcome {
  status: RunOutcomeStatus;
  unassessedTargets: UnassessedTarget[];
  unassessedServices: UnassessedService[];
  /** One sentence a user reads ("Assessment partial: ..."); null for a completed run */
  statement: string | null;
}

const MAX_REASON = 160;

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_REASON ? `${oneLine.slice(0, MAX_REASON - 1)}…` : oneLine;
}

/** A task whose service was not assessed in its scope; null when it was (perhaps with per-resource gaps). */
function notAssessedReason(task: TaskAttempt): string | null {
  if (task.thrown !== null) return shorten(task.thrown);
  if (task.gaps > 0 && task.resources === 0) return task.errorCodes[0] ?? 'refused';
  return null;
}

export function judgeOutcome(targets: readonly TargetAttempt[], tasks: readonly TaskAttempt[]): RunOutcome {
  const unassessedTargets = targets
    .filter((t) => t.signInError !== null)
    .map((t) => ({
      target: t.label,
      provider: t.provider,
      scopeId: t.scopeId,
      reason: shorten(t.signInError ?? ''),
    }));
  const unassessedServices: UnassessedService[] = [];
  for (const task of tasks) {
    const reason = notAssessedReason(task);
    if (reason === null) continue;
    unassessedServices.push({
      target: task.target.label,
      provider: task.target.provider,
      scopeId: task.target.scopeId,
      service: task.service,
      region: task.region,
      reason,
    });
  }
  const signedIn = targets.length - unassessedTargets.length;
  const assessedTasks = tasks.length - unassessedServices.length;
  const status: RunOutcomeStatus =
    signedIn === 0 || assessedTasks === 0
      ? 'failed'
      : unassessedTargets.length > 0 || unassessedServices.length > 0
        ? 'partial'
        : 'completed';
  return {
    status,
    unassessedTargets,
    unassessedServices,
    statement: outcomeStatement(status, targets.length, unassessedTargets, unassessedServices, {
      nameTargets: new Set(tasks.map((t) => `${t.target.provider}:${t.target.scopeId}`)).size > 1,
    }),
  };
}

/** "1 of 3 targets could not be signed in to (prod (111122223333): access denied)" */
function targetsClause(total: number, targets: readonly UnassessedTarget[]): string {
  const who = targets.map((t) => `${t.target} (${t.scopeId}): ${t.reason}`).join('; ');
  const howMany =
    targets.length === total
      ? total === 1
        ? 'the target could not be signed in to'
        : `none of the ${total} targets could be signed in to`
      : `${targets.length} of ${total} ${total === 1 ? 'target' : 'targets'} could not be signed in to`;
  return `${howMany} (${who})`;
}

/**
 * "kms not assessed in eu-west-1, us-east-1 (AccessDenied)", grouped by target, service and reason;
 * "... of prod (111122223333)" when the run assessed more than one target.
 */
function servicesClause(services: readonly UnassessedService[], nameTargets: boolean): string {
  const groups = new Map<string, { head: UnassessedService; regions: string[] }>();
  for (const s of services) {
    const key = `${s.provider}:${s.scopeId}|${s.service}|${s.reason}`;
    const group = groups.get(key) ?? { head: s, regions: [] };
    group.regions.push(s.region);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(
      ({ head, regions }) =>
        `${head.service} not assessed in ${regions.join(', ')}${nameTargets ? ` of ${head.target} (${head.scopeId})` : ''} (${head.reason})`,
    )
    .join('; ');
}

export function outcomeStatement(
  status: RunOutcomeStatus,
  totalTargets: number,
  targets: readonly UnassessedTarget[],
  services: readonly UnassessedService[],
  opts: { nameTargets: boolean } = { nameTargets: false },
): string | null {
  if (status === 'completed') return null;
  const clauses = [
    ...(targets.length > 0 ? [targetsClause(totalTargets, targets)] : []),
    ...(services.length > 0 ? [servicesClause(services, opts.nameTargets)] : []),
  ];
  if (status === 'failed') {
    const why = clauses.length > 0 ? clauses.join('; ') : 'no collection task ran';
    return `Assessment failed: no target could be assessed (${why})`;
  }
  return `Assessment partial: ${clauses.join('; ')}`;
}
