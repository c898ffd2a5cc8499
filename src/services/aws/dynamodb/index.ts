import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { defineService } from '../../../kit';
import { collectDynamoDbTables } from './collect';
import { ops } from './operations';
import { dynamodbTable } from './resource';
import { dynamodbPhiCustomerManagedKey } from './rules/customer-managed-key';
import { dynamodbPointInTimeRecovery } from './rules/point-in-time-recovery';
import { dynamodbReplicaRegion } from './rules/replica-region';
import { dynamodbSim } from './sim';

/** Amazon DynamoDB: tables per region (global table replicas are tables of their regions); no item is read. */
export const dynamodb = defineService({
  id: 'aws.dynamodb',
  provider: 'aws',
  service: 'dynamodb',
  title: 'Amazon DynamoDB',
  hipaaListName: 'dynamodb',
  scope: 'regional',
  client: DynamoDBClient,
  operations: Object.values(ops),
  resources: [dynamodbTable],
  rules: [dynamodbPhiCustomerManagedKey, dynamodbPointInTimeRecovery, dynamodbReplicaRegion],
  collect: collectDynamoDbTables,
  sim: dynamodbSim,
});
