import type { Command } from 'commander';
import { DeskError } from '../../errors';
import { withContext } from '../context';

export function registerAccessKit(program: Command): void {
  program
    .command('access-kit')
    .description(
      "Print what a client must grant for a read-only assessment: generated from the collectors' declared operations.",
    )
    .option(
      '--aws',
      'the least-privilege IAM policy and a CloudFormation template for a read-only cross-account role',
    )
    .option('--azure', 'an Azure custom role definition')
    .option(
      '--trusted-principal <arn>',
      "the auditor's AWS principal allowed to assume the role",
      'arn:aws:iam::111122223333:root',
    )
    .option(
      '--external-id <id>',
      'the ExternalId the role requires (default: the engagement’s with --workspace, else a new one)',
    )
    .option('--workspace <file>', 'the engagement whose ExternalId the role requires (made on first use)')
    .action(
      async (opts: {
        aws?: boolean;
        azure?: boolean;
        trustedPrincipal: string;
        externalId?: string;
        workspace?: string;
      }) => {
        if (!opts.aws && !opts.azure) throw new DeskError('BAD_INPUT', 'Choose --aws, --azure, or both.');
        await withContext(async (ctx) => {
          if (opts.workspace) await ctx.openWorkspace(opts.workspace);
          const kit = await ctx.call('accessKit.get', {
            trustedPrincipalArn: opts.trustedPrincipal,
            ...(opts.externalId ? { externalId: opts.externalId } : {}),
          });
          if (opts.aws) {
            const origin = {
              given: 'as given',
              engagement: 'this engagement’s; assume-role targets of the engagement send it',
              generated: 'new: give it to the client with the template and run assess with --aws-external-id',
            }[kit.externalIdSource];
            console.log(`# AWS ExternalId the role requires: ${kit.externalId} (${origin})\n`);
            console.log('# AWS IAM policy (least privilege, read-only)\n');
            console.log(kit.awsIamPolicy);
            console.log('\n# AWS CloudFormation: read-only cross-account role\n');
            console.log(kit.awsCloudFormation);
          }
          if (opts.azure) {
            console.log(
              `${opts.aws ? '\n' : ''}# Azure custom role (read-only; assign at subscription scope)\n`,
            );
            console.log(kit.azureCustomRole);
          }
        });
      },
    );
}
