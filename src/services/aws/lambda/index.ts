import { LambdaClient } from '@aws-sdk/client-lambda';
import { defineService } from '../../../kit';
import { collectLambdaFunctions } from './collect';
import { ops } from './operations';
import { lambdaFunction } from './resource';
import { lambdaFunctionUrlAuth } from './rules/function-url-auth';
import { lambdaHealthFunctionUrlAuth } from './rules/health-function-url-auth';
import { lambdaSim } from './sim';

/**
 * AWS Lambda: functions listed per region with their configuration (environment variable values
 * redacted before they become evidence), function URLs, tags, and the resource-based policy of
 * each AuthType NONE URL. No function is invoked and no code is read.
 */
export const lambda = defineService({
  id: 'aws.lambda',
  provider: 'aws',
  service: 'lambda',
  title: 'AWS Lambda',
  hipaaListName: 'lambda',
  scope: 'regional',
  client: LambdaClient,
  operations: Object.values(ops),
  resources: [lambdaFunction],
  rules: [lambdaFunctionUrlAuth, lambdaHealthFunctionUrlAuth],
  collect: collectLambdaFunctions,
  sim: lambdaSim,
});
