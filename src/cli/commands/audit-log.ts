import type { Command } from 'commander';
import { withContext } from '../context';
import { EXIT } from '../exit-codes';
import { table } from '../format';

export function registerAuditLog(program: Command): void {
  const cmd = program
    .command('audit-log')
    .description('Read or verify the hash-chained audit log of a workspace.');

  cmd
    .command('verify')
    .description('Check that no audit log row was edited, deleted or reordered. Exit 5 if it was.')
    .argument('<file>', 'workspace file')
    .option('--json', 'print as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      await withContext(async (ctx) => {
        await ctx.openWorkspace(file);
        const result = await ctx.call('auditLog.verify', {});
        if (opts.json) console.log(JSON.stringify(result, null, 2));
        else if (result.ok)
          console.log(`Audit log intact: ${result.rows} rows, head ${result.headHash.slice(0, 16)}…`);
        else console.log(`Audit log BROKEN at row ${result.brokenAt}: ${result.reason}`);
        if (!result.ok) process.exitCode = EXIT.gate;
      });
    });

  cmd
    .command('show')
    .description('Print the newest audit log entries.')
    .argument('<file>', 'workspace file')
    .option('-n, --limit <n>', 'how many entries', (v) => Number.parseInt(v, 10), 50)
    .option('--json', 'print as JSON')
    .action(async (file: string, opts: { limit: number; json?: boolean }) => {
      await withContext(async (ctx) => {
        await ctx.openWorkspace(file);
        const { total, entries } = await ctx.call('auditLog.list', { limit: opts.limit, offset: 0 });
        if (opts.json) {
          console.log(JSON.stringify({ total, entries }, null, 2));
          return;
        }
        console.log(
          table(
            ['#', 'at', 'actor', 'action', 'subject'],
            entries.map((e) => [e.seq, e.at, e.actor, e.action, e.subject]),
          ),
        );
        console.log(`\n${entries.length} of ${total} entries`);
      });
    });
}
