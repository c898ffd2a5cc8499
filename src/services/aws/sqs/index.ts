import { SQSClient } from '@aws-sdk/client-sqs';
import { defineService } from '../../../kit';
import { collectSqsQueues } from './collect';
import { ops } from './operations';
import { sqsQueue } from './resource';
import { sqsEncryptionAtRest } from './rules/encryption-at-rest';
import { sqsPolicyPublic } from './rules/policy-public';
import { sqsTlsOnlyPolicy } from './rules/tls-only-policy';
import { sqsSim } from './sim';

/** Amazon SQS: queues listed and read per region (queues are regional); no message is ever read. */
export const sqs = defineService({
  id: 'aws.sqs',
  provider: 'aws',
  service: 'sqs',
  title: 'Amazon Simple Queue Service',
  hipaaListName: 'sqs',
  scope: 'regional',
  client: SQSClient,
  operations: Object.values(ops),
  resources: [sqsQueue],
  rules: [sqsEncryptionAtRest, sqsPolicyPublic, sqsTlsOnlyPolicy],
  collect: collectSqsQueues,
  sim: sqsSim,
});
