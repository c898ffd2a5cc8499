import type { z } from 'zod';
import { getCitation } from '../../catalog/security-rule';
import { DeskError } from '../../errors';
import { getEvidence, listFindings, listGaps, listRuns, listTargets } from '../../assess/queries';
import { reevaluate } from '../../assess/reevaluate';
import { getRule } from '../../rules/registry';
import { newAwsExternalId } from '../../workspace/workspace';
import type { assessOps, targetInputSchema } from '../contract/assess';
import type { HandlersOf } from './types';

type TargetInput = z.infer<typeof targetInputSchema>;

/** A run with no earlier run to compare with: nothing is "new since the previous run". */
function firstRun(stats: { baselineRunId?: number | null }): boolean {
  return stats.baselineRunId === null || stats.baselineRunId === undefined;
}

export const assessHandlers: HandlersOf<typeof assessOps> = {
  'targets.list': (_input, session) => listTargets(session.requireWorkspace()),

  'runs.list': (_input, session) => listRuns(session.requireWorkspace()),

  'assess.start': async (input, session) => {
    const ws = session.requireWorkspace();
    // The AWS and Azure SDKs load only when an assessment runs: every CLI start stays fast.
    const [{ prepareAssessment }, { runAssessment }] = await Promise.all([
      import('../../assess/prepare'),
      import('../../assess/run-assessment'),
    ]);
    // Validate the source (scenario file, targets) before a job starts, so errors come back at once.
    const prepared = prepareAssessment(withEngagementExternalId(input.source, ws.awsExternalId));
    const jobId = session.startJob('assess', async (job) => {
      const result = await runAssessment(ws, {
        ...prepared,
        ...(input.limits ? { limits: input.limits } : {}),
        signal: job.signal,
        onProgress: (p) =>
          job.progress({
            phase: p.phase,
            done: p.done,
            total: p.total,
            message: p.message,
            detail: {
              target: p.target,
              service: p.service,
              region: p.region,
              gaps: p.gaps,
              evidence: p.evidence,
            },
          }),
      });
      const s = result.stats;
      const counts = `${s.findings?.fail ?? 0} failing findings (${firstRun(s) ? 'first run: no previous run to compare with' : `${s.newFailures ?? 0} new since the previous run`}), ${s.gaps} coverage gaps.`;
      // The job ran to its end either way; the run's own outcome is result.status, stated first.
      const message =
        result.status === 'cancelled'
          ? `Run ${result.runId} cancelled: ${s.evidence} evidence items kept.`
          : result.status === 'failed'
            ? `${result.error ?? 'Assessment failed: no target could be assessed'}.`
            : result.status === 'partial'
              ? `${result.error ?? 'Assessment partial'}.\nRun ${result.runId}: ${counts}`
              : `Run ${result.runId}: ${counts}`;
      return { message, result };
    });
    return { jobId };
  },

  'assess.evaluate': (_input, session) => {
    session.assertNoRunningJobs();
    return reevaluate(session.requireWorkspace());
  },

  'findings.list': (input, session) => listFindings(session.requireWorkspace(), input),

  'finding.detail': (input, session) => {
    const ws = session.requireWorkspace();
    const row = ws.db.prepare('SELECT run_id, resource_id FROM finding WHERE id = ?').get(input.id) as
      { run_id: number; resource_id: number | null } | undefined;
    if (!row) throw new DeskError('NOT_FOUND', `No finding ${input.id}.`);
    // The list query for one row, so the list and the detail view agree on every field.
    const finding = listFindings(ws, { runId: row.run_id, id: input.id, limit: 1, offset: 0 }).items[0]!;
    const rule = getRule(finding.ruleId);
    const resource = row.resource_id
      ? (ws.db.prepare('SELECT properties, tags FROM resource WHERE id = ?').get(row.resource_id) as {
          properties: string;
          tags: string;
        })
      : null;
    const evidence = finding.evidenceIds.map((id) => {
      const e = getEvidence(ws, id);
      return {
        id: e.id,
        service: e.service,
        operation: e.operation,
        region: e.region,
        outcome: e.outcome,
        sha256: e.sha256,
        collectedAt: e.collectedAt,
      };
    });
    return {
      finding,
      rule: rule
        ? {
            id: rule.id,
            title: rule.title,
            severity: rule.severity,
            citations: rule.citations.map((c) => {
              const row = getCitation(c);
              return { citation: c, title: row ? row.implementationSpecification || row.standard : c };
            }),
            failurePattern: rule.failurePattern,
            rationale: rule.rationale,
            remediation: rule.remediation,
          }
        : null,
      evidence,
      properties: resource ? (JSON.parse(resource.properties) as Record<string, unknown>) : null,
      tags: resource ? (JSON.parse(resource.tags) as Record<string, string>) : null,
    };
  },

  'gaps.list': (input, session) => listGaps(session.requireWorkspace(), input.runId),

  'evidence.get': (input, session) => getEvidence(session.requireWorkspace(), input.id),

  'accessKit.get': async (input, session) => {
    const { awsCloudFormationTemplate, awsIamPolicy, azureCustomRole } =
      await import('../../cloud/access-kit');
    // The role the kit generates always requires an ExternalId: the one given, else the engagement's
    // (made once per engagement), else — without an open engagement — a fresh one to record.
    const ws = session.workspace;
    const externalIdSource = input.externalId ? 'given' : ws ? 'engagement' : 'generated';
    const externalId = input.externalId ?? ws?.ensureAwsExternalId() ?? newAwsExternalId();
    return {
      externalId,
      externalIdSource,
      awsIamPolicy: JSON.stringify(awsIamPolicy(), null, 2),
      awsCloudFormation: awsCloudFormationTemplate({
        trustedPrincipalArn: input.trustedPrincipalArn ?? 'arn:aws:iam::111122223333:root',
        externalId,
      }),
      azureCustomRole: JSON.stringify(azureCustomRole({ subscriptionIds: [] }), null, 2),
    };
  },
};

/**
 * An assume-role target without its own ExternalId sends the engagement's: the access kit's role
 * requires it, and a role whose trust policy does not check one ignores it (AWS STS AssumeRole).
 */
export function withEngagementExternalId<
  S extends {
    kind: string;
    targets?: readonly TargetInput[];
    awsOrganizations?: readonly { externalId?: string | undefined }[] | undefined;
  },
>(source: S, externalId: string | null): S {
  if (!externalId || !source.targets) return source;
  return {
    ...source,
    targets: source.targets.map((target) =>
      target.provider === 'aws' && target.auth.method === 'assume-role' && !target.auth.externalId
        ? { ...target, auth: { ...target.auth, externalId } }
        : target,
    ),
    ...(source.awsOrganizations
      ? {
          awsOrganizations: source.awsOrganizations.map((organization) => ({
            ...organization,
            externalId: organization.externalId ?? externalId,
          })),
        }
      : {}),
  };
}
