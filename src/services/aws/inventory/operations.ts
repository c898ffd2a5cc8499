import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  SelectResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import {
  ListIndexesCommand,
  ListResourcesCommand,
  ResourceExplorer2Client,
} from '@aws-sdk/client-resource-explorer-2';
import { GetResourcesCommand } from '@aws-sdk/client-resource-groups-tagging-api';
import { awsOperation } from '../../../kit';

/**
 * The inventory's calls, per region, from three sources (ARNs, types and tags only, never content):
 * - Resource Explorer: ListIndexes (is there an index here, and an aggregator in the account?) and,
 *   where this region has one, ListResources through the region's default view. The API reference
 *   names resource-explorer-2:Search as ListResources' minimum permission.
 * - AWS Config: DescribeConfigurationRecorderStatus (is a recorder recording here?) and, where one
 *   is, SelectResourceConfig (an advanced query of the region's recorded resources).
 * - Resource Groups Tagging API GetResources: every resource that has or ever had a tag; a resource
 *   that was never tagged is not in its answer.
 */
export const ops = {
  listIndexes: awsOperation(ListIndexesCommand, 'resource-explorer-2:ListIndexes', {
    client: ResourceExplorer2Client,
  }),
  listResources: awsOperation(ListResourcesCommand, 'resource-explorer-2:Search', {
    client: ResourceExplorer2Client,
  }),
  describeConfigurationRecorderStatus: awsOperation(
    DescribeConfigurationRecorderStatusCommand,
    'config:DescribeConfigurationRecorderStatus',
    { client: ConfigServiceClient },
  ),
  selectResourceConfig: awsOperation(SelectResourceConfigCommand, 'config:SelectResourceConfig', {
    client: ConfigServiceClient,
  }),
  getResources: awsOperation(GetResourcesCommand, 'tag:GetResources'),
};
