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
    .option('--external-id <id>', 'external id required to assume the role')
    .action(
      async (opts: { aws?: boolean; azure?: boolean; trustedPrincipal: string; externalId?: string }) => {
        if (!opts.aws && !opts.azure) throw new DeskError('BAD_INPUT', 'Choose --aws, --azure, or both.');
        await withContext(async (ctx) => {
          const kit = await ctx.call('accessKit.get', {
            trustedPrincipalArn: opts.trustedPrincipal,
            ...(opts.externalId ? { externalId: opts.externalId } : {}),
          });
          if (opts.aws) {
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
