import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditRow, listAudit, verifyAuditLog } from '../../../src/workspace/audit-log';
import { Workspace } from '../../../src/workspace/workspace';
import { ACTOR, createWorkspace } from '../../support/engagement';
import { sqlite3, tamperAuditLog } from '../../support/sqlite3-cli';
import { useTempDir } from '../../support/temp';

const dir = useTempDir();
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

/** A closed workspace whose audit log has `rows` rows: workspace.created, then notes. */
function closedWorkspaceWithLog(rows = 6): string {
  const ws = createWorkspace(dir());
  for (let i = 2; i <= rows; i++) ws.audit({ action: 'note.added', subject: `note ${i}`, details: { i } });
  ws.close();
  return ws.path;
}

function reopen(path: string): Workspace {
  const ws = Workspace.open(path, ACTOR);
  open.push(ws);
  return ws;
}

describe('appendAudit', () => {
  it('chains every row to the one before it, from the genesis hash', () => {
    const ws = createWorkspace(dir());
    open.push(ws);
    ws.audit({ action: 'note.added', subject: 'first note', details: { text: 'hello' } });
    ws.audit({ action: 'note.added', subject: 'second note', actor: 'someone-else' });
    const { total, entries } = listAudit(ws.db, { limit: 10, offset: 0 });
    expect(total).toBe(3);
    const rows = [...entries].reverse();
    expect(rows.map((r) => [r.seq, r.action, r.actor])).toEqual([
      [1, 'workspace.created', ACTOR],
      [2, 'note.added', ACTOR],
      [3, 'note.added', 'someone-else'],
    ]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    for (const r of rows) {
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(
        hashAuditRow({
          seq: r.seq,
          at: r.at,
          actor: r.actor,
          action: r.action,
          subject: r.subject,
          details: JSON.stringify(r.details),
          prev_hash: r.prevHash,
        }),
      ).toBe(r.hash);
    }
    expect(verifyAuditLog(ws.db)).toEqual({ ok: true, rows: 3, headHash: rows[2]!.hash });
  });

  it('lists newest first, a page at a time', () => {
    const ws = createWorkspace(dir());
    open.push(ws);
    for (let i = 2; i <= 5; i++) ws.audit({ action: 'note.added', subject: `note ${i}` });
    const page = listAudit(ws.db, { limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(page.entries.map((e) => e.seq)).toEqual([4, 3]);
  });

  it('an untouched log still verifies after closing and reopening', () => {
    const path = closedWorkspaceWithLog(6);
    expect(verifyAuditLog(reopen(path).db)).toMatchObject({ ok: true, rows: 6 });
  });
});

describe('verifyAuditLog names the first broken row after tampering with the sqlite3 client', () => {
  it('a row was edited', () => {
    const path = closedWorkspaceWithLog(6);
    tamperAuditLog(path, `UPDATE audit_log SET details = '{"i":99}' WHERE seq = 3;`);
    expect(verifyAuditLog(reopen(path).db)).toEqual({
      ok: false,
      rows: 3,
      brokenAt: 3,
      reason: 'row 3 was modified after it was written (its hash does not match its content)',
    });
  });

  it('the first row was edited', () => {
    const path = closedWorkspaceWithLog(3);
    tamperAuditLog(path, `UPDATE audit_log SET actor = 'mallory' WHERE seq = 1;`);
    expect(verifyAuditLog(reopen(path).db)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('a row was deleted', () => {
    const path = closedWorkspaceWithLog(6);
    tamperAuditLog(path, 'DELETE FROM audit_log WHERE seq = 3;');
    const result = verifyAuditLog(reopen(path).db);
    expect(result).toMatchObject({ ok: false, brokenAt: 4 });
    expect(result.ok === false && result.reason).toBe(
      'row 4 follows row 2: row 3 is missing or rows were renumbered',
    );
  });

  it('a row was deleted and the rows after it renumbered', () => {
    const path = closedWorkspaceWithLog(6);
    tamperAuditLog(
      path,
      'DELETE FROM audit_log WHERE seq = 3; UPDATE audit_log SET seq = seq - 1 WHERE seq > 3;',
    );
    const result = verifyAuditLog(reopen(path).db);
    expect(result).toMatchObject({ ok: false, brokenAt: 3 });
    expect(result.ok === false && result.reason).toMatch(/row 3 does not link to the row before it/);
  });

  it('two rows were reordered (their contents swapped)', () => {
    const path = closedWorkspaceWithLog(6);
    const cols = 'at, actor, action, subject, details, prev_hash, hash';
    tamperAuditLog(
      path,
      `CREATE TEMP TABLE r AS SELECT seq, ${cols} FROM audit_log WHERE seq IN (3, 4);
       UPDATE audit_log SET (${cols}) = (SELECT ${cols} FROM r WHERE r.seq = 7 - audit_log.seq) WHERE seq IN (3, 4);`,
    );
    expect(sqlite3(path, 'SELECT subject FROM audit_log WHERE seq IN (3, 4) ORDER BY seq;')).toBe(
      'note 4\nnote 3',
    );
    const result = verifyAuditLog(reopen(path).db);
    expect(result).toMatchObject({ ok: false, brokenAt: 3 });
    expect(result.ok === false && result.reason).toMatch(
      /row 3 does not link to the row before it \(deleted, inserted or reordered rows\)/,
    );
  });

  it('the newest rows were deleted', () => {
    const path = closedWorkspaceWithLog(6);
    tamperAuditLog(path, 'DELETE FROM audit_log WHERE seq >= 5;');
    expect(verifyAuditLog(reopen(path).db)).toEqual({
      ok: false,
      rows: 4,
      brokenAt: 5,
      reason: 'the log ends at row 4 but 6 rows were written: rows 5–6 were deleted',
    });
  });

  it('the newest rows were deleted, and the workspace was used again afterwards', () => {
    const path = closedWorkspaceWithLog(6);
    tamperAuditLog(path, 'DELETE FROM audit_log WHERE seq >= 5;');
    const ws = reopen(path);
    ws.audit({ action: 'note.added', subject: 'written after the tampering' });
    const result = verifyAuditLog(ws.db);
    expect(result).toMatchObject({ ok: false, brokenAt: 7 });
    expect(result.ok === false && result.reason).toBe(
      'row 7 follows row 4: row 5 is missing or rows were renumbered',
    );
  });

  it('a recorded head moved back does not stop the workspace from logging', () => {
    const path = closedWorkspaceWithLog(6);
    sqlite3(
      path,
      "UPDATE meta SET value = (SELECT seq || ':' || hash FROM audit_log WHERE seq = 2) WHERE key = 'audit_head';",
    );
    const ws = reopen(path);
    expect(verifyAuditLog(ws.db)).toMatchObject({
      ok: false,
      reason: 'the recorded head (row 2) does not match the last row 6',
    });
    ws.audit({ action: 'note.added', subject: 'still works' });
    // No row was lost or changed, so the chain (now row 7 after row 6) is whole again.
    expect(verifyAuditLog(ws.db)).toMatchObject({ ok: true, rows: 7 });
  });

  it('the tamperer put the append-only triggers back', () => {
    const path = closedWorkspaceWithLog(3);
    tamperAuditLog(path, 'DELETE FROM audit_log WHERE seq = 3;');
    expect(
      sqlite3(path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log';"),
    ).toBe('2');
    expect(() => sqlite3(path, 'DELETE FROM audit_log;')).toThrow(/append-only/);
  });
});
