import {
  GetPolicyCommand,
  ListFunctionsCommand,
  ListFunctionUrlConfigsCommand,
  ListTagsCommand,
} from '@aws-sdk/client-lambda';
import { awsOperation } from '../../../kit';

/**
 * Every Lambda call the collector makes: the guard allows exactly these, the access kit grants
 * exactly them. Nothing here invokes a function or reads its code (Invoke, GetFunction's code
 * location and GetFunctionConfiguration stay out): ListFunctions' answer carries environment
 * variables, whose values the collector redacts before they become evidence.
 */
export const ops = {
  listFunctions: awsOperation(ListFunctionsCommand, 'lambda:ListFunctions'),
  listFunctionUrlConfigs: awsOperation(ListFunctionUrlConfigsCommand, 'lambda:ListFunctionUrlConfigs'),
  getPolicy: awsOperation(GetPolicyCommand, 'lambda:GetPolicy'),
  listTags: awsOperation(ListTagsCommand, 'lambda:ListTags'),
};
