/**
 * Findings, grouped by severity and then by rule: what the rule checks and why (citations,
 * rationale, remediation) once, then every affected resource with the evidence that shows it.
 * A reader follows a finding to evidence/<file> in the package and checks its SHA-256.
 */
import { describeCitation } from '../../catalog/security-rule';
import { getRule } from '../../rules/registry';
import type { FindingInfo } from '../data';
import {
  bullets,
  cell,
  heading,
  keyValue,
  paragraph,
  run,
  smallParagraph,
  type Block,
  type Section,
  type TableCell,
} from '../model';
import {
  cap,
  failing,
  findingRisk,
  plural,
  riskEmphasis,
  SEVERITIES,
  severityEmphasis,
  type ReportContext,
} from './context';

function evidenceCell(ctx: ReportContext, f: FindingInfo, detailed: boolean): TableCell {
  if (f.evidenceIds.length === 0) return cell('—');
  if (!detailed) return cell(f.evidenceIds.map((id) => `#${id}`).join(', '));
  const lines = f.evidenceIds.map((id) => {
    const e = ctx.data.evidence.get(id);
    return e ? `#${id} ${e.path}\nSHA-256 ${e.sha256}` : `#${id} (not in this workspace)`;
  });
  return cell(lines.join('\n'));
}

function changeCell(f: FindingInfo): TableCell {
  return f.change === 'new' ? cell('New', 'warning') : cell(cap(f.change));
}

function ruleBlocks(ctx: ReportContext, list: FindingInfo[], detailed: boolean): Block[] {
  const first = list[0]!;
  const rule = getRule(first.ruleId);
  const citations = [...new Set(list.flatMap((f) => f.citations))];
  const blocks: Block[] = [heading(3, `${first.ruleTitle} — ${plural(list.length, 'resource')}`)];
  blocks.push(
    keyValue([
      { key: 'Rule', value: first.ruleId, mono: true },
      { key: 'Security Rule', value: citations.map(describeCitation).join('\n') || 'no citation recorded' },
      ...(rule ? [{ key: 'Why it matters', value: rule.rationale }] : []),
      { key: 'Remediation', value: rule?.remediation.text ?? 'See the rule documentation.' },
    ]),
  );
  if (rule?.remediation.cli)
    blocks.push(smallParagraph(run('CLI: ', { bold: true }), run(rule.remediation.cli, { mono: true })));
  blocks.push({
    kind: 'table',
    compact: !detailed,
    columns: detailed
      ? [
          { header: 'Resource', width: 23, mono: true },
          { header: 'Account and region', width: 15 },
          { header: 'Detail', width: 25 },
          { header: 'Evidence (file in this package, SHA-256)', width: 27, mono: true },
          { header: 'Change', width: 10 },
        ]
      : [
          { header: 'Resource', width: 27, mono: true },
          { header: 'Account, region', width: 17 },
          { header: 'Detail', width: 29 },
          { header: 'Evidence', width: 10, mono: true },
          { header: 'Risk', width: 8 },
          { header: 'Change', width: 9 },
        ],
    rows: list.map((f) => {
      const row = [
        // Compact: the ARN alone (it contains the name); one line per finding where possible.
        cell(detailed && f.resourceName !== f.nativeId ? `${f.resourceName}\n${f.nativeId}` : f.nativeId),
        cell(
          // A failing finding always has its resource; the '' only keeps a missing one printable.
          `${(f.provider ?? '').toUpperCase()} ${f.scopeId ?? ''}${detailed ? '\n' : ' '}${f.region ?? ''}${f.phi ? (detailed ? '\nPHI resource' : ' · PHI') : ''}`,
        ),
        cell(f.detail),
        evidenceCell(ctx, f, detailed),
      ];
      if (!detailed) {
        const r = findingRisk(ctx, f);
        row.push(cell(cap(r.level), riskEmphasis(r.level)));
      }
      row.push(changeCell(f));
      return row;
    }),
  });
  return blocks;
}

export function findingsSection(ctx: ReportContext): Section {
  const fails = failing(ctx);
  const detailed = fails.length <= ctx.detailLimit;
  const blocks: Block[] = [];
  if (ctx.data.findingsRunId === null) {
    blocks.push(paragraph('No assessment run with findings exists in this workspace.'));
    return { id: 'findings', title: 'Findings', blocks };
  }
  blocks.push(
    paragraph(
      `${plural(fails.length, 'failing finding')} from run #${ctx.data.findingsRunId}, grouped by severity and rule. `,
      detailed
        ? 'Each finding names the evidence files in this package that show it, with their SHA-256; the same hashes are in manifest.json and in the evidence index.'
        : run(
            `With ${fails.length.toLocaleString('en-US')} findings the tables are compact: evidence is given by id; the evidence index and evidence/index.csv map each id to its file in evidence/ and its SHA-256.`,
            { italic: true },
          ),
    ),
  );
  for (const s of SEVERITIES) {
    const ofSeverity = fails.filter((f) => f.severity === s);
    if (ofSeverity.length === 0) continue;
    blocks.push({
      kind: 'heading',
      level: 2,
      text: `${cap(s)} severity — ${plural(ofSeverity.length, 'finding')}`,
    });
    const byRule = new Map<string, FindingInfo[]>();
    for (const f of ofSeverity) (byRule.get(f.ruleId) ?? byRule.set(f.ruleId, []).get(f.ruleId)!).push(f);
    for (const list of byRule.values()) blocks.push(...ruleBlocks(ctx, list, detailed));
  }
  if (fails.length === 0) blocks.push(paragraph('No automated check failed.'));

  const passes = ctx.data.findings.filter((f) => f.status === 'pass');
  blocks.push({ kind: 'heading', level: 2, text: 'Checks that passed' });
  const passByRule = new Map<string, FindingInfo[]>();
  for (const f of passes) (passByRule.get(f.ruleId) ?? passByRule.set(f.ruleId, []).get(f.ruleId)!).push(f);
  blocks.push({
    kind: 'table',
    columns: [
      { header: 'Rule', width: 40 },
      { header: 'Security Rule', width: 30 },
      { header: 'Resources passing', width: 15, align: 'right' },
      { header: 'Severity if failing', width: 15 },
    ],
    emptyText: 'No check passed.',
    rows: [...passByRule.values()].map((list) => [
      cell(list[0]!.ruleTitle),
      cell([...new Set(list.flatMap((f) => f.citations))].join(', ')),
      cell(list.length, 'pass'),
      cell(
        cap(getRule(list[0]!.ruleId)?.severity ?? list[0]!.severity),
        severityEmphasis(getRule(list[0]!.ruleId)?.severity ?? list[0]!.severity),
      ),
    ]),
  });
  const na = ctx.data.findings.filter((f) => f.status === 'not_applicable').length;
  if (na)
    blocks.push(
      bullets([
        `${plural(na, 'check')} did not apply to the resource they were run on (for example a rule about replicas on a bucket without replication).`,
      ]),
    );
  return { id: 'findings', title: 'Findings', blocks };
}
