import { Macie2Client } from '@aws-sdk/client-macie2';
import { defineService, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import { collectMacie, isObserving, observeMessages } from './collect';
import { ops } from './operations';
import { macieSession } from './resource';
import { macieEnabled } from './rules/enabled';
import { macieSim } from './sim';

/**
 * The collector runs once more through the kit with a base that keeps error messages (see
 * observeMessages): the kit builds the AWS context from the base, so that is where to listen.
 */
function collect(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  if (isObserving(ctx.base)) return collectMacie(ctx, ctx.base.errorMessages);
  return macie.collector.collect(observeMessages(ctx.base));
}

/** Amazon Macie: per account and region, whether Macie is enabled (a session exists) and not paused. */
export const macie = defineService({
  id: 'aws.macie',
  provider: 'aws',
  service: 'macie',
  title: 'Amazon Macie',
  hipaaListName: 'macie2',
  scope: 'regional',
  client: Macie2Client,
  operations: Object.values(ops),
  resources: [macieSession],
  rules: [macieEnabled],
  collect,
  sim: macieSim,
});
