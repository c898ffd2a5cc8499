import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  draftFromSummary,
  newEngagementDraft,
  suggestFileName,
  type EngagementDraft,
} from '../../../../../renderer/src/screens/engagement/engagement-draft';
import type { WorkspaceSummary } from '../../../../../renderer/src/workspace/workspace-context';

describe('newEngagementDraft', () => {
  it('proposes this calendar year as the period, with the usual PHI tag keys and URL paths and nothing else filled in', () => {
    expect(newEngagementDraft(new Date(2025, 5, 15))).toEqual({
      client: '',
      title: '',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      approvedRegions: [],
      phiTagKeys: ['phi', 'data-classification', 'hipaa'],
      phiPathPatterns: [],
      phiUrlPaths: ['/account*', '/orders*', '/checkout*', '/api/*'],
      consultant: '',
    });
  });

  it('gives every form its own tag list: editing one draft does not change the next', () => {
    const first = newEngagementDraft(new Date(2025, 0, 1));
    first.phiTagKeys.push('restricted');
    expect(newEngagementDraft(new Date(2025, 0, 1)).phiTagKeys).toEqual([
      'phi',
      'data-classification',
      'hipaa',
    ]);
  });
});

describe('draftFromSummary', () => {
  it('takes the editable settings of the open engagement and nothing else', () => {
    const settings: EngagementDraft = {
      client: 'Northwind Health Shop',
      title: 'HIPAA Security Rule assessment 2025',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      approvedRegions: ['us-east-1', 'eastus'],
      phiTagKeys: ['phi'],
      phiPathPatterns: ['patients/*'],
      phiUrlPaths: ['/portal/*'],
      consultant: 'Dana Whitfield',
    };
    const summary = {
      path: '/home/dana/PHI Audit Desk/northwind-2025.phiaudit',
      fileName: 'northwind-2025.phiaudit',
      sizeBytes: 131072,
      schemaVersion: 1,
      engagement: { ...settings, createdAt: '2025-02-01T09:00:00Z', updatedAt: '2025-02-03T10:00:00Z' },
      counts: {
        targets: 3,
        runs: 1,
        evidence: 40,
        resources: 12,
        failingFindings: 5,
        coverageGaps: 0,
        attestations: 0,
        phiFlows: 0,
        exports: 0,
        auditLogEntries: 9,
      },
      lastRun: null,
    } satisfies WorkspaceSummary;
    expect(draftFromSummary(summary)).toEqual(settings);
  });
});

describe('checkDraft', () => {
  const draft = (periodStart: string, periodEnd: string): EngagementDraft => ({
    ...newEngagementDraft(new Date(2025, 0, 1)),
    client: 'Northwind',
    periodStart,
    periodEnd,
  });

  it('marks the period end when the period ends before it starts', () => {
    expect(checkDraft(draft('2025-06-01', '2025-05-31'))).toEqual({
      periodEnd: 'The period ends before it starts.',
    });
  });

  it('accepts a one-day period and a period across a year end', () => {
    expect(checkDraft(draft('2025-06-01', '2025-06-01'))).toEqual({});
    expect(checkDraft(draft('2024-07-01', '2025-06-30'))).toEqual({});
  });

  it('says nothing about a date not entered yet (the required marker covers it)', () => {
    expect(checkDraft(draft('', '2025-01-01'))).toEqual({});
    expect(checkDraft(draft('2025-01-01', ''))).toEqual({});
  });
});

describe('suggestFileName', () => {
  it('makes a lower-case, dash-separated name from the client and the period’s year', () => {
    expect(suggestFileName('Northwind Health, Inc.', '2025-01-01')).toBe('northwind-health-inc-2025');
  });

  it('drops accents rather than the letters that carry them', () => {
    expect(suggestFileName('Clínica São José', '2026-04-01')).toBe('clinica-sao-jose-2026');
  });

  it('leaves the year off while the period start has none', () => {
    expect(suggestFileName('Northwind', '')).toBe('northwind');
  });

  it('suggests nothing for a client name with no letters or digits', () => {
    expect(suggestFileName('', '2025-01-01')).toBe('');
    expect(suggestFileName(' — & — ', '2025-01-01')).toBe('');
  });

  it('keeps a long client name to 60 characters before the year', () => {
    const name = suggestFileName(
      'Greater Metropolitan Regional Healthcare Cooperative Alliance of the Northwest',
      '2025-01-01',
    );
    expect(name).toBe('greater-metropolitan-regional-healthcare-cooperative-allianc-2025');
    expect(name.length).toBe(60 + '-2025'.length);
  });

  it('never leaves a double dash when the 60-character cut lands on a space', () => {
    const name = suggestFileName(`${'a'.repeat(59)} Health`, '2025-01-01');
    expect(name).toBe(`${'a'.repeat(59)}-2025`);
  });
});
