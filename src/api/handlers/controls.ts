import { controlVerdict, type AttestationStatus } from '../../assess/control-state';
import { resolveFindingsRun } from '../../assess/queries';
import { securityRuleCatalog } from '../../catalog/security-rule';
import type { Workspace } from '../../workspace/workspace';
import type { controlOps } from '../contract/controls';
import type { OpOutput } from '../contract';
import type { HandlersOf } from './types';

/**
 * Facts for the control matrix screen: per catalog row, the passing and failing findings of the
 * newest run that cite it, and attestations by status. The report's matrix (src/report/sections/
 * matrix.ts) counts the same findings the same way.
 */
export function controlMatrix(ws: Workspace): OpOutput<'controls.matrix'> {
  const runId = resolveFindingsRun(ws);
  const failing = new Map<string, number>();
  const passing = new Map<string, number>();
  if (runId !== null) {
    const findings = ws.db
      .prepare("SELECT status, citations FROM finding WHERE run_id = ? AND status IN ('pass', 'fail')")
      .all(runId) as {
      status: 'pass' | 'fail';
      citations: string;
    }[];
    for (const f of findings) {
      const counts = f.status === 'fail' ? failing : passing;
      for (const citation of JSON.parse(f.citations) as string[])
        counts.set(citation, (counts.get(citation) ?? 0) + 1);
    }
  }
  const attested = new Map<string, Record<AttestationStatus, number>>();
  const attestations = ws.db
    .prepare('SELECT citation, status, count(*) AS n FROM attestation GROUP BY citation, status')
    .all() as {
    citation: string;
    status: AttestationStatus;
    n: number;
  }[];
  for (const a of attestations) {
    const counts = attested.get(a.citation) ?? {
      implemented: 0,
      partially_implemented: 0,
      not_implemented: 0,
      not_applicable: 0,
    };
    counts[a.status] += a.n;
    attested.set(a.citation, counts);
  }
  const { source, rows } = securityRuleCatalog();
  return {
    runId,
    source: {
      regulation: source.regulation,
      textVersion: source.textVersion,
      compiledOn: source.compiledOn,
      verifyAt: source.verifyAt,
    },
    rows: rows.map((row) => {
      const fail = failing.get(row.citation) ?? 0;
      const pass = passing.get(row.citation) ?? 0;
      const counts = attested.get(row.citation) ?? {
        implemented: 0,
        partially_implemented: 0,
        not_implemented: 0,
        not_applicable: 0,
      };
      const statuses = (Object.keys(counts) as AttestationStatus[]).filter((k) => counts[k] > 0);
      return {
        citation: row.citation,
        safeguard: row.safeguard,
        standard: row.standard,
        implementationSpecification: row.implementationSpecification,
        requirement: row.requirement,
        rowType: row.rowType,
        standardCitation: row.standardCitation,
        note: row.note,
        failing: fail,
        passing: pass,
        attestations: counts,
        ...controlVerdict(fail, pass, statuses),
      };
    }),
  };
}

export const controlHandlers: HandlersOf<typeof controlOps> = {
  'controls.matrix': (_input, session) => controlMatrix(session.requireWorkspace()),
};
