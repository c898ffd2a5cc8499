import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAssessment } from '../../src/assess/run-assessment';
import { createSimulator, generateScenario } from '../../src/cloud/sim';
import { registry } from '../../src/services';
import { Workspace } from '../../src/workspace/workspace';

export interface AssessBenchOptions {
  awsAccounts: number;
  regions: number;
  /** Resources of each regional AWS service per account and region (S3: buckets) */
  perRegion: number;
  azureSubscriptions: number;
  /** Resources of each Azure service per subscription (storage: accounts) */
  perSubscription: number;
  latencyMs: number;
  concurrency: number;
}

export const ASSESS_BENCH_DEFAULTS: AssessBenchOptions = {
  awsAccounts: 20,
  regions: 17,
  perRegion: 2,
  azureSubscriptions: 4,
  perSubscription: 25,
  latencyMs: 30,
  concurrency: 32,
};

/**
 * The assessment benchmark (issue 3 §8): a generated organisation through the real SDK clients and
 * the simulator with fixed latency per call. The floor is what the allowed concurrency permits:
 * calls × latency ÷ concurrency; wall ÷ floor shows how much the pipeline itself costs.
 */
export async function benchAssessment(
  options: Partial<AssessBenchOptions> = {},
): Promise<Record<string, number | string>> {
  const o = { ...ASSESS_BENCH_DEFAULTS, ...options };
  const dir = mkdtempSync(join(tmpdir(), 'phi-bench-assess-'));
  try {
    const scenario = generateScenario({
      awsAccounts: o.awsAccounts,
      regions: o.regions,
      perRegion: o.perRegion,
      azureSubscriptions: o.azureSubscriptions,
      perSubscription: o.perSubscription,
      latencyMs: o.latencyMs,
      seed: 42,
    });
    const simulator = createSimulator(scenario);
    const ws = Workspace.create(join(dir, 'bench.phiaudit'), {
      client: 'Benchmark Org',
      title: 'bench',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      approvedRegions: ['us-east-1', 'us-west-2', 'eastus', 'westus2'],
      phiTagKeys: ['phi', 'data-classification'],
      phiPathPatterns: [],
      phiUrlPaths: ['/account*', '/orders*', '/checkout*', '/api/*'],
      consultant: 'bench',
    });
    const started = performance.now();
    const result = await runAssessment(ws, {
      targets: simulator.targets(),
      simulator,
      scenarioName: scenario.name,
      limits: {
        total: o.concurrency,
        perTarget: o.concurrency,
        perRegion: o.concurrency,
        perService: o.concurrency,
      },
    });
    const wallMs = performance.now() - started;
    ws.close();
    const calls = simulator.calls.total();
    const floorMs = (calls * o.latencyMs) / o.concurrency;
    return {
      organisation: `${o.awsAccounts} AWS accounts × ${o.regions} regions × ${o.perRegion} per service, ${o.azureSubscriptions} Azure subscriptions × ${o.perSubscription} per service`,
      services: registry.services.map((service) => service.id).join(' '),
      calls_by_service: Object.entries(
        Object.entries(simulator.calls.snapshot()).reduce<Record<string, number>>((acc, [key, count]) => {
          const service = key.split(':').slice(0, 2).join(':');
          acc[service] = (acc[service] ?? 0) + count;
          return acc;
        }, {}),
      )
        .map(([service, count]) => `${service}=${count}`)
        .join(' '),
      latency_ms_per_call: o.latencyMs,
      allowed_concurrency: o.concurrency,
      status: result.status,
      api_calls: calls,
      evidence_items: result.stats.evidence,
      resources: result.stats.resources ?? 0,
      failing_findings: result.stats.findings?.fail ?? 0,
      coverage_gaps: result.stats.gaps,
      wall_s: round(wallMs / 1000),
      api_floor_s: round(floorMs / 1000),
      wall_over_floor: round(wallMs / floorMs),
      peak_concurrency: result.stats.peakConcurrency,
      resources_per_s: Math.round(((result.stats.resources ?? 0) * 1000) / wallMs),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
