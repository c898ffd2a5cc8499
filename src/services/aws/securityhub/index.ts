import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { defineService } from '../../../kit';
import { collectSecurityHub } from './collect';
import { ops } from './operations';
import { securityHubHub } from './resource';
import { securityHubEnabled } from './rules/enabled';
import { securityHubStandards } from './rules/standards';
import { securityHubSim } from './sim';

/** AWS Security Hub (CSPM): per account and region, whether the account is subscribed, and its standards. */
export const securityhub = defineService({
  id: 'aws.securityhub',
  provider: 'aws',
  service: 'securityhub',
  title: 'AWS Security Hub CSPM',
  hipaaListName: 'securityhub',
  scope: 'regional',
  client: SecurityHubClient,
  operations: Object.values(ops),
  resources: [securityHubHub],
  rules: [securityHubEnabled, securityHubStandards],
  collect: collectSecurityHub,
  sim: securityHubSim,
});
