import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  actor: string;
  action: string;
  subject?: string;
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The hash covers the previous row's hash and every field of this row, in a fixed order. */
export function hashAuditRow(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([row.prev_hash, row.seq, row.at, row.actor, row.action, row.subject, row.details]))
    .digest('hex');
}

export function appendAudit(
  db: Database.Database,
  entry: AuditEntryInput,
  at = new Date().toISOString(),
): AuditEntry {
  // Continue from the recorded head when it is ahead of the last row: were the newest rows
  // deleted, chaining to the new last row would make the deletion undetectable from then on.
  const lastRow = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const head = db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").get() as
    { value: string } | undefined;
  const [headSeq, headHash] = head ? head.value.split(':') : [];
  const recorded =
    headHash && Number.isSafeInteger(Number(headSeq)) ? { seq: Number(headSeq), hash: headHash } : undefined;
  const last = recorded && (!lastRow || recorded.seq > lastRow.seq) ? recorded : lastRow;
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? '',
    details: JSON.stringify(entry.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditRow(row);
  db.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @subject, @details, @prev_hash, @hash)',
  ).run({ ...row, hash });
  // The head is kept beside the chain so that deleting the newest rows is detected too.
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(`${row.seq}:${hash}`);
  return toEntry({ ...row, hash });
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function listAudit(
  db: Database.Database,
  opts: { limit: number; offset: number },
): { total: number; entries: AuditEntry[] } {
  const total = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const rows = db
    .prepare(
      'SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?',
    )
    .all(opts.limit, opts.offset) as AuditRow[];
  return { total, entries: rows.map(toEntry) };
}

export type AuditVerification =
  | { ok: true; rows: number; headHash: string }
  | { ok: false; rows: number; brokenAt: number; reason: string };

/**
 * Walks the chain in seq order. An edited row fails its own hash; a deleted or reordered row
 * breaks the link (prev_hash / seq continuity) of the row after it. Reports the first broken row.
 */
export function verifyAuditLog(db: Database.Database): AuditVerification {
  const rows = db
    .prepare(
      'SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY seq ASC',
    )
    .iterate() as IterableIterator<AuditRow>;
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.seq !== expectedSeq) {
      return {
        ok: false,
        rows: count,
        brokenAt: row.seq,
        reason: `row ${row.seq} follows row ${expectedSeq - 1}: row ${expectedSeq} is missing or rows were renumbered`,
      };
    }
    if (row.prev_hash !== expectedPrev) {
      return {
        ok: false,
        rows: count,
        brokenAt: row.seq,
        reason: `row ${row.seq} does not link to the row before it (deleted, inserted or reordered rows)`,
      };
    }
    const { hash, ...rest } = row;
    if (hashAuditRow(rest) !== hash) {
      return {
        ok: false,
        rows: count,
        brokenAt: row.seq,
        reason: `row ${row.seq} was modified after it was written (its hash does not match its content)`,
      };
    }
    expectedPrev = hash;
    expectedSeq++;
  }
  const head = db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").get() as
    { value: string } | undefined;
  if (head) {
    const [seqText, headHash] = head.value.split(':');
    const headSeq = Number(seqText);
    if (headSeq !== count || headHash !== expectedPrev) {
      return {
        ok: false,
        rows: count,
        brokenAt: Math.min(headSeq, count + 1),
        reason:
          headSeq > count
            ? `the log ends at row ${count} but ${headSeq} rows were written: rows ${count + 1}–${headSeq} were deleted`
            : `the recorded head (row ${headSeq}) does not match the last row ${count}`,
      };
    }
  }
  return { ok: true, rows: count, headHash: expectedPrev };
}
