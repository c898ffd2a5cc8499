import { readControlMatrix } from '../../assess/read-models/controls';
import { securityRuleCatalog } from '../../catalog/security-rule';
import type { Workspace } from '../../workspace/workspace';
import type { controlOps } from '../contract/controls';
import type { OpOutput } from '../contract';
import type { HandlersOf } from './types';

/**
 * Facts for the control matrix screen: per catalog row, the passing and failing findings of the
 * newest run that cite it, and attestations by status. The counts come from the read model the
 * report's matrix uses too (src/assess/read-models/controls.ts).
 */
export function controlMatrix(ws: Workspace): OpOutput<'controls.matrix'> {
  const { runId, rows } = readControlMatrix(ws);
  const { source } = securityRuleCatalog();
  return {
    runId,
    source: {
      regulation: source.regulation,
      textVersion: source.textVersion,
      compiledOn: source.compiledOn,
      verifyAt: source.verifyAt,
    },
    rows: rows.map(({ row, failing, passing, attestations, state, label, tone }) => ({
      citation: row.citation,
      safeguard: row.safeguard,
      standard: row.standard,
      implementationSpecification: row.implementationSpecification,
      requirement: row.requirement,
      rowType: row.rowType,
      standardCitation: row.standardCitation,
      note: row.note,
      failing,
      passing,
      attestations,
      state,
      label,
      tone,
    })),
  };
}

export const controlHandlers: HandlersOf<typeof controlOps> = {
  'controls.matrix': (_input, session) => controlMatrix(session.requireWorkspace()),
};
