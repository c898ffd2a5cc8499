import type { AwsCollectContext, CollectorContext, EvidenceRecord, NormalizedResource } from '../../../kit';
import { notEnabled, regionName, saysMacieNotEnabled, sessionArn, sessionFrom } from './normalize';
import { ops } from './operations';
import { macieSession, type MacieSessionProperties } from './resource';

/**
 * A collector context that keeps the error message of each answer it records. GetMacieSession says
 * "Macie is not enabled" and "not authorized" with the same AccessDeniedException code, and the kit's
 * call helper hands back the code only (its notConfigured list matches codes); the message is in the
 * evidence it records, so this base reads it there on the way through.
 */
export interface MessageObservingContext extends CollectorContext {
  readonly errorMessages: Map<number, string>;
}

export function observeMessages(base: CollectorContext): MessageObservingContext {
  const errorMessages = new Map<number, string>();
  return {
    ...base,
    errorMessages,
    record(evidence: EvidenceRecord) {
      const id = base.record(evidence);
      if (evidence.errorMessage !== undefined) errorMessages.set(id, evidence.errorMessage);
      return id;
    },
  };
}

export function isObserving(base: CollectorContext): base is MessageObservingContext {
  return 'errorMessages' in base;
}

/** Macie of one account and region: one resource, enabled or not. */
export async function collectMacie(
  ctx: AwsCollectContext,
  errorMessages: ReadonlyMap<number, string>,
): Promise<NormalizedResource[]> {
  const name = regionName(ctx.region, ctx.accountId);
  const properties: MacieSessionProperties = { accountId: ctx.accountId };
  const answer = await ctx.call(
    ops.getMacieSession.command,
    {},
    { subject: `Macie in ${name}`, notConfigured: ['AccessDeniedException'] },
  );
  // Opt-in region not enabled for the account: nothing runs there, nothing to judge.
  // A refused or failed read is a coverage gap (recorded): nothing is known, nothing is judged.
  if (answer.status === 'gap') return [];
  if (answer.status === 'ok') properties.session = sessionFrom(answer.output);
  if (answer.status === 'not_configured') {
    const message = errorMessages.get(answer.evidenceId);
    if (saysMacieNotEnabled(message)) properties.session = notEnabled;
    // IAM refused the call: a coverage gap, as the kit records any other refusal.
    else
      ctx.base.gap({
        service: 'macie',
        operation: ops.getMacieSession.name,
        region: ctx.region,
        reason: 'access_denied',
        message: `${ops.getMacieSession.name} for Macie in ${name} in ${ctx.region} failed: ${answer.errorCode}: ${message ?? '(no message)'}`,
        evidenceId: answer.evidenceId,
      });
    if (!properties.session) return [];
  }
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
