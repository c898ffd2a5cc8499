/**
 * The Security Rule control matrix: every standard and implementation specification of
 * 164.308–164.316 (the 68 catalog rows), with a status derived from the findings of the rules that
 * cite the row and from the consultant's attestations.
 */
import {
  safeguards,
  securityRuleCatalog,
  type Safeguard,
  type SecurityRuleRow,
} from '../../catalog/security-rule';
import type { ControlState } from '../../assess/control-state';
import type { AttestationInfo } from '../data';
import { cell, paragraph, run, smallParagraph, type Block, type Emphasis, type Section } from '../model';
import { cap, type ReportContext } from './context';
import { matrixScopeNote } from './scope';

export type { ControlState };

export interface ControlStatus {
  row: SecurityRuleRow;
  state: ControlState;
  label: string;
  emphasis: Emphasis;
  passing: number;
  failing: number;
  evidenceCount: number;
  attestations: AttestationInfo[];
}

const ATTESTATION_LABEL: Record<AttestationInfo['status'], string> = {
  implemented: 'implemented',
  partially_implemented: 'partially implemented',
  not_implemented: 'not implemented',
  not_applicable: 'not applicable',
};

/** The matrix rows as the report prints them: the shared read model's counts and verdict. */
export function controlStatuses(ctx: ReportContext): ControlStatus[] {
  return ctx.data.controls.map((c) => ({
    row: c.row,
    state: c.state,
    label: c.label,
    emphasis: c.tone,
    passing: c.passing,
    failing: c.failing,
    evidenceCount: c.evidenceIds.length,
    attestations: ctx.data.attestations.filter((a) => a.citation === c.row.citation),
  }));
}

/** Readiness by safeguard for the executive summary: counts of rows in each state. */
export function readinessBySafeguard(statuses: ControlStatus[]): {
  safeguard: Safeguard;
  rows: number;
  passing: number;
  failing: number;
  attested: number;
  none: number;
}[] {
  return safeguards.map((s) => {
    const rows = statuses.filter((c) => c.row.safeguard === s);
    return {
      safeguard: s,
      rows: rows.length,
      passing: rows.filter((c) => c.state === 'passing').length,
      failing: rows.filter((c) => c.state === 'failing' || c.state === 'attested_gap').length,
      attested: rows.filter((c) => c.state === 'attested' || c.state === 'not_applicable').length,
      none: rows.filter((c) => c.state === 'no_evidence').length,
    };
  });
}

function rowName(row: SecurityRuleRow): string {
  return row.implementationSpecification
    ? `${row.standard} — ${row.implementationSpecification}`
    : `${row.standard} (standard)`;
}

export function controlMatrixSection(ctx: ReportContext, statuses: ControlStatus[]): Section {
  const source = securityRuleCatalog().source;
  const blocks: Block[] = [
    paragraph(
      'Every standard and implementation specification of the HIPAA Security Rule (45 CFR 164.308–164.316), with what this assessment found. ',
      'A row is ',
      run('Gaps found', { bold: true }),
      ' when at least one automated check that cites it failed; ',
      run('Passing', { bold: true }),
      ' when the checks that cite it passed; ',
      run('attested', { bold: true }),
      ' when the status comes from a consultant attestation (administrative and physical safeguards usually cannot be seen in cloud configuration); ',
      run('No evidence', { bold: true }),
      ' when neither exists yet. R = required, A = addressable (164.306(d)); standards are always mandatory (164.306(c)).',
    ),
    matrixScopeNote(ctx.data.scope),
    smallParagraph(
      `Catalog: ${source.regulation}; ${source.textVersion}. Compiled ${source.compiledOn}; verify at ${source.verifyAt}.`,
    ),
  ];
  for (const s of safeguards) {
    const rows = statuses.filter((c) => c.row.safeguard === s);
    blocks.push({ kind: 'heading', level: 2, text: `${cap(s)} safeguards` });
    blocks.push({
      kind: 'table',
      compact: true,
      columns: [
        // Wide enough for the longest citation, 164.308(a)(1)(ii)(A), on one line.
        { header: 'Citation', width: 19.5, mono: true },
        { header: 'Standard / implementation specification', width: 30.5 },
        { header: 'R/A', width: 5, align: 'center' },
        { header: 'Status', width: 16 },
        { header: 'Checks pass / fail', width: 8, align: 'center' },
        { header: 'Evidence', width: 10, align: 'right' },
        { header: 'Attestations', width: 14 },
      ],
      rows: rows.map((c) => [
        cell(c.row.citation),
        cell(rowName(c.row), undefined, c.row.rowType === 'standard'),
        cell(c.row.requirement === 'required' ? 'R' : c.row.requirement === 'addressable' ? 'A' : '—'),
        cell(c.label, c.emphasis),
        cell(c.passing + c.failing > 0 ? `${c.passing} / ${c.failing}` : '—'),
        cell(c.evidenceCount || '—'),
        cell(
          c.attestations.length
            ? c.attestations.map((a) => `${ATTESTATION_LABEL[a.status]} (${a.attestedBy})`).join('; ')
            : '—',
        ),
      ]),
    });
  }
  return { id: 'control-matrix', title: 'Security Rule control matrix', blocks };
}
