/** Cover page, executive summary, and scope and methodology. */
import { TOOL_NAME, TOOL_VERSION } from '../../version';
import {
  bullets,
  callout,
  cell,
  keyValue,
  paragraph,
  run,
  type Block,
  type CoverPage,
  type Section,
} from '../model';
import {
  cap,
  day,
  failing,
  findingRisk,
  minute,
  plural,
  SEVERITIES,
  severityEmphasis,
  type ReportContext,
} from './context';
import { readinessBySafeguard, type ControlStatus } from './matrix';
import { noGapsSentence, notAssessedSummary, scopeBlocks, scopeStatement } from './scope';

export function coverPage(ctx: ReportContext): CoverPage {
  const e = ctx.data.engagement;
  return {
    title: e.title || 'HIPAA Security Rule assessment',
    subtitle: e.client,
    preparedFor:
      'Prepared for the U.S. Department of Health and Human Services, Office for Civil Rights (HHS OCR)',
    fields: [
      { key: 'Client', value: e.client },
      { key: 'Engagement', value: e.title },
      { key: 'Assessment period', value: `${e.periodStart} to ${e.periodEnd}` },
      { key: 'Consultant', value: e.consultant || 'not recorded' },
      { key: 'Report date', value: day(ctx.createdAt) },
      { key: 'Tool', value: `${TOOL_NAME} ${TOOL_VERSION}` },
      { key: 'Ruleset', value: ctx.data.rulesetVersion },
      {
        key: 'Signed by',
        value: `${ctx.signer.commonName}${ctx.signer.selfSigned ? ' (self-signed engagement certificate)' : ''}`,
      },
    ],
    notice:
      'Confidential. This package holds cloud configuration evidence collected with read-only access; it contains no protected health information (PHI). ' +
      'Its integrity can be checked with `phi-audit verify`, with pdfsig (the embedded PDF signature) and with openssl cms (the signature over manifest.json).',
  };
}

