import {
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
} from '@aws-sdk/client-sns';
import { awsOperation } from '../../../kit';

/**
 * Every SNS call the collector makes. Nothing here publishes, subscribes or lists subscriptions'
 * endpoints (which may be e-mail addresses or phone numbers).
 */
export const ops = {
  listTopics: awsOperation(ListTopicsCommand, 'sns:ListTopics'),
  getTopicAttributes: awsOperation(GetTopicAttributesCommand, 'sns:GetTopicAttributes'),
  listTagsForResource: awsOperation(ListTagsForResourceCommand, 'sns:ListTagsForResource'),
};
