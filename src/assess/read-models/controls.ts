/**
 * The one read model of the Security Rule control matrix: the Controls screen (controls.matrix)
 * and the report's matrix (src/report/data.ts → sections/matrix.ts) count findings and
 * attestations here, per catalog row, and take the row's status from controlVerdict.
 *
 * Counting: a finding counts once on every row it cites (a finding citing two rows counts on
 * both); not-applicable findings count nowhere. The findings are those of the newest completed run
 * with findings, the run the report covers. Rows no finding or attestation touches have zero
 * counts, not null: "nothing found" is a count.
 */
import { securityRuleCatalog, type SecurityRuleRow } from '../../catalog/security-rule';
import type { Workspace } from '../../workspace/workspace';
import { controlVerdict, type AttestationStatus, type ControlVerdict } from '../control-state';
import { resolveFindingsRun } from '../queries';
import { readFindings, type FindingRow } from './findings';

export type AttestationCounts = Record<AttestationStatus, number>;

export interface ControlRow extends ControlVerdict {
  row: SecurityRuleRow;
  /** Findings that cite this row, by result. */
  failing: number;
  passing: number;
  /** Distinct evidence items behind those findings, in id order. */
  evidenceIds: number[];
  /** The consultant's attestations for this row, by status. */
  attestations: AttestationCounts;
}

const noAttestations = (): AttestationCounts => ({
  implemented: 0,
  partially_implemented: 0,
  not_implemented: 0,
  not_applicable: 0,
});

/** Tallies findings and attestations onto the 68 catalog rows (pure: no workspace). */
export function tallyControls(
  findings: readonly Pick<FindingRow, 'status' | 'citations' | 'evidenceIds'>[],
  attestations: readonly { citation: string; status: AttestationStatus }[],
): ControlRow[] {
  const failing = new Map<string, number>();
  const passing = new Map<string, number>();
  const evidence = new Map<string, Set<number>>();
  for (const f of findings) {
    if (f.status === 'not_applicable') continue;
    const counts = f.status === 'fail' ? failing : passing;
    for (const citation of f.citations) {
      counts.set(citation, (counts.get(citation) ?? 0) + 1);
      const ids = evidence.get(citation) ?? evidence.set(citation, new Set()).get(citation)!;
      for (const id of f.evidenceIds) ids.add(id);
    }
  }
  const attested = new Map<string, AttestationCounts>();
  for (const a of attestations) {
    const counts = attested.get(a.citation) ?? attested.set(a.citation, noAttestations()).get(a.citation)!;
    counts[a.status]++;
  }
  return securityRuleCatalog().rows.map((row) => {
    const fail = failing.get(row.citation) ?? 0;
    const pass = passing.get(row.citation) ?? 0;
    const counts = attested.get(row.citation) ?? noAttestations();
    const statuses = (Object.keys(counts) as AttestationStatus[]).filter((k) => counts[k] > 0);
    return {
      row,
      failing: fail,
      passing: pass,
      evidenceIds: [...(evidence.get(row.citation) ?? [])].sort((a, b) => a - b),
      attestations: counts,
      ...controlVerdict(fail, pass, statuses),
    };
  });
}

/** The attestations of the workspace (all runs: an attestation is not tied to a run). */
export function readAttestationStatuses(ws: Workspace): { citation: string; status: AttestationStatus }[] {
  return ws.db.prepare('SELECT citation, status FROM attestation ORDER BY citation, id').all() as {
    citation: string;
    status: AttestationStatus;
  }[];
}

/** The control matrix of the newest completed run with findings (runId null: no such run yet). */
export function readControlMatrix(ws: Workspace): { runId: number | null; rows: ControlRow[] } {
  const runId = resolveFindingsRun(ws);
  const findings = runId === null ? [] : readFindings(ws, runId).items;
  return { runId, rows: tallyControls(findings, readAttestationStatuses(ws)) };
}
