import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { DeskError } from '../errors';

/** 'PHIA' — PRAGMA application_id of every workspace; a foreign SQLite file has another one. */
export const APPLICATION_ID = 0x50484941;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface SqliteHeader {
  pageSize: number;
  pageCount: number;
  applicationId: number;
  userVersion: number;
  fileSize: number;
}

/**
 * Reads the 100-byte SQLite header with plain file I/O, so a foreign, newer or truncated file is
 * refused before SQLite ever opens it (and therefore before anything could be written to it).
 */
export function readSqliteHeader(path: string): SqliteHeader {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new DeskError('NOT_FOUND', `No workspace at ${path}: the file does not exist.`);
    if (code === 'EACCES')
      throw new DeskError('WORKSPACE_REFUSED', `Cannot read ${path}: permission denied.`);
    throw new DeskError('WORKSPACE_REFUSED', `Cannot read ${path}: ${(err as Error).message}`);
  }
  if (stat.isDirectory()) {
    throw new DeskError('WORKSPACE_REFUSED', `${path} is a directory, not a workspace file (*.phiaudit).`);
  }
  if (!stat.isFile()) throw new DeskError('WORKSPACE_REFUSED', `${path} is not a regular file.`);

  const buf = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, buf, 0, 100, 0);
    stat = fstatSync(fd);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || buf.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new DeskError(
      'WORKSPACE_REFUSED',
      `${path} is not a PHI Audit Desk workspace: it is not a SQLite database${read === 0 ? ' (the file is empty)' : ''}.`,
    );
  }
  const rawPageSize = buf.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const header: SqliteHeader = {
    pageSize,
    pageCount: buf.readUInt32BE(28),
    userVersion: buf.readUInt32BE(60),
    applicationId: buf.readUInt32BE(68),
    fileSize: stat.size,
  };
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw new DeskError(
      'WORKSPACE_REFUSED',
      `${path} is corrupt: its SQLite header names an impossible page size.`,
    );
  }
  return header;
}

/** Throws unless the header belongs to a workspace this build can open. Never touches the file. */
export function assertWorkspaceHeader(path: string, header: SqliteHeader, latestVersion: number): void {
  if (header.applicationId !== APPLICATION_ID) {
    throw new DeskError(
      'WORKSPACE_REFUSED',
      `${path} is a SQLite database but not a PHI Audit Desk workspace (application id ${header.applicationId}). It was left untouched.`,
    );
  }
  if (header.userVersion > latestVersion) {
    throw new DeskError(
      'WORKSPACE_REFUSED',
      `${path} was written by a newer PHI Audit Desk (workspace format ${header.userVersion}; this version reads up to ${latestVersion}). Update the app to open it; the file was left untouched.`,
    );
  }
  // The in-header page count is what SQLite itself trusts for the database size. A file shorter
  // than that has lost pages (interrupted copy, truncated download).
  if (header.pageCount > 0 && header.fileSize < header.pageCount * header.pageSize) {
    throw new DeskError(
      'WORKSPACE_REFUSED',
      `${path} is truncated: its header describes ${header.pageCount * header.pageSize} bytes but the file holds ${header.fileSize}. Restore it from the original copy; the file was left untouched.`,
    );
  }
}
