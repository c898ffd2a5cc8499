import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFindings } from '../../src/assess/queries';
import { RunStore } from '../../src/assess/store';
import { Workspace } from '../../src/workspace/workspace';
import { summarizeWorkspace } from '../../src/workspace/summary';

const SETTINGS = {
  client: 'Benchmark Org',
  title: 'bench',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  approvedRegions: ['us-east-1'],
  phiTagKeys: ['phi'],
  phiPathPatterns: [],
  phiUrlPaths: ['/account*', '/orders*', '/checkout*', '/api/*'],
  consultant: 'bench',
};

/**
 * The workspace itself: evidence write throughput through the same RunStore the collectors use,
 * then what a user waits for when opening a large engagement (integrity check + lock), its
 * summary, and the first page of findings.
 */
export async function benchWorkspace(
  evidenceItems = 100_000,
  findings = 10_000,
): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'phi-bench-ws-'));
  try {
    const path = join(dir, 'bench.phiaudit');
    const ws = Workspace.create(path, SETTINGS);
    const store = RunStore.begin(ws, { kind: 'simulated', toolVersion: 'bench', rulesetVersion: 'bench' });
    const target = {
      id: store.upsertTarget({
        provider: 'aws',
        label: 'a',
        cloud: 'aws',
        scopeId: '123456789012',
        regions: [],
        auth: {},
      }),
      provider: 'aws' as const,
      scopeId: '123456789012',
      identity: 'arn:aws:sts::123456789012:assumed-role/r/s',
    };
    let t = performance.now();
    // One transaction per 1,000 items, as a busy collection commits: crash-safe and fast.
    for (let i = 0; i < evidenceItems; i += 1000) {
      ws.transaction(() => {
        for (let j = i; j < Math.min(i + 1000, evidenceItems); j++) {
          store.recordEvidence(target, {
            service: 's3',
            operation: 'GetBucketEncryption',
            region: 'us-east-1',
            request: { Bucket: `bucket-${j}` },
            outcome: 'ok',
            response: {
              ServerSideEncryptionConfiguration: {
                Rules: [
                  {
                    ApplyServerSideEncryptionByDefault: {
                      SSEAlgorithm: 'aws:kms',
                      KMSMasterKeyID: `key-${j % 50}`,
                    },
                  },
                ],
              },
              Bucket: `bucket-${j}`,
            },
          });
        }
      });
    }
    const evidenceMs = performance.now() - t;
    store.saveFindings(
      Array.from({ length: findings }, (_, i) => ({
        key: `rule-${i % 9}|arn:aws:s3:::bucket-${i}`,
        ruleId: `rule-${i % 9}`,
        nativeId: `arn:aws:s3:::bucket-${i}`,
        status: i % 3 === 0 ? ('fail' as const) : ('pass' as const),
        severity: (['critical', 'high', 'medium', 'low', 'info'] as const)[i % 5]!,
        detail: `Bucket bucket-${i} detail`,
        citations: ['164.312(a)(2)(iv)'],
        evidenceIds: [i + 1],
        resourceRowId: null,
        change: 'new' as const,
      })),
    );
    store.finish('completed', {}, []);
    ws.close();
    const sizeMb = statSync(path).size / 1024 / 1024;

    t = performance.now();
    const reopened = Workspace.open(path);
    const openMs = performance.now() - t;
    t = performance.now();
    summarizeWorkspace(reopened);
    const summaryMs = performance.now() - t;
    t = performance.now();
    const page = listFindings(reopened, { status: 'fail', limit: 100, offset: 0 });
    const findingsPageMs = performance.now() - t;
    reopened.close();
    return {
      evidence_items: evidenceItems,
      evidence_insert_ms: Math.round(evidenceMs),
      evidence_per_s: Math.round((evidenceItems * 1000) / evidenceMs),
      findings,
      workspace_mb: Math.round(sizeMb * 10) / 10,
      open_ms: Math.round(openMs),
      summary_ms: Math.round(summaryMs),
      findings_page_ms: Math.round(findingsPageMs),
      failing_total: page.total,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
