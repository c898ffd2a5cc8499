/**
 * Builds the one document model of the audit package from a workspace's data. The order of the
 * sections follows what OCR asks for (ocr-audit-protocol.md §4): scope and method first, then the
 * control matrix, the risk analysis and plan, findings with evidence, PHI flows, attestations,
 * breach readiness, the evidence index and the signature.
 */
import { TOOL_NAME, TOOL_VERSION } from '../version';
import type { ReportData } from './data';
import type { ReportDocument } from './model';
import type { CertificateInfo } from './sign';
import { breachSection } from './sections/breach';
import type { ReportContext } from './sections/context';
import { evidenceIndexSection, signatureSection } from './sections/evidence';
import { findingsSection } from './sections/findings';
import { attestationsSection, flowsSection } from './sections/manual';
import { controlMatrixSection, controlStatuses } from './sections/matrix';
import { coverPage, executiveSummarySection, scopeSection } from './sections/overview';
import { riskAnalysisSection, riskManagementSection } from './sections/risk';

export interface BuildReportOptions {
  signer: CertificateInfo;
  createdAt: string;
  /** SHA-256 over the evidence and diagram entries of the manifest (manifest.ts contentDigest). */
  contentDigest: string;
  /** Failing findings shown one by one with evidence hashes; above it, compact tables. */
  detailLimit?: number;
  /** Evidence items listed one by one; above it, a summary and evidence/index.csv. */
  evidenceListLimit?: number;
}

export const CONFIDENTIALITY = 'Confidential — configuration evidence only, contains no PHI';

export function buildReport(data: ReportData, opts: BuildReportOptions): ReportDocument {
  const ctx: ReportContext = {
    data,
    createdAt: opts.createdAt,
    signer: opts.signer,
    contentDigest: opts.contentDigest,
    detailLimit: opts.detailLimit ?? 250,
    evidenceListLimit: opts.evidenceListLimit ?? 600,
  };
  const statuses = controlStatuses(ctx);
  const e = data.engagement;
  return {
    meta: {
      title: `${e.title || 'HIPAA Security Rule assessment'} — ${e.client}`,
      client: e.client,
      author: e.consultant || opts.signer.commonName,
      subject: 'HIPAA Security Rule (45 CFR 164.308–164.316) assessment and audit package for HHS OCR',
      createdAt: opts.createdAt,
      headerLeft: `${e.client} — ${e.title || 'HIPAA Security Rule assessment'}`,
      headerRight: CONFIDENTIALITY,
      footerLeft: `${TOOL_NAME} ${TOOL_VERSION} · ruleset ${data.rulesetVersion} · ${opts.createdAt.slice(0, 10)}`,
    },
    cover: coverPage(ctx),
    sections: [
      executiveSummarySection(ctx, statuses),
      scopeSection(ctx),
      controlMatrixSection(ctx, statuses),
      riskAnalysisSection(ctx),
      riskManagementSection(ctx),
      findingsSection(ctx),
      flowsSection(ctx),
      attestationsSection(ctx),
      breachSection(ctx),
      evidenceIndexSection(ctx),
      signatureSection(ctx),
    ],
  };
}
