import type { Command } from 'commander';
import { withContext } from '../context';
import { table } from '../format';

export function registerTriage(program: Command): void {
  program
    .command('triage')
    .description(
      'Record a triage decision for a finding (the risk management plan, 164.308(a)(1)(ii)(B)); without --status, show its history.',
    )
    .argument('<workspace>', 'workspace file')
    .argument(
      '<finding-key>',
      "the finding's key (rule id|resource id), as listed by `phi-audit findings --format csv`",
    )
    .option('--status <s>', 'open, in_progress, remediated, risk_accepted or false_positive')
    .option('--owner <name>', 'who remediates or owns the risk')
    .option('--due <YYYY-MM-DD>', 'due date')
    .option('--likelihood <level>', 'low, medium or high (overrides the computed rating)')
    .option('--impact <level>', 'low, medium or high (overrides the computed rating)')
    .option('--justification <text>', 'required for risk_accepted and false_positive')
    .option('--json', 'print as JSON')
    .action(async (file: string, findingKey: string, opts: Record<string, string | boolean | undefined>) => {
      await withContext(async (ctx) => {
        await ctx.openWorkspace(file);
        if (opts.status) {
          const saved = await ctx.call('finding.triage', {
            findingKey,
            status: opts.status,
            ...(opts.owner ? { owner: opts.owner } : {}),
            ...(opts.due ? { dueDate: opts.due } : {}),
            ...(opts.likelihood ? { likelihood: opts.likelihood } : {}),
            ...(opts.impact ? { impact: opts.impact } : {}),
            ...(opts.justification ? { justification: opts.justification } : {}),
          });
          if (opts.json) console.log(JSON.stringify(saved, null, 2));
          else
            console.log(
              `Recorded: ${saved.status}${saved.owner ? `, owner ${saved.owner}` : ''}${saved.dueDate ? `, due ${saved.dueDate}` : ''}.`,
            );
          return;
        }
        const history = await ctx.call('finding.triageHistory', { findingKey });
        if (opts.json) console.log(JSON.stringify(history, null, 2));
        else if (history.length === 0) console.log('Not triaged yet.');
        else
          console.log(
            table(
              ['when', 'who', 'status', 'owner', 'due', 'justification'],
              history.map((h) => [
                h.changedAt,
                h.actor,
                h.status,
                h.owner,
                h.dueDate ?? '',
                h.justification.slice(0, 60),
              ]),
            ),
          );
      });
    });
}