export function executiveSummarySection(ctx: ReportContext, statuses: ControlStatus[]): Section {
  const d = ctx.data;
  const e = d.engagement;
  const fails = failing(ctx);
  const bySeverity = SEVERITIES.map((s) => ({ s, all: fails.filter((f) => f.severity === s) }));
  const newCount = fails.filter((f) => f.change === 'new').length;
  const resolved = d.findings.filter((f) => f.change === 'resolved').length;
  const risks = fails.map((f) => findingRisk(ctx, f).level);
  const blocks: Block[] = [];
  if (d.findingsRunId === null) {
    blocks.push(
      callout(
        'warning',
        'No assessment run',
        'This workspace has no completed assessment run with findings. The sections below say what is missing; run an assessment before submission.',
      ),
    );
  }
  // The outcome line: a partial run, or a newer failed one, is said before any finding.
  for (const o of d.outcomes)
    blocks.push(
      callout(
        'warning',
        o.status === 'partial'
          ? `Run #${o.runId} is partial`
          : `Run #${o.runId} failed and is not reported here`,
        o.status === 'partial'
          ? `${o.statement}. The findings below are those of run #${o.runId}, for what it did assess.`
          : `Run #${o.runId}: ${o.statement}. ${d.findingsRunId === null ? 'No run has findings to report.' : `This report covers the earlier run #${d.findingsRunId}.`}`,
      ),
    );
  blocks.push(
    paragraph(
      `This report documents a read-only assessment of the cloud environments of ${e.client} against the HIPAA Security Rule (45 CFR Part 164, Subpart C) for the period ${e.periodStart} to ${e.periodEnd}. `,
      `Automated checks judged ${plural(new Set(d.findings.map((f) => f.nativeId)).size, 'resource')} in ${plural(d.targets.length, 'cloud scope')}; `,
      run(`${plural(fails.length, 'failing finding')}`, { bold: true }),
      d.firstRun
        ? ' remain open (first run: no previous run to compare with).'
        : ` remain open${newCount ? ` (${newCount} new since the previous run)` : ''}${resolved ? `, ${resolved} were resolved since the previous run` : ''}.`,
    ),
  );
  blocks.push(paragraph(run(scopeStatement(d.scope), { bold: true })));
  blocks.push({ kind: 'heading', level: 2, text: 'Readiness by safeguard' });
  blocks.push({
    kind: 'table',
    columns: [
      { header: 'Safeguard', width: 22 },
      { header: 'Rows', width: 10, align: 'right' },
      { header: 'Automated evidence passing', width: 17, align: 'right' },
      { header: 'Gaps (automated or attested)', width: 17, align: 'right' },
      { header: 'Attested only', width: 14, align: 'right' },
      { header: 'No evidence yet', width: 14, align: 'right' },
    ],
    rows: readinessBySafeguard(statuses).map((r) => [
      cell(cap(r.safeguard), undefined, true),
      cell(r.rows),
      cell(r.passing, r.passing ? 'pass' : undefined),
      cell(r.failing, r.failing ? 'fail' : undefined),
      cell(r.attested),
      cell(r.none, r.none ? 'muted' : undefined),
    ]),
  });
  blocks.push(
    paragraph(
      'Rows are the 68 standards and implementation specifications of 164.308–164.316. Administrative, physical, organizational and documentation safeguards can rarely be evidenced from cloud configuration: they need attestations with supporting documents.',
    ),
  );
  blocks.push({ kind: 'heading', level: 2, text: 'Findings by severity' });
  blocks.push({
    kind: 'table',
    columns: [
      { header: 'Severity', width: 20 },
      { header: 'Failing findings', width: 20, align: 'right' },
      { header: 'New since previous run', width: 20, align: 'right' },
      { header: 'On PHI resources', width: 20, align: 'right' },
      { header: 'Rules', width: 20, align: 'right' },
    ],
    rows: bySeverity.map(({ s, all }) => [
      cell(cap(s), severityEmphasis(s)),
      cell(all.length),
      cell(d.firstRun ? '— (first run)' : all.filter((f) => f.change === 'new').length),
      cell(all.filter((f) => f.phi).length),
      cell(new Set(all.map((f) => f.ruleId)).size),
    ]),
  });
  const riskCounts = (['critical', 'high', 'medium', 'low'] as const)
    .map((l) => `${risks.filter((r) => r === l).length} ${l}`)
    .join(', ');
  blocks.push({ kind: 'heading', level: 2, text: 'Scope and period' });
  blocks.push(
    keyValue([
      { key: 'Assessment period', value: `${e.periodStart} to ${e.periodEnd}` },
      {
        key: 'Cloud scopes',
        value:
          d.targets.map((t) => `${t.provider.toUpperCase()} ${t.label} (${t.scopeId})`).join('; ') ||
          'none recorded',
      },
      {
        key: 'Regions',
        value: [...new Set(d.targets.flatMap((t) => t.regions))].join(', ') || 'none recorded',
      },
      {
        key: 'Approved regions for PHI',
        value: e.approvedRegions.join(', ') || 'none set (every region is flagged)',
      },
      {
        key: 'Assessment run',
        value:
          d.findingsRunId === null
            ? 'none'
            : d.runs.map((r) => `#${r.id} ${r.kind}, ${minute(r.startedAt)}`).join('; '),
      },
      { key: 'Risk levels of open findings', value: fails.length ? riskCounts : 'no open findings' },
      { key: 'Services assessed', value: d.scope.servicesAssessed.join(', ') || 'none' },
      { key: 'Not assessed', value: notAssessedSummary(d.scope) },
      {
        key: 'Coverage gaps',
        value: d.gaps.length
          ? `${plural(d.gaps.length, 'gap')}: see Scope and methodology`
          : 'none recorded for the assessed services',
      },
      {
        key: 'Attestations',
        value: d.attestations.length ? plural(d.attestations.length, 'attestation') : 'none recorded yet',
      },
      {
        key: 'Workspace audit log',
        value: d.auditLog.ok
          ? `intact (${d.auditLog.rows} entries)`
          : `BROKEN at entry ${d.auditLog.brokenAt}: ${d.auditLog.reason}`,
      },
    ]),
  );
  return { id: 'executive-summary', title: 'Executive summary', blocks };
}

