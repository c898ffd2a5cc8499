import { DetectiveClient } from '@aws-sdk/client-detective';
import { defineService } from '../../../kit';
import { collectDetective } from './collect';
import { ops } from './operations';
import { detectiveRegion } from './resource';
import { detectiveEnabled } from './rules/enabled';
import { detectiveSim } from './sim';

/** Amazon Detective: per account and region, whether a behavior graph collects the account's activity. */
export const detective = defineService({
  id: 'aws.detective',
  provider: 'aws',
  service: 'detective',
  title: 'Amazon Detective',
  hipaaListName: 'Amazon Detective',
  scope: 'regional',
  client: DetectiveClient,
  operations: Object.values(ops),
  resources: [detectiveRegion],
  rules: [detectiveEnabled],
  collect: collectDetective,
  sim: detectiveSim,
});
