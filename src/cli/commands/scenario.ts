import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { demoScenario } from '../../cloud/sim';
import { DeskError, messageOf } from '../../errors';

/**
 * `phi-audit scenario`: writes the bundled demo organisation as a scenario file, the starting point
 * for a training or test scenario of one's own (`assess --scenario FILE`). Simulated data only.
 */
export function registerScenario(program: Command): void {
  program
    .command('scenario')
    .description(
      'Write the demo organisation as a scenario file (all services), to edit and run with assess --scenario.',
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .action((opts: { out?: string }) => {
      const text = `${JSON.stringify(demoScenario(), null, 2)}\n`;
      if (!opts.out) {
        process.stdout.write(text);
        return;
      }
      try {
        writeFileSync(opts.out, text, { flag: 'wx' });
      } catch (error) {
        throw new DeskError('BAD_INPUT', `Cannot write ${opts.out}: ${messageOf(error)}`, { cause: error });
      }
      console.log(`Wrote the demo scenario to ${opts.out}.`);
    });
}
