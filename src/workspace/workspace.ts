import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { DeskError, messageOf } from '../errors';
import { TOOL_VERSION } from '../version';
import { appendAudit, type AuditEntryInput } from './audit-log';
import { APPLICATION_ID, assertWorkspaceHeader, readSqliteHeader, type SqliteHeader } from './header';
import { latestVersion, migrate, migrations } from './migrations';
import type { Migration } from './migrations/types';

export const WORKSPACE_EXTENSION = '.phiaudit';

/** An ExternalId AWS accepts (2–1224 of [\w+=,.@:/-]): a prefix that says whose it is, and 128 random bits. */
export function newAwsExternalId(): string {
  return `phi-audit-desk-${randomUUID()}`;
}

export interface EngagementSettings {
  client: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  approvedRegions: string[];
  phiTagKeys: string[];
  phiPathPatterns: string[];
  /** URL path patterns that serve PHI, matched against CDN cache behaviours and routes */
  phiUrlPaths: string[];
  consultant: string;
}

export interface Engagement extends EngagementSettings {
  createdAt: string;
  updatedAt: string;
}

/** Tags that mark a resource as holding PHI unless the engagement says otherwise. */
export const DEFAULT_PHI_TAG_KEYS = ['phi', 'data-classification', 'hipaa'];

interface EngagementRow {
  client: string;
  title: string;
  period_start: string;
  period_end: string;
  approved_regions: string;
  phi_tag_keys: string;
  phi_path_patterns: string;
  phi_url_paths: string;
  consultant: string;
  created_at: string;
  updated_at: string;
}

export function currentActor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

function sqliteCode(err: unknown): string {
  return (err as { code?: string }).code ?? '';
}

/**
 * One engagement's SQLite file. Opened in EXCLUSIVE locking mode and holding the write lock for
 * as long as it is open: one writer, and a second process (another window, a CLI run) is refused
 * with a clear message instead of interleaving writes into the evidence.
 */
export class Workspace {
  readonly db: Database.Database;
  readonly path: string;
  readonly actor: string;
  private closed = false;

  private constructor(db: Database.Database, path: string, actor: string) {
    this.db = db;
    this.path = path;
    this.actor = actor;
  }

