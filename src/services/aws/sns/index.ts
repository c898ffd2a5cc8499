import { SNSClient } from '@aws-sdk/client-sns';
import { defineService } from '../../../kit';
import { collectSnsTopics } from './collect';
import { ops } from './operations';
import { snsTopic } from './resource';
import { snsEncryptionAtRest } from './rules/encryption-at-rest';
import { snsPolicyPublic } from './rules/policy-public';
import { snsTlsOnlyPolicy } from './rules/tls-only-policy';
import { snsSim } from './sim';

/** Amazon SNS: topics listed and read per region (topics are regional); nothing is published or subscribed. */
export const sns = defineService({
  id: 'aws.sns',
  provider: 'aws',
  service: 'sns',
  title: 'Amazon Simple Notification Service',
  hipaaListName: 'sns',
  scope: 'regional',
  client: SNSClient,
  operations: Object.values(ops),
  resources: [snsTopic],
  rules: [snsEncryptionAtRest, snsPolicyPublic, snsTlsOnlyPolicy],
  collect: collectSnsTopics,
  sim: snsSim,
});
