import { join } from 'node:path';
import type { EngagementSettings } from '../../src/workspace/workspace';
import { Workspace } from '../../src/workspace/workspace';

export const SETTINGS: EngagementSettings = {
  client: 'Northwind Health Shop',
  title: 'HIPAA Security Rule assessment 2025',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  approvedRegions: ['us-east-1', 'eastus'],
  phiTagKeys: ['phi', 'data-classification'],
  phiPathPatterns: ['patients/*'],
  phiUrlPaths: ['/account*', '/orders*', '/checkout*', '/api/*'],
  consultant: 'Dana Reyes',
};

export const ACTOR = 'test-auditor';

export function createWorkspace(
  dir: string,
  name = 'engagement.phiaudit',
  settings: EngagementSettings = SETTINGS,
): Workspace {
  return Workspace.create(join(dir, name), settings, ACTOR);
}

/** A closed workspace with `auditRows` extra audit rows, so it spans many pages. */
export function createClosedWorkspace(dir: string, opts: { name?: string; auditRows?: number } = {}): string {
  const ws = createWorkspace(dir, opts.name);
  const rows = opts.auditRows ?? 0;
  if (rows > 0) {
    ws.transaction(() => {
      for (let i = 1; i <= rows; i++) {
        ws.audit({ action: 'test.note', subject: `note ${i}`, details: { i, text: 'x'.repeat(200) } });
      }
    });
  }
  ws.close();
  return ws.path;
}
