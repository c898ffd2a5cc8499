import type Database from 'better-sqlite3';

export interface Migration {
  /** The user_version the database has after `up`. Migrations run in order, one transaction each. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}
