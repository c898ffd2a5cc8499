/**
 * Risk analysis, 164.308(a)(1)(ii)(A), and the risk management plan, 164.308(a)(1)(ii)(B): the
 * two items OCR's Phase 2 desk audits requested of every entity (ocr-audit-protocol.md §5).
 */
import { RISK_MATRIX, RISK_METHOD } from '../../rules/risk';
import type { FindingInfo, TriageInfo } from '../data';
import { callout, cell, paragraph, smallParagraph, type Block, type Section, type TableCell } from '../model';
import {
  cap,
  day,
  failing,
  findingRisk,
  plural,
  resourceLabel,
  riskEmphasis,
  severityEmphasis,
  severityRank,
  type ReportContext,
} from './context';

const LEVEL_ORDER = ['critical', 'high', 'medium', 'low'];

export function riskAnalysisSection(ctx: ReportContext): Section {
  const fails = failing(ctx);
  const rated = fails
    .map((f) => ({ f, r: findingRisk(ctx, f) }))
    .sort(
      (a, b) =>
        LEVEL_ORDER.indexOf(a.r.level) - LEVEL_ORDER.indexOf(b.r.level) ||
        severityRank(a.f.severity) - severityRank(b.f.severity) ||
        a.f.key.localeCompare(b.f.key),
    );
  const blocks: Block[] = [
    paragraph(
      'Each failing finding below is a vulnerability of a system that holds or processes ePHI, rated for the likelihood that it is exploited and the impact on ePHI if it is. ',
      'Findings that passed or did not apply carry no risk and are not listed.',
    ),
    { kind: 'heading', level: 2, text: 'Method' },
    ...RISK_METHOD.split('\n').map((line) => paragraph(line)),
  ];
  const levels = ['low', 'medium', 'high'] as const;
  blocks.push({ kind: 'heading', level: 2, text: 'Risk matrix (count of open findings)' });
  blocks.push({
    kind: 'table',
    columns: [
      { header: 'Likelihood \\ Impact', width: 25 },
      ...levels.map((i) => ({ header: `Impact ${i}`, width: 25, align: 'center' as const })),
    ],
    rows: [...levels].reverse().map((l) => [
      cell(`Likelihood ${l}`, undefined, true),
      ...levels.map((i) => {
        const n = rated.filter((x) => x.r.likelihood === l && x.r.impact === i).length;
        const level = RISK_MATRIX[l][i];
        return cell(`${n} (${level})`, n ? riskEmphasis(level) : 'muted');
      }),
    ]),
  });
  blocks.push({ kind: 'heading', level: 2, text: 'Rated findings' });
  if (rated.length === 0) {
    blocks.push(
      paragraph(
        ctx.data.findingsRunId === null
          ? 'No assessment run exists yet, so no risk could be rated.'
          : 'No failing findings: the automated checks found no vulnerability to rate.',
      ),
    );
  } else if (rated.length > ctx.detailLimit) {
    // At scale one row per rule and rating; each finding's own rating is in the Findings tables.
    const groups = new Map<string, { f: FindingInfo; r: (typeof rated)[number]['r']; n: number }>();
    for (const x of rated) {
      const k = `${x.f.ruleId}|${x.f.severity}|${x.r.likelihood}|${x.r.impact}`;
      const g = groups.get(k);
      if (g) g.n++;
      else groups.set(k, { ...x, n: 1 });
    }
    blocks.push(
      smallParagraph(
        `${rated.length.toLocaleString('en-US')} findings share ${groups.size} ratings, grouped here by rule; the Risk column of the Findings tables gives the rating of each finding. Ratings marked * include consultant overrides from triage.`,
      ),
    );
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Rule', width: 42 },
        { header: 'Findings', width: 10, align: 'right' },
        { header: 'Severity', width: 12 },
        { header: 'Likelihood', width: 12 },
        { header: 'Impact', width: 12 },
        { header: 'Risk level', width: 12 },
      ],
      rows: [...groups.values()]
        .sort((a, b) => LEVEL_ORDER.indexOf(a.r.level) - LEVEL_ORDER.indexOf(b.r.level) || b.n - a.n)
        .map(({ f, r, n }) => [
          cell(f.ruleTitle),
          cell(n.toLocaleString('en-US')),
          cell(cap(f.severity), severityEmphasis(f.severity)),
          cell(cap(r.likelihood) + (r.overridden ? '*' : '')),
          cell(cap(r.impact) + (r.overridden ? '*' : '')),
          cell(cap(r.level), riskEmphasis(r.level), true),
        ]),
    });
  } else {
    if (rated.some((x) => x.r.overridden))
      blocks.push(
        smallParagraph(
          'Ratings marked * were set by the consultant in triage and override the derived rating.',
        ),
      );
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Finding', width: 30 },
        { header: 'Resource', width: 30, mono: true },
        { header: 'Severity', width: 10 },
        { header: 'Likelihood', width: 10 },
        { header: 'Impact', width: 10 },
        { header: 'Risk level', width: 10 },
      ],
      rows: rated.map(({ f, r }) => [
        cell(f.ruleTitle),
        cell(resourceLabel(f)),
        cell(cap(f.severity), severityEmphasis(f.severity)),
        cell(cap(r.likelihood) + (r.overridden ? '*' : '')),
        cell(cap(r.impact) + (r.overridden ? '*' : '')),
        cell(cap(r.level), riskEmphasis(r.level), true),
      ]),
    });
  }
  return { id: 'risk-analysis', title: 'Risk analysis — 164.308(a)(1)(ii)(A)', blocks };
}

