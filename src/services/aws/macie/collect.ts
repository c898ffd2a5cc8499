import type { AwsCollectContext, NormalizedResource } from '../../../kit';
import { notEnabled, regionName, saysMacieNotEnabled, sessionArn, sessionFrom } from './normalize';
import { ops } from './operations';
import { macieSession, type MacieSessionProperties } from './resource';

/** Macie of one account and region: one resource, enabled or not. */
export async function collectMacie(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const name = regionName(ctx.region, ctx.accountId);
  const properties: MacieSessionProperties = { accountId: ctx.accountId };
  // GetMacieSession says "Macie is not enabled" and "not authorized" with the same
  // AccessDeniedException: only the first is a fact about Macie; the second stays a coverage gap.
  const answer = await ctx.call(
    ops.getMacieSession.command,
    {},
    {
      subject: `Macie in ${name}`,
      notConfiguredWhen: (code, message) => code === 'AccessDeniedException' && saysMacieNotEnabled(message),
    },
  );
  // A refused or failed read (or an opt-in region not enabled) is a recorded gap: nothing is judged.
  if (answer.status === 'gap') return [];
  properties.session = answer.status === 'ok' ? sessionFrom(answer.output) : notEnabled;
  return [
    ctx.resource({
      type: macieSession.type,
      nativeId: sessionArn(ctx.partition, ctx.region, ctx.accountId),
      name,
      region: ctx.region,
      tags: {},
      properties: { ...properties },
      evidenceIds: [answer.evidenceId],
    }),
  ];
}
