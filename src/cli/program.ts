import { Command, CommanderError } from 'commander';
import { isDeskError, messageOf } from '../errors';
import { TOOL_VERSION } from '../version';
import { registerAccessKit } from './commands/access-kit';
import { registerAssess } from './commands/assess';
import { registerAuditLog } from './commands/audit-log';
import { registerExport, registerVerify } from './commands/export';
import { registerFindings } from './commands/findings';
import { registerTriage } from './commands/triage';
import { registerInfo } from './commands/info';
import { registerInit } from './commands/init';
import { registerRules } from './commands/rules';
import { registerScenario } from './commands/scenario';
import { registerUi } from './commands/ui';
import { EXIT, exitCodeFor } from './exit-codes';

/** Every command is registered here, one line each; commands live in src/cli/commands/. */
export function buildProgram(): Command {
  const program = new Command('phi-audit')
    .description(
      'PHI Audit Desk: read-only HIPAA Security Rule assessments of AWS and Azure, and signed OCR audit packages.',
    )
    .version(TOOL_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerInit(program);
  registerInfo(program);
  registerAuditLog(program);
  registerUi(program);
  registerAssess(program);
  registerFindings(program);
  registerTriage(program);
  registerAccessKit(program);
  registerRules(program);
  registerScenario(program);
  registerExport(program);
  registerVerify(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isDeskError(err)) {
      console.error(`phi-audit: ${err.message}`);
      return exitCodeFor(err.code);
    }
    console.error(`phi-audit: ${messageOf(err)}`);
    if (process.env.PHI_AUDIT_DEBUG) console.error(err);
    return EXIT.internal;
  }
}