  static create(path: string, settings: EngagementSettings, actor = currentActor()): Workspace {
    if (existsSync(path)) {
      throw new DeskError(
        'CONFLICT',
        `${path} already exists. Choose another file name; an existing file is never overwritten.`,
      );
    }
    let db: Database.Database;
    try {
      db = new Database(path);
    } catch (err) {
      throw new DeskError('BAD_INPUT', `Cannot create ${path}: ${messageOf(err)}`);
    }
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('foreign_keys = ON');
      // Identity and schema go straight into the main file (rollback journal) before WAL is on,
      // so the header that open() checks without SQLite is right even if the app dies next.
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db);
      db.pragma('journal_mode = WAL');
      // WAL + NORMAL: a crash of the app loses nothing committed; only power loss may drop the last commits.
      db.pragma('synchronous = NORMAL');
      const ws = new Workspace(db, path, actor);
      const now = new Date().toISOString();
      ws.transaction(() => {
        db.prepare(`INSERT INTO meta (key, value) VALUES ('created_by', ?), ('created_at', ?)`).run(
          `PHI Audit Desk ${TOOL_VERSION}`,
          now,
        );
        db.prepare(
          `INSERT INTO engagement (id, client, title, period_start, period_end, approved_regions, phi_tag_keys, phi_path_patterns, phi_url_paths, consultant, created_at, updated_at)
           VALUES (1, @client, @title, @periodStart, @periodEnd, @approvedRegions, @phiTagKeys, @phiPathPatterns, @phiUrlPaths, @consultant, @now, @now)`,
        ).run({
          ...settings,
          approvedRegions: JSON.stringify(settings.approvedRegions),
          phiTagKeys: JSON.stringify(settings.phiTagKeys),
          phiPathPatterns: JSON.stringify(settings.phiPathPatterns),
          phiUrlPaths: JSON.stringify(settings.phiUrlPaths),
          now,
        });
        ws.audit({ action: 'workspace.created', subject: settings.client, details: { ...settings } });
      });
      return ws;
    } catch (err) {
      db.close();
      // The file is ours (it did not exist above): a half-made workspace must not stay behind,
      // where it would block a retry under the same name and open as a workspace without engagement.
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
      throw err;
    }
  }

  /**
   * Opens an existing workspace. Refuses (and leaves the file byte-identical) a missing path, a
   * directory, a non-SQLite or foreign SQLite file, a newer format, a truncated or corrupt file,
   * and a file another process holds open. `migrationList` is for tests of the upgrade path.
   */
  static open(
    path: string,
    actor = currentActor(),
    migrationList: readonly Migration[] = migrations,
  ): Workspace {
    const latest = latestVersion(migrationList);
    const header = readSqliteHeader(path);
    assertWorkspaceHeader(path, header, latest);
    preflightLeftoverWal(path, header, latest);

    let db: Database.Database;
    try {
      db = new Database(path, { fileMustExist: true });
    } catch (err) {
      throw new DeskError('WORKSPACE_REFUSED', `Cannot open ${path}: ${messageOf(err)}`);
    }
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('busy_timeout = 1500');
      let check: string;
      try {
        check = db.pragma('quick_check(1)', { simple: true }) as string;
      } catch (err) {
        throw refusalFor(path, err);
      }
      if (check !== 'ok') {
        throw new DeskError(
          'WORKSPACE_REFUSED',
          `${path} is corrupt (SQLite integrity check: ${check}). Restore it from the original copy; the file was left untouched.`,
        );
      }
      try {
        // Take and keep the write lock now: it is what keeps a second process out.
        db.prepare('BEGIN IMMEDIATE').run();
        db.prepare('COMMIT').run();
      } catch (err) {
        throw refusalFor(path, err);
      }
      db.pragma('foreign_keys = ON');
      // The header read above comes from the main file; the WAL may hold newer pages. Check again.
      const appId = db.pragma('application_id', { simple: true }) as number;
      const version = db.pragma('user_version', { simple: true }) as number;
      assertWorkspaceHeader(path, { ...header, applicationId: appId, userVersion: version }, latest);
      if (version < latest) {
        // Keep the file as it was before any upgrade: the workspace is evidence.
        db.pragma('wal_checkpoint(TRUNCATE)');
        const backup = `${path}.v${version}.bak`;
        if (!existsSync(backup)) copyFileSync(path, backup);
        migrate(db, latest, migrationList);
        db.pragma('wal_checkpoint(TRUNCATE)');
      }
      db.pragma('journal_mode = WAL');
      // WAL + NORMAL: a crash of the app loses nothing committed; only power loss may drop the last commits.
      db.pragma('synchronous = NORMAL');
      const ws = new Workspace(db, path, actor);
      ws.markInterruptedRuns();
      return ws;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** Runs left 'running' by a process that died are marked interrupted; their evidence stays. */
  private markInterruptedRuns(): void {
    const running = this.db.prepare("SELECT id FROM run WHERE status = 'running'").all() as { id: number }[];
    if (running.length === 0) return;
    this.transaction(() => {
      const now = new Date().toISOString();
      for (const { id } of running) {
        this.db
          .prepare(
            "UPDATE run SET status = 'interrupted', finished_at = ?, error = 'the process ended before the run finished' WHERE id = ?",
          )
          .run(now, id);
        this.audit({ action: 'run.interrupted', subject: `run ${id}`, details: { runId: id } });
      }
    });
  }

  /** An explicit transaction: commits when fn returns, rolls back if it throws. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  audit(entry: Omit<AuditEntryInput, 'actor'> & { actor?: string }): void {
    appendAudit(this.db, { actor: entry.actor ?? this.actor, ...entry });
  }

  get engagement(): Engagement {
    const row = this.db
      .prepare(
        'SELECT client, title, period_start, period_end, approved_regions, phi_tag_keys, phi_path_patterns, phi_url_paths, consultant, created_at, updated_at FROM engagement WHERE id = 1',
      )
      .get() as EngagementRow | undefined;
    if (!row) throw new DeskError('WORKSPACE_REFUSED', `${this.path} has no engagement record.`);
    return {
      client: row.client,
      title: row.title,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      approvedRegions: JSON.parse(row.approved_regions) as string[],
      phiTagKeys: JSON.parse(row.phi_tag_keys) as string[],
      phiPathPatterns: JSON.parse(row.phi_path_patterns) as string[],
      phiUrlPaths: JSON.parse(row.phi_url_paths) as string[],
      consultant: row.consultant,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /**
   * The engagement's AWS ExternalId: the value the access kit's cross-account role demands
   * (sts:ExternalId, against the confused-deputy problem) and that assume-role targets send. AWS
   * treats it as an identifier, not a secret, so it is kept in the workspace; null until the access
   * kit first asks for it.
   */
  get awsExternalId(): string | null {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'aws_external_id'").get() as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  /** The engagement's ExternalId, made on first use (and recorded in the audit log). */
  ensureAwsExternalId(): string {
    const existing = this.awsExternalId;
    if (existing) return existing;
    const externalId = newAwsExternalId();
    this.transaction(() => {
      this.db.prepare("INSERT INTO meta (key, value) VALUES ('aws_external_id', ?)").run(externalId);
      this.audit({ action: 'engagement.external-id.created', subject: externalId, details: {} });
    });
    return externalId;
  }

  updateEngagement(changes: Partial<EngagementSettings>): Engagement {
    // A key present with the value undefined (structured clone over IPC keeps it) means "unchanged".
    const patch = Object.fromEntries(
      Object.entries(changes).filter(([, v]) => v !== undefined),
    ) as Partial<EngagementSettings>;
    const before = this.engagement;
    const next: EngagementSettings = { ...before, ...patch };
    const changed = (Object.keys(patch) as (keyof EngagementSettings)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]),
    );
    if (changed.length === 0) return before;
    this.transaction(() => {
      this.db
        .prepare(
          `UPDATE engagement SET client = @client, title = @title, period_start = @periodStart, period_end = @periodEnd,
             approved_regions = @approvedRegions, phi_tag_keys = @phiTagKeys, phi_path_patterns = @phiPathPatterns,
             phi_url_paths = @phiUrlPaths, consultant = @consultant, updated_at = @now WHERE id = 1`,
        )
        .run({
          ...next,
          approvedRegions: JSON.stringify(next.approvedRegions),
          phiTagKeys: JSON.stringify(next.phiTagKeys),
          phiPathPatterns: JSON.stringify(next.phiPathPatterns),
          phiUrlPaths: JSON.stringify(next.phiUrlPaths),
          now: new Date().toISOString(),
        });
      this.audit({
        action: 'engagement.updated',
        subject: next.client,
        details: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: next[k] }])),
      });
    });
    return this.engagement;
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  get fileName(): string {
    return basename(this.path);
  }

  get sizeBytes(): number {
    return statSync(this.path).size;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

/**
 * A non-empty -wal beside the file (the app that wrote it was killed) may hold pages the header
 * check cannot see: a newer format, or damage. Opening the real file would replay that WAL and,
 * on close, checkpoint it into the main file even when the workspace is then refused. So the
 * checks run first on a copy of the file and its WAL; only a workspace that passes is opened.
 */
function preflightLeftoverWal(path: string, header: SqliteHeader, latest: number): void {
  const wal = `${path}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'phi-audit-preflight-'));
  try {
    const copy = join(dir, 'preflight.phiaudit');
    copyFileSync(path, copy);
    copyFileSync(wal, `${copy}-wal`);
    const db = new Database(copy, { fileMustExist: true });
    try {
      let check: string;
      try {
        check = db.pragma('quick_check(1)', { simple: true }) as string;
      } catch (err) {
        throw refusalFor(path, err);
      }
      if (check !== 'ok') {
        throw new DeskError(
          'WORKSPACE_REFUSED',
          `${path} is corrupt (SQLite integrity check: ${check}). Restore it from the original copy; the file was left untouched.`,
        );
      }
      const applicationId = db.pragma('application_id', { simple: true }) as number;
      const userVersion = db.pragma('user_version', { simple: true }) as number;
      assertWorkspaceHeader(path, { ...header, applicationId, userVersion }, latest);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function refusalFor(path: string, err: unknown): DeskError {
  const code = sqliteCode(err);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new DeskError(
      'WORKSPACE_IN_USE',
      `${path} is open in another process (another PHI Audit Desk window or a CLI run). Close it there first; the file was left untouched.`,
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR')) {
    return new DeskError(
      'WORKSPACE_REFUSED',
      `${path} is corrupt (${messageOf(err)}). Restore it from the original copy; the file was left untouched.`,
    );
  }
  return new DeskError('WORKSPACE_REFUSED', `Cannot open ${path}: ${messageOf(err)}`);
}