const TRIAGE_LABEL: Record<TriageInfo['status'], string> = {
  open: 'Open',
  in_progress: 'In progress',
  remediated: 'Remediated (awaiting re-assessment)',
  risk_accepted: 'Risk accepted',
  false_positive: 'False positive',
};

function planRow(ctx: ReportContext, f: FindingInfo, t: TriageInfo): TableCell[] {
  const r = findingRisk(ctx, f);
  const overdue =
    t.dueDate !== null &&
    t.dueDate < ctx.createdAt.slice(0, 10) &&
    (t.status === 'open' || t.status === 'in_progress');
  return [
    cell(`${f.ruleTitle}\n${resourceLabel(f)}`),
    cell(cap(r.level), riskEmphasis(r.level)),
    cell(
      TRIAGE_LABEL[t.status],
      t.status === 'risk_accepted' ? 'warning' : t.status === 'remediated' ? 'ok' : undefined,
    ),
    cell(t.owner || 'unassigned', t.owner ? undefined : 'warning'),
    cell(day(t.dueDate) + (overdue ? ' (overdue)' : ''), overdue ? 'fail' : undefined),
    cell(t.justification || '—'),
  ];
}

export function riskManagementSection(ctx: ReportContext): Section {
  const fails = failing(ctx);
  const triaged = fails.filter((f) => ctx.data.triage.has(f.key));
  const untriaged = fails.filter((f) => !ctx.data.triage.has(f.key));
  const accepted = triaged.filter((f) => ctx.data.triage.get(f.key)!.status === 'risk_accepted');
  const blocks: Block[] = [
    paragraph(
      'Security measures implemented or planned in response to the risk analysis, to reduce risks to a reasonable and appropriate level (164.308(a)(1)(ii)(B)). ',
      `Of ${plural(fails.length, 'open finding')}, ${triaged.length} have been triaged and ${untriaged.length} are not yet triaged.`,
    ),
  ];
  const columns = [
    { header: 'Finding and resource', width: 32 },
    { header: 'Risk', width: 8 },
    { header: 'Status', width: 14 },
    { header: 'Owner', width: 12 },
    { header: 'Due', width: 11 },
    { header: 'Justification / plan', width: 23 },
  ];
  blocks.push({ kind: 'heading', level: 2, text: 'Remediation plan' });
  const planned = triaged.filter((f) => ctx.data.triage.get(f.key)!.status !== 'risk_accepted');
  blocks.push({
    kind: 'table',
    compact: planned.length > ctx.detailLimit,
    columns,
    emptyText:
      'No finding has been triaged yet: no owner, due date or plan has been recorded. Triage the findings before submission.',
    rows: planned.map((f) => planRow(ctx, f, ctx.data.triage.get(f.key)!)),
  });
  blocks.push({ kind: 'heading', level: 2, text: 'Accepted risks' });
  blocks.push({
    kind: 'table',
    columns,
    emptyText: 'No risk has been accepted.',
    rows: accepted.map((f) => planRow(ctx, f, ctx.data.triage.get(f.key)!)),
  });
  if (accepted.some((f) => !ctx.data.triage.get(f.key)!.justification.trim())) {
    blocks.push(
      callout(
        'warning',
        'Accepted risk without justification',
        'An accepted risk must carry a documented justification approved by management; at least one above has none.',
      ),
    );
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Not yet triaged' });
  if (untriaged.length === 0) blocks.push(paragraph('Every open finding has been triaged.'));
  else if (untriaged.length <= ctx.detailLimit) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Finding', width: 36 },
        { header: 'Resource', width: 40, mono: true },
        { header: 'Risk', width: 10 },
        { header: 'Status', width: 14 },
      ],
      rows: untriaged.map((f) => {
        const r = findingRisk(ctx, f);
        return [
          cell(f.ruleTitle),
          cell(resourceLabel(f)),
          cell(cap(r.level), riskEmphasis(r.level)),
          cell('not yet triaged', 'warning'),
        ];
      }),
    });
  } else {
    // At scale, one row per rule keeps the plan readable; every finding is in the findings section.
    const byRule = new Map<string, FindingInfo[]>();
    for (const f of untriaged) (byRule.get(f.ruleId) ?? byRule.set(f.ruleId, []).get(f.ruleId)!).push(f);
    blocks.push(
      smallParagraph(
        `${plural(untriaged.length, 'finding')} are not yet triaged; they are grouped by rule here and listed one by one in the Findings section.`,
      ),
    );
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Rule', width: 50 },
        { header: 'Findings not yet triaged', width: 25, align: 'right' },
        { header: 'Status', width: 25 },
      ],
      rows: [...byRule.values()].map((list) => [
        cell(list[0]!.ruleTitle),
        cell(list.length),
        cell('not yet triaged', 'warning'),
      ]),
    });
  }
  return { id: 'risk-management-plan', title: 'Risk management plan — 164.308(a)(1)(ii)(B)', blocks };
}