export function scopeSection(ctx: ReportContext): Section {
  const d = ctx.data;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Cloud scopes assessed' }];
  blocks.push({
    kind: 'table',
    columns: [
      { header: 'Provider / cloud', width: 14 },
      { header: 'Label', width: 16 },
      { header: 'Account / subscription', width: 22, mono: true },
      { header: 'Regions', width: 18 },
      { header: 'Identity used (read-only)', width: 30, mono: true },
    ],
    emptyText: 'No cloud scope has been added to this engagement.',
    rows: d.targets.map((t) => [
      // A custom cloud is only as trustworthy as the endpoint it named: print it where the cloud is.
      cell(
        `${t.provider.toUpperCase()} / ${t.cloud}${t.cloud === 'custom' && t.auth.armEndpoint ? `\nARM ${t.auth.armEndpoint}` : ''}`,
      ),
      cell(t.label),
      cell(t.scopeId),
      cell(t.regions.join(', ') || '—'),
      cell(
        [...t.identities, ...Object.entries(t.auth).map(([k, v]) => `${k}: ${v}`)].join('\n') ||
          'not recorded',
      ),
    ]),
  });
  blocks.push(...scopeBlocks(ctx));
  blocks.push({ kind: 'heading', level: 2, text: 'Runs, tool and ruleset' });
  blocks.push({
    kind: 'table',
    columns: [
      { header: 'Run', width: 7 },
      { header: 'Kind', width: 11 },
      { header: 'Status', width: 11 },
      { header: 'Started', width: 19 },
      { header: 'Finished', width: 19 },
      { header: 'Tool', width: 11 },
      { header: 'Ruleset', width: 12 },
    ],
    emptyText: 'No assessment run has completed in this workspace.',
    rows: d.runs.map((r) => [
      cell(`#${r.id}`),
      cell(r.kind),
      cell(r.status, r.status === 'completed' ? 'ok' : 'warning'),
      cell(minute(r.startedAt)),
      cell(minute(r.finishedAt)),
      cell(r.toolVersion),
      cell(r.rulesetVersion),
    ]),
  });
  if (d.runs.some((r) => r.kind === 'simulated')) {
    blocks.push(
      callout(
        'warning',
        'Simulated run',
        'At least one run in this report was collected from the built-in cloud simulator, not from a real cloud. Do not submit it as evidence.',
      ),
    );
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Method' });
  blocks.push(
    bullets([
      'Collection is read-only by construction: every AWS SDK client refuses any command not on the collectors’ declared list of read operations, and always refuses data-plane reads (GetObject, GetSecretValue, Decrypt and the like); the Azure pipeline lets through GET requests and POST only to listed read endpoints. No object, record or secret value is ever read, so the evidence holds configuration only.',
      'Each API response is stored unchanged as an evidence item with its SHA-256, region, operation, collection time and the caller identity; the evidence/ folder of this package holds every item, and the evidence index lists them.',
      'Resources are classified as holding PHI from their tags and names (tag keys: ' +
        (d.engagement.phiTagKeys.join(', ') || 'none') +
        '); CDN cache behaviours and routes are checked against the PHI URL paths (' +
        (d.engagement.phiUrlPaths.join(', ') || 'none') +
        ').',
      'Rules are pure functions of the collected configuration, each citing the Security Rule rows it tests; findings carry a stable key (rule + resource) so triage decisions carry over between runs.',
      'Errors (access denied, throttling after retries, disabled regions) are recorded as coverage gaps, below, never silently skipped.',
    ]),
  );
  blocks.push({ kind: 'heading', level: 2, text: 'Coverage gaps' });
  if (d.gaps.length === 0) {
    blocks.push(
      paragraph(
        d.collectionRunId === null
          ? 'No collection run exists, so coverage cannot be stated.'
          : noGapsSentence(d.scope),
      ),
    );
  } else {
    blocks.push(
      paragraph(
        `The following ${plural(d.gaps.length, 'call')} could not be completed. The configuration they cover was not assessed, and no finding below speaks for it: `,
        run('treat each as an open question for the client.', { bold: true }),
      ),
    );
    blocks.push({
      kind: 'table',
      compact: d.gaps.length > 50,
      columns: [
        { header: 'Scope', width: 18, mono: true },
        { header: 'Service', width: 10 },
        { header: 'Operation', width: 18 },
        { header: 'Region', width: 11 },
        { header: 'Reason', width: 12 },
        { header: 'Message', width: 31 },
      ],
      rows: d.gaps.map((g) => [
        cell(`${g.provider} ${g.scopeId}`),
        cell(g.service),
        cell(g.operation),
        cell(g.region),
        cell(g.reason.replace(/_/g, ' '), 'warning'),
        cell(g.message),
      ]),
    });
  }
  return { id: 'scope-and-methodology', title: 'Scope and methodology', blocks };
}
