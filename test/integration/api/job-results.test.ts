/**
 * Every job kind's result, from a real run, against the contract: the event the UI receives, the
 * job list, and what the CLI reads. A result whose shape the contract does not describe fails here.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../src/api/contract';
import { deskEventSchema, jobResultSchemas, jobSchema } from '../../../src/api/contract/jobs';
import { callOperation } from '../../../src/api/dispatch';
import { DeskSession } from '../../../src/api/session';
import { useTempDir } from '../../support/temp';

const tmp = useTempDir('phi-job-results-');

async function demoSession(): Promise<{ session: DeskSession; events: DeskEvent[]; root: string }> {
  const root = tmp();
  const session = new DeskSession({ frontDoor: 'browser', workspaceDir: root });
  const events: DeskEvent[] = [];
  session.subscribe((e) => events.push(e));
  await callOperation(session, 'workspace.create', {
    file: 'demo',
    client: 'Northwind Vitals (demo)',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    approvedRegions: ['us-east-1', 'us-west-2', 'eastus', 'westus2'],
  });
  return { session, events, root };
}

describe('job results typed per kind', () => {
  it('an assessment job reports its run as the contract describes, in the event and the job list', async () => {
    const { session, events } = await demoSession();
    const { jobId } = await callOperation(session, 'assess.start', { source: { kind: 'demo' } });
    expect(await session.waitForJob(jobId)).toBe('completed');

    const finished = events.find((e) => e.type === 'job.finished' && e.jobId === jobId);
    expect(deskEventSchema.parse(finished)).toEqual(finished);
    const typed = session.finishedEvent(jobId, 'assess');
    expect(typed?.outcome).toBe('completed');
    const result = jobResultSchemas.assess.parse(typed?.result);

    // The numbers a user sees after the run agree with the run's findings and history.
    const failing = await callOperation(session, 'findings.list', { status: 'fail', limit: 1 });
    const runs = await callOperation(session, 'runs.list', {});
    expect(result.runId).toBe(failing.runId);
    expect(result.stats.findings?.fail).toBe(failing.total);
    expect(runs[0]).toMatchObject({ id: result.runId, failing: failing.total });
    expect(runs[0]?.stats.evidence).toBe(result.stats.evidence);

    const jobs = await callOperation(session, 'job.list', {});
    expect(jobSchema.array().parse(jobs)).toEqual(jobs);
    expect(jobs[0]).toMatchObject({ kind: 'assess', state: 'completed', lastEvent: { result } });
    await session.dispose();
  });

  it('an offline evaluation answers with its run and judgement stats', async () => {
    const { session } = await demoSession();
    const { jobId } = await callOperation(session, 'assess.start', { source: { kind: 'demo' } });
    await session.waitForJob(jobId);
    const evaluated = await callOperation(session, 'assess.evaluate', {});
    expect(jobResultSchemas.evaluate.parse(evaluated)).toEqual(evaluated);
    const failing = await callOperation(session, 'findings.list', { status: 'fail', limit: 1 });
    expect(failing.runId).toBe(evaluated.runId);
    expect(evaluated.stats.findings.fail).toBe(failing.total);
    expect(evaluated.stats.baselineRunId).toBe(evaluated.sourceRunId);
    await session.dispose();
  });

  it('an export job reports the package it wrote and who signed it', async () => {
    const { session, root } = await demoSession();
    const { jobId: runJob } = await callOperation(session, 'assess.start', { source: { kind: 'demo' } });
    await session.waitForJob(runJob);
    const { jobId } = await callOperation(session, 'export.start', {
      outDir: join(root, 'out'),
      signer: { kind: 'self-signed' },
    });
    expect(await session.waitForJob(jobId)).toBe('completed');
    const result = jobResultSchemas.export.parse(session.finishedEvent(jobId, 'export')?.result);
    expect(existsSync(result.folder)).toBe(true);
    expect(existsSync(result.zip)).toBe(true);
    expect(result.signer.selfSigned).toBe(true);
    const [listed] = await callOperation(session, 'export.list', {});
    expect(listed).toMatchObject({ id: result.exportId, manifestSha256: result.manifestSha256 });
    // Asking for the outcome under another kind finds nothing: kinds never mix.
    expect(session.finishedEvent(jobId, 'assess')).toBeNull();
    await session.dispose();
  });
});
