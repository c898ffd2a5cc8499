/**
 * Reads each raw evidence body, decompressed, in batches (cancellation is checked between them)
 * and hands it to `write` as evidence/<id>-<service>-<operation>.json.
 * Each body is re-hashed on the way out; a body that no longer matches the SHA-256 recorded at
 * collection means the workspace was altered, and the export stops.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { DeskError } from '../errors';
import type { Workspace } from '../workspace/workspace';
import type { EvidenceInfo } from './data';
import type { ManifestFile } from './manifest';
import { EVIDENCE_INDEX_CSV } from './paths';

const BATCH = 500;

interface BodyRow {
  id: number;
  body_sha256: string;
  encoding: 'identity' | 'gzip';
  data: Buffer;
}

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DeskError('CANCELLED', 'The export was cancelled; no package was written.');
}

export async function writeEvidenceFiles(
  ws: Workspace,
  dir: string,
  evidence: Map<number, EvidenceInfo>,
  opts: {
    signal?: AbortSignal;
    onBatch?: (done: number, total: number) => void;
    write: (path: string, data: Buffer) => void;
    /** Resolves when the writer can take more (bounded memory however many bodies there are). */
    room: () => Promise<void>;
  },
): Promise<ManifestFile[]> {
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  const ids = [...evidence.keys()].sort((a, b) => a - b);
  const stmt = ws.db.prepare(
    `SELECT e.id, e.body_sha256, b.encoding, b.data FROM evidence e JOIN evidence_blob b ON b.sha256 = e.body_sha256
      WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id`,
  );
  const files: ManifestFile[] = [];
  const csv = ['id,provider_scope,service,operation,region,outcome,collected_at,sha256,size,path'];
  for (let i = 0; i < ids.length; i += BATCH) {
    throwIfCancelled(opts.signal);
    const rows = stmt.all(JSON.stringify(ids.slice(i, i + BATCH))) as BodyRow[];
    for (const row of rows) {
      const info = evidence.get(row.id)!;
      const body = row.encoding === 'gzip' ? gunzipSync(row.data) : row.data;
      const sha256 = createHash('sha256').update(body).digest('hex');
      if (sha256 !== row.body_sha256) {
        throw new DeskError(
          'WORKSPACE_REFUSED',
          `Evidence #${row.id} no longer matches the SHA-256 recorded when it was collected: the workspace was altered. No package was written.`,
        );
      }
      opts.write(info.path, body);
      files.push({ path: info.path, sha256, size: body.length });
      csv.push(
        [
          row.id,
          info.scopeId,
          info.service,
          info.operation,
          info.region,
          info.outcome,
          info.collectedAt,
          sha256,
          body.length,
          info.path,
        ]
          .map(csvField)
          .join(','),
      );
    }
    opts.onBatch?.(Math.min(i + BATCH, ids.length), ids.length);
    // Let progress events, cancellation and other API calls through between batches.
    await yieldToLoop();
    await opts.room();
  }
  const index = Buffer.from(`${csv.join('\n')}\n`, 'utf8');
  opts.write(EVIDENCE_INDEX_CSV, index);
  files.push({
    path: EVIDENCE_INDEX_CSV,
    sha256: createHash('sha256').update(index).digest('hex'),
    size: index.length,
  });
  return files;
}
