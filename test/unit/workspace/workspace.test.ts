import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../src/errors';
import { verifyAuditLog } from '../../../src/workspace/audit-log';
import { APPLICATION_ID } from '../../../src/workspace/header';
import { LATEST_SCHEMA_VERSION } from '../../../src/workspace/migrations';
import { Workspace, type EngagementSettings } from '../../../src/workspace/workspace';
import { ACTOR, createWorkspace, SETTINGS } from '../../support/engagement';
import { companions, sha256File } from '../../support/files';
import { useTempDir } from '../../support/temp';

const dir = useTempDir();
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});
function track(ws: Workspace): Workspace {
  open.push(ws);
  return ws;
}

function auditActions(ws: Workspace): string[] {
  return (ws.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map(
    (r) => r.action,
  );
}

function lastAudit(ws: Workspace): {
  action: string;
  actor: string;
  subject: string;
  details: Record<string, unknown>;
} {
  const row = ws.db
    .prepare('SELECT action, actor, subject, details FROM audit_log ORDER BY seq DESC LIMIT 1')
    .get() as {
    action: string;
    actor: string;
    subject: string;
    details: string;
  };
  return { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
}

function count(ws: Workspace, table: string): number {
  return (ws.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function errorOf(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DeskError);
    return err as DeskError;
  }
  throw new Error('expected a DeskError');
}

describe('Workspace.create and reopen', () => {
  it('keeps every engagement setting across close and reopen', () => {
    const created = createWorkspace(dir());
    const first = created.engagement;
    created.close();

    const ws = track(Workspace.open(created.path, ACTOR));
    expect(ws.engagement).toEqual(first);
    expect(ws.engagement).toMatchObject(SETTINGS);
    expect(ws.engagement.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(ws.fileName).toBe('engagement.phiaudit');
  });

  it('records the creation as the first audit row, by the actor, with the settings', () => {
    const ws = track(createWorkspace(dir()));
    expect(auditActions(ws)).toEqual(['workspace.created']);
    expect(lastAudit(ws)).toMatchObject({
      action: 'workspace.created',
      actor: ACTOR,
      subject: SETTINGS.client,
      details: SETTINGS,
    });
  });

  it('writes a workspace SQLite recognises: application id, WAL, foreign keys on', () => {
    const ws = track(createWorkspace(dir()));
    expect(ws.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    ws.close();
    const reopened = track(Workspace.open(ws.path, ACTOR));
    expect(reopened.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('leaves only the workspace file behind when closed', () => {
    const ws = createWorkspace(dir());
    ws.close();
    expect(companions(ws.path)).toEqual([]);
    expect(ws.isOpen).toBe(false);
    ws.close(); // closing twice is harmless
  });

  it('refuses to create over an existing workspace and leaves it untouched', () => {
    const existing = createWorkspace(dir());
    existing.close();
    const hash = sha256File(existing.path);
    const err = errorOf(() =>
      Workspace.create(existing.path, { ...SETTINGS, client: 'Someone Else' }, ACTOR),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/already exists/);
    expect(sha256File(existing.path)).toBe(hash);
    expect(companions(existing.path)).toEqual([]);
    expect(track(Workspace.open(existing.path, ACTOR)).engagement.client).toBe(SETTINGS.client);
  });

  it('refuses to create over any other existing file and leaves it untouched', () => {
    const path = join(dir(), 'notes.phiaudit');
    writeFileSync(path, 'my notes');
    const hash = sha256File(path);
    expect(errorOf(() => Workspace.create(path, SETTINGS, ACTOR)).code).toBe('CONFLICT');
    expect(sha256File(path)).toBe(hash);
  });

  it('refuses a folder that does not exist, with a clear message', () => {
    const path = join(dir(), 'no-such-folder', 'w.phiaudit');
    const err = errorOf(() => Workspace.create(path, SETTINGS, ACTOR));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain(`Cannot create ${path}`);
  });

  it('leaves no half-made file behind when creation fails', () => {
    const path = join(dir(), 'w.phiaudit');
    const broken = { ...SETTINGS, client: null } as unknown as EngagementSettings;
    expect(() => Workspace.create(path, broken, ACTOR)).toThrow();
    expect(readdirSync(dir())).toEqual([]);
    // ...so the user can simply try again with the same name.
    track(Workspace.create(path, SETTINGS, ACTOR));
  });
});

describe('Workspace.updateEngagement', () => {
  it('appends one audit row naming only the fields that changed', () => {
    const ws = track(createWorkspace(dir()));
    const before = ws.engagement;
    const after = ws.updateEngagement({
      client: SETTINGS.client, // unchanged: not listed
      approvedRegions: ['us-east-1', 'us-west-2'],
      consultant: 'Sam Okafor',
      phiTagKeys: [...SETTINGS.phiTagKeys], // same values: not listed
    });
    expect(after).toMatchObject({
      approvedRegions: ['us-east-1', 'us-west-2'],
      consultant: 'Sam Okafor',
      client: SETTINGS.client,
    });
    expect(after.updatedAt >= before.updatedAt).toBe(true);
    expect(auditActions(ws)).toEqual(['workspace.created', 'engagement.updated']);
    expect(lastAudit(ws)).toEqual({
      action: 'engagement.updated',
      actor: ACTOR,
      subject: SETTINGS.client,
      details: {
        approvedRegions: { from: SETTINGS.approvedRegions, to: ['us-east-1', 'us-west-2'] },
        consultant: { from: SETTINGS.consultant, to: 'Sam Okafor' },
      },
    });
    expect(verifyAuditLog(ws.db)).toMatchObject({ ok: true, rows: 2 });

    ws.close();
    expect(track(Workspace.open(ws.path, ACTOR)).engagement).toEqual(after);
  });

  it('treats a setting sent as undefined as unchanged', () => {
    const ws = track(createWorkspace(dir()));
    const after = ws.updateEngagement({
      client: undefined,
      title: 'Renewal',
      periodEnd: undefined,
    } as Partial<EngagementSettings>);
    expect(after).toMatchObject({ client: SETTINGS.client, title: 'Renewal', periodEnd: SETTINGS.periodEnd });
    expect(Object.keys(lastAudit(ws).details)).toEqual(['title']);
  });

  it('writes nothing when nothing changes', () => {
    const ws = track(createWorkspace(dir()));
    const before = ws.engagement;
    expect(ws.updateEngagement({ client: SETTINGS.client, periodEnd: SETTINGS.periodEnd })).toEqual(before);
    expect(ws.updateEngagement({})).toEqual(before);
    expect(auditActions(ws)).toEqual(['workspace.created']);
  });
});

describe('Workspace.transaction', () => {
  it('rolls back everything, audit row included, when the work throws', () => {
    const ws = track(createWorkspace(dir()));
    expect(() =>
      ws.transaction(() => {
        ws.db
          .prepare(
            "INSERT INTO target (provider, label, cloud, scope_id, created_at) VALUES ('aws', 'prod', 'aws', '111122223333', 'now')",
          )
          .run();
        ws.audit({ action: 'target.added', subject: 'prod' });
        throw new Error('the collector failed');
      }),
    ).toThrow('the collector failed');
    expect(count(ws, 'target')).toBe(0);
    expect(auditActions(ws)).toEqual(['workspace.created']);
    expect(verifyAuditLog(ws.db)).toMatchObject({ ok: true, rows: 1 });

    // ...and nothing of it reaches the file.
    ws.close();
    const reopened = track(Workspace.open(ws.path, ACTOR));
    expect(count(reopened, 'target')).toBe(0);
    expect(auditActions(reopened)).toEqual(['workspace.created']);
  });

  it('commits when the work returns', () => {
    const ws = track(createWorkspace(dir()));
    const label = ws.transaction(() => {
      ws.db
        .prepare(
          "INSERT INTO target (provider, label, cloud, scope_id, created_at) VALUES ('azure', 'sub', 'AzureCloud', 's-1', 'now')",
        )
        .run();
      ws.audit({ action: 'target.added', subject: 'sub' });
      return 'sub';
    });
    expect(label).toBe('sub');
    expect(count(ws, 'target')).toBe(1);
    expect(auditActions(ws)).toEqual(['workspace.created', 'target.added']);
  });
});

describe('a run left running by a process that died', () => {
  it('is marked interrupted on reopen, with an audit row, and its evidence is kept', () => {
    const ws = createWorkspace(dir());
    ws.transaction(() => {
      ws.db
        .prepare(
          "INSERT INTO run (id, kind, status, started_at, tool_version, ruleset_version) VALUES (1, 'live', 'completed', '2025-03-01T09:00:00Z', '0.1.0', '1'), (2, 'live', 'running', '2025-03-01T10:00:00Z', '0.1.0', '1')",
        )
        .run();
      ws.db
        .prepare(
          "INSERT INTO evidence_blob (sha256, encoding, size, data) VALUES ('ab', 'identity', 2, x'7b7d')",
        )
        .run();
      const insertEvidence = ws.db.prepare(
        `INSERT INTO evidence (run_id, provider, scope_id, service, operation, region, outcome, body_sha256, collected_at)
         VALUES (2, 'aws', '111122223333', 's3', ?, 'us-east-1', 'ok', 'ab', '2025-03-01T10:00:01Z')`,
      );
      insertEvidence.run('ListBuckets');
      insertEvidence.run('GetBucketEncryption');
    });
    ws.close(); // as if the process died here

    const reopened = track(Workspace.open(ws.path, ACTOR));
    const runs = reopened.db.prepare('SELECT id, status, finished_at, error FROM run ORDER BY id').all() as {
      id: number;
      status: string;
      finished_at: string | null;
      error: string | null;
    }[];
    expect(runs[0]).toMatchObject({ id: 1, status: 'completed', finished_at: null });
    expect(runs[1]).toMatchObject({
      id: 2,
      status: 'interrupted',
      error: 'the process ended before the run finished',
    });
    expect(runs[1]!.finished_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(lastAudit(reopened)).toEqual({
      action: 'run.interrupted',
      actor: ACTOR,
      subject: 'run 2',
      details: { runId: 2 },
    });
    expect(reopened.db.prepare('SELECT operation FROM evidence WHERE run_id = 2 ORDER BY id').all()).toEqual([
      { operation: 'ListBuckets' },
      { operation: 'GetBucketEncryption' },
    ]);
    expect(verifyAuditLog(reopened.db)).toMatchObject({ ok: true, rows: 2 });

    // Only once: a second reopen finds nothing left running.
    reopened.close();
    expect(auditActions(track(Workspace.open(ws.path, ACTOR)))).toEqual([
      'workspace.created',
      'run.interrupted',
    ]);
  });
});
