import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { listFindings, listGaps, listRuns } from '../../../src/assess/queries';
import { reevaluate } from '../../../src/assess/reevaluate';
import { runAssessment } from '../../../src/assess/run-assessment';
import { createSimulator, demoScenario, type Scenario } from '../../../src/cloud/sim';
import { verifyAuditLog } from '../../../src/workspace/audit-log';
import { Workspace } from '../../../src/workspace/workspace';
import { createWorkspace, SETTINGS } from '../../support/engagement';
import { useTempDir } from '../../support/temp';

const tmp = useTempDir('phi-assess-');
const DEMO_REGIONS = ['us-east-1', 'us-west-2', 'eastus', 'westus2'];

function demoWorkspace(): Workspace {
  return createWorkspace(tmp(), 'demo.phiaudit', {
    ...SETTINGS,
    approvedRegions: DEMO_REGIONS,
    phiTagKeys: ['phi', 'data-classification'],
  });
}

async function runDemo(ws: Workspace, scenario: Scenario = demoScenario()) {
  const simulator = createSimulator(scenario);
  return runAssessment(ws, { targets: simulator.targets(), simulator, scenarioName: scenario.name });
}

function failingKeys(ws: Workspace, runId?: number): string[] {
  return listFindings(ws, { ...(runId ? { runId } : {}), status: 'fail', limit: 1000, offset: 0 })
    .items.map((f) => f.key)
    .sort();
}

