/**
 * What the cloud cannot show: PHI-flow documentation (the data flows a risk analysis must cover,
 * ocr-audit-protocol.md §4 item 1) and the consultant's attestations with their attachments.
 */
import { describeCitation } from '../../catalog/security-rule';
import type { ReportData } from '../data';
import { drawingToSvg, layoutFlow, type Drawing } from '../diagram';
import { callout, cell, paragraph, type Block, type Section } from '../model';
import { diagramPath } from '../paths';
import { day, plural, type ReportContext } from './context';

export interface FlowDiagram {
  flowId: number;
  name: string;
  path: string;
  drawing: Drawing;
  svg: string;
}

/** One diagram per flow; deterministic, so the package files and the report figures are identical. */
export function flowDiagrams(data: ReportData): FlowDiagram[] {
  const phiResources = new Set(data.findings.filter((f) => f.phi).map((f) => f.nativeId));
  return data.flows.map((flow) => {
    const drawing = layoutFlow(
      flow.nodes.map((n) => ({
        id: n.id,
        kind: n.kind,
        label: n.label,
        phi: n.phi || (n.resourceNativeId !== null && phiResources.has(n.resourceNativeId)),
      })),
      flow.edges.map((e) => ({ source: e.source, target: e.target, label: e.label })),
    );
    return {
      flowId: flow.id,
      name: flow.name,
      path: diagramPath(flow.id, flow.name),
      drawing,
      svg: drawingToSvg(drawing, `PHI flow: ${flow.name}`),
    };
  });
}

export function flowsSection(ctx: ReportContext): Section {
  const { flows } = ctx.data;
  const blocks: Block[] = [];
  if (flows.length === 0) {
    blocks.push(
      paragraph('No PHI-flow diagrams have been recorded for this engagement.'),
      callout(
        'warning',
        'Data flows are part of the risk analysis',
        'OCR expects the risk analysis to cover every location of ePHI, including how it moves between systems and business associates. Draw the PHI flows (entry points, processing, storage, backups, third parties) before submission.',
      ),
    );
    return { id: 'phi-flows', title: 'PHI flows', blocks };
  }
  const diagrams = new Map(flowDiagrams(ctx.data).map((d) => [d.flowId, d]));
  blocks.push(
    paragraph(
      `${plural(flows.length, 'PHI flow')} documented. Each diagram is also in the package as an SVG file under diagrams/.`,
    ),
  );
  for (const flow of flows) {
    const d = diagrams.get(flow.id)!;
    const label = new Map(flow.nodes.map((n) => [n.id, n.label]));
    blocks.push({ kind: 'heading', level: 2, text: flow.name });
    if (flow.description) blocks.push(paragraph(flow.description));
    blocks.push({
      kind: 'figure',
      drawing: d.drawing,
      caption: `Figure: ${flow.name} (${d.path})`,
      file: d.path,
    });
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Component', width: 30 },
        { header: 'Kind', width: 15 },
        { header: 'Cloud resource', width: 45, mono: true },
        { header: 'PHI', width: 10 },
      ],
      emptyText: 'This flow has no components yet.',
      rows: flow.nodes.map((n) => [
        cell(n.label, undefined, true),
        cell(n.kind),
        cell(n.resourceNativeId ?? '—'),
        cell(n.phi ? 'yes' : '—', n.phi ? 'fail' : undefined),
      ]),
    });
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'From', width: 25 },
        { header: 'To', width: 25 },
        { header: 'Flow', width: 25 },
        { header: 'Data classes', width: 25 },
      ],
      emptyText: 'This flow has no connections yet.',
      rows: flow.edges.map((e) => [
        cell(label.get(e.source) ?? `#${e.source}`),
        cell(label.get(e.target) ?? `#${e.target}`),
        cell(e.label || '—'),
        cell(e.dataClasses.join(', ') || '—'),
      ]),
    });
  }
  return { id: 'phi-flows', title: 'PHI flows', blocks };
}

const STATUS_LABEL = {
  implemented: 'Implemented',
  partially_implemented: 'Partially implemented',
  not_implemented: 'Not implemented',
  not_applicable: 'Not applicable',
} as const;

export function attestationsSection(ctx: ReportContext): Section {
  const { attestations, attachments } = ctx.data;
  const names = new Map(attachments.map((a) => [a.id, a.name]));
  const blocks: Block[] = [];
  if (attestations.length === 0) {
    blocks.push(
      paragraph('No attestations have been recorded for this engagement.'),
      callout(
        'warning',
        'Manual controls are not evidenced',
        'Administrative safeguards such as 164.308(a)(5) training, 164.308(a)(1)(ii)(C) sanctions or 164.308(a)(7) contingency planning cannot be evidenced from cloud configuration; record attestations, with the supporting documents attached, before submission.',
      ),
    );
  } else {
    blocks.push(
      paragraph(
        `${plural(attestations.length, 'attestation')} recorded by the consultant for controls that cloud configuration cannot show.`,
      ),
    );
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Security Rule', width: 24 },
        { header: 'Status', width: 13 },
        { header: 'Statement', width: 33 },
        { header: 'Attested by, on', width: 15 },
        { header: 'Supporting documents', width: 15 },
      ],
      rows: attestations.map((a) => [
        cell(describeCitation(a.citation)),
        cell(
          STATUS_LABEL[a.status],
          a.status === 'implemented'
            ? 'ok'
            : a.status === 'not_applicable'
              ? 'muted'
              : a.status === 'partially_implemented'
                ? 'warning'
                : 'fail',
        ),
        cell(a.statement),
        cell(`${a.attestedBy}\n${day(a.attestedAt)}`),
        cell(a.attachmentIds.map((id) => `#${id} ${names.get(id) ?? '(missing)'}`).join('\n') || '—'),
      ]),
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Attachment index' });
  blocks.push(
    paragraph(
      attachments.length
        ? 'Documents held in the engagement workspace (policies, training records, test reports). They are identified here by SHA-256 so the copy a reviewer receives can be matched; they are not copied into this package.'
        : 'No supporting documents have been attached to this engagement.',
    ),
  );
  if (attachments.length) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: '#', width: 5 },
        { header: 'Name', width: 22 },
        { header: 'Description', width: 24 },
        { header: 'Type, size, added', width: 17 },
        { header: 'SHA-256', width: 32, mono: true },
      ],
      rows: attachments.map((a) => [
        cell(a.id),
        cell(a.name),
        cell(a.description || '—'),
        cell(`${a.mediaType}\n${a.size.toLocaleString('en-US')} bytes\n${day(a.addedAt)}`),
        cell(a.sha256),
      ]),
    });
  }
  return { id: 'attestations', title: 'Attestations and attachments', blocks };
}
