import type { ConformancePackRuleCompliance } from '@aws-sdk/client-config-service';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import { packFrom, recorderFrom, recordersArn, regionName } from './normalize';
import { ops } from './operations';
import { configRegion, type ConfigRegionProperties, type ConformancePack } from './resource';

/** DescribeConformancePacks Limit: 0–20; DescribeConformancePackCompliance Limit: 0–1000. */
const packsPage = 20;
const compliancePage = 1000;

/** AWS Config of one account and region: recorders with their status, conformance packs with rule compliance. */
export async function collectConfig(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const name = regionName(ctx.region, ctx.accountId);
  const subject = `AWS Config in ${name}`;
  const recorders = await ctx.call(ops.describeConfigurationRecorders.command, {}, { subject });
  // Opt-in region not enabled for the account: nothing runs there, nothing to judge.
  // A refused or failed read is a coverage gap (recorded): nothing is known, nothing is judged.
  if (recorders.status === 'gap') return [];
  const properties: ConfigRegionProperties = { accountId: ctx.accountId };
  const evidenceIds = [recorders.evidenceId];
  if (recorders.status === 'ok') {
    const listed = recorders.output.ConfigurationRecorders ?? [];
    let statuses = null;
    if (listed.length > 0) {
      const status = await ctx.call(ops.describeConfigurationRecorderStatus.command, {}, { subject });
      evidenceIds.push(status.evidenceId);
      if (status.status === 'ok') statuses = status.output.ConfigurationRecordersStatus ?? [];
    }
    properties.recorders = listed.map((recorder) => recorderFrom(recorder, statuses));
  }
  const packs = await ctx.pages(
    ops.describeConformancePacks.command,
    { Limit: packsPage },
    { inputToken: 'NextToken', outputToken: 'NextToken', subject },
  );
  evidenceIds.push(...packs.pages.map((page) => page.evidenceId));
  if (packs.complete) {
    const details = packs.pages.flatMap((page) => page.output.ConformancePackDetails ?? []);
    properties.conformancePacks = await mapWithConcurrency(
      details,
      4,
      async (pack): Promise<ConformancePack> => {
        const packName = pack.ConformancePackName ?? '';
        const compliance = await ctx.pages(
          ops.describeConformancePackCompliance.command,
          { ConformancePackName: packName, Limit: compliancePage },
          {
            inputToken: 'NextToken',
            outputToken: 'NextToken',
            subject: `conformance pack ${packName}`,
            // Deleted between the two calls: no rules to report.
            notConfigured: ['NoSuchConformancePackException'],
          },
        );
        evidenceIds.push(...compliance.pages.map((page) => page.evidenceId));
        const rules: ConformancePackRuleCompliance[] | null = compliance.complete
          ? compliance.pages.flatMap((page) => page.output.ConformancePackRuleComplianceList ?? [])
          : null;
        return packFrom(pack, rules);
      },
    );
  }
  return [
    ctx.resource({
      type: configRegion.type,
      nativeId: recordersArn(ctx.partition, ctx.region, ctx.accountId),
      name,
      region: ctx.region,
      tags: {},
      properties: { ...properties },
      evidenceIds,
    }),
  ];
}
