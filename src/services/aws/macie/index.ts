import { Macie2Client } from '@aws-sdk/client-macie2';
import { defineService } from '../../../kit';
import { collectMacie } from './collect';
import { ops } from './operations';
import { macieSession } from './resource';
import { macieEnabled } from './rules/enabled';
import { macieSim } from './sim';

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
  collect: collectMacie,
  sim: macieSim,
});
