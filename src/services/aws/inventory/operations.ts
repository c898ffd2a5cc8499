import { GetResourcesCommand } from '@aws-sdk/client-resource-groups-tagging-api';
import { awsOperation } from '../../../kit';

/**
 * The one call the inventory makes: Resource Groups Tagging API GetResources, per region, without
 * filters. It answers every resource of the region that has or ever had a tag (ARN and tags only,
 * never content); a resource that was never tagged is not in its answer.
 */
export const ops = {
  getResources: awsOperation(GetResourcesCommand, 'tag:GetResources'),
};
