/** Names of things inside the audit package; the report, the manifest and verify agree on them. */

export const REPORT_PDF = 'report.pdf';
export const REPORT_DOCX = 'report.docx';
export const MANIFEST = 'manifest.json';
export const MANIFEST_SIGNATURE = 'manifest.json.p7s';
export const EVIDENCE_INDEX_CSV = 'evidence/index.csv';

function slug(text: string, max = 60): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // ü → u, é → e
    .replace(/[^\w.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return (s || 'x').slice(0, max);
}

/** evidence/<id>-<service>-<operation>.json: sortable by id, readable at a glance. */
export function evidencePath(id: number, service: string, operation: string): string {
  return `evidence/${id}-${slug(service, 40)}-${slug(operation, 80)}.json`;
}

export function diagramPath(flowId: number, name: string): string {
  return `diagrams/flow-${flowId}-${slug(name.toLowerCase(), 50)}.svg`;
}

/** <client>-<date>-audit-package */
export function packageBaseName(client: string, date: Date): string {
  // Dots in a client name ("Inc.") make odd folder names: only the evidence names keep them.
  return `${slug(client.toLowerCase().replace(/\./g, ' '), 60)}-${date.toISOString().slice(0, 10)}-audit-package`;
}
