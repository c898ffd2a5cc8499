import type { Command } from 'commander';
import { resolve } from 'node:path';
import { withContext } from '../context';
import { printSummary } from './info';

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function thisYear(): { start: string; end: string } {
  const y = new Date().getUTCFullYear();
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

export function registerInit(program: Command): void {
  const year = thisYear();
  program
    .command('init')
    .description('Create a new engagement workspace (*.phiaudit).')
    .argument('<file>', 'workspace file to create; .phiaudit is added if missing')
    .requiredOption('--client <name>', 'the client organisation')
    .option('--title <text>', 'engagement title')
    .option('--period-start <YYYY-MM-DD>', 'start of the assessment period', year.start)
    .option('--period-end <YYYY-MM-DD>', 'end of the assessment period', year.end)
    .option(
      '--approved-regions <list>',
      'comma-separated regions where PHI may be stored, e.g. us-east-1,eastus',
      list,
      [],
    )
    .option(
      '--phi-tag-keys <list>',
      'comma-separated tag keys that mark PHI (default: phi,data-classification,hipaa)',
      list,
    )
    .option(
      '--phi-url-paths <list>',
      'comma-separated URL paths that carry PHI, checked against CDN caching (default: /account*,/orders*,/checkout*,/api/*)',
      list,
    )
    .option('--consultant <name>', 'the consultant responsible')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: Record<string, unknown>) => {
      await withContext(async (ctx) => {
        const summary = await ctx.call('workspace.create', {
          file: resolve(file),
          client: opts.client,
          title: opts.title,
          periodStart: opts.periodStart,
          periodEnd: opts.periodEnd,
          approvedRegions: opts.approvedRegions,
          phiTagKeys: opts.phiTagKeys,
          phiUrlPaths: opts.phiUrlPaths,
          consultant: opts.consultant,
        });
        if (opts.json) console.log(JSON.stringify(summary, null, 2));
        else {
          console.log(`Created ${summary.path}\n`);
          printSummary(summary);
        }
      });
    });
}
