import type { Command } from 'commander';
import type { OpOutput } from '../../api/contract';
import { withContext } from '../context';
import { formatBytes, table } from '../format';
import { scopeSummary } from '../scope-summary';

type Summary = OpOutput<'workspace.open'>;

export function printSummary(s: Summary): void {
  const e = s.engagement;
  console.log(`${e.client} — ${e.title}`);
  console.log(`Period:            ${e.periodStart} to ${e.periodEnd}`);
  console.log(
    `Approved regions:  ${e.approvedRegions.length ? e.approvedRegions.join(', ') : '(none set: every region is flagged)'}`,
  );
  console.log(`PHI tag keys:      ${e.phiTagKeys.join(', ') || '(none)'}`);
  console.log(`PHI URL paths:     ${e.phiUrlPaths.join(', ') || '(none)'}`);
  if (e.consultant) console.log(`Consultant:        ${e.consultant}`);
  console.log(`File:              ${s.path} (${formatBytes(s.sizeBytes)}, format ${s.schemaVersion})`);
  console.log(
    `Last run:          ${s.lastRun ? `#${s.lastRun.id} ${s.lastRun.kind}, ${s.lastRun.status}, ${s.lastRun.startedAt}` : 'none yet'}`,
  );
  console.log('');
  const c = s.counts;
  console.log(
    table(
      [
        'targets',
        'runs',
        'evidence',
        'resources',
        'failing',
        'gaps',
        'attestations',
        'flows',
        'exports',
        'log',
      ],
      [
        [
          c.targets,
          c.runs,
          c.evidence,
          c.resources,
          c.failingFindings,
          c.coverageGaps,
          c.attestations,
          c.phiFlows,
          c.exports,
          c.auditLogEntries,
        ],
      ],
    ),
  );
}

export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('Show an engagement workspace: client, period, scope and what it holds.')
    .argument('<file>', 'workspace file (*.phiaudit)')
    .option('--json', 'print as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const summary = await ctx.openWorkspace(file);
        if (opts.json) console.log(JSON.stringify(summary, null, 2));
        else {
          printSummary(summary);
          if (summary.lastRun)
            for (const line of scopeSummary(await ctx.call('scope.get', {}))) console.log(line);
        }
      });
    });
}
