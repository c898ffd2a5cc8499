import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
} from '@aws-sdk/client-cloudtrail';
import { awsOperation } from '../../../kit';

/** Every CloudTrail call the collector makes: the guard allows exactly these, the access kit grants exactly them. */
export const ops = {
  describeTrails: awsOperation(DescribeTrailsCommand, 'cloudtrail:DescribeTrails'),
  getTrailStatus: awsOperation(GetTrailStatusCommand, 'cloudtrail:GetTrailStatus'),
  getEventSelectors: awsOperation(GetEventSelectorsCommand, 'cloudtrail:GetEventSelectors'),
  listTags: awsOperation(ListTagsCommand, 'cloudtrail:ListTags'),
};
