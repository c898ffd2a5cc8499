import { GetQueueAttributesCommand, ListQueuesCommand, ListQueueTagsCommand } from '@aws-sdk/client-sqs';
import { awsOperation } from '../../../kit';

/**
 * Every SQS call the collector makes: the guard allows exactly these, the access kit grants exactly
 * them. Nothing here reads or writes a message (ReceiveMessage and SendMessage stay refused).
 */
export const ops = {
  listQueues: awsOperation(ListQueuesCommand, 'sqs:ListQueues'),
  getQueueAttributes: awsOperation(GetQueueAttributesCommand, 'sqs:GetQueueAttributes'),
  listQueueTags: awsOperation(ListQueueTagsCommand, 'sqs:ListQueueTags'),
};
