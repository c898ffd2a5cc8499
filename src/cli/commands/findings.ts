import type { Command } from 'commander';
import type { Severity } from '../../kit/model';
import { DeskError } from '../../errors';
import { withContext } from '../context';
import { EXIT } from '../exit-codes';
import { table } from '../format';

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function csvCell(v: unknown): string {
  const s = Array.isArray(v) ? v.join(' ') : String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function registerFindings(program: Command): void {
  program
    .command('findings')
    .description('List the findings of the newest run (or --run N) as a table, JSON or CSV.')
    .argument('<workspace>', 'workspace file')
    .option('--format <f>', 'table, json or csv', 'table')
    .option('--status <s>', 'fail, pass or not_applicable')
    .option('--severity <list>', 'comma list of severities, e.g. critical,high')
    .option('--new', 'only findings that are new since the previous run')
    .option('--phi', 'only resources that hold PHI')
    .option('--run <id>', 'a specific run', (v) => Number.parseInt(v, 10))
    .option('--exit-code', `exit ${EXIT.gate} when any finding is listed (for CI gates)`)
    .action(async (file: string, opts: Record<string, unknown>) => {
      const format = String(opts.format);
      if (!['table', 'json', 'csv'].includes(format))
        throw new DeskError('BAD_INPUT', '--format: expected table, json or csv');
      const severity = opts.severity
        ? String(opts.severity)
            .split(',')
            .map((s) => s.trim())
        : undefined;
      if (severity?.some((s) => !SEVERITIES.includes(s as Severity))) {
        throw new DeskError('BAD_INPUT', `--severity: expected a comma list of ${SEVERITIES.join(', ')}`);
      }
      const count = await withContext(async (ctx) => {
        await ctx.openWorkspace(file);
        const items = [];
        let runId: number | null;
        for (let offset = 0; ; offset += 1000) {
          const page = await ctx.call('findings.list', {
            ...(opts.run !== undefined ? { runId: opts.run } : {}),
            ...(opts.status ? { status: opts.status } : {}),
            ...(severity ? { severity } : {}),
            ...(opts.new ? { change: 'new' } : {}),
            ...(opts.phi ? { phiOnly: true } : {}),
            limit: 1000,
            offset,
          });
          runId = page.runId;
          items.push(...page.items);
          if (items.length >= page.total || page.items.length === 0) break;
        }
        if (format === 'json') console.log(JSON.stringify({ runId, findings: items }, null, 2));
        else if (format === 'csv') {
          const cols = [
            'key',
            'severity',
            'status',
            'change',
            'ruleId',
            'ruleTitle',
            'resourceName',
            'nativeId',
            'provider',
            'scopeId',
            'region',
            'phi',
            'citations',
            'evidenceIds',
            'detail',
          ] as const;
          console.log(cols.join(','));
          for (const f of items) console.log(cols.map((c) => csvCell(f[c])).join(','));
        } else if (runId === null) {
          console.log('No assessment has run in this workspace yet.');
        } else {
          console.log(
            table(
              ['severity', 'status', 'change', 'rule', 'resource', 'region', 'PHI', 'citations'],
              items.map((f) => [
                f.severity,
                f.status,
                f.change,
                f.ruleId,
                f.resourceName,
                f.region ?? '',
                f.phi ? 'yes' : '',
                f.citations.join(' '),
              ]),
            ),
          );
          console.log(`\n${items.length} finding(s) from run #${runId}`);
        }
        return items.length;
      });
      if (opts.exitCode && count > 0) process.exitCode = EXIT.gate;
    });
}
