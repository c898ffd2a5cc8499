import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PHI_URL_PATHS } from '../../../../src/kit/paths';
import { Workspace } from '../../../../src/workspace/workspace';
import { SETTINGS } from '../../../support/engagement';
import { useTempDir } from '../../../support/temp';
import { migrateTo, openDatabase } from './helpers';

const dir = useTempDir('phi-audit-mig003-');
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

describe('migration 003: engagement PHI URL paths', () => {
  it('a v2 engagement gets the default PHI URL paths and keeps every other setting', () => {
    const path = join(dir(), 'w.phiaudit');
    const ws = Workspace.create(path, { ...SETTINGS, phiUrlPaths: ['/portal/*'] });
    ws.close();
    // Back to what a v2 workspace held: no column at all.
    const db = openDatabase(path);
    db.exec('ALTER TABLE engagement DROP COLUMN phi_url_paths');
    db.pragma('user_version = 2');
    const before = db.prepare('SELECT * FROM engagement').get();
    migrateTo(db, 3);
    const after = db.prepare('SELECT * FROM engagement').get() as Record<string, unknown>;
    db.close();
    expect(JSON.parse(after.phi_url_paths as string)).toEqual([...DEFAULT_PHI_URL_PATHS]);
    const { phi_url_paths: _added, ...rest } = after;
    expect(rest).toEqual(before);
  });

  it('the setting is stored, read back and its change lands in the audit log', () => {
    const ws = Workspace.create(join(dir(), 'x.phiaudit'), { ...SETTINGS, phiUrlPaths: ['/portal/*'] });
    open.push(ws);
    expect(ws.engagement.phiUrlPaths).toEqual(['/portal/*']);
    ws.updateEngagement({ phiUrlPaths: ['/portal/*', '/rx/*'] });
    expect(ws.engagement.phiUrlPaths).toEqual(['/portal/*', '/rx/*']);
    const last = ws.db
      .prepare("SELECT details FROM audit_log WHERE action = 'engagement.updated' ORDER BY seq DESC LIMIT 1")
      .get() as { details: string };
    expect(JSON.parse(last.details)).toEqual({
      phiUrlPaths: { from: ['/portal/*'], to: ['/portal/*', '/rx/*'] },
    });
  });
});
