import type { OpInput } from '../../../../src/api/contract';
import type { WorkspaceSummary } from '../../workspace/workspace-context';
import { defaultPhiTagKeys, defaultPhiUrlPaths } from './region-suggestions';

/** The engagement settings as a form edits them (engagement.update takes exactly these). */
export type EngagementDraft = Required<OpInput<'engagement.update'>>;

export const engagementFieldNames = [
  'client',
  'title',
  'periodStart',
  'periodEnd',
  'approvedRegions',
  'phiTagKeys',
  'phiPathPatterns',
  'phiUrlPaths',
  'consultant',
] as const satisfies readonly (keyof EngagementDraft)[];

export type EngagementFieldName = (typeof engagementFieldNames)[number];
export type FieldMessages<F extends string> = Partial<Record<F, string>>;

export function newEngagementDraft(today = new Date()): EngagementDraft {
  const year = today.getFullYear();
  return {
    client: '',
    title: '',
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    approvedRegions: [],
    phiTagKeys: [...defaultPhiTagKeys],
    phiPathPatterns: [],
    phiUrlPaths: [...defaultPhiUrlPaths],
    consultant: '',
  };
}

export function draftFromSummary(summary: WorkspaceSummary): EngagementDraft {
  const {
    client,
    title,
    periodStart,
    periodEnd,
    approvedRegions,
    phiTagKeys,
    phiPathPatterns,
    phiUrlPaths,
    consultant,
  } = summary.engagement;
  return {
    client,
    title,
    periodStart,
    periodEnd,
    approvedRegions,
    phiTagKeys,
    phiPathPatterns,
    phiUrlPaths,
    consultant,
  };
}

/**
 * Checks the browser can make before asking the server. The period order is the same rule
 * engagement.update applies; checking it here also covers workspace.create.
 */
export function checkDraft(draft: EngagementDraft): FieldMessages<EngagementFieldName> {
  const errors: FieldMessages<EngagementFieldName> = {};
  if (draft.periodStart && draft.periodEnd && draft.periodEnd < draft.periodStart) {
    errors.periodEnd = 'The period ends before it starts.';
  }
  return errors;
}

/** A file name from the client's name: "Northwind Health, Inc." → "northwind-health-inc-2025". */
export function suggestFileName(client: string, periodStart: string): string {
  const slug = client
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    // trimmed after the cut, so a cut on a dash leaves no "--" before the year
    .replace(/^-+|-+$/g, '');
  if (!slug) return '';
  const year = /^\d{4}/.exec(periodStart)?.[0];
  return year ? `${slug}-${year}` : slug;
}