describe('runAssessment on the demo organisation (real SDK clients, simulated cloud)', () => {
  it('reports every seeded S3 and storage failure with its citations, and the injected AccessDenied as gaps', async () => {
    const ws = demoWorkspace();
    const result = await runDemo(ws);
    expect(result.status).toBe('completed');
    expect(result.stats.connectedTargets).toBe(3);
    expect(result.identities.some((i) => i.startsWith('arn:aws:sts::210987654321:'))).toBe(true);

    const failing = listFindings(ws, { status: 'fail', limit: 1000, offset: 0 }).items;
    const rulesFailing = new Set(failing.map((f) => f.ruleId));
    for (const rule of [
      'aws.s3.default-encryption',
      'aws.s3.tls-only-policy',
      'aws.s3.public-access-block',
      'aws.s3.access-logging',
      'aws.s3.replication-region',
      'azure.storage.https-only',
      'azure.storage.min-tls-1-2',
      'azure.storage.public-blob-access',
      'azure.storage.geo-replication-region',
    ]) {
      expect(rulesFailing, rule).toContain(rule);
    }
    const encryption = failing.find((f) => f.ruleId === 'aws.s3.default-encryption')!;
    expect(encryption.citations).toContain('164.312(a)(2)(iv)');
    expect(encryption.phi).toBe(true);
    expect(encryption.change).toBe('new');
    // compliant resources are judged too
    expect(listFindings(ws, { status: 'pass', limit: 1, offset: 0 }).total).toBeGreaterThan(20);

    const gaps = listGaps(ws).items;
    expect(gaps.length).toBeGreaterThan(0);
    expect(
      gaps.every(
        (g) =>
          g.reason === 'access_denied' && g.operation === 'GetBucketLogging' && g.scopeId === '345678901234',
      ),
    ).toBe(true);
    // a bucket whose logging could not be read is "not assessed", not passed
    const notAssessed = listFindings(ws, {
      status: 'not_applicable',
      query: 'Not assessed',
      limit: 100,
      offset: 0,
    }).items;
    expect(notAssessed.some((f) => f.ruleId === 'aws.s3.access-logging')).toBe(true);
    ws.close();
  });

  it('stores every raw response as evidence whose SHA-256 matches its body, with the caller identity', async () => {
    const ws = demoWorkspace();
    const { runId } = await runDemo(ws);
    const rows = ws.db
      .prepare(
        `SELECT e.service, e.operation, e.region, e.caller_identity, e.body_sha256, b.encoding, b.data
           FROM evidence e JOIN evidence_blob b ON b.sha256 = e.body_sha256 WHERE e.run_id = ?`,
      )
      .all(runId) as {
      service: string;
      operation: string;
      caller_identity: string;
      body_sha256: string;
      encoding: string;
      data: Buffer;
    }[];
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      const body = r.encoding === 'gzip' ? gunzipSync(r.data) : r.data;
      expect(createHash('sha256').update(body).digest('hex')).toBe(r.body_sha256);
      expect(r.caller_identity).not.toBe('');
    }
    expect(rows.some((r) => r.operation === 'ListBuckets')).toBe(true);
    expect(rows.some((r) => r.encoding === 'gzip')).toBe(true);
    // a finding points at the evidence it was judged on
    const f = listFindings(ws, { status: 'fail', limit: 1, offset: 0 }).items[0]!;
    expect(f.evidenceIds.length).toBeGreaterThan(0);
    ws.close();
  });

  it('offline evaluate gives the same findings, and a second run diffs as unchanged', async () => {
    const ws = demoWorkspace();
    const first = await runDemo(ws);
    const before = failingKeys(ws, first.runId);
    const evaluated = reevaluate(ws);
    expect(evaluated.sourceRunId).toBe(first.runId);
    expect(failingKeys(ws, evaluated.runId)).toEqual(before);
    expect(evaluated.stats.newFailures).toBe(0);
    const second = await runDemo(ws);
    expect(failingKeys(ws, second.runId)).toEqual(before);
    expect(second.stats.newFailures).toBe(0);
    expect(second.stats.resolved).toBe(0);
    expect(verifyAuditLog(ws.db).ok).toBe(true);
    ws.close();
  });

  it('re-evaluating after an engagement change recomputes findings with no network', async () => {
    const ws = demoWorkspace();
    await runDemo(ws);
    const replicationFails = () =>
      listFindings(ws, { status: 'fail', query: 'replication', limit: 100, offset: 0 }).items.filter((f) =>
        f.ruleId.includes('replication'),
      ).length;
    const before = replicationFails();
    expect(before).toBeGreaterThan(0);
    // approving every region the replicas live in resolves the region findings
    ws.updateEngagement({
      approvedRegions: [
        ...DEMO_REGIONS,
        'eu-west-1',
        'ap-southeast-2',
        'centralus',
        'eastus2',
        'westus',
        'westcentralus',
        'northeurope',
        'westeurope',
        'southcentralus',
      ],
    });
    const r = reevaluate(ws);
    expect(replicationFails()).toBeLessThan(before);
    expect(r.stats.resolved).toBeGreaterThan(0);
    ws.close();
  });

  it('marks a fixed bucket resolved and a newly broken one new on the next run', async () => {
    const ws = demoWorkspace();
    const scenario = demoScenario();
    await runDemo(ws, scenario);
    const next = structuredClone(scenario);
    const prod = next.aws!.accounts[0]!;
    const unencrypted = prod.buckets.find((b) => b.name === 'nwv-prod-support-tickets')!;
    unencrypted.encryption = {
      algorithm: 'aws:kms',
      kmsKeyId: 'arn:aws:kms:us-east-1:210987654321:key/abc',
      bucketKeyEnabled: true,
    };
    const orders = prod.buckets.find((b) => b.name === 'nwv-prod-checkout-orders')!;
    orders.encryption = null;
    const second = await runDemo(ws, next);
    const enc = listFindings(ws, {
      runId: second.runId,
      query: 'aws.s3.default-encryption',
      limit: 100,
      offset: 0,
    }).items;
    expect(enc.find((f) => f.resourceName === 'nwv-prod-support-tickets')).toMatchObject({
      status: 'pass',
      change: 'resolved',
    });
    expect(enc.find((f) => f.resourceName === 'nwv-prod-checkout-orders')).toMatchObject({
      status: 'fail',
      change: 'new',
    });
    expect(second.stats.newFailures).toBe(1);
    ws.close();
  });

  it('a cancelled run keeps its evidence, stores no findings, and leaves the workspace usable', async () => {
    const ws = demoWorkspace();
    const scenario = structuredClone(demoScenario());
    scenario.faults = [...(scenario.faults ?? []), { provider: 'aws', kind: 'latency', ms: 200 }];
    const simulator = createSimulator(scenario);
    const controller = new AbortController();
    const result = await runAssessment(ws, {
      targets: simulator.targets(),
      simulator,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'collect' && p.evidence >= 5) controller.abort(new Error('cancelled by the user'));
      },
    });
    expect(result.status).toBe('cancelled');
    const run = listRuns(ws).find((r) => r.id === result.runId)!;
    expect(run.status).toBe('cancelled');
    const evidence = (
      ws.db.prepare('SELECT count(*) AS n FROM evidence WHERE run_id = ?').get(result.runId) as { n: number }
    ).n;
    expect(evidence).toBeGreaterThanOrEqual(5);
    expect(
      (ws.db.prepare('SELECT count(*) AS n FROM finding WHERE run_id = ?').get(result.runId) as { n: number })
        .n,
    ).toBe(0);
    const path = ws.path;
    ws.close();
    const reopened = Workspace.open(path);
    expect(verifyAuditLog(reopened.db).ok).toBe(true);
    reopened.close();
  });

  it('a target whose sign-in fails becomes a coverage gap, the rest is still assessed, and the run is partial', async () => {
    const ws = demoWorkspace();
    const scenario = structuredClone(demoScenario());
    scenario.faults = [
      ...(scenario.faults ?? []),
      { provider: 'aws', service: 'sts', account: '345678901234', kind: 'access_denied' },
    ];
    const result = await runDemo(ws, scenario);
    expect(result.status).toBe('partial');
    expect(result.error).toBe(
      'Assessment partial: 1 of 3 targets could not be signed in to (Northwind Vitals shared services (345678901234): access denied)',
    );
    expect(result.stats.unassessed?.targets.map((t) => t.scopeId)).toEqual(['345678901234']);
    expect(result.stats.connectedTargets).toBe(2);
    const gaps = listGaps(ws).items;
    expect(
      gaps.some(
        (g) => g.scopeId === '345678901234' && g.operation === 'sign-in' && g.reason === 'access_denied',
      ),
    ).toBe(true);
    expect(
      listFindings(ws, { status: 'fail', limit: 1000, offset: 0 }).items.some(
        (f) => f.scopeId === '210987654321',
      ),
    ).toBe(true);
    ws.close();
  });
});
