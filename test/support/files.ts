import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Files next to `path` whose name starts with its name: -wal, -shm, -journal, .v1.bak ... */
export function companions(path: string): string[] {
  const name = basename(path);
  return readdirSync(dirname(path))
    .filter((n) => n !== name && n.startsWith(name))
    .sort();
}
