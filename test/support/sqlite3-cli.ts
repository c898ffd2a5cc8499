import { execFileSync } from 'node:child_process';

export const SQLITE3 = '/usr/bin/sqlite3';

/**
 * Runs SQL with the plain sqlite3 command-line client, as a user (or a tamperer) would. Throws
 * with sqlite3's own message if a statement fails.
 */
export function sqlite3(file: string, sql: string): string {
  return execFileSync(SQLITE3, ['-bail', file], {
    input: sql,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  }).trim();
}

/**
 * Tampers with the audit log the way someone with a plain sqlite3 client would: drop the
 * append-only triggers, change rows, put the triggers back so nothing looks different.
 */
export function tamperAuditLog(file: string, sql: string): void {
  const triggers = sqlite3(
    file,
    "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log';",
  );
  if (!triggers.includes('audit_log_no_update')) throw new Error(`no audit_log triggers in ${file}`);
  sqlite3(file, `DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;\n${sql}\n${triggers}`);
}
