/**
 * Audit-package benchmark (issue 4): a workspace with 10k findings and 50k evidence items is
 * exported as a self-signed package (folder + zip). Target: ≤ 15 s wall time, peak RSS ≤ 1 GB.
 * Wired into `npm run bench` by test/bench/main.ts.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { exportPackage } from '../../src/report/package';
import { rules } from '../../src/rules/registry';
import { Workspace } from '../../src/workspace/workspace';
import { insertRun, insertTarget, REPORT_SETTINGS } from '../fixtures/report-workspace';

const FINDINGS = 10_000;
const EVIDENCE = 50_000;
const OPS = [
  'GetBucketEncryption',
  'GetPublicAccessBlock',
  'GetBucketPolicy',
  'GetBucketLogging',
  'GetBucketReplication',
];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'us-east-2'];

/** Builds the large workspace with SQL, as a big collection run would leave it. */
export function seedBenchWorkspace(dir: string): string {
  const ws = Workspace.create(join(dir, 'bench.phiaudit'), REPORT_SETTINGS, 'bench');
  const db = ws.db;
  const awsRules = rules.filter((r) => r.resourceType === 'aws.s3.bucket');
  ws.transaction(() => {
    const target = insertTarget(db, {
      provider: 'aws',
      label: 'Large organisation',
      cloud: 'aws',
      scopeId: '210987654321',
      regions: REGIONS,
      auth: { profile: 'audit' },
    });
    const runId = insertRun(db, ['arn:aws:sts::210987654321:assumed-role/Audit/bench']);
    const blob = db.prepare('INSERT INTO evidence_blob (sha256, encoding, size, data) VALUES (?, ?, ?, ?)');
    const ev = db.prepare(
      `INSERT INTO evidence (run_id, target_id, provider, scope_id, service, operation, region, request, outcome, body_sha256, collected_at, caller_identity)
       VALUES (?, ?, 'aws', '210987654321', 's3', ?, ?, ?, 'ok', ?, '2025-11-20T14:03:00.000Z', 'arn:aws:sts::210987654321:assumed-role/Audit/bench')`,
    );
    const res = db.prepare(
      `INSERT INTO resource (run_id, target_id, provider, type, native_id, name, scope_id, region, tags, phi, evidence_ids) VALUES (?, ?, 'aws', 'aws.s3.bucket', ?, ?, '210987654321', ?, ?, ?, ?)`,
    );
    const fin = db.prepare(
      `INSERT INTO finding (run_id, key, rule_id, resource_id, native_id, status, severity, detail, citations, evidence_ids, change) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new')`,
    );
    const buckets = EVIDENCE / OPS.length;
    const findingsPerBucket = FINDINGS / buckets;
    for (let b = 0; b < buckets; b++) {
      const name = `org-bucket-${String(b).padStart(5, '0')}`;
      const region = REGIONS[b % REGIONS.length]!;
      const phi = b % 3 === 0;
      const ids: number[] = [];
      for (const op of OPS) {
        const body = JSON.stringify({
          Bucket: name,
          Operation: op,
          Region: region,
          ResponseMetadata: {
            RequestId: createHash('md5').update(`${name}${op}`).digest('hex'),
            HTTPStatusCode: 200,
          },
          Configuration: {
            Rules: Array.from({ length: 6 }, (_, i) => ({
              ID: `rule-${i}`,
              Status: i % 2 ? 'Enabled' : 'Disabled',
              Prefix: `${name}/p${i}/`,
            })),
          },
        });
        const raw = Buffer.from(body);
        const sha = createHash('sha256').update(raw).digest('hex');
        const gz = raw.length > 1024;
        blob.run(sha, gz ? 'gzip' : 'identity', raw.length, gz ? gzipSync(raw) : raw);
        ids.push(
          Number(ev.run(runId, target, op, region, JSON.stringify({ Bucket: name }), sha).lastInsertRowid),
        );
      }
      const native = `arn:aws:s3:::${name}`;
      const resourceId = Number(
        res.run(
          runId,
          target,
          native,
          name,
          region,
          JSON.stringify(phi ? { phi: 'true' } : {}),
          phi ? 1 : 0,
          JSON.stringify(ids),
        ).lastInsertRowid,
      );
      for (let k = 0; k < findingsPerBucket; k++) {
        const rule = awsRules[(b + k) % awsRules.length]!;
        const fail = (b + k) % 5 < 3;
        const severity = fail && phi ? (rule.severityWhenPhi ?? rule.severity) : rule.severity;
        fin.run(
          runId,
          `${rule.id}|${native}`,
          rule.id,
          resourceId,
          native,
          fail ? 'fail' : 'pass',
          severity,
          `Bucket ${name} ${fail ? 'fails' : 'meets'} "${rule.title}".`,
          JSON.stringify(rule.citations),
          JSON.stringify([ids[k % ids.length]]),
        );
      }
    }
  });
  ws.close();
  return ws.path;
}

export async function benchReport(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'phi-bench-report-'));
  try {
    const seedStart = performance.now();
    const path = seedBenchWorkspace(dir);
    const seedMs = performance.now() - seedStart;
    const seedPeakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    const ws = Workspace.open(path);
    const phases: Record<string, number> = {};
    let last = performance.now();
    let lastPhase = 'prepare';
    const start = performance.now();
    try {
      const result = await exportPackage(ws, {
        outDir: join(dir, 'out'),
        signer: { selfSigned: true },
        onProgress: (p) => {
          if (p.phase !== lastPhase) {
            const now = performance.now();
            phases[`${lastPhase}Ms`] = Math.round(now - last);
            last = now;
            lastPhase = p.phase;
          }
        },
      });
      const wallMs = Math.round(performance.now() - start);
      return {
        findings: FINDINGS,
        evidence: EVIDENCE,
        seedMs: Math.round(seedMs),
        seedPeakRssMiB,
        exportWallMs: wallMs,
        ...phases,
        files: result.files,
        packageMiB: Math.round((result.bytes / 1024 / 1024) * 10) / 10,
        // maxRSS is in KiB
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        targetWallMs: 15_000,
        targetPeakRssMiB: 1024,
      };
    } finally {
      ws.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
